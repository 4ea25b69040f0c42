// The JSON API's responses (schema in README.md), written from the summarizer's result (json_api.cpp
// parses and checks requests).
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <utility>
#include <vector>

#include "summarize/summarizer.h"

namespace precis {

// The whole response to a summary request: summary, documents (key sentences, removed spans),
// stats, warnings (`warnings` holds those found before summarizing). Releases the analysis'
// memory document by document as it writes. Throws only std::bad_alloc.
std::string summary_response(SummaryResult result, const std::vector<char>& from_html, nlohmann::json warnings);

// The response to options.extract_only: each document's text as the summarizer would read it.
std::string extract_only_response(const std::vector<InputDocument>& documents, const std::vector<char>& from_html,
                                  const std::vector<std::pair<int, int>>& html_blocks);

}  // namespace precis
