// An evaluation data set laid out like ../shared/data/duc2003: DIR/clusters.txt names one cluster
// per line; DIR/<cluster>/docs/*.txt are its articles, DIR/<cluster>/refs/*.txt its human summaries.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "summarize/analysis.h"

namespace precis::eval {

struct Cluster {
  std::string name;
  std::vector<InputDocument> documents;  // by file name (see load_dataset)
  std::vector<std::string> reference_names;
  std::vector<std::string> references;
};

// Throws std::runtime_error naming the file when the layout is broken (missing directory, cluster
// without articles or references), so a bad run never looks like a bad score.
// Articles keep file-name (DOCNO) order, and get the date their DOCNO carries. DOCNO order is date
// order only within one agency (APW19981018 sorts before NYT19981017); the published baselines
// (../shared/data/README.md) were made in DOCNO order, so "earliest article" here means the first
// DOCNO, and the summarizer orders its sentences by the dates itself.
std::vector<Cluster> load_dataset(const std::string& dir);

// "APW19981017.0151" -> "1998-10-17"; "" when the name carries no plausible YYYYMMDD date.
std::string date_from_docno(std::string_view docno);

}  // namespace precis::eval
