// Budgeted maximum coverage: choose sentences whose concepts, weighted by how many articles state
// them, cover the most weight within the budget, never two that say the same thing.
//
// Lazy greedy on gain per word (exact greedy results, evaluating few candidates), restarted from
// each of the strongest sentences in turn and keeping the best total: on news clusters this comes
// within a fraction of a percent of the exact (ILP) optimum, at a tiny fraction of the cost.
#pragma once

#include <vector>

#include "summarize/analysis.h"
#include "summarize/concept_weights.h"

namespace precis {

struct Budget {
  int max_words = 100;     // 0 = no word limit
  int max_sentences = 0;   // 0 = no sentence limit
};

struct SelectionOptions {
  int restarts = 16;               // greedy runs, each forced to start from a different sentence
  double redundancy_overlap = 0.6; // share of the shorter sentence's content words already said
  double length_exponent = 1.0;    // gain / words^exponent (1 = per word; used with word budgets)
};

struct Selected {
  const Sentence* sentence;
  double gain;  // concept weight it added when chosen
};

std::vector<Selected> select_sentences(const std::vector<const Sentence*>& candidates, const ConceptWeights& weights,
                                       const Budget& budget, const SelectionOptions& options);

// True if `a` and `b` share so many content words that one mostly repeats the other.
bool redundant(const Sentence& a, const Sentence& b, double overlap);

}  // namespace precis
