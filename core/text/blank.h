// Blank code points: what every span (a line, a kept block, a sentence) is trimmed of, so that no
// span Précis reports starts or ends with white space. ASCII white space, NBSP U+00A0, the spaces
// U+2000..U+200B and the ideographic space U+3000: the ones news text and web pages carry.
#pragma once

#include <cstddef>
#include <string_view>

#include "text/span.h"

namespace precis {

// Byte length of the blank code point at text[i] (i < text.size()), or 0.
inline std::size_t blank_length_at(std::string_view text, std::size_t i) {
  const auto at = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char b = at(i);
  if (b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f' || b == '\v') return 1;
  if (b == 0xC2 && i + 1 < text.size() && at(i + 1) == 0xA0) return 2;
  if (b == 0xE2 && i + 2 < text.size() && at(i + 1) == 0x80 && at(i + 2) <= 0x8B) return 3;
  if (b == 0xE3 && i + 2 < text.size() && at(i + 1) == 0x80 && at(i + 2) == 0x80) return 3;
  return 0;
}

// `s` without the blank code points at either end (empty if it holds nothing else).
inline Span trim_blank(std::string_view text, Span s) {
  while (s.begin < s.end) {
    const std::size_t n = blank_length_at(text, s.begin);
    if (n == 0) break;
    s.begin += n;
  }
  while (s.end > s.begin) {
    std::size_t p = s.end - 1;  // the start of the last code point
    while (p > s.begin && (static_cast<unsigned char>(text[p]) & 0xC0) == 0x80) --p;
    if (blank_length_at(text, p) == 0) break;
    s.end = p;
  }
  return s;
}

}  // namespace precis
