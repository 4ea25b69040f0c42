#include "summarize/summarizer.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace precis {
namespace {

const Sentence& sentence_of(const Corpus& corpus, const SentenceRef& r) {
  return corpus.documents[r.document].sentences[r.index];
}

// How many documents state what `s` states: those containing at least half of its concepts that
// are shared by two documents or more (and at least two of them when it has several).
std::vector<int> count_support(const Corpus& corpus, const ConceptWeights& w, const std::vector<SentenceRef>& refs) {
  std::unordered_map<uint32_t, std::vector<int>> docs_of;  // concept -> documents, for needed concepts only
  for (const auto& r : refs) {
    for (uint32_t c : sentence_of(corpus, r).concepts) {
      if (w.document_count[c] >= 2) docs_of.emplace(c, std::vector<int>{});
    }
  }
  for (const auto& d : corpus.documents) {
    for (const auto& s : d.sentences) {
      for (uint32_t c : s.concepts) {
        auto it = docs_of.find(c);
        if (it != docs_of.end() && (it->second.empty() || it->second.back() != s.document)) it->second.push_back(s.document);
      }
    }
  }
  std::vector<int> support;
  for (const auto& r : refs) {
    std::unordered_map<int, int> hits;
    int shared = 0;
    for (uint32_t c : sentence_of(corpus, r).concepts) {
      auto it = docs_of.find(c);
      if (it == docs_of.end()) continue;
      ++shared;
      for (int d : it->second) ++hits[d];
    }
    int count = 1;  // its own document
    const int needed = std::max(shared >= 2 ? 2 : 1, static_cast<int>(std::ceil(0.5 * shared)));
    for (const auto& [d, h] : hits) {
      if (d != r.document && h >= needed) ++count;
    }
    support.push_back(count);
  }
  return support;
}

std::vector<SentenceRef> key_sentences_of(const Corpus& corpus, int doc, const ConceptWeights& w, const SummaryOptions& o) {
  const auto& sentences = corpus.documents[doc].sentences;
  std::unordered_map<uint32_t, int> in_doc;
  for (const auto& s : sentences) {
    for (uint32_t c : s.concepts) ++in_doc[c];
  }
  std::vector<std::pair<double, int>> scored;
  for (const auto& s : sentences) {
    if (!summary_worthy(s, o.min_sentence_words)) continue;
    double v = 0;
    // Agreement with other articles counts most; repetition inside the article helps too.
    for (uint32_t c : s.concepts) v += (w.document_count[c] - 1) + 0.5 * (in_doc[c] - 1);
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
  return out;
}

}  // namespace

bool summary_worthy(const Sentence& s, int min_words) {
  return s.words >= min_words && !s.too_long && !s.is_question && !s.concepts.empty();
}

SummaryResult summarize(std::vector<InputDocument> documents, const LanguageInfo& language, const SummaryOptions& options) {
  SummaryResult result;
  result.corpus = analyze(std::move(documents), language, options.analysis);
  const Corpus& corpus = result.corpus;
  const ConceptWeights weights = weigh_concepts(corpus, options.concepts);
  result.concept_threshold = weights.threshold;

  std::vector<const Sentence*> candidates;
  for (int min_words = options.min_sentence_words; min_words >= 1 && candidates.empty(); min_words /= 2) {
    for (const auto& d : corpus.documents) {
      for (const auto& s : d.sentences) {
        if (summary_worthy(s, min_words)) candidates.push_back(&s);
      }
    }
  }
  const std::vector<Selected> chosen = select_sentences(candidates, weights, options.budget, options.selection);
  double best = 0;
  for (const auto& c : chosen) best = std::max(best, c.gain);
  for (const auto& c : chosen) {
    result.summary.push_back(SentenceRef{c.sentence->document, c.sentence->index, best > 0 ? c.gain / best : 0.0, 1});
  }
  // Reading order: by article date when known, then article order, then position in the article.
  std::stable_sort(result.summary.begin(), result.summary.end(), [&](const SentenceRef& a, const SentenceRef& b) {
    const std::string& da = corpus.documents[a.document].date;
    const std::string& db = corpus.documents[b.document].date;
    if (!da.empty() && !db.empty() && da != db) return da < db;
    if (a.document != b.document) return a.document < b.document;
    return a.index < b.index;
  });
  const std::vector<int> support = count_support(corpus, weights, result.summary);
  for (std::size_t i = 0; i < support.size(); ++i) result.summary[i].support = support[i];

  for (int d = 0; d < static_cast<int>(corpus.documents.size()); ++d) {
    result.key_sentences.push_back(key_sentences_of(corpus, d, weights, options));
  }
  return result;
}

}  // namespace precis
