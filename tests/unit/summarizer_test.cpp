#include "summarize/summarizer.h"

#include <gtest/gtest.h>

#include <deque>
#include <set>

#include "eval/learn.h"
#include "test_data.h"

namespace precis {
namespace {

std::vector<InputDocument> seeds() {
  std::vector<InputDocument> docs;
  for (int n = 1; n <= 3; ++n) docs.push_back(InputDocument{"article" + std::to_string(n), "", "", testing::seed(n)});
  return docs;
}

LanguageInfo english() {
  LanguageInfo en;
  EXPECT_TRUE(resolve_language("en", &en));
  return en;
}

SummaryResult run(std::vector<InputDocument> docs, Budget budget, SummaryOptions o = {}) {
  o.budget = budget;
  return summarize(std::move(docs), english(), o);
}

int summary_words(const SummaryResult& r) {
  int words = 0;
  for (const auto& ref : r.summary) words += sentence_of(r.corpus, ref).words;
  return words;
}

// The concept id of a stemmed pair ("appl", "pie") or, with `second` empty, of a single word.
long concept_id(const Corpus& c, const std::string& first, const std::string& second) {
  for (std::size_t i = 0; i < c.concept_terms.size(); ++i) {
    const auto [a, b] = c.concept_terms[i];
    if (second.empty() ? (c.concept_is_word[i] && c.term_text[b] == first)
                       : (!c.concept_is_word[i] && c.term_text[a] == first && c.term_text[b] == second)) {
      return static_cast<long>(i);
    }
  }
  return -1;
}

const Sentence& at(const SummaryResult& r, const SentenceRef& ref) { return sentence_of(r.corpus, ref); }

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

TEST(ConceptWeights, AgreementLeadBonusAndBelowThreshold) {
  // "violet harbor" in three of four articles, first sentence of two; "amber tunnel" in one.
  std::vector<InputDocument> docs = {
      {"a", "", "", "The violet harbor closed on Monday. Officials gave no reason at all."},
      {"b", "", "", "The violet harbor closed after a storm. Nobody was hurt by the wind."},
      {"c", "", "", "Ships waited outside all day. Later the violet harbor reopened for traffic."},
      {"d", "", "", "Workers dug the amber tunnel under the river. It opens next year."}};
  AnalysisOptions analysis;
  analysis.keep_vocabulary = true;
  const Corpus corpus = analyze(docs, english(), analysis);
  const long harbor = concept_id(corpus, "violet", "harbor");
  const long tunnel = concept_id(corpus, "amber", "tunnel");
  const long harbor_word = concept_id(corpus, "harbor", "");
  ASSERT_GE(harbor, 0);
  ASSERT_GE(tunnel, 0);
  ASSERT_GE(harbor_word, 0);

  ConceptWeightOptions o;  // share 0.5 of 4 documents: threshold 2; below 0.1; the DUC 2003 model
  o.min_concepts = 1;      // (a corpus this small would otherwise relax the threshold)
  ConceptWeights w = weigh_concepts(corpus, o);
  EXPECT_EQ(w.threshold, 2);
  EXPECT_EQ(w.document_count[harbor], 3);
  // Features of "violet harbor": share 750, beyond 1/4: 666, beyond 1/2: 500, beyond 3/4: 0,
  // lead share 500, beyond 1/4: 333, capitalised 0, earliest sentence 0: 1000, no stopword.
  const std::vector<int> m = default_concept_model();
  const int64_t harbor_weight =
      (m[0] * 1000LL + m[1] * 750LL + m[2] * 666LL + m[3] * 500LL + m[5] * 500LL + m[6] * 333LL + m[8] * 1000LL) / 1000;
  EXPECT_EQ(w.weight[harbor], harbor_weight);
  // "amber tunnel": share 250, lead share 250, earliest 0; under the threshold: a tenth.
  EXPECT_EQ(w.weight[tunnel], (m[0] * 1000LL + m[1] * 250LL + m[5] * 250LL + m[8] * 1000LL) / 1000 / 10);
  EXPECT_EQ(w.weight[harbor_word] > 0, true);  // single words: weighed by the same model, x 0.1
  EXPECT_LT(w.weight[harbor_word], w.weight[harbor]);

  o.model.clear();  // the counting model: lead bonus 2, below 0.1
  w = weigh_concepts(corpus, o);
  EXPECT_EQ(w.weight[harbor], 3 * kWeightUnit + 2 * 2 * kWeightUnit);  // 3 articles + 2 leads x 2
  EXPECT_EQ(w.weight[tunnel], kWeightUnit / 10);                        // under the threshold: 0.1 per article
  EXPECT_EQ(w.weight[harbor_word], (3 * kWeightUnit + 2 * 2 * kWeightUnit) / 10);  // a single word: 0.1 of a pair

  o.below_threshold = 0;
  o.lead_bonus = 0.5;
  w = weigh_concepts(corpus, o);
  EXPECT_EQ(w.weight[tunnel], 0);
  EXPECT_EQ(w.weight[harbor], 3 * kWeightUnit + 2 * kWeightUnit / 2);

  // A learned model (eval::to_model scale: a predicted share of 1 weighs 100000): bias -0.1,
  // share of documents 1.0.
  o.model = {-10000, 100000};
  w = weigh_concepts(corpus, o);
  EXPECT_EQ(w.weight[harbor], 65000);  // 0.75 - 0.1
  EXPECT_EQ(w.weight[tunnel], 0);      // 0.25 - 0.1 > 0, but under the threshold, and below_threshold = 0
}

TEST(Analysis, FragmentsAreFlagged) {
  // A paragraph break in the middle of a sentence (as in DUC's APW19981026.0787) leaves two pieces.
  std::vector<InputDocument> docs = {{"a", "", "",
                                      "The truth commission finished its hearings on Monday in Cape Town.\n\n"
                                      "De Klerk, the last apartheid-era president, planned to ask\n\n"
                                      "a court to block the report.\n\n"
                                      "The commission said \"it will publish.\" Its report runs to 3,500 pages!"}};
  const Corpus corpus = analyze(docs, english(), AnalysisOptions{});
  const auto& s = corpus.documents[0].sentences;
  ASSERT_EQ(s.size(), 5u);
  EXPECT_FALSE(s[0].fragment);
  EXPECT_TRUE(s[1].fragment);   // no final punctuation
  EXPECT_TRUE(s[2].fragment);   // starts in lowercase
  EXPECT_FALSE(s[3].fragment);  // ends with a period inside closing quotes
  EXPECT_FALSE(s[4].fragment);
  EXPECT_FALSE(summary_worthy(s[1], 1, SummaryOptions{}));
  SummaryOptions keep;
  keep.skip_fragments = false;
  EXPECT_TRUE(summary_worthy(s[1], 1, keep));
}

TEST(Analysis, WordPositionsOfConceptsAndOpeningFlags) {
  std::vector<InputDocument> docs = {
      {"a", "", "", "\"Voters will win the vote,\" Smith said on Monday. But rivals disagree strongly about the vote count today."}};
  AnalysisOptions analysis;
  analysis.keep_vocabulary = true;
  analysis.concept_words = true;
  const Corpus corpus = analyze(docs, english(), analysis);
  const auto& sentences = corpus.documents[0].sentences;
  ASSERT_EQ(sentences.size(), 2u);
  EXPECT_TRUE(sentences[0].starts_with_quote);
  EXPECT_FALSE(sentences[0].dangling_start);
  EXPECT_FALSE(sentences[1].starts_with_quote);
  EXPECT_TRUE(sentences[1].dangling_start);  // "But ..."
  const long count = concept_id(corpus, "vote", "count");
  ASSERT_GE(count, 0);
  const auto& s = sentences[1];
  ASSERT_EQ(s.concepts.size(), s.concept_word.size());
  const auto at = std::find(s.concepts.begin(), s.concepts.end(), static_cast<uint32_t>(count));
  ASSERT_NE(at, s.concepts.end());
  EXPECT_EQ(s.concept_word[at - s.concepts.begin()], 7);  // But(0) rivals disagree strongly about the vote count(7)
  // "the vote" occurs in both sentences; in the first it ends at word 4 ("Voters will win the vote,\"").
  const long the_vote = concept_id(corpus, "the", "vote");
  ASSERT_GE(the_vote, 0);
  const auto& q = sentences[0];
  const auto at0 = std::find(q.concepts.begin(), q.concepts.end(), static_cast<uint32_t>(the_vote));
  ASSERT_NE(at0, q.concepts.end());
  EXPECT_EQ(q.concept_word[at0 - q.concepts.begin()], 4);
}

// A hand-made sentence: `words` words, one concept per entry of `concepts`, ending at `at` words.
// Sentence keeps views (IdRange) of its ids: the ids of hand-made sentences live here, for the
// whole test program (a std::deque never moves its elements).
std::deque<std::vector<uint32_t>> made_ids;
std::deque<std::vector<uint16_t>> made_words;

Sentence made(int index, int words, std::vector<uint32_t> concepts, std::vector<uint16_t> at, std::vector<uint32_t> terms) {
  Sentence s;
  s.index = index;
  s.words = words;
  s.concepts = made_ids.emplace_back(std::move(concepts));
  s.concept_word = made_words.emplace_back(std::move(at));
  s.terms = made_ids.emplace_back(std::move(terms));
  return s;
}

TEST(Selector, GainPerWordBudgetAndOverflow) {
  ConceptWeights w;
  w.weight = {5000, 5000, 4000, 8001, 90000};
  w.document_count = {2, 2, 2, 2, 2};
  const Sentence s1 = made(0, 10, {0, 1}, {2, 6}, {1, 2, 3});
  const Sentence s2 = made(1, 5, {2}, {1}, {4, 5});
  const Sentence s3 = made(2, 8, {3}, {3}, {6, 7});
  const Sentence s4 = made(3, 30, {4}, {10}, {8, 9});  // valuable, but too long, and late in the sentence
  const std::vector<const Sentence*> candidates = {&s1, &s2, &s3, &s4};
  SelectionOptions o;
  auto pick = [&](const Budget& b) {
    std::vector<const Sentence*> out;
    for (const auto& c : select_sentences(candidates, w, b, o)) out.push_back(c.sentence);
    return out;
  };
  // 8001 / 8 words beats 10000 / 10 words by a hair; then s1 fits (18 words), s2 no longer does.
  EXPECT_EQ(pick(Budget{20, 0}), (std::vector<const Sentence*>{&s3, &s1}));
  EXPECT_EQ(pick(Budget{15, 0}), (std::vector<const Sentence*>{&s1, &s2}));  // 14000 > 12001 (s3 + s2)
  EXPECT_EQ(pick(Budget{0, 1}), (std::vector<const Sentence*>{&s4}));       // sentence budget: by gain / sqrt(words)

  o.allow_last_sentence_overflow = true;
  // 2 words left after s3 + s1: s2's concept ends at its word 1, so its first 2 words add 4000; s4 adds nothing there.
  const auto chosen = select_sentences(candidates, w, Budget{20, 0}, o);
  ASSERT_EQ(chosen.size(), 3u);
  EXPECT_EQ(chosen[2].sentence, &s2);
  EXPECT_TRUE(chosen[2].overflows);
  EXPECT_EQ(chosen[2].gain, 4000);
  EXPECT_FALSE(chosen[0].overflows);
  // Exactly filled: nothing may overflow.
  EXPECT_EQ(select_sentences(candidates, w, Budget{18, 0}, o).size(), 2u);
}

TEST(Selector, RedundantSentencesAreNotBothChosen) {
  ConceptWeights w;
  w.weight = {5000, 4000};
  w.document_count = {3, 3};
  const Sentence a = made(0, 10, {0}, {1}, {1, 2, 3, 4, 5});
  const Sentence b = made(1, 10, {1}, {1}, {1, 2, 3, 4, 9});  // 4 of its 5 content words already said
  const auto chosen = select_sentences({&a, &b}, w, Budget{100, 0}, SelectionOptions{});
  ASSERT_EQ(chosen.size(), 1u);
  EXPECT_EQ(chosen[0].sentence, &a);
  EXPECT_TRUE(redundant(a, b, 0.6));
  EXPECT_FALSE(redundant(a, b, 0.9));
}

TEST(Selector, FillSwapUsesTheWordsLeft) {
  ConceptWeights w;
  w.weight = {10000, 3600, 5000};
  w.document_count = {2, 2, 2};
  const Sentence a = made(0, 10, {0}, {1}, {1});  // 1000 per word
  const Sentence b = made(1, 4, {1}, {1}, {2});   // 900 per word
  const Sentence c = made(2, 6, {2}, {1}, {3});   // 833 per word: the greedy's third, and it no longer fits
  SelectionOptions o;
  o.restarts = 0;  // the greedy alone (a restart from c would find a + c too)
  o.fill_swaps = 0;
  auto pick = [&] {
    std::vector<const Sentence*> out;
    for (const auto& s : select_sentences({&a, &b, &c}, w, Budget{16, 0}, o)) out.push_back(s.sentence);
    return out;
  };
  EXPECT_EQ(pick(), (std::vector<const Sentence*>{&a, &b}));  // 14 words, 13600
  o.fill_swaps = 1;
  EXPECT_EQ(pick(), (std::vector<const Sentence*>{&a, &c}));  // b swapped for c: 16 words, 15000
}

TEST(Selector, AtMostOneFormOfASentence) {
  ConceptWeights w;
  w.weight = {5000, 4000};
  w.document_count = {2, 2};
  Sentence whole = made(3, 12, {0, 1}, {1, 9}, {1, 2});
  Sentence compressed = made(3, 8, {0}, {1}, {1});
  compressed.variant = 0;
  Sentence other = made(3, 8, {1}, {1}, {7});  // disjoint words: only the sentence index says it is the same
  other.variant = 1;
  const auto chosen = select_sentences({&whole, &compressed, &other}, w, Budget{100, 0}, SelectionOptions{});
  ASSERT_EQ(chosen.size(), 1u);
  EXPECT_EQ(chosen[0].sentence, &whole);  // 9000 at once beats either form alone
}

TEST(Summarizer, LargeBudgetIsFilledWithTheNextBestContent) {
  // Four articles that agree on one sentence and otherwise say different things: once the agreed
  // content is covered, concepts under the agreement threshold fill the rest of a large budget;
  // without them the summary stops after the one agreed sentence.
  const std::string fact = "The northern dam on the Orvel river burst early on Sunday morning after heavy rain.";
  std::vector<InputDocument> docs;
  for (int d = 0; d < 4; ++d) {
    std::string text = fact;
    for (int k = 0; k < 12; ++k) {
      text += " Resident";
      for (int j = 0; j < 9; ++j) text += " vel" + std::to_string(d) + "x" + std::to_string(k) + "y" + std::to_string(j);
      text += ".";
    }
    docs.push_back(InputDocument{"doc" + std::to_string(d), "", "", text});
  }
  SummaryOptions o;
  const SummaryResult filled = run(docs, Budget{200, 0}, o);
  EXPECT_GE(summary_words(filled), 190);
  EXPECT_LE(summary_words(filled), 200);
  o.concepts.below_threshold = 0;
  const SummaryResult short_of_it = run(docs, Budget{200, 0}, o);
  EXPECT_LT(summary_words(short_of_it), 30);
}

TEST(Summarizer, OverflowOnlyWhenAskedAndAlwaysLast) {
  for (int budget : {40, 60, 100}) {
    const SummaryResult plain = run(seeds(), Budget{budget, 0});
    EXPECT_LE(summary_words(plain), budget);
    SummaryOptions o;
    o.selection.allow_last_sentence_overflow = true;
    const SummaryResult over = run(seeds(), Budget{budget, 0}, o);
    ASSERT_FALSE(over.summary.empty());
    const int total = summary_words(over);
    const auto& last = over.summary.back();
    const int before_last = total - sentence_of(over.corpus, last).words;
    EXPECT_LE(before_last, budget);  // only the last sentence may run past the budget
    EXPECT_GE(total, summary_words(plain));
  }
}

TEST(Summarizer, OrderWithPartlyKnownDates) {
  Corpus c;
  c.documents.resize(3);
  c.documents[0].date = "2014-07-26";
  c.documents[1].date = "";            // takes 2014-07-26 from the document before it
  c.documents[2].date = "2014-07-24";
  std::vector<SentenceRef> refs = {{0, 5, 1, 1}, {1, 0, 1, 1}, {2, 3, 1, 1}, {0, 1, 1, 1}};
  order_for_reading(c, &refs);
  const std::vector<std::pair<int, int>> expected = {{2, 3}, {1, 0}, {0, 1}, {0, 5}};
  ASSERT_EQ(refs.size(), expected.size());
  for (std::size_t i = 0; i < refs.size(); ++i) {
    EXPECT_EQ(std::make_pair(refs[i].document, refs[i].index), expected[i]) << i;
  }
  // No dates at all: leads first, then by document.
  for (auto& d : c.documents) d.date.clear();
  order_for_reading(c, &refs);
  const std::vector<std::pair<int, int>> by_position = {{1, 0}, {0, 1}, {2, 3}, {0, 5}};
  for (std::size_t i = 0; i < refs.size(); ++i) {
    EXPECT_EQ(std::make_pair(refs[i].document, refs[i].index), by_position[i]) << i;
  }
}

TEST(Summarizer, SupportCountsOnlyArticlesStatingTheSameThing) {
  const std::string fact = "The cabinet rejected the ceasefire proposal on Friday after a long meeting in Jerusalem.";
  const std::string own = "Hamas said the blockade of Gaza had lasted far too long for its people.";
  std::vector<InputDocument> docs = {
      {"a", "", "", fact + " Talks will resume in Cairo next week with Egyptian mediators present."},
      {"b", "", "", "The cabinet rejected the ceasefire proposal on Friday, officials said. " + own},
      {"c", "", "", "Egyptian mediators hope talks resume soon. " + fact},
      {"d", "", "", "Markets in Tel Aviv were calm on Friday as traders waited for news."}};
  const Corpus corpus = analyze(docs, english(), AnalysisOptions{});
  const ConceptWeights w = weigh_concepts(corpus, ConceptWeightOptions{});
  auto find = [&](int doc, const std::string& text) {
    const auto& ss = corpus.documents[doc].sentences;
    for (const auto& s : ss) {
      if (s.span.of(corpus.documents[doc].text) == text) return SentenceRef{doc, s.index, 1, 1};
    }
    ADD_FAILURE() << "no sentence: " << text;
    return SentenceRef{};
  };
  const std::vector<int> support = count_support(corpus, w, {find(0, fact), find(1, own)});
  EXPECT_EQ(support, (std::vector<int>{3, 1}));  // a, b (shorter wording) and c; the Hamas sentence: b only
}

// Four articles: "violet harbor" in 3 of them, "amber tunnel" in 1; the reference states both.
eval::Cluster harbor_cluster() {
  eval::Cluster cluster;
  cluster.name = "t";
  cluster.documents = {{"a", "", "", "The violet harbor closed on Monday. Officials gave no reason at all."},
                       {"b", "", "", "The violet harbor closed after a storm. Nobody was hurt by the wind."},
                       {"c", "", "", "Ships waited outside all day. Later the violet harbor reopened for traffic."},
                       {"d", "", "", "Workers dug the amber tunnel under the river. It opens next year."}};
  cluster.references = {"The violet harbor closed . Workers dug the amber tunnel ."};
  return cluster;
}

TEST(Learn, ExamplesAreThePairsAQuarterOfTheArticlesState) {
  // "violet harbor": 3 of 4 articles, in the reference; "amber tunnel": 1 of 4, also in it.
  eval::Cluster cluster = harbor_cluster();
  const std::vector<eval::ConceptExample> all = eval::concept_examples(cluster, english(), AnalysisOptions{}, 0);
  const std::vector<eval::ConceptExample> fit = eval::concept_examples(cluster, english(), AnalysisOptions{});
  ASSERT_FALSE(fit.empty());
  EXPECT_EQ(fit.size(), all.size());  // one article of four is a quarter
  bool harbor = false;
  for (const auto& e : fit) {
    EXPECT_GE(e.x[1], 250);                         // share of articles
    harbor = harbor || (e.x[1] == 750 && e.y == 1.0);  // "violet harbor" (and its neighbours)
  }
  EXPECT_TRUE(harbor);
  bool tunnel = false;  // a quarter of the articles: fitted too
  for (const auto& e : all) tunnel = tunnel || (e.x[1] == 250 && e.y == 1.0);
  EXPECT_TRUE(tunnel);
  // Pairs of a single article out of five or more are not fitted.
  cluster.documents.push_back({"e", "", "", "Divers inspected the pier again on Friday morning."});
  const std::vector<eval::ConceptExample> fit5 = eval::concept_examples(cluster, english(), AnalysisOptions{});
  const std::vector<eval::ConceptExample> all5 = eval::concept_examples(cluster, english(), AnalysisOptions{}, 0);
  EXPECT_LT(fit5.size(), all5.size());
  for (const auto& e : fit5) EXPECT_GE(e.x[1], 400);  // two articles of five or more
  bool single = false;
  for (const auto& e : all5) single = single || e.x[1] == 200;
  EXPECT_TRUE(single);
}

TEST(Learn, ExamplesNameTheirStemsAndCanBeSingleWords) {
  eval::Cluster cluster = harbor_cluster();
  auto find = [](const std::vector<eval::ConceptExample>& v, const std::string& text) -> const eval::ConceptExample* {
    for (const auto& e : v) {
      if (e.text == text) return &e;
    }
    return nullptr;
  };
  const auto pairs = eval::concept_examples(cluster, english(), AnalysisOptions{}, 0);
  const eval::ConceptExample* harbor = find(pairs, "violet harbor");
  ASSERT_NE(harbor, nullptr);
  EXPECT_EQ(harbor->x[1], 750);
  EXPECT_EQ(harbor->y, 1.0);
  EXPECT_EQ(find(pairs, "harbor"), nullptr);  // pairs only
  const auto words = eval::concept_examples(cluster, english(), AnalysisOptions{}, 0, true);
  const eval::ConceptExample* word = find(words, "harbor");
  ASSERT_NE(word, nullptr);
  EXPECT_EQ(word->x[1], 750);
  EXPECT_EQ(word->y, 1.0);
  const eval::ConceptExample* officials = find(words, "offici");  // not in the reference
  ASSERT_NE(officials, nullptr);
  EXPECT_EQ(officials->x[1], 250);
  EXPECT_EQ(officials->y, 0.0);
  EXPECT_EQ(find(words, "violet harbor"), nullptr);  // words only
}

TEST(Learn, DetokenizeAndLeastSquares) {
  EXPECT_EQ(eval::detokenize("Pinochet 's arrest , he said , was `` unprecedented '' ."),
            "Pinochet's arrest, he said, was \"unprecedented\".");
  // y = 0.2 + 0.5 x share exactly: the fit recovers it.
  std::vector<std::vector<eval::ConceptExample>> sets(2);
  for (int share = 0; share <= 1000; share += 100) {
    eval::ConceptExample e{};
    e.x[0] = 1000;
    e.x[1] = share;
    e.y = 0.2 + 0.5 * share / 1000.0;
    sets[share % 200 == 0 ? 0 : 1].push_back(e);
  }
  const std::vector<double> beta = eval::fit_least_squares(sets, {true, true}, 0.0);
  EXPECT_NEAR(beta[0], 0.2, 1e-9);
  EXPECT_NEAR(beta[1], 0.5, 1e-9);
  for (std::size_t k = 2; k < beta.size(); ++k) EXPECT_EQ(beta[k], 0.0);
  EXPECT_EQ(eval::to_model(beta)[1], 50000);
}

}  // namespace
}  // namespace precis

namespace precis {
namespace {

// Over 4 MiB of text, sentences compete whole: compressed forms would cost as much memory as the
// text (analyze()); below, the same articles do get forms.
TEST(Summarizer, CompressedFormsOnlyUpToFourMebibytesOfText) {
  auto variants = [](const SummaryResult& r) {
    std::size_t n = 0;
    for (const auto& d : r.corpus.documents) n += d.variants.size();
    return n;
  };
  const SummaryResult small = summarize(seeds(), english(), SummaryOptions{});
  EXPECT_GT(variants(small), 0u);
  std::vector<InputDocument> big;
  std::size_t bytes = 0;
  for (int copy = 0; bytes <= (4u << 20); ++copy) {
    for (InputDocument d : seeds()) {
      d.id += "-" + std::to_string(copy);
      d.text += "\n\nCopy " + std::to_string(copy) + ".";  // not exact duplicates
      bytes += d.text.size();
      big.push_back(std::move(d));
    }
  }
  const SummaryResult large = summarize(std::move(big), english(), SummaryOptions{});
  EXPECT_EQ(variants(large), 0u);
  ASSERT_FALSE(large.summary.empty());
  for (const auto& s : large.summary) EXPECT_EQ(s.variant, -1);
}

}  // namespace
}  // namespace precis
