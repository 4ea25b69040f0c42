#include "summarize/concept_weights.h"

#include <algorithm>
#include <cmath>

namespace precis {

ConceptWeights weigh_concepts(const Corpus& corpus, const ConceptWeightOptions& options) {
  ConceptWeights w;
  const std::size_t nc = corpus.concept_count;
  w.document_count.assign(nc, 0);
  w.weight.assign(nc, 0.0);
  std::vector<int> lead_count(nc, 0);
  std::vector<int> sentence_count(nc, 0);  // for single documents: repetition within the text
  std::vector<int> last_doc(nc, -1);
  for (const auto& d : corpus.documents) {
    bool first = true;
    for (const auto& s : d.sentences) {
      for (uint32_t c : s.concepts) {
        ++sentence_count[c];
        if (last_doc[c] != s.document) {
          last_doc[c] = s.document;
          ++w.document_count[c];
        }
        if (first) ++lead_count[c];
      }
      if (!s.concepts.empty()) first = false;
    }
  }
  const int docs = static_cast<int>(corpus.documents.size());
  // With one document there is no agreement to measure: use repetition inside it instead.
  const std::vector<int>& support = docs > 1 ? w.document_count : sentence_count;
  int threshold = std::max(options.min_documents,
                           static_cast<int>(std::ceil(options.min_document_share * docs - 1e-9)));
  for (; threshold >= 1; --threshold) {
    int kept = 0;
    for (std::size_t c = 0; c < nc; ++c) kept += support[c] >= threshold;
    if (kept >= options.min_concepts || threshold == 1) break;
  }
  w.threshold = std::max(threshold, 1);
  for (std::size_t c = 0; c < nc; ++c) {
    if (support[c] < w.threshold) continue;
    w.weight[c] = support[c] + options.lead_bonus * lead_count[c];
  }
  return w;
}

}  // namespace precis
