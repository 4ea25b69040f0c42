// Multi-document extractive summarization: analyse, weigh concepts by cross-article agreement,
// select under the budget without redundancy, order for reading, and count support.
#pragma once

#include <vector>

#include "summarize/analysis.h"
#include "summarize/concept_weights.h"
#include "summarize/selector.h"

namespace precis {

struct SummaryOptions {
  Budget budget;
  int key_sentences = 3;        // per document
  int min_sentence_words = 6;   // shorter sentences are rarely self-contained facts
  AnalysisOptions analysis;
  ConceptWeightOptions concepts;
  SelectionOptions selection;
};

struct SentenceRef {
  int document = 0;
  int index = 0;     // into documents[document].sentences
  double score = 0;  // share of the summary's (or article's) best sentence value, in (0, 1]
  int support = 1;   // number of documents that state the same content (summary only)
};

struct SummaryResult {
  Corpus corpus;
  std::vector<SentenceRef> summary;                     // in reading order
  std::vector<std::vector<SentenceRef>> key_sentences;  // per document, best first
  int concept_threshold = 0;
};

SummaryResult summarize(std::vector<InputDocument> documents, const LanguageInfo& language,
                        const SummaryOptions& options);

// Eligible for a summary: long enough, not too long, not a question.
bool summary_worthy(const Sentence& s, int min_words);

}  // namespace precis
