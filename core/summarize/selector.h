// Budgeted maximum coverage: choose sentences whose concepts, weighted by how many articles state
// them, cover the most weight within the budget, never two that say the same thing.
//
// Lazy greedy on gain per word (exact greedy results, evaluating few candidates), restarted from
// each of the strongest sentences in turn and keeping the best total, then a few swaps that fill
// the words left: on news clusters this comes within a fraction of a percent of the exact (ILP)
// optimum, at a tiny fraction of the cost.
// All comparisons are exact integer arithmetic: native and WebAssembly builds agree.
#pragma once

#include <cstdint>
#include <vector>

#include "summarize/analysis.h"
#include "summarize/concept_weights.h"

namespace precis {

// Candidates beyond this many (by standalone value per length) do not compete: bounds the cost of
// selection on inputs of thousands of articles. News clusters have a few hundred candidates.
constexpr std::size_t kMaxCompetingCandidates = 4096;

struct Budget {
  int max_words = 100;     // 0 = no word limit
  int max_sentences = 0;   // 0 = no sentence limit
};

struct SelectionOptions {
  int restarts = 16;               // greedy runs, each forced to start from a different sentence
  double redundancy_overlap = 0.6; // share of the shorter sentence's content words already said
  // Let one last sentence run past the word budget, chosen for what its first words (those within
  // the budget) add. Only for scorers that cut summaries at the budget, such as ROUGE -l; a user's
  // budget is never exceeded when this is false (the default).
  bool allow_last_sentence_overflow = false;
  // After the greedy, with a word budget: at most this many swaps of one chosen sentence (or none)
  // for the candidate worth most in the words left (0 = none).
  int fill_swaps = 3;
};

struct Selected {
  const Sentence* sentence;
  int64_t gain;            // concept weight it added when chosen (within the budget, if it overflows)
  bool overflows = false;  // the last sentence, running past the budget (allow_last_sentence_overflow)
};

// In the order chosen. With a word budget, sentences are ranked by gain per word; with only a
// sentence budget (or none), by gain per square root of words.
std::vector<Selected> select_sentences(const std::vector<const Sentence*>& candidates, const ConceptWeights& weights,
                                       const Budget& budget, const SelectionOptions& options);

// True if `a` and `b` share so many content words that one mostly repeats the other.
bool redundant(const Sentence& a, const Sentence& b, double overlap);

}  // namespace precis
