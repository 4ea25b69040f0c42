// ROUGE-N as ROUGE-1.5.5 computes it (tests/eval/rouge.h); expected values computed by hand.
#include "eval/rouge.h"

#include <gtest/gtest.h>

namespace precis::eval {
namespace {

const Rouge kPlain(false);
const Rouge kStemmed(true);

TEST(RougeTokens, LowercasesAndSplitsOnEveryNonAlphanumeric) {
  EXPECT_EQ(kPlain.tokens("Pinochet's U.S.-led \"senator-for-life\" (AP) 4,000", 0),
            (Tokens{"pinochet", "s", "u", "s", "led", "senator", "for", "life", "ap", "4", "000"}));
}

TEST(RougeTokens, NonAsciiBytesSeparateLikeAnyOtherSymbol) {
  // ROUGE-1.5.5 keeps only [A-Za-z0-9]; "café" loses its accented letter.
  EXPECT_EQ(kPlain.tokens("caf\xC3\xA9 na\xC3\xAFve", 0), (Tokens{"caf", "na", "ve"}));
}

TEST(RougeTokens, CutCountsWhiteSpaceWordsIncludingPunctuationTokens) {
  // NIST-tokenized text: "," is a word of its own for -l, although it yields no token.
  EXPECT_EQ(kPlain.tokens("One , two three four", 3), (Tokens{"one", "two"}));
  EXPECT_EQ(kPlain.tokens("  one\n\ntwo three", 2), (Tokens{"one", "two"}));
  EXPECT_EQ(kPlain.tokens("one two", 5), (Tokens{"one", "two"}));
  EXPECT_EQ(kPlain.tokens("one two three", 0), (Tokens{"one", "two", "three"}));
}

TEST(RougeTokens, StemsOnlyTokensLongerThanThreeCharacters) {
  // Porter would make "was" "wa" and "bus" "bu"; ROUGE leaves 3-letter tokens alone.
  EXPECT_EQ(kStemmed.tokens("Was this Running bus CATS", 0), (Tokens{"was", "thi", "run", "bus", "cat"}));
  EXPECT_EQ(kPlain.tokens("Was this Running", 0), (Tokens{"was", "this", "running"}));
}

TEST(RougeScore, ClipsRepeatedNgramsToTheReferenceCount) {
  const std::vector<Tokens> refs{kPlain.tokens("the cat sat on the mat", 0)};
  const Tokens sys = kPlain.tokens("the the the cat", 0);
  const RougeScore r1 = Rouge::score(sys, refs, 1);  // hits: min(3,2) "the" + 1 "cat"
  EXPECT_DOUBLE_EQ(r1.recall, 3.0 / 6);
  EXPECT_DOUBLE_EQ(r1.precision, 3.0 / 4);
  EXPECT_DOUBLE_EQ(r1.f, 0.6);
  const RougeScore r2 = Rouge::score(sys, refs, 2);  // only "the cat" matches
  EXPECT_DOUBLE_EQ(r2.recall, 1.0 / 5);
  EXPECT_DOUBLE_EQ(r2.precision, 1.0 / 3);
}

TEST(RougeScore, SumsHitsAndCountsOverReferences) {
  const std::vector<Tokens> refs{kPlain.tokens("a b", 0), kPlain.tokens("b c d", 0)};
  const Tokens sys = kPlain.tokens("a b c", 0);
  const RougeScore r1 = Rouge::score(sys, refs, 1);
  EXPECT_DOUBLE_EQ(r1.recall, 4.0 / 5);         // (2 + 2) / (2 + 3)
  EXPECT_DOUBLE_EQ(r1.precision, 4.0 / 6);      // 4 / (2 references x 3)
  const RougeScore r2 = Rouge::score(sys, refs, 2);
  EXPECT_DOUBLE_EQ(r2.recall, 2.0 / 3);         // ("a b") + ("b c") / (1 + 2)
  EXPECT_DOUBLE_EQ(r2.precision, 2.0 / 4);
  EXPECT_DOUBLE_EQ(r2.f, 2 * (2.0 / 3) * 0.5 / (2.0 / 3 + 0.5));
}

TEST(RougeScore, CutSystemLosesTheWordsBeyondTheLimit) {
  const std::vector<Tokens> refs{kPlain.tokens("alpha beta gamma delta", 0)};
  const RougeScore r = Rouge::score(kPlain.tokens("alpha beta -- gamma delta", 3), refs, 1);
  EXPECT_DOUBLE_EQ(r.recall, 2.0 / 4);
  EXPECT_DOUBLE_EQ(r.precision, 1.0);
}

TEST(RougeScore, StemmingMatchesInflectedForms) {
  const std::vector<Tokens> refs{kStemmed.tokens("Police arrested the protesters", 0)};
  EXPECT_DOUBLE_EQ(Rouge::score(kStemmed.tokens("police arrest protester", 0), refs, 1).recall, 3.0 / 4);
  const std::vector<Tokens> plain_refs{kPlain.tokens("Police arrested the protesters", 0)};
  EXPECT_DOUBLE_EQ(Rouge::score(kPlain.tokens("police arrest protester", 0), plain_refs, 1).recall, 1.0 / 4);
}

TEST(RougeScore, BigramsRespectOrder) {
  const std::vector<Tokens> refs{kPlain.tokens("b a", 0)};
  EXPECT_DOUBLE_EQ(Rouge::score(kPlain.tokens("a b", 0), refs, 1).recall, 1.0);
  EXPECT_DOUBLE_EQ(Rouge::score(kPlain.tokens("a b", 0), refs, 2).recall, 0.0);
}

TEST(RougeScore, NothingToCountGivesZeroNotNaN) {
  const std::vector<Tokens> refs{kPlain.tokens("a b", 0)};
  const RougeScore empty_system = Rouge::score({}, refs, 2);
  EXPECT_EQ(empty_system.recall, 0.0);
  EXPECT_EQ(empty_system.precision, 0.0);
  EXPECT_EQ(empty_system.f, 0.0);
  const RougeScore no_refs = Rouge::score(kPlain.tokens("a b", 0), {}, 1);
  EXPECT_EQ(no_refs.recall, 0.0);
  EXPECT_EQ(no_refs.f, 0.0);
  EXPECT_EQ(Rouge::score(kPlain.tokens("a", 0), refs, 2).precision, 0.0);  // one word: no bigram
}

}  // namespace
}  // namespace precis::eval
