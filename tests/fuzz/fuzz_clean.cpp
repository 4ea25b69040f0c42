// libFuzzer target: plain-text cleaning (core/clean/plain_text_cleaner.h).
//
// The input (repaired to UTF-8 first, as the API does) is one article, or several separated by
// U+001E RECORD SEPARATOR; with several, the first is used as the caller's title and the rest are
// cleaned together (lines shared across articles). Checks: kept blocks and removed spans are in
// bounds, on code-point boundaries, trimmed, disjoint, and cover every non-blank byte (cleaning
// hides, never deletes); datelines lie within their line.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "clean/line_features.h"
#include "clean/plain_text_cleaner.h"
#include "fuzz_check.h"
#include "invariants.h"
#include "text/utf8.h"

using namespace precis;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text = repair_utf8(std::string_view(reinterpret_cast<const char*>(data), size)).text;

  // One article, default options.
  const CleanedText whole = clean_plain_text(text, CleanOptions{});
  fuzz::require(invariants::check_cleaned(text, whole));

  // Several articles with a given title and shared lines.
  std::vector<std::string_view> parts;
  for (std::size_t start = 0;;) {
    const std::size_t sep = text.find('\x1e', start);
    parts.push_back(std::string_view(text).substr(start, sep == std::string::npos ? std::string::npos : sep - start));
    if (sep == std::string::npos) break;
    start = sep + 1;
  }
  if (parts.size() >= 2) {
    const std::vector<std::string_view> docs(parts.begin() + 1, parts.end());
    const SharedLines shared = count_shared_lines(docs);
    CleanOptions options;
    options.given_title = std::string(parts[0]);
    options.shared_lines = &shared;
    for (const std::string_view doc : docs) {
      const CleanedText c = clean_plain_text(doc, options);
      fuzz::require(invariants::check_cleaned(doc, c));
    }
  }

  for (const Line& l : split_lines(text)) {
    fuzz::require(l.span.end <= text.size() && l.text == l.span.of(text), "split_lines: line text is not its span");
    fuzz::require(dateline_prefix_length(l.text) <= l.text.size(), "dateline longer than its line");
    fuzz::require(is_valid_utf8(l.key), "comparison key is not valid UTF-8");
  }
  return 0;
}
