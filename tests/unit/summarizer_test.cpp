#include "summarize/summarizer.h"

#include <gtest/gtest.h>

#include <set>

#include "test_data.h"

namespace precis {
namespace {

std::vector<InputDocument> seeds() {
  std::vector<InputDocument> docs;
  for (int n = 1; n <= 3; ++n) docs.push_back(InputDocument{"article" + std::to_string(n), "", "", testing::seed(n)});
  return docs;
}

SummaryResult run(std::vector<InputDocument> docs, Budget budget) {
  LanguageInfo en;
  EXPECT_TRUE(resolve_language("en", &en));
  SummaryOptions o;
  o.budget = budget;
  return summarize(std::move(docs), en, o);
}

const Sentence& at(const SummaryResult& r, const SentenceRef& ref) {
  return r.corpus.documents[ref.document].sentences[ref.index];
}

TEST(Summarizer, SeedsRespectTheWordBudget) {
  for (int budget : {30, 60, 100, 250}) {
    const SummaryResult r = run(seeds(), Budget{budget, 0});
    ASSERT_FALSE(r.summary.empty()) << budget;
    int words = 0;
    for (const auto& ref : r.summary) words += at(r, ref).words;
    EXPECT_LE(words, budget);
    EXPECT_GT(words, budget / 2) << "budget " << budget << " badly used";
  }
}

TEST(Summarizer, SentenceBudget) {
  for (int n : {1, 2, 5}) {
    const SummaryResult r = run(seeds(), Budget{0, n});
    EXPECT_EQ(static_cast<int>(r.summary.size()), n);
  }
}

TEST(Summarizer, NoBoilerplateAndNoRepeats) {
  const SummaryResult r = run(seeds(), Budget{250, 0});
  std::set<std::string> seen;
  for (const auto& ref : r.summary) {
    const Sentence& s = at(r, ref);
    const std::string text(s.span.of(r.corpus.documents[ref.document].text));
    EXPECT_TRUE(seen.insert(text).second) << "repeated: " << text;
    for (const char* junk : {"Truce in Limbo", "ABC News", "Reuters", "Subscribe", "free_limit", "FAA Lifts",
                             "Officials: 4 Palestinians", "Inside the Gaza Tunnels"}) {
      EXPECT_EQ(text.find(junk), std::string::npos) << junk << " in: " << text;
    }
  }
  for (std::size_t i = 0; i < r.summary.size(); ++i) {
    for (std::size_t j = i + 1; j < r.summary.size(); ++j) {
      EXPECT_FALSE(redundant(at(r, r.summary[i]), at(r, r.summary[j]), 0.6));
    }
  }
}

TEST(Summarizer, CrossArticleDuplicateIsChosenOnce) {
  // The same fact, worded identically, in three articles: it may appear at most once.
  const std::string fact = "The cabinet rejected the ceasefire proposal on Friday after a long meeting in Jerusalem.";
  std::vector<InputDocument> docs = {
      {"a", "", "", fact + " Talks will resume in Cairo next week with Egyptian mediators present."},
      {"b", "", "", "Egyptian mediators hope talks resume in Cairo next week. " + fact},
      {"c", "", "", fact + " Hamas said the proposal ignored the blockade of Gaza entirely."}};
  const SummaryResult r = run(docs, Budget{100, 0});
  int copies = 0;
  for (const auto& ref : r.summary) {
    copies += at(r, ref).span.of(r.corpus.documents[ref.document].text) == fact;
  }
  EXPECT_EQ(copies, 1);
  // ...and its support counts all three articles.
  for (const auto& ref : r.summary) {
    if (at(r, ref).span.of(r.corpus.documents[ref.document].text) == fact) EXPECT_EQ(ref.support, 3);
  }
}

TEST(Summarizer, ReadingOrderFollowsDatesThenPosition) {
  std::vector<InputDocument> docs = seeds();
  docs[0].date = "2014-07-26";
  docs[1].date = "2014-07-24";
  docs[2].date = "2014-07-27";
  const SummaryResult r = run(docs, Budget{250, 0});
  for (std::size_t i = 1; i < r.summary.size(); ++i) {
    const auto& a = r.summary[i - 1];
    const auto& b = r.summary[i];
    const std::string& da = r.corpus.documents[a.document].date;
    const std::string& db = r.corpus.documents[b.document].date;
    EXPECT_TRUE(da < db || (da == db && a.index < b.index)) << i;
  }
}

TEST(Summarizer, KeySentencesPerArticle) {
  const SummaryResult r = run(seeds(), Budget{100, 0});
  ASSERT_EQ(r.key_sentences.size(), 3u);
  for (std::size_t d = 0; d < 3; ++d) {
    EXPECT_EQ(r.key_sentences[d].size(), 3u);
    for (const auto& k : r.key_sentences[d]) EXPECT_EQ(k.document, static_cast<int>(d));
    EXPECT_DOUBLE_EQ(r.key_sentences[d].front().score, 1.0);
  }
}

TEST(Summarizer, SingleDocumentStillSummarizes) {
  std::vector<InputDocument> docs = {{"only", "", "", testing::seed(2)}};
  const SummaryResult r = run(docs, Budget{60, 0});
  EXPECT_FALSE(r.summary.empty());
}

TEST(Summarizer, UnpunctuatedMegaSentenceIsNeverChosen) {
  std::string huge;
  while (huge.size() < 200000) huge += "word ";
  std::vector<InputDocument> docs = seeds();
  docs.push_back({"junk", "", "", huge});
  const SummaryResult r = run(docs, Budget{100, 0});
  for (const auto& ref : r.summary) EXPECT_NE(ref.document, 3);
  EXPECT_TRUE(r.corpus.documents[3].sentences.at(0).too_long);
}

}  // namespace
}  // namespace precis
