// Reference systems built from the same analysed (cleaned, segmented) sentences the summarizer
// sees, so that differences come from selection alone, not from cleaning.
#pragma once

#include <random>
#include <string>
#include <vector>

#include "summarize/analysis.h"

namespace precis::eval {

// How the baselines fill a budget of `words` (counted as the core counts them).
// overflow = true when the scorer cuts at the budget anyway (ROUGE -l): take whole sentences until
// the budget is reached, and let the cut trim the last one, as the published baselines do.
// overflow = false when nothing is cut: never exceed the budget, like the summarizer.
struct Fill {
  int words = 100;
  bool overflow = true;
};

// The sentence as it reads in its document.
std::string sentence_text(const Corpus& corpus, const Sentence& s);

// Summary sentences joined with spaces.
std::string join_sentences(const Corpus& corpus, const std::vector<const Sentence*>& sentences);

// The first sentences of the first article (the earliest DOCNO, see dataset.h), continuing into
// the next article only if one runs out of text.
std::vector<const Sentence*> lead_baseline(const Corpus& corpus, const Fill& fill);

// Sentences drawn at random, without replacement, from all articles.
std::vector<const Sentence*> random_baseline(const Corpus& corpus, const Fill& fill, std::mt19937_64& rng);

}  // namespace precis::eval
