// The metric of the Article Extraction Benchmark (../shared/data/aeb/README.md), exactly:
// tokens are the matches of \w+ (Unicode, as Python's re), shingles are runs of 4 consecutive
// tokens (a text with 1-3 tokens gives one shorter shingle, an empty text none), and each page
// gives tp/fp/fn from the multisets of shingles, normalised by their sum.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace precis::eval {

// The \w+ tokens of `text` (a letter, number or '_' per Python's str.isalnum() semantics).
std::vector<std::string> word_tokens(std::string_view text);

struct ShingleMatch {
  double tp = 0, fp = 0, fn = 0;  // normalised: tp + fp + fn == 1 unless all are 0
};

ShingleMatch match_shingles(std::string_view gold, std::string_view predicted, int n = 4);

// Per-page precision and recall as the benchmark defines them; `counts` is false for a page the
// mean skips (precision: tp + fp == 0; recall: tp + fn == 0).
double page_precision(const ShingleMatch& m, bool* counts);
double page_recall(const ShingleMatch& m, bool* counts);

struct Scores {
  double precision = 0, recall = 0, f1 = 0;
  int pages = 0;
};
Scores aggregate(const std::vector<ShingleMatch>& pages);

}  // namespace precis::eval
