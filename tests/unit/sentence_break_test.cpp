// fast_sentence_breaks() must draw exactly the boundaries of ICU's sentence BreakIterator for
// "xx@ss=standard" (root rules, abbreviation filter) wherever it accepts the text: checked against
// ICU itself on every string of up to five characters drawn from one representative of each
// character class, on each covered code point in context, on every abbreviation of the en, de,
// fr, es, it and pt lists in context, and on real news text; and Segmenter::sentences against
// Segmenter::icu_sentences in several languages.
#include "text/sentence_break.h"

#include <gtest/gtest.h>
#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <dirent.h>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "test_data.h"
#include "text/language.h"
#include "text/segmenter.h"
#include "unicode_strings.h"

namespace precis {
namespace {

using test::utf8;

// A UTF-8 text in UTF-16 for ICU, with the UTF-8 offset of every UTF-16 position.
struct Converted {
  icu::UnicodeString u;
  std::vector<uint32_t> to_byte;
};

Converted convert(const std::string& text) {
  Converted c;
  for (std::size_t i = 0; i < text.size();) {
    int32_t len = 1;
    const unsigned char b = static_cast<unsigned char>(text[i]);
    if (b >= 0xF0) len = 4; else if (b >= 0xE0) len = 3; else if (b >= 0xC0) len = 2;
    const icu::UnicodeString cp = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data() + i, len));
    for (int32_t k = 0; k < cp.length(); ++k) c.to_byte.push_back(static_cast<uint32_t>(i));
    c.u.append(cp);
    i += static_cast<std::size_t>(len);
  }
  c.to_byte.push_back(static_cast<uint32_t>(text.size()));
  return c;
}

// ICU's boundaries after the start, in UTF-8 offsets.
std::vector<uint32_t> icu_ends(icu::BreakIterator& it, const icu::UnicodeString& u, const std::vector<uint32_t>& to_byte) {
  std::vector<uint32_t> out;
  it.setText(u);
  it.first();
  for (int32_t end = it.next(); end != icu::BreakIterator::DONE; end = it.next()) {
    out.push_back(to_byte[static_cast<std::size_t>(end)]);
  }
  return out;
}

std::string describe(const std::vector<uint32_t>& ends) {
  std::string s;
  for (const uint32_t e : ends) s += std::to_string(e) + " ";
  return s;
}

std::string printable(const std::string& text) {
  std::string s;
  for (const char c : text) {
    if (c == '\n') s += "\\n";
    else if (c == '\r') s += "\\r";
    else s += c;
  }
  return s;
}

std::unique_ptr<icu::BreakIterator> icu_sentence_iterator(const char* locale) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> it(icu::BreakIterator::createSentenceInstance(icu::Locale(locale), status));
  EXPECT_TRUE(U_SUCCESS(status)) << locale << ": " << u_errorName(status);
  return it;
}

SentenceExceptions exceptions_of(const char* language) {
  SentenceExceptions e;
  EXPECT_TRUE(SentenceExceptions::load(language, &e)) << language;
  return e;
}

class SentenceBreakTest : public ::testing::Test {
 protected:
  void SetUp() override {
    en_icu_ = icu_sentence_iterator("en@ss=standard");
    root_icu_ = icu_sentence_iterator("root");
    en_ = exceptions_of("en");
    ASSERT_FALSE(en_.empty());
  }
  // Fast and ICU agree on `text` (which the fast breaker must accept).
  void expect_same(icu::BreakIterator& icu, const SentenceExceptions& exceptions, const std::string& text) {
    const Converted c = convert(text);
    expect_same(icu, exceptions, text, c.u, c.to_byte);
  }
  void expect_same(icu::BreakIterator& icu, const SentenceExceptions& exceptions, const std::string& text,
                   const icu::UnicodeString& u, const std::vector<uint32_t>& to_byte) {
    std::vector<uint32_t> fast;
    ASSERT_TRUE(fast_sentence_breaks(text, exceptions, &fast)) << printable(text);
    const std::vector<uint32_t> reference = icu_ends(icu, u, to_byte);
    if (fast != reference) {
      ADD_FAILURE() << "text: \"" << printable(text) << "\"\n  fast: " << describe(fast) << "\n  ICU:  " << describe(reference);
    }
    ++compared_;
  }
  std::unique_ptr<icu::BreakIterator> en_icu_;
  std::unique_ptr<icu::BreakIterator> root_icu_;
  SentenceExceptions en_;
  SentenceExceptions none_;
  int compared_ = 0;
};

TEST(SentenceBreakClasses, EveryCoveredCodePointHasIcusClass) {
  int covered = 0;
  for (const CodePointRange& r : fast_sentence_break_repertoire()) {
    for (char32_t c = r.first; c <= r.last; ++c) {
      EXPECT_EQ(fast_sentence_break_class(c), u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_SENTENCE_BREAK))
          << std::hex << static_cast<uint32_t>(c);
      ++covered;
    }
  }
  EXPECT_EQ(covered, 128 + 13 + 418 + 11 + 24 + 49 + 1);
  // Next to the repertoire: C1 controls (U+0085 is Sep), the soft hyphen (Format), zero-width
  // characters, the line and paragraph separators, and what lies beyond.
  for (char32_t c : {0x80, 0x85, 0x9F, 0xAD, 0x250, 0x300, 0x3A9, 0x1FFF, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F,
                     0x2028, 0x2029, 0x202A, 0x202E, 0x2060, 0x20AB, 0x20AD, 0x3002, 0x4E2D, 0xFEFF, 0x1F600}) {
    EXPECT_EQ(fast_sentence_break_class(c), -1) << std::hex << static_cast<uint32_t>(c);
  }
}

// Every string of up to five characters over one representative of each class the rules tell
// apart (and a second Sp and Close that are not U+0020 and '"', since the filter skips exactly one
// U+0020), for the root rules and under the English filter ("A." and "AA." are English
// abbreviations: those cases arise too).
TEST_F(SentenceBreakTest, EveryShortStringOverTheClassesMatchesIcu) {
  const std::vector<std::string> alphabet = {".", "!", "?", "\"", ")", ",", "-", " ", "\n", "\r", "a", "A", "7",
                                             "\xC3\xA9" /* é Lower */, "\xC6\xBB" /* ƻ OLetter */, "#",
                                             "\xC2\xA0" /* no-break space */};
  const std::size_t k = alphabet.size();
  std::vector<icu::UnicodeString> units;
  for (const std::string& a : alphabet) units.push_back(icu::UnicodeString::fromUTF8(a));
  std::vector<std::size_t> digits;
  std::string text;
  icu::UnicodeString u;
  std::vector<uint32_t> to_byte;
  for (std::size_t length = 1; length <= 5; ++length) {
    digits.assign(length, 0);
    for (;;) {
      text.clear();
      u.remove();
      to_byte.clear();
      for (std::size_t d : digits) {
        for (int32_t i = 0; i < units[d].length(); ++i) to_byte.push_back(static_cast<uint32_t>(text.size()));
        text += alphabet[d];
        u.append(units[d]);
      }
      to_byte.push_back(static_cast<uint32_t>(text.size()));
      expect_same(*root_icu_, none_, text, u, to_byte);
      expect_same(*en_icu_, en_, text, u, to_byte);
      if (HasFailure()) return;  // the first difference says it all
      std::size_t p = 0;
      while (p < length && ++digits[p] == k) digits[p++] = 0;
      if (p == length) break;
    }
  }
  EXPECT_EQ(compared_, 2 * (17 + 289 + 4913 + 83521 + 1419857));
}

// Longer strings, at random (a fixed seed): pieces of abbreviations, words, numbers, punctuation
// and spaces, under the English filter.
TEST_F(SentenceBreakTest, RandomLongerStringsMatchIcu) {
  const std::vector<std::string> pieces = {
      "Mr", "Ph", "D", "U", "S", "A", "e", "g", "a", "m", "No", "Dr", "St", "Inc", "Smith", "the", "It", "7", "3", "10",
      ".", ".", ".", "!", "?", "\"", "'", ")", "(", ",", "-", ":", ";", " ", " ", " ", "  ", "\n", "\r\n", "\t",
      "\xE2\x80\x9D" /* ” */, "\xE2\x80\x94" /* — */, "\xC3\xA9" /* é */, "\xC3\x89" /* É */, "\xC2\xA0", "#", "\xC2\xBB"};
  uint32_t state = 12345;
  auto next = [&] {  // xorshift: the same strings on every platform
    state ^= state << 13;
    state ^= state >> 17;
    state ^= state << 5;
    return state;
  };
  for (int n = 0; n < 100000; ++n) {
    std::string text;
    const uint32_t count = 2 + next() % 14;
    for (uint32_t k = 0; k < count; ++k) text += pieces[next() % pieces.size()];
    expect_same(*en_icu_, en_, text);
    if (HasFailure()) return;
  }
}

TEST_F(SentenceBreakTest, EveryCoveredCodePointInContextMatchesIcu) {
  // '%' stands for the code point.
  const std::vector<std::string> contexts = {
      "%",        "%%",        "a%b",       "A%B",       "a.%B",      "a.% B",     "a. %B",    "a%. B",
      "A%.B",     "%. a",      "%.  A",     "x %. Y",    "Mr.%Smith", "e.g.% x",   "a.%7",     "a?%",
      "a?% b",    "a.\"% B",   "Mr% Smith", "A.% b",     "7%.8",      "U.S%",      "x.)%( y",  "a!%!",
      "%\r\nA",   "a.\r%",     "Mr.%",      "a .%",      "a%.%",      "Hi. %% yes. No."};
  for (const CodePointRange& r : fast_sentence_break_repertoire()) {
    for (char32_t c = r.first; c <= r.last; ++c) {
      const std::string x = utf8(c);
      for (const std::string& context : contexts) {
        std::string text;
        for (const char ch : context) text += ch == '%' ? x : std::string(1, ch);
        expect_same(*root_icu_, none_, text);
        expect_same(*en_icu_, en_, text);
      }
      if (HasFailure()) return;
    }
  }
}

TEST_F(SentenceBreakTest, EveryAbbreviationInContextMatchesIcu) {
  int languages = 0;
  for (const char* language : {"en", "de", "fr", "es", "it", "pt"}) {
    const SentenceExceptions exceptions = exceptions_of(language);
    ASSERT_FALSE(exceptions.empty()) << language;
    ++languages;
    auto icu = icu_sentence_iterator((std::string(language) + "@ss=standard").c_str());
    std::vector<std::string> words;
    for (const std::u32string& a : exceptions.abbreviations()) {
      words.push_back(utf8(a));
      // The part up to the first '.' of "Ph.D.", "z.B.": a partial match on its own.
      const std::size_t dot = a.find(U'.');
      if (dot != std::u32string::npos && dot + 1 < a.size()) words.push_back(utf8(a.substr(0, dot + 1)));
    }
    int compared = 0;
    for (const std::string& a : words) {
      for (const std::string& text :
           {"x " + a + " Smith", a + " Smith", a + "  Smith", "H" + a + " x", "x " + a, a, "x " + a + " smith",
            a + "\nSmith", "(" + a + ") Smith", a + " 7", a + "\" Smith", "x. " + a + " Y", a + a + " Z",
            a + " " + a + " Z", a + "\xC2\xA0Smith", "x " + a + ". Smith", a + " Smith. " + a + " Jones.",
            "He met " + a + " Smith and " + a + " Jones.", a.substr(1) + " Smith", a + "D. Smith"}) {
        std::vector<uint32_t> fast;
        if (!fast_sentence_breaks(text, exceptions, &fast)) continue;  // outside the repertoire
        expect_same(*icu, exceptions, text);
        ++compared;
      }
      if (HasFailure()) return;
    }
    EXPECT_GT(compared, 15 * static_cast<int>(exceptions.abbreviations().size())) << language;
  }
  EXPECT_EQ(languages, 6);
}

TEST_F(SentenceBreakTest, RealNewsTextMatchesIcu) {
  expect_same(*en_icu_, en_,
              "U.S. Secretary of State John Kerry said Tuesday, Oct. 14, that Mr. Smith (R-Texas) had left. "
              "\"We're done,\" he said. Really?! Yes... e.g. the 3.5% rise. Dr. Jones, Ph.D., met Gen. Lee at 10 "
              "a.m. on Jan. 5. The end.\n\nNew paragraph — with “quotes.” And ‘single.’ St. Louis. Müller’s café… "
              "Ça va? «Oui.» Fin.\r\nLast line");
  // Every document of the DUC 2003 clusters and MultiLing 2011, whole and as the summarizer sees
  // its blocks (lines joined with spaces).
  int documents = 0, accepted = 0;
  auto each_file = [&](const std::string& dir, const auto& f) {
    DIR* d = opendir(dir.c_str());
    if (!d) return;
    std::vector<std::string> names;
    while (dirent* e = readdir(d)) {
      if (e->d_name[0] != '.') names.push_back(e->d_name);
    }
    closedir(d);
    std::sort(names.begin(), names.end());
    for (const std::string& n : names) f(dir + "/" + n);
  };
  auto check = [&](const std::string& path) {
    std::string text;
    if (!testing::read_file(path, &text)) return;
    ++documents;
    std::vector<uint32_t> fast;
    if (!fast_sentence_breaks(text, en_, &fast)) return;
    ++accepted;
    expect_same(*en_icu_, en_, text);
    std::string flat = text;
    std::replace(flat.begin(), flat.end(), '\n', ' ');
    std::replace(flat.begin(), flat.end(), '\r', ' ');
    expect_same(*en_icu_, en_, flat);
  };
  each_file(testing::data_path("duc2003"), [&](const std::string& cluster) { each_file(cluster + "/docs", check); });
  each_file(testing::data_path("multiling2011_en"), [&](const std::string& topic) { each_file(topic + "/docs", check); });
  for (int n = 1; n <= 3; ++n) {
    const std::string text = testing::seed(n);
    std::vector<uint32_t> fast;
    if (fast_sentence_breaks(text, en_, &fast)) expect_same(*en_icu_, en_, text);
  }
  EXPECT_GT(documents, 350) << "evaluation data under " << PRECIS_DATA_DIR;
  EXPECT_GT(accepted, documents * 9 / 10);
  std::cout << "[ INFO ] " << accepted << " of " << documents << " documents in the repertoire\n";
}

TEST(SentenceBreak, DeclinesWhatItDoesNotCover) {
  const SentenceExceptions none;
  std::vector<uint32_t> out;
  for (const char* text : {"\xE4\xB8\xAD\xE6\x96\x87\xE3\x80\x82" /* 中文。 */, "cafe\xCC\x81. X" /* combining accent */,
                           "soft\xC2\xADhyphen. X", "emoji \xF0\x9F\x98\x80. X", "\xE0\xB8\x81" /* Thai */,
                           "\xCE\xB1\xCE\xB2" /* Greek */, "next\xC2\x85line" /* U+0085 */,
                           "line\xE2\x80\xA8sep" /* U+2028 */, "zero\xE2\x80\x8Bwidth", "bad \xFF byte",
                           "cut \xE2\x80", "overlong \xC0\xAE", "surrogate \xED\xA0\x80"}) {
    EXPECT_FALSE(fast_sentence_breaks(text, none, &out)) << text;
    EXPECT_TRUE(out.empty()) << text;
  }
}

TEST(SentenceBreak, ExceptionListsAreIcus) {
  SentenceExceptions e;
  ASSERT_TRUE(SentenceExceptions::load("en", &e));
  const std::vector<std::u32string> list = e.abbreviations();
  EXPECT_EQ(list.size(), 151u);  // ICU 72's English list
  EXPECT_TRUE(std::is_sorted(list.begin(), list.end()));
  auto has = [&](const char32_t* a) { return std::find(list.begin(), list.end(), std::u32string(a)) != list.end(); };
  EXPECT_TRUE(has(U"Mr.") && has(U"U.S.") && has(U"Ph.D.") && has(U"a.m."));
  // Locales whose brkitr bundle has no exceptions, or that ICU only finds by falling back to the
  // default locale: ICU suppresses nothing.
  for (const char* language : {"sv", "ja", "zz", "root"}) {
    ASSERT_TRUE(SentenceExceptions::load(language, &e)) << language;
    EXPECT_TRUE(e.empty()) << language;
  }
}

TEST(SentenceBreak, SegmenterSentencesEqualIcusInEveryLanguage) {
  const std::vector<std::string> texts = {
      "Mr. Smith went to Washington. He met Dr. Jones at 10 a.m. on Jan. 5. \"Really?\" she asked. "
      "The U.S. Senate voted 51-49. z.B. Herr Dr. Müller, Prof. Dr. Ing. Meier. Sr. García llegó. M. Dupont est là.",
      "Première phrase. Deuxième phrase ! Troisième ? «Oui.» N. Chr. v. Chr. S.M.A.R.T. Fin.",
      "Ph.D. Smith. Ph. D. Smith. U.S.A. Today. a.m. Later. e.g. Right.\n\nNew.\r\nLine",
      "Он сказал: «Да». Потом ушёл. ул. Ленина.", "他说。你好！", "Καλημέρα; Ναι.",
  };
  int fast = 0;
  for (const char* code : {"en", "de", "fr", "es", "it", "pt", "ru", "el", "sv", "fi", "nl", "ja", "zh", "tr", "zz"}) {
    LanguageInfo info;
    ASSERT_TRUE(resolve_language(code, &info));
    Segmenter seg(info);
    fast += seg.fast_sentence_break();
    for (const std::string& text : texts) {
      const std::vector<Span> a = seg.sentences(text, 11);
      const std::vector<Span> b = seg.icu_sentences(text, 11);
      ASSERT_EQ(a.size(), b.size()) << code << ": " << text;
      for (std::size_t i = 0; i < a.size(); ++i) {
        EXPECT_EQ(a[i].begin, b[i].begin) << code << ": " << text;
        EXPECT_EQ(a[i].end, b[i].end) << code << ": " << text;
      }
      std::vector<Span> c;
      TokenList words;
      seg.sentences_and_words(text, 11, &c, &words);
      EXPECT_TRUE(c == b) << code << ": " << text;
    }
  }
  LanguageInfo en, el;
  ASSERT_TRUE(resolve_language("en", &en));
  ASSERT_TRUE(resolve_language("el", &el));
  EXPECT_TRUE(Segmenter(en).fast_sentence_break());
  EXPECT_FALSE(Segmenter(el).fast_sentence_break());  // Greek sentence rules: ';' is a question mark
  EXPECT_EQ(fast, 14);  // all but el
}

}  // namespace
}  // namespace precis
