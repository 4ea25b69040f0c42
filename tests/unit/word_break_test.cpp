// fast_word_spans() must draw exactly ICU's word boundaries and statuses wherever it accepts the
// text: checked against ICU's own word BreakIterator on every string of up to five characters
// drawn from one representative of each character class, on each covered code point in context,
// and on real wire text.
#include "text/word_break.h"

#include <gtest/gtest.h>
#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/rbbi.h>
#include <unicode/unistr.h>

#include <memory>
#include <string>
#include <vector>

#include "text/language.h"
#include "text/segmenter.h"
#include "unicode_strings.h"

namespace precis {
namespace {

using test::utf8;

// Word tokens by ICU (root word rules), in UTF-8 offsets.
std::vector<WordSpan> icu_spans(icu::BreakIterator& it, const std::string& text) {
  // UTF-16 index -> UTF-8 offset
  std::vector<uint32_t> to_byte;
  icu::UnicodeString u;
  for (std::size_t i = 0; i < text.size();) {
    int32_t len = 1;
    const unsigned char b = static_cast<unsigned char>(text[i]);
    if (b >= 0xF0) len = 4; else if (b >= 0xE0) len = 3; else if (b >= 0xC0) len = 2;
    const icu::UnicodeString cp = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data() + i, len));
    for (int32_t k = 0; k < cp.length(); ++k) to_byte.push_back(static_cast<uint32_t>(i));
    u.append(cp);
    i += static_cast<std::size_t>(len);
  }
  to_byte.push_back(static_cast<uint32_t>(text.size()));
  std::vector<WordSpan> out;
  it.setText(u);
  int32_t start = it.first();
  for (int32_t end = it.next(); end != icu::BreakIterator::DONE; start = end, end = it.next()) {
    const int32_t status = it.getRuleStatus();
    if (status < UBRK_WORD_NONE_LIMIT) continue;
    out.push_back(WordSpan{to_byte[static_cast<std::size_t>(start)], to_byte[static_cast<std::size_t>(end)],
                           status < UBRK_WORD_NUMBER_LIMIT});
  }
  return out;
}

std::string describe(const std::vector<WordSpan>& spans) {
  std::string s;
  for (const WordSpan& w : spans) {
    s += "[" + std::to_string(w.begin) + "," + std::to_string(w.end) + (w.is_number ? " n] " : "] ");
  }
  return s;
}

class WordBreakTest : public ::testing::Test {
 protected:
  void SetUp() override {
    UErrorCode status = U_ZERO_ERROR;
    icu_.reset(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
    ASSERT_TRUE(U_SUCCESS(status));
  }
  // Fast and ICU agree on `text` (which the fast breaker must accept).
  void expect_same(const std::string& text) {
    std::vector<WordSpan> fast;
    ASSERT_TRUE(fast_word_spans(text, &fast)) << text;
    const std::vector<WordSpan> icu = icu_spans(*icu_, text);
    EXPECT_EQ(describe(fast), describe(icu)) << "text: \"" << text << "\"";
    ++compared_;
  }
  std::unique_ptr<icu::BreakIterator> icu_;
  int compared_ = 0;
};

TEST_F(WordBreakTest, EveryShortStringOverTheClassesMatchesIcu) {
  // One code point of each class the rules tell apart (and a few of the same class, to be sure
  // they are one class): letters, digits, MidLetter, MidNum, MidNumLet, Single_Quote,
  // ExtendNumLet, WSegSpace, Double_Quote, LF, Other, and the covered non-ASCII kinds.
  const std::vector<std::string> alphabet = {"a", "@", "7", ":", ",", ".", "'", "_", " ", "\"", "\n", "-",
                                             "\xE2\x80\x99" /* ’ */, "\xC3\xA9" /* é */, "\xE2\x80\x9C" /* “ */};
  const std::size_t k = alphabet.size();
  std::vector<std::size_t> digits;
  for (std::size_t length = 1; length <= 5; ++length) {
    digits.assign(length, 0);
    for (;;) {
      std::string text;
      for (std::size_t d : digits) text += alphabet[d];
      expect_same(text);
      if (HasFailure()) return;  // the first difference says it all
      std::size_t p = 0;
      while (p < length && ++digits[p] == k) digits[p++] = 0;
      if (p == length) break;
    }
  }
  EXPECT_EQ(compared_, 15 + 225 + 3375 + 50625 + 759375);
}

TEST_F(WordBreakTest, EveryCoveredCodePointInContextMatchesIcu) {
  for (const CodePointRange& r : fast_word_break_repertoire()) {
    for (char32_t c = r.first; c <= r.last; ++c) {
      if (c == 0) continue;
      const std::string x = utf8(c);
      for (const char* context : {"ab", "a1", "1a", "12", "__", "_a", "a_", "1_", " _"}) {
        const std::string l(1, context[0]), rr(1, context[1]);
        expect_same(l + x + rr);
        expect_same(x + l + x + rr + x);
      }
      if (HasFailure()) return;
    }
  }
}

TEST_F(WordBreakTest, RealWireTextMatchesIcu) {
  expect_same("U.S. Secretary of State John Kerry said Tuesday, Oct. 14, that 1,200.50 troops' "
              "A_B-test e-mail x:y 3:30 p.m. don’t ‘quote’ “double” — Müller’s café, 9_000 and __init__; "
              "$4.5bn (12%) rose 3.2% on 2014-05-01 at 10:15 a.m.");
}

TEST(WordBreak, DeclinesWhatItDoesNotCover) {
  std::vector<WordSpan> out;
  for (const char* text : {"\xE4\xB8\xAD\xE6\x96\x87" /* 中文 */, "cafe\xCC\x81" /* combining accent */,
                           "soft\xC2\xADhyphen", "emoji \xF0\x9F\x98\x80", "\xE0\xB8\x81" /* Thai */,
                           "\xCE\xB1\xCE\xB2" /* Greek */, "bad \xFF byte", "cut \xE2\x80"}) {
    EXPECT_FALSE(fast_word_spans(text, &out)) << text;
    EXPECT_TRUE(out.empty()) << text;
  }
}

TEST(WordBreak, SegmenterUsesIcuWhereWordRulesDiffer) {
  // Finnish and Swedish word rules do not join letters across ':' ("EU:n" is one word in Finnish,
  // in ICU's tailoring); whatever ICU does there, Segmenter::words must agree with it.
  for (const char* code : {"en", "de", "fi", "sv", "ru"}) {
    LanguageInfo info;
    ASSERT_TRUE(resolve_language(code, &info));
    Segmenter seg(info);
    const std::string text = "EU:n ja USA:n 3:30 a:b Müller’s don't 1,000.5 __x";
    TokenList fast, icu;
    seg.words(text, 7, &fast);
    seg.icu_words(text, 7, &icu);
    ASSERT_EQ(fast.size(), icu.size()) << code;
    // (The difference is real: in Finnish, "EU:n" is one word; in English, two.)
    EXPECT_EQ(icu[0].folded, std::string(code) == "fi" || std::string(code) == "sv" ? "eu:n" : "eu") << code;
    for (std::size_t i = 0; i < fast.size(); ++i) {
      EXPECT_EQ(fast[i].span.begin, icu[i].span.begin) << code;
      EXPECT_EQ(fast[i].span.end, icu[i].span.end) << code;
      EXPECT_EQ(fast[i].folded, icu[i].folded) << code;
      EXPECT_EQ(fast[i].is_number, icu[i].is_number) << code;
    }
  }
}

}  // namespace
}  // namespace precis
