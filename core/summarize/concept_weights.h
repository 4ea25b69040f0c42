// How much each concept (stemmed word pair) is worth covering: the number of articles that state
// it, kept only when enough articles agree, with a bonus for concepts found in an article's lead.
#pragma once

#include <vector>

#include "summarize/analysis.h"

namespace precis {

struct ConceptWeightOptions {
  double min_document_share = 0.5;  // a concept must appear in this share of the documents...
  int min_documents = 2;            // ...and in at least this many (single documents: see below)
  double lead_bonus = 0.5;          // added per document whose first sentence has the concept
  int min_concepts = 8;             // relax the thresholds until at least this many survive
};

struct ConceptWeights {
  std::vector<double> weight;         // by concept id; 0 = not worth covering
  std::vector<int> document_count;    // by concept id: documents containing it
  int threshold = 0;                  // the document count finally required
};

ConceptWeights weigh_concepts(const Corpus& corpus, const ConceptWeightOptions& options);

}  // namespace precis
