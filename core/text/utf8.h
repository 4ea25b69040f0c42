// UTF-8 validation and repair, and UTF-8 <-> UTF-16 offset mapping.
//
// Every offset Précis reports points into the document text *after* repair. When the input was
// valid UTF-8 (the normal case) that is the input itself, byte for byte. Invalid sequences are
// replaced by U+FFFD and reported, so a bad byte never crashes anything and never silently
// vanishes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace precis {

struct Utf8Repair {
  std::string text;                       // valid UTF-8
  std::vector<std::size_t> invalid_at;    // byte offsets in the *input* of each replaced sequence
  bool changed() const { return !invalid_at.empty(); }
};

// Replaces each maximal invalid subsequence (per the Unicode "substitution of maximal subparts"
// practice, as ICU and browsers do) with U+FFFD. NUL bytes are kept: they are valid UTF-8.
Utf8Repair repair_utf8(std::string_view input);

bool is_valid_utf8(std::string_view input);

// Length in bytes of the UTF-8 sequence starting with lead byte `b` (1 for invalid leads).
inline std::size_t utf8_sequence_length(unsigned char b) {
  if (b < 0x80) return 1;
  if ((b >> 5) == 0x6) return 2;
  if ((b >> 4) == 0xE) return 3;
  if ((b >> 3) == 0x1E) return 4;
  return 1;
}

// Every byte below 0x80 (pure ASCII text: the common case that fast paths test for).
inline bool is_ascii(std::string_view text) {
  unsigned char any = 0;
  for (const char c : text) any |= static_cast<unsigned char>(c);
  return any < 0x80;
}

// Decodes UTF-8 `text` into one class per code point, class_of(code point), and the byte offset
// where each begins (plus the end): the form the rule-based breakers (word_break, sentence_break)
// scan when a text is not pure ASCII. Returns false when class_of gives `declined`, and on
// anything but well-formed one- to three-byte sequences (four-byte ones, malformed bytes,
// overlong forms, surrogates): such text is left to ICU.
template <typename ClassOf>
bool classify_code_points(std::string_view text, ClassOf class_of, uint8_t declined, std::vector<uint8_t>* classes,
                          std::vector<uint32_t>* offsets) {
  classes->clear();
  offsets->clear();
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    offsets->push_back(static_cast<uint32_t>(i));
    const unsigned char b = s[i];
    char32_t c;
    std::size_t len;
    if (b < 0x80) { c = b; len = 1; }
    else if ((b & 0xE0) == 0xC0) { c = b & 0x1F; len = 2; }
    else if ((b & 0xF0) == 0xE0) { c = b & 0x0F; len = 3; }
    else return false;
    if (i + len > n) return false;
    for (std::size_t k = 1; k < len; ++k) {
      if ((s[i + k] & 0xC0) != 0x80) return false;
      c = (c << 6) | (s[i + k] & 0x3F);
    }
    if ((len == 2 && c < 0x80) || (len == 3 && (c < 0x800 || (c >= 0xD800 && c <= 0xDFFF)))) return false;
    const uint8_t k = static_cast<uint8_t>(class_of(c));
    if (k == declined) return false;
    classes->push_back(k);
    i += len;
  }
  offsets->push_back(static_cast<uint32_t>(n));
  return true;
}

// Unicode White_Space (the set ICU's u_isUWhiteSpace tests; unchanged since Unicode 6.3), spelled
// out: in wasm, u_isUWhiteSpace alone would link ICU's property-vector tables (~94 KB of the
// module). tests/unit/utf8_test.cpp checks it against ICU for every code point.
inline bool is_white_space(int32_t c) {
  if (c < 0x80) return (c >= 0x09 && c <= 0x0D) || c == 0x20;
  return c == 0x85 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 ||
         c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
}

// Maps byte offsets of a valid UTF-8 string to UTF-16 code-unit offsets (JavaScript string
// indices) in O(1) memory per 256 bytes and O(256) time per lookup.
class Utf16OffsetMap {
 public:
  explicit Utf16OffsetMap(std::string_view utf8);
  // `byte_offset` must be <= size and on a code-point boundary.
  std::size_t to_utf16(std::size_t byte_offset) const;

 private:
  static constexpr std::size_t kStride = 256;
  std::string_view text_;
  std::vector<std::size_t> checkpoints_;  // UTF-16 offset at byte k * kStride (rounded to a boundary)
  std::vector<std::size_t> checkpoint_bytes_;
};

}  // namespace precis
