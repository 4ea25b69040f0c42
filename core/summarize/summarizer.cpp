#include "summarize/summarizer.h"

#include <algorithm>
#include <cmath>

namespace precis {
namespace {

// A word-pair concept (single-word concepts say too little to tell who states the same thing).
bool is_pair(const Corpus& corpus, uint32_t c) { return c >= corpus.concept_is_word.size() || !corpus.concept_is_word[c]; }

// in_doc: a zeroed counter per concept (dense ids: no hashing), handed back zeroed.
std::vector<SentenceRef> key_sentences_of(const Corpus& corpus, int doc, const ConceptWeights& w, const SummaryOptions& o,
                                          std::vector<int>* in_doc_counts) {
  const auto& sentences = corpus.documents[doc].sentences;
  std::vector<int>& in_doc = *in_doc_counts;
  for (const auto& s : sentences) {
    for (uint32_t c : s.concepts) ++in_doc[c];
  }
  std::vector<std::pair<double, int>> scored;
  for (const auto& s : sentences) {
    if (!summary_worthy(s, o.min_sentence_words, o)) continue;
    double v = 0;
    // Agreement with other articles counts most; repetition inside the article helps too.
    for (uint32_t c : s.concepts) {
      if (is_pair(corpus, c)) v += (w.document_count[c] - 1) + 0.5 * (in_doc[c] - 1);
    }
    v = v / std::sqrt(static_cast<double>(s.words)) * (1.0 + 1.0 / (1.0 + s.index));
    scored.emplace_back(v, s.index);
  }
  std::stable_sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  std::vector<SentenceRef> out;
  const double top = scored.empty() ? 0.0 : scored.front().first;
  for (const auto& [v, i] : scored) {
    if (static_cast<int>(out.size()) >= o.key_sentences) break;
    bool repeats = false;
    for (const auto& r : out) repeats = repeats || redundant(sentences[r.index], sentences[i], o.selection.redundancy_overlap);
    if (repeats) continue;
    out.push_back(SentenceRef{doc, i, top > 0 ? v / top : 0.0, 1});
  }
  for (const auto& s : sentences) {
    for (uint32_t c : s.concepts) in_doc[c] = 0;
  }
  return out;
}

}  // namespace

const Sentence& sentence_of(const Corpus& corpus, const SentenceRef& r) {
  const AnalyzedDocument& d = corpus.documents[r.document];
  return r.variant >= 0 ? d.variants[static_cast<std::size_t>(r.variant)] : d.sentences[r.index];
}

std::vector<int> count_support(const Corpus& corpus, const ConceptWeights& w, const std::vector<SentenceRef>& refs) {
  // The documents of each concept the summary needs; concepts are dense ids, so plain arrays.
  constexpr int32_t kUnneeded = -1;
  std::vector<int32_t> slot_of(corpus.concept_count, kUnneeded);
  std::vector<std::vector<int>> docs_of;  // by slot: documents stating the concept, ascending
  for (const auto& r : refs) {
    for (uint32_t c : sentence_of(corpus, r).concepts) {
      if (slot_of[c] == kUnneeded && w.document_count[c] >= 2 && is_pair(corpus, c)) {
        slot_of[c] = static_cast<int32_t>(docs_of.size());
        docs_of.emplace_back();
      }
    }
  }
  if (!docs_of.empty()) {
    for (const auto& d : corpus.documents) {
      for (const auto& s : d.sentences) {
        for (uint32_t c : s.concepts) {
          if (slot_of[c] == kUnneeded) continue;
          std::vector<int>& docs = docs_of[static_cast<std::size_t>(slot_of[c])];
          if (docs.empty() || docs.back() != s.document) docs.push_back(s.document);
        }
      }
    }
  }
  std::vector<int> support;
  std::vector<int> hits(corpus.documents.size(), 0);  // shared concepts per document, reset after each sentence
  std::vector<int> touched;
  for (const auto& r : refs) {
    int shared = 0;
    for (uint32_t c : sentence_of(corpus, r).concepts) {
      if (slot_of[c] == kUnneeded) continue;
      ++shared;
      for (int d : docs_of[static_cast<std::size_t>(slot_of[c])]) {
        if (hits[static_cast<std::size_t>(d)]++ == 0) touched.push_back(d);
      }
    }
    int count = 1;  // its own document
    const int needed = std::max(shared >= 2 ? 2 : 1, (shared + 1) / 2);
    for (int d : touched) {
      if (d != r.document && hits[static_cast<std::size_t>(d)] >= needed) ++count;
      hits[static_cast<std::size_t>(d)] = 0;
    }
    touched.clear();
    support.push_back(count);
  }
  return support;
}

bool summary_worthy(const Sentence& s, int min_words) {
  return s.words >= min_words && !s.too_long && !s.is_question && !s.concepts.empty();
}

bool summary_worthy(const Sentence& s, int min_words, const SummaryOptions& options) {
  return summary_worthy(s, min_words) && !(options.skip_quotes && s.starts_with_quote) &&
         !(options.skip_dangling && s.dangling_start) && !(options.skip_fragments && s.fragment) && (options.max_position <= 0 || s.index < options.max_position);
}

void order_for_reading(const Corpus& corpus, std::vector<SentenceRef>* summary) {
  const std::size_t nd = corpus.documents.size();
  std::vector<std::string> date(nd);
  std::string first_known;
  for (const auto& d : corpus.documents) {
    if (!d.date.empty()) { first_known = d.date; break; }
  }
  std::string last = first_known;
  for (std::size_t i = 0; i < nd; ++i) {
    if (!corpus.documents[i].date.empty()) last = corpus.documents[i].date;
    date[i] = last;
  }
  std::stable_sort(summary->begin(), summary->end(), [&](const SentenceRef& a, const SentenceRef& b) {
    const std::string& da = date[a.document];
    const std::string& db = date[b.document];
    if (da != db) return da < db;
    if (a.index != b.index) return a.index < b.index;
    return a.document < b.document;
  });
}

SummaryResult summarize(std::vector<InputDocument> documents, const LanguageInfo& language, const SummaryOptions& options) {
  SummaryResult result;
  AnalysisOptions analysis = options.analysis;
  analysis.concept_words = analysis.concept_words || options.selection.allow_last_sentence_overflow;
  result.corpus = analyze(std::move(documents), language, analysis);
  const Corpus& corpus = result.corpus;
  const ConceptWeights weights = weigh_concepts(corpus, options.concepts);
  result.concept_threshold = weights.threshold;

  // Sentences as written and their compressed forms compete alike (the selector takes at most one
  // form of a sentence).
  std::vector<const Sentence*> candidates;
  for (int min_words = options.min_sentence_words; min_words >= 1 && candidates.empty(); min_words /= 2) {
    for (const auto& d : corpus.documents) {
      for (const auto& s : d.sentences) {
        if (summary_worthy(s, min_words, options)) candidates.push_back(&s);
      }
      for (const auto& s : d.variants) {
        if (summary_worthy(s, min_words, options)) candidates.push_back(&s);
      }
    }
  }
  if (candidates.empty()) {  // only quotes, fragments or dangling sentences: better those than nothing
    for (const auto& d : corpus.documents) {
      for (const auto& s : d.sentences) {
        if (summary_worthy(s, 1)) candidates.push_back(&s);
      }
    }
  }
  const std::vector<Selected> chosen = select_sentences(candidates, weights, options.budget, options.selection);
  int64_t best = 0;
  for (const auto& c : chosen) best = std::max(best, c.gain);
  std::vector<SentenceRef> overflowing;  // kept last, where a cut at the budget trims it
  for (const auto& c : chosen) {
    const double score = best > 0 ? static_cast<double>(c.gain) / static_cast<double>(best) : 0.0;
    (c.overflows ? overflowing : result.summary)
        .push_back(SentenceRef{c.sentence->document, c.sentence->index, score, 1, c.sentence->variant});
  }
  order_for_reading(corpus, &result.summary);
  result.summary.insert(result.summary.end(), overflowing.begin(), overflowing.end());
  const std::vector<int> support = count_support(corpus, weights, result.summary);
  for (std::size_t i = 0; i < support.size(); ++i) result.summary[i].support = support[i];

  std::vector<int> in_doc(corpus.concept_count, 0);
  for (int d = 0; d < static_cast<int>(corpus.documents.size()); ++d) {
    result.key_sentences.push_back(key_sentences_of(corpus, d, weights, options, &in_doc));
  }
  return result;
}

}  // namespace precis
