#include "text/segmenter.h"

#include <gtest/gtest.h>

#include "text/language.h"
#include "text/stemmer.h"
#include "text/stopword_stems.h"
#include "text/stopwords.h"
#include "text/utf8.h"

namespace precis {
namespace {

std::vector<std::string> split(const std::string& text, const std::string& lang = "en") {
  LanguageInfo info;
  EXPECT_TRUE(resolve_language(lang, &info));
  Segmenter seg(info);
  std::vector<std::string> out;
  for (const Span& s : seg.sentences(text, 0)) out.emplace_back(s.of(text));
  return out;
}

TEST(Segmenter, AbbreviationsDoNotEndSentences) {
  EXPECT_EQ(split("U.S. Secretary of State John Kerry arrived. He met Ban."),
            (std::vector<std::string>{"U.S. Secretary of State John Kerry arrived.", "He met Ban."}));
  EXPECT_EQ(split("He spoke to the U.N. Security Council on Friday. It agreed."),
            (std::vector<std::string>{"He spoke to the U.N. Security Council on Friday.", "It agreed."}));
  EXPECT_EQ(split("Dr. Smith examined Gen. Augusto Pinochet in London. Mr. Straw said nothing."),
            (std::vector<std::string>{"Dr. Smith examined Gen. Augusto Pinochet in London.", "Mr. Straw said nothing."}));
  EXPECT_EQ(split("She lives at No. 10 Downing Street. The door is black."),
            (std::vector<std::string>{"She lives at No. 10 Downing Street.", "The door is black."}));
  EXPECT_EQ(split("It was signed by John F. Kennedy in 1963. Nobody objected."),
            (std::vector<std::string>{"It was signed by John F. Kennedy in 1963.", "Nobody objected."}));
}

TEST(Segmenter, RealSentenceEndAfterDottedAbbreviation) {
  EXPECT_EQ(split("The talks moved to the U.S. The Israelis objected."),
            (std::vector<std::string>{"The talks moved to the U.S.", "The Israelis objected."}));
}

TEST(Segmenter, UnderscoreCompoundAfterAbbreviationContinues) {
  // DUC 2003 (AP): "_" stands for a dash.
  EXPECT_EQ(split("In July, the U.N. Security Council backed a U.S. _British plan for the two suspects. Libya agreed."),
            (std::vector<std::string>{"In July, the U.N. Security Council backed a U.S. _British plan for the two suspects.",
                                      "Libya agreed."}));
  // A spaced underscore is a dash between clauses, not a compound: no merge on its account.
  EXPECT_EQ(split("The vote was held in the U.S. _ The results came later.").size(), 2u);
}

TEST(Segmenter, QuotedSpeechStaysWhole) {
  const std::string t =
      "Addressing a news conference in Cairo, he said, \"There's a lot on the table, it didn't get easy last night. "
      "But with good will and good effort, I think progress can be made.\" Kerry left.";
  EXPECT_EQ(split(t), (std::vector<std::string>{
                          "Addressing a news conference in Cairo, he said, \"There's a lot on the table, it didn't get "
                          "easy last night. But with good will and good effort, I think progress can be made.\"",
                          "Kerry left."}));
  const std::string curly = "He said: “We still have work to do. I certainly have work tonight.” Then he left.";
  EXPECT_EQ(split(curly).size(), 2u);
  EXPECT_EQ(split("\"We don't yet have that final framework,\" he said today. Talks go on.").size(), 2u);
}

TEST(Segmenter, SpansAreTrimmedAndAbsolute) {
  LanguageInfo info;
  ASSERT_TRUE(resolve_language("en", &info));
  Segmenter seg(info);
  const std::string text = "  First one.   Second one.  ";
  const auto spans = seg.sentences(text, 100);
  ASSERT_EQ(spans.size(), 2u);
  EXPECT_EQ(spans[0].begin, 102u);
  EXPECT_EQ(text.substr(spans[1].begin - 100, spans[1].size()), "Second one.");
}

TEST(Segmenter, WordsAreFoldedAndPunctuationSkipped) {
  LanguageInfo info;
  ASSERT_TRUE(resolve_language("en", &info));
  Segmenter seg(info);
  TokenList toks;
  const std::string text = "Kerry’s ＡＢＣ talks, 2014: Straße!";
  seg.words(text, 0, &toks);
  std::vector<std::string> folded;
  for (const auto& t : toks) folded.emplace_back(t.folded);
  EXPECT_EQ(folded, (std::vector<std::string>{"kerry's", "abc", "talks", "2014", "strasse"}));
  EXPECT_TRUE(toks[3].is_number);
  EXPECT_EQ(toks[0].span.of(text), "Kerry’s");
}

TEST(Segmenter, FoldedFormsAreTheWordsLowercasedAtAnyAlignment) {
  // words() lowercases a whole block eight bytes at a time and points ASCII words into it. '@' and
  // '[' border A-Z, '`' and '{' border a-z ("a@b" is one word: '@' must stay). A block with a
  // non-ASCII word takes the same path for its ASCII words, and ICU's for that one.
  LanguageInfo info;
  ASSERT_TRUE(resolve_language("en", &info));
  Segmenter seg(info);
  for (const std::string tail : {"", " Zürich STRAßE"}) {
    for (std::size_t pad = 0; pad < 9; ++pad) {
      const std::string text = std::string(pad, ' ') + "ABCDEFGHIJKLMNOPQRSTUVWXYZ a@b A[Z `abcdefghijklmnopqrstuvwxyz{ " +
                               "MiXeD_CaSe_09 X y 1,000.5 " + tail;
      TokenList toks;
      seg.words(text, 100, &toks);
      std::vector<std::string> folded;
      for (const Token& t : toks) {
        const std::string_view word = std::string_view(text).substr(t.span.begin - 100, t.span.size());
        std::string lower(word);
        for (char& c : lower) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
        EXPECT_EQ(t.folded, seg.fold(word)) << pad;
        if (is_ascii(word)) EXPECT_EQ(t.folded, lower) << pad;
        folded.emplace_back(t.folded);
      }
      std::vector<std::string> expected = {"abcdefghijklmnopqrstuvwxyz", "a@b", "a", "z", "abcdefghijklmnopqrstuvwxyz",
                                           "mixed_case_09", "x", "y", "1,000.5"};
      if (!tail.empty()) expected.insert(expected.end(), {"zürich", "strasse"});
      EXPECT_EQ(folded, expected) << pad;
    }
  }
}

TEST(Segmenter, OtherLanguagesUseTheirOwnRules) {
  // "Dr." needs the post-pass; ICU's German suppressions know "Nr." and "Bsp.".
  EXPECT_EQ(split("Herr Dr. Müller kam um acht. Er sprach lange.", "de"),
            (std::vector<std::string>{"Herr Dr. Müller kam um acht.", "Er sprach lange."}));
}

TEST(Segmenter, LanguagesThatBreakAlikeShareOneSegmenter) {
  auto shared = [](const char* code) {
    LanguageInfo info;
    EXPECT_TRUE(resolve_language(code, &info)) << code;
    return &shared_segmenter(info);
  };
  // Codes without ICU data of their own fall back to the root rules and filter nothing.
  EXPECT_EQ(shared("tlh"), shared("qaa"));
  EXPECT_EQ(shared("xyz"), shared("qaa"));
  // Each with its own abbreviation list (ICU's "ss=standard" data), or its own sentence rules (el).
  EXPECT_NE(shared("en"), shared("de"));
  EXPECT_NE(shared("en"), shared("qaa"));
  EXPECT_NE(shared("el"), shared("qaa"));
  EXPECT_EQ(shared("en"), shared("en"));
  // Sharing changes nothing: a segmenter made for the code breaks as the shared one does.
  LanguageInfo info;
  ASSERT_TRUE(resolve_language("xyz", &info));
  Segmenter own(info);
  EXPECT_TRUE(own.breaks_like(*shared("xyz")));
  const std::string text = "Mr. Smith arrived at 5 p.m. on Monday. The talks, he said, went well! Did they?";
  TokenList own_words, shared_words;
  own.words(text, 0, &own_words);
  shared("xyz")->words(text, 0, &shared_words);
  ASSERT_EQ(own_words.size(), shared_words.size());
  for (std::size_t i = 0; i < own_words.size(); ++i) EXPECT_EQ(own_words[i].folded, shared_words[i].folded);
  const auto own_sentences = own.sentences(text, 0), shared_sentences = shared("xyz")->sentences(text, 0);
  ASSERT_EQ(own_sentences.size(), shared_sentences.size());
  for (std::size_t i = 0; i < own_sentences.size(); ++i) {
    EXPECT_EQ(own_sentences[i].of(text), shared_sentences[i].of(text));
  }
}

TEST(Stemmer, SnowballEnglishAndUnknown) {
  const Stemmer en("english");
  ASSERT_TRUE(en.available());
  EXPECT_EQ(en.stem("negotiations"), en.stem("negotiation"));
  EXPECT_EQ(en.stem("running"), "run");
  const Stemmer none("klingon");
  EXPECT_FALSE(none.available());
  EXPECT_EQ(none.stem("running"), "running");
}

TEST(StopwordStems, AreTheStemmersStemsOfExactlyTheStopwords) {
  for (const char* code : {"en", "de", "fr"}) {
    LanguageInfo info;
    ASSERT_TRUE(resolve_language(code, &info));
    const Stemmer stemmer(info.stemmer);
    ASSERT_TRUE(stemmer.available()) << code;
    const StopwordStems& stems = stopword_stems(info);
    const WordSet& stopwords = stopwords_for(code);
    ASSERT_FALSE(stopwords.empty()) << code;
    EXPECT_EQ(stems.size(), stopwords.size()) << code;
    for (const std::string& w : stopwords) {
      const auto it = stems.find(w);
      ASSERT_NE(it, stems.end()) << code << " " << w;
      EXPECT_EQ(it->second, stemmer.stem(w)) << code << " " << w;
    }
  }
  LanguageInfo en;
  ASSERT_TRUE(resolve_language("en", &en));
  EXPECT_EQ(stopword_stems(en).at("having"), "have");  // stems, not the words again
  EXPECT_EQ(stopword_stems(en).count("negotiations"), 0u);
  LanguageInfo unknown;  // a valid code with neither stemmer nor stopwords
  ASSERT_TRUE(resolve_language("tlh", &unknown));
  EXPECT_TRUE(stopword_stems(unknown).empty());
}

TEST(Language, ResolvesCodes) {
  LanguageInfo info;
  ASSERT_TRUE(resolve_language("pt-BR", &info));
  EXPECT_EQ(info.code, "pt");
  EXPECT_EQ(info.stemmer, "portuguese");
  EXPECT_EQ(info.sentence_locale, "pt@ss=standard");
  EXPECT_FALSE(resolve_language("", &info));
  EXPECT_FALSE(resolve_language("e1", &info));
  EXPECT_FALSE(resolve_language("english-please", &info));
}

}  // namespace
}  // namespace precis
