// The Article Extraction Benchmark's metric as precis-clean-eval implements it (aeb/README.md:
// \w+ tokens, 4-token shingle multisets, per-page P/R with the benchmark's special cases).
#include "eval/clean_eval_metric.h"

#include <gtest/gtest.h>

namespace precis::eval {
namespace {

TEST(CleanEvalMetric, TokensAreUnicodeWordRuns) {
  EXPECT_EQ(word_tokens("Don't stop—it's 4:30, snake_case ok! Ça va? 東京 ½"),
            (std::vector<std::string>{"Don", "t", "stop", "it", "s", "4", "30", "snake_case", "ok", "Ça", "va", "東京", "½"}));
  EXPECT_TRUE(word_tokens(" ,.-— ").empty());
}

TEST(CleanEvalMetric, ShingleMultisets) {
  // Identical texts: all true positives.
  ShingleMatch m = match_shingles("a b c d e", "a b c d e");
  EXPECT_DOUBLE_EQ(m.tp, 1.0);
  // Half the prediction is extra: 2 shingles shared, 2 extra (tp, fp normalised by their sum).
  m = match_shingles("a b c d e", "a b c d e f g");
  EXPECT_DOUBLE_EQ(m.tp, 0.5);
  EXPECT_DOUBLE_EQ(m.fp, 0.5);
  EXPECT_DOUBLE_EQ(m.fn, 0.0);
  // Multisets: a repeated passage counts twice.
  m = match_shingles("w x y z", "w x y z w x y z");
  EXPECT_GT(m.fp, 0.0);
  // Fewer than 4 tokens: one shorter shingle; none for an empty text.
  EXPECT_DOUBLE_EQ(match_shingles("two words", "two words").tp, 1.0);
  m = match_shingles("some gold text here", "");
  EXPECT_DOUBLE_EQ(m.fn, 1.0);
}

TEST(CleanEvalMetric, PageScoresAndMeans) {
  bool counts = false;
  // Empty prediction: precision skipped, recall 0.
  ShingleMatch empty = match_shingles("a b c d", "");
  page_precision(empty, &counts);
  EXPECT_FALSE(counts);
  EXPECT_DOUBLE_EQ(page_recall(empty, &counts), 0.0);
  EXPECT_TRUE(counts);
  const Scores s = aggregate({match_shingles("a b c d e", "a b c d e f g"), empty});
  EXPECT_DOUBLE_EQ(s.precision, 0.5);  // the empty page does not count for precision
  EXPECT_DOUBLE_EQ(s.recall, 0.5);     // (1 + 0) / 2
  EXPECT_DOUBLE_EQ(s.f1, 0.5);
}

}  // namespace
}  // namespace precis::eval
