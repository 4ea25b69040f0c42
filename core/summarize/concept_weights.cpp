#include "summarize/concept_weights.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace precis {
namespace {

// `x` in thousandths, rounded half away from zero: exact and the same on every platform.
int64_t milli(double x) { return static_cast<int64_t>(std::llround(x * 1000.0)); }

// x beyond `knot`, rescaled to 0..1000 (x and knot in thousandths).
int beyond(int x, int knot) { return std::max(0, x - knot) * 1000 / (1000 - knot); }

// Features 1-4 of concept_feature_vector: the share of `docs` documents that `count` of them are,
// and that share beyond 1/4, 1/2 and 3/4.
std::array<int, 4> share_features(int count, int docs) {
  const int share = count * 1000 / docs;
  return {share, beyond(share, 250), beyond(share, 500), beyond(share, 750)};
}

// Features 5-6: the same of the documents stating the concept in their first sentence.
std::array<int, 2> lead_features(int count, int docs) {
  const int lead = count * 1000 / docs;
  return {lead, beyond(lead, 250)};
}

// The learned model's value (before the division by 1000) of each concept: the dot product of its
// features and the model, with the terms that depend only on a count of documents (share and lead,
// six of the ten features) summed once per count instead of once per concept. Integer sums: the
// same value in any order.
class ModelValue {
 public:
  ModelValue(const std::vector<int>& model, int docs) {
    for (std::size_t k = 0; k < model.size() && k < m_.size(); ++k) m_[k] = model[k];
    by_documents_.resize(static_cast<std::size_t>(docs) + 1);
    by_leads_.resize(static_cast<std::size_t>(docs) + 1);
    for (int count = 0; count <= docs; ++count) {
      const auto share = share_features(count, docs);
      const auto lead = lead_features(count, docs);
      int64_t v = 0, l = 0;
      for (std::size_t k = 0; k < share.size(); ++k) v += m_[1 + k] * share[k];
      for (std::size_t k = 0; k < lead.size(); ++k) l += m_[5 + k] * lead[k];
      by_documents_[static_cast<std::size_t>(count)] = v;
      by_leads_[static_cast<std::size_t>(count)] = l;
    }
  }

  // A concept stated by `documents` documents, `leads` of them in their first sentence, with
  // features 7-9 (capitalised, earliest, stopword) as given.
  int64_t operator()(int documents, int leads, int capitalized, int earliest, int stopword) const {
    return m_[0] * 1000 + by_documents_[static_cast<std::size_t>(documents)] + by_leads_[static_cast<std::size_t>(leads)] +
           m_[7] * capitalized + m_[8] * earliest + m_[9] * stopword;
  }

 private:
  std::array<int64_t, kConceptFeatureCount> m_{};  // the model; weights it lacks are 0
  std::vector<int64_t> by_documents_, by_leads_;
};

}  // namespace

std::vector<int> default_concept_model() {
  // precis-eval ../shared/data/duc2003 --fit-model (least squares, ridge 10, on the word pairs that
  // at least a quarter of the articles state: those whose weights compete).
  // Order: bias, share, share beyond 1/4, 1/2, 3/4, lead share, lead share beyond 1/4,
  // capitalised, 1/(1 + earliest position), has a stopword.
  return {-1847, 9237, 12921, 14432, 11051, 12347, 13546, 1327, 7410, -462};
}

ConceptFeatures concept_features(const Corpus& corpus) {
  ConceptFeatures f;
  const std::size_t nc = corpus.concept_count;
  f.documents = static_cast<int>(corpus.documents.size());
  f.document_count.assign(nc, 0);
  f.lead_count.assign(nc, 0);
  f.sentence_count.assign(nc, 0);
  f.earliest.assign(nc, 1 << 30);
  std::vector<int> last_doc(nc, -1);
  for (const auto& d : corpus.documents) {
    bool first = true;
    for (const auto& s : d.sentences) {
      for (uint32_t c : s.concepts) {
        ++f.sentence_count[c];
        if (last_doc[c] != s.document) {  // first in this document: at its earliest sentence here
          last_doc[c] = s.document;
          ++f.document_count[c];
          f.earliest[c] = std::min(f.earliest[c], s.index);
        }
        if (first) ++f.lead_count[c];
      }
      if (!s.concepts.empty()) first = false;
    }
  }
  const auto& stopword = corpus.concept_has_stopword;
  f.has_stopword.assign(stopword.begin(), stopword.begin() + static_cast<std::ptrdiff_t>(std::min(nc, stopword.size())));
  f.has_stopword.resize(nc, 0);
  return f;
}

namespace {

// Features 7-9 of concept_feature_vector.
int capitalized_feature(const Corpus& corpus, uint32_t c) {
  const int occurrences = c < corpus.concept_occurrences.size() ? corpus.concept_occurrences[c] : 0;
  const int capitalized = c < corpus.concept_capitalized.size() ? corpus.concept_capitalized[c] : 0;
  return occurrences > 0 ? capitalized * 1000 / occurrences : 0;
}
int earliest_feature(const ConceptFeatures& f, uint32_t c) { return 1000 / (1 + std::min(f.earliest[c], 1000)); }
int stopword_feature(const ConceptFeatures& f, uint32_t c) { return f.has_stopword[c] ? 1000 : 0; }

}  // namespace

std::array<int, kConceptFeatureCount> concept_feature_vector(const ConceptFeatures& f, const Corpus& corpus, uint32_t c) {
  const int docs = std::max(f.documents, 1);
  const auto share = share_features(f.document_count[c], docs);
  const auto lead = lead_features(f.lead_count[c], docs);
  return {1000,     share[0], share[1], share[2], share[3], lead[0], lead[1], capitalized_feature(corpus, c),
          earliest_feature(f, c), stopword_feature(f, c)};
}

ConceptWeights weigh_concepts(const Corpus& corpus, const ConceptWeightOptions& options) {
  ConceptWeights w;
  const std::size_t nc = corpus.concept_count;
  const ConceptFeatures f = concept_features(corpus);
  w.document_count = f.document_count;
  w.weight.assign(nc, 0);
  const int docs = static_cast<int>(corpus.documents.size());
  // With one document there is no agreement to measure: use repetition inside it instead.
  const std::vector<int>& support = docs > 1 ? f.document_count : f.sentence_count;
  auto is_word = [&](std::size_t c) { return c < corpus.concept_is_word.size() && corpus.concept_is_word[c]; };
  // ceil(share * docs) with the share in thousandths: integer arithmetic only.
  const int64_t share_milli = std::clamp<int64_t>(milli(options.min_document_share), 0, 1000);
  const int by_share = static_cast<int>((share_milli * docs + 999) / 1000);
  int threshold = std::max(options.min_documents, by_share);
  // Lower the threshold until enough pair concepts reach it. Concepts per support value are
  // counted once, so each step is a sum, not a pass over all concepts (which was quadratic in
  // the number of documents: thousands of steps over hundreds of thousands of concepts).
  const int top = std::max(threshold, 1);
  std::vector<int64_t> at_least(static_cast<std::size_t>(top) + 2, 0);  // at_least[t]: pairs with support >= t
  for (std::size_t c = 0; c < nc; ++c) {
    if (!is_word(c) && support[c] >= 1) ++at_least[static_cast<std::size_t>(std::min(support[c], top))];
  }
  for (int t = top - 1; t >= 1; --t) at_least[static_cast<std::size_t>(t)] += at_least[static_cast<std::size_t>(t) + 1];
  for (; threshold >= 1; --threshold) {
    const int64_t kept = threshold <= top ? at_least[static_cast<std::size_t>(threshold)] : 0;
    if (kept >= options.min_concepts || threshold == 1) break;
  }
  w.threshold = std::max(threshold, 1);

  const int64_t lead = std::max<int64_t>(0, milli(options.lead_bonus));
  const int64_t below = std::max<int64_t>(0, milli(options.below_threshold));
  const ModelValue model_value(options.model, std::max(f.documents, 1));
  for (std::size_t c = 0; c < nc; ++c) {
    if (!options.model.empty()) {
      const auto k = static_cast<uint32_t>(c);
      const int64_t v = model_value(f.document_count[c], f.lead_count[c], capitalized_feature(corpus, k),
                                    earliest_feature(f, k), stopword_feature(f, k));
      w.weight[c] = std::max<int64_t>(0, v / 1000);
      if (support[c] < w.threshold) w.weight[c] = w.weight[c] * below / 1000;
    } else if (support[c] >= w.threshold) {
      w.weight[c] = kWeightUnit * support[c] + lead * f.lead_count[c];
    } else {
      w.weight[c] = below * support[c];
    }
  }
  const int64_t word_factor = std::max<int64_t>(0, milli(options.word_factor));
  for (std::size_t c = 0; c < nc; ++c) {
    if (is_word(c)) w.weight[c] = w.weight[c] * word_factor / 1000;
  }
  return w;
}

}  // namespace precis
