#include "clean/line_features.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstring>

#include "text/blank.h"

namespace precis {
namespace {

// Classes of bytes, for the per-byte loops of split_lines and comparison_key (a table lookup
// instead of a chain of comparisons). Bytes from 0x80 have none.
enum : uint8_t { kSpace = 1, kLetter = 2 };
constexpr std::array<uint8_t, 256> kByteClass = [] {
  std::array<uint8_t, 256> t{};
  for (const char c : {' ', '\t', '\r', '\f', '\v'}) t[static_cast<unsigned char>(c)] = kSpace;
  for (int c = 'a'; c <= 'z'; ++c) t[c] = kLetter;
  for (int c = 'A'; c <= 'Z'; ++c) t[c] = kLetter;
  return t;
}();


// Decodes the code point at s[i] (s is valid UTF-8) and advances i.
UChar32 next_cp(std::string_view s, std::size_t* i) {
  UChar32 c;
  int32_t idx = static_cast<int32_t>(*i);
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), idx, static_cast<int32_t>(s.size()), c);
  *i = static_cast<std::size_t>(idx);
  return c;
}

// Up to four bytes of a word packed into an integer, first byte highest ("the" -> 0x746865): no
// word of letters and '.' contains a zero byte, so words of different lengths never collide.
constexpr uint32_t pack_word(std::string_view w) {
  uint32_t v = 0;
  for (const char c : w) v = v << 8 | static_cast<unsigned char>(c);
  return v;
}

// Words that stay lowercase in English title case (and their common cousins elsewhere), packed: a
// switch on an integer (a few comparisons, no loop) for every short word of every line.
bool is_minor_word(uint32_t packed) {
  switch (packed) {
    case pack_word("a"): case pack_word("an"): case pack_word("the"): case pack_word("of"):
    case pack_word("in"): case pack_word("on"): case pack_word("at"): case pack_word("to"):
    case pack_word("for"): case pack_word("and"): case pack_word("or"): case pack_word("but"):
    case pack_word("by"): case pack_word("with"): case pack_word("from"): case pack_word("as"):
    case pack_word("vs"): case pack_word("vs."): case pack_word("de"): case pack_word("la"):
    case pack_word("le"): case pack_word("des"): case pack_word("du"): case pack_word("del"):
    case pack_word("der"): case pack_word("die"): case pack_word("und"): case pack_word("y"):
    case pack_word("e"): case pack_word("et"): case pack_word("von"): case pack_word("van"):
    case pack_word("into"): case pack_word("over"): case pack_word("per"): case pack_word("via"):
    case pack_word("than"):
      return true;
    default:
      return false;
  }
}

bool ends_like_sentence(std::string_view t) {
  // Strip closing quotes/brackets, then look for . ! ? or the ellipsis.
  std::size_t e = t.size();
  for (;;) {
    if (e == 0) return false;
    const unsigned char c = static_cast<unsigned char>(t[e - 1]);
    if (c == '"' || c == '\'' || c == ')' || c == ']') { --e; continue; }
    // U+201D ” and U+2019 ’ (E2 80 9D / E2 80 99)
    if (e >= 3 && static_cast<unsigned char>(t[e - 3]) == 0xE2 && static_cast<unsigned char>(t[e - 2]) == 0x80 &&
        (c == 0x9D || c == 0x99)) { e -= 3; continue; }
    break;
  }
  const unsigned char c = static_cast<unsigned char>(t[e - 1]);
  if (c == '.' || c == '!' || c == '?') return true;
  // U+2026 … (E2 80 A6), U+3002 。, U+FF01 ！, U+FF1F ？
  if (e >= 3) {
    const auto b0 = static_cast<unsigned char>(t[e - 3]), b1 = static_cast<unsigned char>(t[e - 2]);
    if (b0 == 0xE2 && b1 == 0x80 && c == 0xA6) return true;
    if (b0 == 0xE3 && b1 == 0x80 && c == 0x82) return true;
    if (b0 == 0xEF && b1 == 0xBC && (c == 0x81 || c == 0x9F)) return true;
  }
  return false;
}

}  // namespace

// The key byte of an ASCII letter or digit (lowercased); 0 for any other byte.
constexpr std::array<char, 256> kKeyByte = [] {
  std::array<char, 256> t{};
  for (int c = '0'; c <= '9'; ++c) t[c] = static_cast<char>(c);
  for (int c = 'a'; c <= 'z'; ++c) t[c] = static_cast<char>(c);
  for (int c = 'A'; c <= 'Z'; ++c) t[c] = static_cast<char>(c - 'A' + 'a');
  return t;
}();

char key_byte(char c) { return kKeyByte[static_cast<unsigned char>(c)]; }

namespace {

// What split_lines needs of a line, from one pass over its bytes.
struct LineScan {
  std::string key;            // comparison_key(text)
  int words = 0;              // white-space separated words
  int content = 0;            // words whose first letter comes before any digit, minor ones aside
                              // (but the first word)
  int capital = 0;            // those of them that start with a capital
  bool starts_lower = false;  // the first word's first letter is lowercase
};

LineScan scan_line(std::string_view text) {
  LineScan s;
  // The key is written in place into a buffer the size of the text (no push_back per byte).
  // Invariant: the buffer has room for the key so far, a pending space and a byte per text byte
  // not yet read; a key is then never longer than its text, except where lowercasing lengthens a
  // letter ("Ⱥ" U+023A, two bytes, becomes "ⱥ" U+2C65, three): the buffer grows then.
  s.key = std::string(text.size(), '\0');
  char* out = &s.key[0];  // a local pointer: writes through key[] would reload the string's (a
                          // char store may alias it)
  std::size_t n = 0;
  bool pending_space = false;
  // The current word: its first letter, known once a letter or a digit is read (-1 for a digit),
  // and its ASCII letters (lowercased) and dots, packed while there are at most four of them.
  bool in_word = false, first_known = false;
  UChar32 first = -1;
  int kept = 0;
  uint32_t packed = 0;
  auto keep = [&](char c) {
    if (kept > 4) return;  // five is too many for a minor word already
    packed = packed << 8 | static_cast<unsigned char>(c);
    ++kept;
  };
  auto end_word = [&] {
    const bool ascii = first >= 0 && first < 0x80;  // ASCII letters without ICU
    const bool minor = first >= 0 && kept > 0 && kept <= 4 && is_minor_word(packed);
    if (s.words == 0) s.starts_lower = first >= 0 && (ascii ? (first >= 'a' && first <= 'z') : u_islower(first));
    if (first >= 0 && !(s.words > 0 && minor)) {
      ++s.content;
      if (ascii ? (first >= 'A' && first <= 'Z') : (u_isupper(first) || u_istitle(first))) ++s.capital;
    }
    ++s.words;
    in_word = first_known = false;
    first = -1;
    kept = 0;
    packed = 0;
  };
  std::size_t i = 0;
  while (i < text.size()) {
    const unsigned char b = static_cast<unsigned char>(text[i]);
    if (b < 0x80 && kKeyByte[b] == 0) {  // ASCII, not a letter or digit
      if (kByteClass[b] & kSpace) {
        if (in_word) end_word();
      } else {
        in_word = true;
        if (b == '.') keep('.');
      }
      if (b != '\'') pending_space = true;
      ++i;
      continue;
    }
    in_word = true;
    if (b < 0x80) {
      // A run of ASCII letters and digits (without ICU: the same result as below). Its first byte
      // may be the word's first letter (or digit); its letters, lowercased in the key, may belong to
      // a minor word.
      if (!first_known) {
        first_known = true;
        first = (kByteClass[b] & kLetter) ? b : -1;
        if (first < 0) kept = 5;  // a digit first: no minor word, nothing to keep
      }
      if (pending_space && n > 0) out[n++] = ' ';
      pending_space = false;
      const char* p = text.data() + i;
      const char* const end = text.data() + text.size();
      char* o = out + n;
      // The first bytes, while the word may still be a minor one: copied, and the letters kept.
      for (char k; kept <= 4 && p < end && (k = key_byte(*p)) != 0; ++p) {
        *o++ = k;
        if (k > '9') keep(k);  // a letter (digits are not kept)
      }
      for (char k; p < end && (k = key_byte(*p)) != 0; ++p) *o++ = k;  // the rest: copied
      i = static_cast<std::size_t>(p - text.data());
      n = static_cast<std::size_t>(o - out);
      continue;
    }
    // Decoded within the line rather than the word: the same, as a space is never a trail byte.
    const UChar32 c = next_cp(text, &i);
    if (!first_known && (u_isalpha(c) || u_isdigit(c))) {
      first_known = true;
      first = u_isalpha(c) ? c : -1;
      if (first < 0) kept = 5;  // a digit first: no minor word, nothing to keep
    }
    if (c >= 0 && (u_isalnum(c))) {
      const UChar32 l = u_tolower(c);
      char buf[4];
      int32_t len = 0;
      UBool err = false;
      U8_APPEND(reinterpret_cast<uint8_t*>(buf), len, 4, l, err);
      const std::size_t space = pending_space && n > 0;
      const std::size_t add = space + (err ? 0 : static_cast<std::size_t>(len));
      // Room for this and for the rest of the text at a byte each (see above).
      if (n + add + (text.size() - i) > s.key.size()) {
        s.key.resize(n + add + (text.size() - i));
        out = &s.key[0];
      }
      if (space) out[n++] = ' ';
      pending_space = false;
      if (!err) {
        std::copy(buf, buf + len, out + n);
        n += static_cast<std::size_t>(len);
      }
    } else if (c == '\'' || c == 0x2019) {
      // "Kerry's" and "Kerry’s" compare equal to "kerrys".
    } else {
      pending_space = true;
    }
  }
  if (in_word) end_word();
  s.key.resize(n);
  return s;
}

}  // namespace

std::string comparison_key(std::string_view text) { return scan_line(text).key; }

namespace {

constexpr uint64_t kOnes = 0x0101010101010101u, kHigh = 0x8080808080808080u, kSpaces = 0x2020202020202020u;

// 0x80 at the first space among eight bytes (the first in memory is the lowest), maybe more bits
// above it, or 0 without a space: a space is a zero byte once xor-ed with spaces, and the classic
// (v - 0x01..) & ~v & 0x80.. test finds the lowest zero byte exactly.
uint64_t first_space_bit(uint64_t eight_bytes) {
  static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__, "the first byte in memory must be the lowest");
  const uint64_t v = eight_bytes ^ kSpaces;
  return (v - kOnes) & ~v & kHigh;
}

std::size_t byte_index(uint64_t bit) { return static_cast<std::size_t>(__builtin_ctzll(bit) >> 3); }

// Where the first ' ' at or after `from` is (or s.size()), eight bytes at a time: key words are
// short, a memchr call costs more.
std::size_t next_space(std::string_view s, std::size_t from) {
  for (; from + 8 <= s.size(); from += 8) {
    uint64_t v;
    std::memcpy(&v, s.data() + from, 8);
    if (const uint64_t bit = first_space_bit(v)) return from + byte_index(bit);
  }
  while (from < s.size() && s[from] != ' ') ++from;
  return from;
}

}  // namespace

PhraseSet::PhraseSet(const std::vector<std::vector<std::string_view>>& lists) {
  for (std::size_t k = 0; k < lists.size() && k < 32; ++k) {
    for (const std::string_view p : lists[k]) phrases_.push_back(Phrase{p, uint32_t{1} << k});
  }
  std::stable_sort(phrases_.begin(), phrases_.end(), [](const Phrase& a, const Phrase& b) {
    return static_cast<unsigned char>(a.text[0]) < static_cast<unsigned char>(b.text[0]);
  });
  for (const Phrase& p : phrases_) {
    ++first_[static_cast<unsigned char>(p.text[0]) + 1];
    if (p.text.size() >= 3) {
      starts_.set(start_bit(p.text[0], p.text[1], p.text[2]));
    } else {  // a shorter phrase may be followed by any byte (or none: 0)
      for (int b = 0; b < 32; ++b) {
        for (int c = 0; c < 32; ++c) {
          starts_.set(start_bit(p.text[0], p.text.size() == 2 ? p.text[1] : static_cast<char>(b), static_cast<char>(c)));
        }
      }
    }
    all_lists_ |= p.list;
  }
  for (int b = 0; b < 256; ++b) first_[b + 1] += first_[b];
}

uint32_t PhraseSet::lists_in(std::string_view key) const {
  uint32_t found = 0;
  const std::size_t n = key.size();
  for (std::size_t start = 0; start < n;) {
    // Eight bytes from the word start at once where there are: its first three bytes and, most
    // often, the space after it.
    uint64_t eight = 0;
    const bool whole = start + 8 <= n;
    if (whole) std::memcpy(&eight, key.data() + start, 8);
    const char b1 = whole ? static_cast<char>(eight >> 8) : start + 1 < n ? key[start + 1] : '\0';
    const char b2 = whole ? static_cast<char>(eight >> 16) : start + 2 < n ? key[start + 2] : '\0';
    // Most words start no phrase: their first three bytes rule them out with one bit.
    if (starts_.test(start_bit(key[start], b1, b2))) {
      const auto b = static_cast<unsigned char>(key[start]);
      for (uint32_t i = first_[b]; i < first_[b + 1]; ++i) {
        const std::string_view p = phrases_[i].text;
        const std::size_t stop = start + p.size();
        // The second byte first, inline: most candidates differ there (no memcmp call for them).
        if (stop <= n && (p.size() < 2 || key[start + 1] == p[1]) && key.compare(start, p.size(), p) == 0 &&
            (stop == n || key[stop] == ' ')) {
          found |= phrases_[i].list;
          if (found == all_lists_) return found;  // nothing more to learn
        }
      }
    }
    const uint64_t space = whole ? first_space_bit(eight) : 0;
    start = (space ? start + byte_index(space) : next_space(key, start)) + 1;
  }
  return found;
}

std::vector<Line> split_lines(std::string_view text) {
  std::vector<Line> lines;
  bool blank_before = true;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) nl = text.size();
    // Trimmed as sentences are (NBSP and the Unicode spaces too): a kept block starts and ends
    // with its text, whatever spaces a page put around a paragraph.
    const Span trimmed = trim_blank(text, Span{start, nl});
    const std::size_t b = trimmed.begin, e = trimmed.end;
    if (b < e) {
      Line line;
      line.span = Span{b, e};
      line.text = text.substr(b, e - b);
      line.blank_before = blank_before;
      line.terminal = ends_like_sentence(line.text);
      LineScan scan = scan_line(line.text);
      line.key = std::move(scan.key);
      line.words = scan.words;
      line.starts_lower = scan.starts_lower;
      line.title_case = scan.content ? static_cast<double>(scan.capital) / scan.content : 0.0;
      lines.push_back(std::move(line));
      blank_before = false;
    } else {
      blank_before = true;
    }
    if (nl == text.size()) break;
    start = nl + 1;
  }
  return lines;
}

}  // namespace precis
