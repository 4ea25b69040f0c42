// Word boundaries (UAX #29, exactly as ICU 72's word rules draw them) for text written only in
// ASCII, Latin letters up to U+024F and the usual typographic punctuation: most news text.
//
// Why not ICU for everything: ICU's rule-driven iterator needs the text in UTF-16 and walks a
// state table per code point; for this repertoire the rules reduce to a few comparisons of
// neighbouring character classes, which is several times faster (natively and above all in wasm,
// where ICU is built for size). Any other code point (CJK, Thai, combining marks, emoji, soft
// hyphens, ...) makes fast_word_spans() decline, and the caller uses ICU. Equality with ICU is a
// unit test (every supported code point's class, every short string over the classes) and a fuzz
// invariant (fuzz_segment).
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace precis {

struct WordSpan {
  uint32_t begin = 0;  // bytes in the text given
  uint32_t end = 0;
  bool is_number = false;  // ICU's UBRK_WORD_NUMBER status: digits (possibly with , . ' inside)
};

// Appends the word tokens of `text` (ICU rule status letter or number; spaces, punctuation and
// lone underscores are not words) to `out` and returns true; or returns false, appending nothing,
// when `text` holds a code point this breaker does not cover (or is over 4 GiB).
bool fast_word_spans(std::string_view text, std::vector<WordSpan>* out);

// For tests: the code points fast_word_spans() covers besides ASCII, as inclusive ranges.
struct CodePointRange {
  char32_t first;
  char32_t last;
};
std::vector<CodePointRange> fast_word_break_repertoire();

}  // namespace precis
