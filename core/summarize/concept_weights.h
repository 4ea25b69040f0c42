// How much each concept (stemmed word pair) is worth covering: the share of human summaries
// expected to contain it, predicted by a linear model of what the articles say about it (how many
// articles state it, how many in their first sentence, how early, whether it is a name), fitted by
// least squares on DUC 2003 (precis-eval --fit-model; its leave-one-cluster-out scores with
// --learn). Concepts that fewer than half the articles state keep a tenth of their weight, so that
// once the agreed content is covered a larger budget fills with the next-best content instead of
// stopping short. The older counting model (articles stating the concept, plus a bonus per
// article that states it in its first sentence) remains available with an empty model.
//
// Weights are integers and computed with integer arithmetic only, so that native and WebAssembly
// builds choose exactly the same sentences.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "summarize/analysis.h"

namespace precis {

constexpr int64_t kWeightUnit = 1000;

// The model fitted on all 30 clusters of DUC 2003 (ridge 10, on the word pairs stated by at least a
// quarter of the articles): see ConceptWeightOptions::model.
std::vector<int> default_concept_model();

struct ConceptWeightOptions {
  double min_document_share = 0.5;  // a concept must appear in this share of the documents...
  int min_documents = 2;            // ...and in at least this many (single documents: see below)
  double lead_bonus = 2.0;          // counting model: added per document stating it in its first sentence
  int min_concepts = 8;             // relax the thresholds until at least this many survive
  // Weight per document of a concept under the threshold, as a share of a document's weight
  // above it (0 = ignore such concepts).
  double below_threshold = 0.1;
  // The learned linear model: weight = max(0, sum over k of model[k] times feature k of
  // concept_feature_vector) / 1000, the features scaled to 0..1000 (a predicted share of 1 weighs
  // 100000); concepts under the threshold keep below_threshold of it. Empty: the counting model,
  // kWeightUnit per document stating the concept plus lead_bonus per first sentence stating it,
  // below_threshold per document under the threshold.
  std::vector<int> model = default_concept_model();
  // Weight of a single-word concept (AnalysisOptions::unigram_concepts) relative to a word pair's.
  double word_factor = 0.1;
};

struct ConceptWeights {
  std::vector<int64_t> weight;        // by concept id; 0 = not worth covering
  std::vector<int> document_count;    // by concept id: documents containing it
  int threshold = 0;                  // the document count finally required
};

// What is known of each concept, by concept id.
struct ConceptFeatures {
  int documents = 0;                      // in the corpus
  std::vector<int> document_count;        // documents that contain the concept
  std::vector<int> lead_count;            // documents whose first sentence contains it
  std::vector<int> sentence_count;        // sentences that contain it
  std::vector<int> earliest;              // smallest sentence index at which it occurs
  std::vector<uint8_t> has_stopword;      // one of its two words is a stopword
};

ConceptFeatures concept_features(const Corpus& corpus);

constexpr int kConceptFeatureCount = 10;
// The features of the learned model, each an integer from 0 to 1000: 1000 (bias); the share of
// documents containing the concept, and that share beyond 1/4, 1/2 and 3/4 (each rescaled to
// 0..1000, so that the model can be convex in it); the share of documents stating it in their first
// sentence, and that share beyond 1/4; the share of its occurrences written capitalised (names);
// 1000 / (1 + earliest sentence index); one of its words is a stopword.
std::array<int, kConceptFeatureCount> concept_feature_vector(const ConceptFeatures& f, const Corpus& corpus, uint32_t c);

ConceptWeights weigh_concepts(const Corpus& corpus, const ConceptWeightOptions& options);

}  // namespace precis
