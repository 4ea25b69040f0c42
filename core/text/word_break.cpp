#include "text/word_break.h"

#include <limits>

#include "text/utf8.h"

namespace precis {
namespace {

// The Word_Break classes that matter for word tokens. Single_Quote acts as MidNumLet in every
// rule without Hebrew letters; ICU's root rules take ':' out of MidLetter (Finnish and Swedish
// put it back, which is why Segmenter keeps ICU for them), and no other MidLetter is covered;
// CR, LF, Newline, WSegSpace, Double_Quote and Other never join a letter or digit (no Extend or
// Format character can occur: they are outside the repertoire).
enum Class : uint8_t {
  kOther,
  kLetter,        // ALetter, and '@'
  kNumeric,
  kMidNum,        // ',' ';'
  kMidNumLet,     // '.' '\'' U+2018 U+2019
  kExtendNumLet,  // '_'
  kUnsupported,
};

constexpr Class ascii_class(unsigned char b) {
  // ICU's root rules count '@' as a letter: "user@example" stays one word.
  if ((b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || b == '@') return kLetter;
  if (b >= '0' && b <= '9') return kNumeric;
  switch (b) {
    case ',': case ';': return kMidNum;
    case '.': case '\'': return kMidNumLet;
    case '_': return kExtendNumLet;
    default: return kOther;
  }
}

struct AsciiTable {
  Class of[128];
  constexpr AsciiTable() : of{} {
    for (int b = 0; b < 128; ++b) of[b] = ascii_class(static_cast<unsigned char>(b));
  }
};
constexpr AsciiTable kAscii;

// ASCII by the table; beyond, Latin-1 and Latin Extended-A/B letters (all ALetter but the two
// signs) and the typographic punctuation of news text. Keep in step with
// fast_word_break_repertoire().
Class class_of(char32_t c) {
  if (c < 0x80) return kAscii.of[c];
  if (c >= 0xC0 && c <= 0x24F) return (c == 0xD7 || c == 0xF7) ? kOther : kLetter;
  switch (c) {
    case 0x2018: case 0x2019: return kMidNumLet;  // typographic apostrophes
    case 0xA0: case 0xAB: case 0xBB:              // no-break space, guillemets
    case 0x2013: case 0x2014: case 0x2022: case 0x2026:  // dashes, bullet, ellipsis
    case 0x201C: case 0x201D:                     // typographic double quotes
      return kOther;
    default: return kUnsupported;
  }
}

bool letter_or_digit(uint8_t c) { return static_cast<uint8_t>(c - kLetter) <= kNumeric - kLetter; }

// The scan over code points 0..n-1, whose classes and byte offsets `text` gives (cls(j), at(j);
// at(n) is the end): one class per byte for ASCII text, decoded classes otherwise.
template <typename Text>
void scan(const Text& text, std::size_t n, std::vector<WordSpan>* out) {
  // No boundary between code points j-1 and j (rules WB5-WB13b of UAX #29 for these classes).
  // WB7 and WB11 (a middle character, then the letter or digit it was joined for) are decided
  // with WB6 and WB12: the scan only reaches them through a joined middle character.
  auto joined = [&](std::size_t j) {
    const uint8_t a = text.cls(j - 1), b = text.cls(j);
    if (b == kExtendNumLet) return letter_or_digit(a) || a == kExtendNumLet;  // WB13a
    if (a == kExtendNumLet) return letter_or_digit(b);                         // WB13b
    if (letter_or_digit(a) && letter_or_digit(b)) return true;                // WB5, 8, 9, 10
    if (b == kMidNumLet || b == kMidNum) {                                     // WB6, WB12
      const uint8_t after = j + 1 < n ? text.cls(j + 1) : static_cast<uint8_t>(kOther);
      return (a == kLetter && b == kMidNumLet && after == kLetter) || (a == kNumeric && after == kNumeric);
    }
    if (a == kMidNumLet || a == kMidNum) {                                     // WB7, WB11
      const uint8_t before = j >= 2 ? text.cls(j - 2) : static_cast<uint8_t>(kOther);
      return (b == kLetter && a == kMidNumLet && before == kLetter) || (b == kNumeric && before == kNumeric);
    }
    return false;
  };
  std::size_t i = 0;
  while (i < n) {
    const uint8_t c = text.cls(i);
    if (!letter_or_digit(c) && c != kExtendNumLet) {
      ++i;  // punctuation or space: a token of its own, never a word
      continue;
    }
    std::size_t j = i + 1;
    uint8_t before = c;  // the class of code point j - 1
    while (j < n) {
      const uint8_t b = text.cls(j);
      // Letters and digits next to letters and digits (WB5, 8, 9, 10): most of every word, one
      // lookup per character; the other rules only where the run meets something else.
      if (!(letter_or_digit(before) && letter_or_digit(b)) && !joined(j)) break;
      before = b;
      ++j;
    }
    // ICU's rule status: the tag of the rule the token ends with, which its last code point
    // decides (root word rules: {200} after a letter, {100} after a digit, so "a7" is a number;
    // '_' {200}, or {100} right after a digit; a lone '_' is no word).
    const uint8_t last = text.cls(j - 1);
    int status = 0;
    if (last == kLetter) status = 200;
    else if (last == kNumeric) status = 100;
    else if (j - i > 1) status = text.cls(j - 2) == kNumeric ? 100 : 200;  // '_' after something
    if (status >= 100) out->push_back(WordSpan{text.at(i), text.at(j), status < 200});
    i = j;
  }
}

struct AsciiText {
  const unsigned char* s;
  uint8_t cls(std::size_t j) const { return kAscii.of[s[j]]; }
  uint32_t at(std::size_t j) const { return static_cast<uint32_t>(j); }
};

struct DecodedText {
  const std::vector<uint8_t>& classes;
  const std::vector<uint32_t>& offsets;
  uint8_t cls(std::size_t j) const { return classes[j]; }
  uint32_t at(std::size_t j) const { return offsets[j]; }
};


}  // namespace

bool fast_word_spans(std::string_view text, std::vector<WordSpan>* out) {
  if (text.size() >= std::numeric_limits<uint32_t>::max()) return false;
  if (is_ascii(text)) {
    scan(AsciiText{reinterpret_cast<const unsigned char*>(text.data())}, text.size(), out);
    return true;
  }
  thread_local std::vector<uint8_t> classes;
  thread_local std::vector<uint32_t> offsets;
  if (!classify_code_points(text, class_of, kUnsupported, &classes, &offsets)) return false;
  scan(DecodedText{classes, offsets}, classes.size(), out);
  return true;
}

std::vector<CodePointRange> fast_word_break_repertoire() {
  return {{0x00, 0x7F},     {0xA0, 0xA0},     {0xAB, 0xAB},     {0xBB, 0xBB},
          {0xC0, 0x24F},    {0x2013, 0x2014}, {0x2018, 0x2019}, {0x201C, 0x201D},
          {0x2022, 0x2022}, {0x2026, 0x2026}};
}

}  // namespace precis
