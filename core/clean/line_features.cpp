#include "clean/line_features.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstring>

namespace precis {
namespace {

// Classes of bytes, for the per-byte loops of split_lines and comparison_key (a table lookup
// instead of a chain of comparisons). Bytes from 0x80 have none.
enum : uint8_t { kSpace = 1, kLetter = 2, kDigit = 4, kLetterOrDot = 8 };
constexpr std::array<uint8_t, 256> kByteClass = [] {
  std::array<uint8_t, 256> t{};
  for (const char c : {' ', '\t', '\r', '\f', '\v'}) t[static_cast<unsigned char>(c)] = kSpace;
  for (int c = 'a'; c <= 'z'; ++c) t[c] = kLetter | kLetterOrDot;
  for (int c = 'A'; c <= 'Z'; ++c) t[c] = kLetter | kLetterOrDot;
  for (int c = '0'; c <= '9'; ++c) t[c] = kDigit;
  t['.'] = kLetterOrDot;
  return t;
}();

uint8_t byte_class(char c) { return kByteClass[static_cast<unsigned char>(c)]; }
bool is_space(char c) { return byte_class(c) & kSpace; }

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

// Words that stay lowercase in English title case (and their common cousins elsewhere), packed and
// sorted: a word is looked up with a binary search on integers (this runs for every short word of
// every line).
const std::array<uint32_t, 37>& minor_words() {
  static const std::array<uint32_t, 37> sorted = [] {
    constexpr std::string_view kMinor[] = {"a", "an", "the", "of", "in", "on", "at", "to", "for", "and",
                                           "or", "but", "by", "with", "from", "as", "vs", "vs.", "de",
                                           "la", "le", "des", "du", "del", "der", "die", "und", "y", "e",
                                           "et", "von", "van", "into", "over", "per", "via", "than"};
    std::array<uint32_t, 37> packed{};
    for (std::size_t i = 0; i < packed.size(); ++i) packed[i] = pack_word(kMinor[i]);
    std::sort(packed.begin(), packed.end());
    return packed;
  }();
  return sorted;
}

// What split_lines needs of one white-space separated word.
struct WordScan {
  std::size_t end = 0;  // where the word ends (a space or the end of the line)
  UChar32 first = -1;   // its first letter, or -1 when a digit (or nothing) comes first
  bool minor = false;   // (only when first >= 0) a minor word ("The", "(of", "vs.") once lowercased
                        // with everything but ASCII letters and '.' dropped
};

// The first letter in line[i, end) (a word), or -1 when a digit or nothing comes first.
UChar32 first_letter(std::string_view line, std::size_t i, std::size_t end) {
  while (i < end) {
    const unsigned char b = static_cast<unsigned char>(line[i]);
    if (b < 0x80) {  // ASCII without ICU: most words of most text
      const uint8_t cls = kByteClass[b];
      if (cls & kLetter) return b;
      if (cls & kDigit) return -1;
      ++i;
      continue;
    }
    // Decoded within the line rather than the word: the same, as a space is never a trail byte.
    const UChar32 c = next_cp(line, &i);
    if (u_isalpha(c)) return c;
    if (u_isdigit(c)) return -1;
  }
  return -1;
}

// The word starting at line[i] (not a space). One pass finds its end and whether all its bytes are
// ASCII letters or dots; the first letter is usually its first byte; only a word of four bytes or
// fewer, or with other bytes in it ("(The", "“of”", "and,"), is read again for the minor-word test.
WordScan scan_word(std::string_view line, std::size_t i) {
  WordScan w;
  uint8_t all = kLetterOrDot;
  std::size_t end = i;
  for (; end < line.size(); ++end) {
    const uint8_t cls = byte_class(line[end]);
    if (cls & kSpace) break;
    all &= cls;
  }
  w.end = end;
  w.first = first_letter(line, i, end);
  if (w.first < 0 || (end - i > 4 && (all & kLetterOrDot))) return w;  // five letters or more: not minor
  // The word's ASCII letters (lowercased: '.' has the 0x20 bit already) and dots, packed.
  uint32_t packed = 0;
  int kept = 0;
  for (std::size_t j = i; j < end; ++j) {
    const unsigned char b = static_cast<unsigned char>(line[j]);
    if (!(kByteClass[b] & kLetterOrDot)) continue;
    if (++kept > 4) return w;  // longer than any minor word
    packed = packed << 8 | (b | 0x20u);
  }
  w.minor = kept > 0 && std::binary_search(minor_words().begin(), minor_words().end(), packed);
  return w;
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

std::string comparison_key(std::string_view text) {
  // Written in place into a buffer the size of the text (no push_back per byte). Invariant: the
  // buffer has room for the key so far, a pending space and a byte per text byte not yet read; a key
  // is then never longer than its text, except where lowercasing lengthens a letter ("Ⱥ" U+023A,
  // two bytes, becomes "ⱥ" U+2C65, three): the buffer grows then.
  std::string key(text.size(), '\0');
  char* out = &key[0];  // a local pointer: writes through key[] would reload the string's (a char
                        // store may alias it)
  std::size_t n = 0;
  std::size_t i = 0;
  bool pending_space = false;
  while (i < text.size()) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {  // ASCII without ICU (same result as below)
      if (key_byte(text[i]) == 0) {
        if (text[i] != '\'') pending_space = true;
        ++i;
        continue;
      }
      if (pending_space && n > 0) out[n++] = ' ';
      pending_space = false;
      // The whole run of letters and digits.
      const char* p = text.data() + i;
      const char* const end = text.data() + text.size();
      char* o = out + n;
      for (char k; p < end && (k = key_byte(*p)) != 0; ++p) *o++ = k;
      i = static_cast<std::size_t>(p - text.data());
      n = static_cast<std::size_t>(o - out);
      continue;
    }
    const UChar32 c = next_cp(text, &i);
    if (c >= 0 && (u_isalnum(c))) {
      const UChar32 l = u_tolower(c);
      char buf[4];
      int32_t len = 0;
      UBool err = false;
      U8_APPEND(reinterpret_cast<uint8_t*>(buf), len, 4, l, err);
      const std::size_t space = pending_space && n > 0;
      const std::size_t add = space + (err ? 0 : static_cast<std::size_t>(len));
      // Room for this and for the rest of the text at a byte each (see above).
      if (n + add + (text.size() - i) > key.size()) {
        key.resize(n + add + (text.size() - i));
        out = &key[0];
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
  key.resize(n);
  return key;
}

namespace {

// Where the first ' ' at or after `from` is (or s.size()), eight bytes at a time: a space is a zero
// byte once the bytes are xor-ed with spaces, and the lowest zero byte is found exactly by the
// classic (v - 0x01..) & ~v & 0x80.. test. Key words are short: a memchr call costs more.
std::size_t next_space(std::string_view s, std::size_t from) {
  static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__, "the first byte in memory must be the lowest");
  constexpr uint64_t kOnes = 0x0101010101010101u, kHigh = 0x8080808080808080u, kSpaces = 0x2020202020202020u;
  for (; from + 8 <= s.size(); from += 8) {
    uint64_t v;
    std::memcpy(&v, s.data() + from, 8);
    v ^= kSpaces;
    const uint64_t zero = (v - kOnes) & ~v & kHigh;
    if (zero != 0) return from + static_cast<std::size_t>(__builtin_ctzll(zero) >> 3);
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
    // Most words start no phrase: their first three bytes rule them out with one bit.
    if (starts_.test(start_bit(key[start], start + 1 < n ? key[start + 1] : '\0', start + 2 < n ? key[start + 2] : '\0'))) {
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
    start = next_space(key, start) + 1;
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
    std::size_t b = start, e = nl;
    while (b < e && is_space(text[b])) ++b;
    while (e > b && is_space(text[e - 1])) --e;
    // Non-breaking spaces (C2 A0) at either end count as blank too.
    while (e - b >= 2 && static_cast<unsigned char>(text[b]) == 0xC2 && static_cast<unsigned char>(text[b + 1]) == 0xA0) b += 2;
    while (e - b >= 2 && static_cast<unsigned char>(text[e - 2]) == 0xC2 && static_cast<unsigned char>(text[e - 1]) == 0xA0) e -= 2;
    if (b < e) {
      Line line;
      line.span = Span{b, e};
      line.text = text.substr(b, e - b);
      line.blank_before = blank_before;
      line.key = comparison_key(line.text);
      line.terminal = ends_like_sentence(line.text);
      int content = 0, capital = 0;
      const std::string_view t = line.text;
      for (std::size_t i = 0; i < t.size();) {
        while (i < t.size() && is_space(t[i])) ++i;
        if (i == t.size()) break;
        const WordScan w = scan_word(t, i);
        const UChar32 c = w.first;
        const bool ascii = c >= 0 && c < 0x80;  // ASCII letters without ICU
        if (line.words == 0) line.starts_lower = c >= 0 && (ascii ? (c >= 'a' && c <= 'z') : u_islower(c));
        if (c >= 0 && !(line.words > 0 && w.minor)) {
          ++content;
          if (ascii ? (c >= 'A' && c <= 'Z') : (u_isupper(c) || u_istitle(c))) ++capital;
        }
        ++line.words;
        i = w.end;
      }
      line.title_case = content ? static_cast<double>(capital) / content : 0.0;
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
