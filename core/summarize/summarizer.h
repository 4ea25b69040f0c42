// Multi-document extractive summarization: analyse, weigh concepts by cross-article agreement,
// select under the budget without redundancy, order for reading, and count support.
//
// Defaults chosen on DUC 2003 (30 clusters, precis-eval; see the tuning flags there) and checked,
// without retuning, on MultiLing 2011 English. Everything that decides which sentences are chosen
// is integer arithmetic, so native and WebAssembly builds give byte-identical results.
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
  bool skip_quotes = false;     // never summarise a sentence that opens with a quotation mark
  bool skip_dangling = false;   // ...or one that opens with "He", "But", "It" (English)
  int max_position = 0;         // only the first N sentences of each article (0 = all)
  bool skip_fragments = true;   // never summarise a sentence fragment (Sentence::fragment)
  AnalysisOptions analysis;
  ConceptWeightOptions concepts;
  SelectionOptions selection;
};

struct SentenceRef {
  int document = 0;
  int index = 0;     // into documents[document].sentences
  double score = 0;  // share of the summary's (or article's) best sentence value, in (0, 1]
  int support = 1;   // number of documents that state the same content (summary only)
  int variant = -1;  // the compressed form quoted (documents[document].variants), -1: as written
};

// The sentence a reference quotes: as written, or its compressed form.
const Sentence& sentence_of(const Corpus& corpus, const SentenceRef& r);

struct SummaryResult {
  Corpus corpus;
  std::vector<SentenceRef> summary;                     // in reading order
  std::vector<std::vector<SentenceRef>> key_sentences;  // per document, best first
  int concept_threshold = 0;
};

SummaryResult summarize(std::vector<InputDocument> documents, const LanguageInfo& language,
                        const SummaryOptions& options);

// Eligible for a summary: long enough, not too long, not a question (nor, when the options say
// so, a fragment, quoted speech or a sentence that depends on the one before it).
bool summary_worthy(const Sentence& s, int min_words);
bool summary_worthy(const Sentence& s, int min_words, const SummaryOptions& options);

// Reading order of summary sentences: by article date (a document without a date takes that of
// the nearest dated document before it in the input, else the first dated one), then by position
// in the article (leads first), then by document.
void order_for_reading(const Corpus& corpus, std::vector<SentenceRef>* summary);

// For each sentence: how many documents state the same content, its own included: those that
// contain at least half of its word-pair concepts found in two documents or more (and at least
// two of them when it has several).
std::vector<int> count_support(const Corpus& corpus, const ConceptWeights& weights, const std::vector<SentenceRef>& refs);

}  // namespace precis
