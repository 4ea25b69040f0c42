#include "text/utf8.h"

#include <algorithm>
#include <cstring>

namespace precis {
namespace {

// The end of the run of ASCII bytes of s starting at `from`, looked for no further than `stop`
// (<= s.size()): eight bytes at a time (no high bit in a 64-bit word), then a byte at a time. Most
// text is mostly ASCII.
std::size_t ascii_run_end(std::string_view s, std::size_t from, std::size_t stop) {
  constexpr uint64_t kHigh = 0x8080808080808080u;
  for (uint64_t v; from + 8 <= stop; from += 8) {
    std::memcpy(&v, s.data() + from, 8);
    if (v & kHigh) break;
  }
  while (from < stop && static_cast<unsigned char>(s[from]) < 0x80) ++from;
  return from;
}

// Length of the valid UTF-8 sequence at s[i], or 0 if the bytes there are not a valid sequence.
// Follows the well-formed byte sequence table of the Unicode Standard (table 3-7), which rejects
// overlongs, surrogates and code points above U+10FFFF.
std::size_t valid_sequence_at(std::string_view s, std::size_t i, std::size_t* maximal_subpart) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char b0 = byte(i);
  *maximal_subpart = 1;
  if (b0 < 0x80) return 1;
  std::size_t need;
  unsigned char lo = 0x80, hi = 0xBF;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    need = 1;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    need = 2;
    if (b0 == 0xE0) lo = 0xA0;
    if (b0 == 0xED) hi = 0x9F;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    need = 3;
    if (b0 == 0xF0) lo = 0x90;
    if (b0 == 0xF4) hi = 0x8F;
  } else {
    return 0;
  }
  for (std::size_t k = 1; k <= need; ++k) {
    if (i + k >= s.size()) return 0;
    const unsigned char b = byte(i + k);
    const unsigned char l = (k == 1) ? lo : 0x80;
    const unsigned char h = (k == 1) ? hi : 0xBF;
    if (b < l || b > h) return 0;
    *maximal_subpart = k + 1;  // bytes consumed so far form a prefix of a valid sequence
  }
  return need + 1;
}

}  // namespace

Utf8Repair repair_utf8(std::string_view input) {
  Utf8Repair out;
  out.text.reserve(input.size());
  std::size_t i = 0;
  while (i < input.size()) {
    // Fast path for ASCII runs.
    if (static_cast<unsigned char>(input[i]) < 0x80) {
      const std::size_t j = ascii_run_end(input, i, input.size());
      out.text.append(input.data() + i, j - i);
      i = j;
      continue;
    }
    std::size_t subpart = 1;
    const std::size_t n = valid_sequence_at(input, i, &subpart);
    if (n > 0) {
      out.text.append(input.data() + i, n);
      i += n;
    } else {
      out.invalid_at.push_back(i);
      out.text.append("\xEF\xBF\xBD");
      // A truncated but well-started sequence is one error (its maximal subpart); otherwise one byte.
      i += subpart;
    }
  }
  return out;
}

bool is_valid_utf8(std::string_view input) {
  std::size_t i = 0, sub = 0;
  while (i < input.size()) {
    const std::size_t n = valid_sequence_at(input, i, &sub);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

Utf16OffsetMap::Utf16OffsetMap(std::string_view utf8) : text_(utf8) {
  checkpoint_bytes_.reserve(utf8.size() / kStride + 2);
  checkpoints_.reserve(utf8.size() / kStride + 2);
  std::size_t units = 0;
  std::size_t next_checkpoint = 0;
  std::size_t i = 0;
  while (i < utf8.size()) {
    if (i >= next_checkpoint) {
      checkpoint_bytes_.push_back(i);
      checkpoints_.push_back(units);
      next_checkpoint = i + kStride;
    }
    // ASCII bytes, a unit each, up to the next checkpoint (each is a sequence start: the checkpoint
    // falls where it would a byte at a time).
    const std::size_t ascii_end = ascii_run_end(utf8, i, std::min(utf8.size(), next_checkpoint));
    if (ascii_end > i) {
      units += ascii_end - i;
      i = ascii_end;
      continue;
    }
    const std::size_t len = utf8_sequence_length(static_cast<unsigned char>(utf8[i]));
    units += (len == 4) ? 2 : 1;
    i += len;
  }
  checkpoint_bytes_.push_back(utf8.size() + 1);  // sentinel past the end
  checkpoints_.push_back(units);
}

std::size_t Utf16OffsetMap::to_utf16(std::size_t byte_offset) const {
  // Largest checkpoint <= byte_offset (checkpoints are roughly every kStride bytes).
  std::size_t k = byte_offset / kStride;
  if (k >= checkpoint_bytes_.size()) k = checkpoint_bytes_.size() - 1;
  while (k > 0 && checkpoint_bytes_[k] > byte_offset) --k;
  while (k + 1 < checkpoint_bytes_.size() && checkpoint_bytes_[k + 1] <= byte_offset) ++k;
  std::size_t i = checkpoint_bytes_[k];
  std::size_t units = checkpoints_[k];
  if (i > text_.size()) return units;
  while (i < byte_offset && i < text_.size()) {
    const std::size_t ascii_end = ascii_run_end(text_, i, std::min(byte_offset, text_.size()));
    if (ascii_end > i) {  // a unit per ASCII byte
      units += ascii_end - i;
      i = ascii_end;
      continue;
    }
    const std::size_t len = utf8_sequence_length(static_cast<unsigned char>(text_[i]));
    units += (len == 4) ? 2 : 1;
    i += len;
  }
  return units;
}

}  // namespace precis
