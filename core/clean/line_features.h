// Surface features of one line of pasted text: what the text itself shows about whether it is
// article prose or page furniture (length, final punctuation, title case, vocabulary).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "text/span.h"

namespace precis {

struct Line {
  Span span;                 // trimmed line in the document text
  std::string_view text;     // the same bytes
  int words = 0;             // white-space separated words (a count: a vector per line cost a
                             // quarter of the memory of large requests)
  std::string key;           // lowercased letters and digits only, single spaces: for comparisons
  bool blank_before = false; // a blank line (or the start) precedes it
  bool terminal = false;     // ends like a sentence: . ! ? … optionally followed by quotes/brackets
  double title_case = 0.0;   // share of content words that start with a capital letter
  bool starts_lower = false; // first letter is lowercase (a wrapped continuation)
  int word_count() const { return words; }
};

// Splits `text` into non-blank lines with their features.
std::vector<Line> split_lines(std::string_view text);

// Lowercased, letters/digits only, single-spaced form used to compare lines.
std::string comparison_key(std::string_view text);

// True if the case-insensitive `needle` (ASCII or UTF-8, given lowercase) occurs in `key`
// on word boundaries.
bool key_has_phrase(const std::string& key, std::string_view phrase);

}  // namespace precis
