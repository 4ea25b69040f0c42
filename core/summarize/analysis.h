// The analysed form of a request: each document repaired, cleaned, split into sentences, and each
// sentence reduced to stemmed terms and concepts (stemmed word pairs) shared across documents.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "clean/removed_span.h"
#include "text/language.h"
#include "text/span.h"

namespace precis {

struct InputDocument {
  std::string id;
  std::string title;
  std::string date;  // ISO 8601 when known; orders the summary
  std::string text;
  bool extracted = false;  // text is an article extracted from HTML: no region search in cleaning
  std::vector<Span> keep;  // byte ranges the reader wants kept: removed spans they overlap are restored
};

// A read-only run of ids: a sentence's terms or concepts, stored in its document's pools
// (AnalyzedDocument::id_pool, word_pool), or in any vector that outlives it (tests).
// One vector per sentence and list cost a heap block each: at 200,000 sentences, more than the
// ids themselves.
template <typename T>
class IdRange {
 public:
  IdRange() = default;
  IdRange(const T* data, std::size_t size) : data_(data), size_(static_cast<uint32_t>(size)) {}
  IdRange(const std::vector<T>& v) : IdRange(v.data(), v.size()) {}  // NOLINT: a view of v, which must outlive it
  IdRange(std::vector<T>&&) = delete;  // would view a vector about to die
  const T* begin() const { return data_; }
  const T* end() const { return data_ + size_; }
  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  const T& operator[](std::size_t i) const { return data_[i]; }

 private:
  const T* data_ = nullptr;
  uint32_t size_ = 0;
};

struct Sentence {
  Span span;                      // bytes in the document's repaired text
  int document = 0;
  int index = 0;                  // position among the document's sentences
  int paragraph = 0;              // index of the cleaned block it came from
  int words = 0;                  // white-space words containing a letter or digit
  IdRange<uint32_t> terms;        // distinct content-word stem ids, sorted (for redundancy tests)
  IdRange<uint32_t> concepts;     // distinct concept ids (stemmed pairs, not both stopwords), in the
                                  // order they first end in the sentence
  // For each entry of `concepts`: the white-space word (0-based, as ROUGE and readers count them,
  // punctuation-only words included) at which its first occurrence ends. What a cut after N words
  // keeps of the sentence. Empty unless AnalysisOptions::concept_words.
  IdRange<uint16_t> concept_word;
  bool is_question = false;
  bool too_long = false;          // beyond the sentence length limit: never summarised
  bool starts_with_quote = false; // opens with a quotation mark: quoted speech
  bool dangling_start = false;    // opens with a word that needs the sentence before it ("He", "But")
  bool fragment = false;          // opens with a lowercase letter or lacks final punctuation: a piece
                                  // of a sentence that a paragraph break or a cut split
  // A compressed form of sentence `index` (compression.h): its index in AnalyzedDocument::variants,
  // and the spans it leaves out (document offsets, in order). -1 and none: the sentence as written.
  // `span` stays the whole sentence's; `words`, `terms`, `concepts` are those of what is kept.
  int variant = -1;
  IdRange<Span> omitted;
};

struct AnalyzedDocument {
  std::string id;
  std::string title;
  std::string date;
  bool extracted = false;
  std::string text;                        // repaired UTF-8: every offset points in here
  std::vector<std::size_t> invalid_utf8_at;
  CleanedText cleaned;
  std::vector<Sentence> sentences;
  // Compressed forms of the sentences (AnalysisOptions::omission_rules), candidates for a summary
  // beside them; not part of the article: concept counts and key sentences never see them.
  std::vector<Sentence> variants;
  // Storage of the sentences' terms and concepts (Sentence::terms, concepts: views into these).
  // A document is moved, never copied: a copy's sentences would still point into the original.
  std::vector<uint32_t> id_pool;
  std::vector<uint16_t> word_pool;
  std::vector<Span> span_pool;  // the variants' omitted spans
  int word_count = 0;

  AnalyzedDocument() = default;
  AnalyzedDocument(AnalyzedDocument&&) = default;
  AnalyzedDocument& operator=(AnalyzedDocument&&) = default;
  AnalyzedDocument(const AnalyzedDocument&) = delete;
  AnalyzedDocument& operator=(const AnalyzedDocument&) = delete;
};

struct Corpus {
  std::vector<AnalyzedDocument> documents;
  std::size_t term_count = 0;
  std::size_t concept_count = 0;
  bool stemmed = false;
  // By concept id: occurrences, and those where both words are capitalised mid-sentence (names).
  std::vector<int> concept_occurrences;
  std::vector<int> concept_capitalized;
  std::vector<uint8_t> concept_has_stopword;  // one of its two words is a stopword
  std::vector<uint8_t> concept_is_word;       // a single content word (AnalysisOptions::unigram_concepts)
  // Only with AnalysisOptions::keep_vocabulary: the stem of each term id, and the two term ids of
  // each concept id (for evaluation and debugging).
  std::vector<std::string> term_text;
  std::vector<std::pair<uint32_t, uint32_t>> concept_terms;
};

struct AnalysisOptions {
  int max_sentence_words = 150;
  bool keep_vocabulary = false;
  bool unigram_concepts = true;  // content words are concepts too, besides word pairs
  // Fill Sentence::concept_word (where each concept ends in the sentence). Only a summary that may
  // overflow its last sentence needs it (SelectionOptions::allow_last_sentence_overflow; summarize()
  // turns it on then); it is a quarter of the analysis' memory.
  bool concept_words = false;
  // Compressed forms of English sentences to offer the selector (compression.h: CompressionRule
  // bits; 0 = none). Not for requests over 4 MiB of text (memory: see analyze()).
  unsigned omission_rules = 0xFFu;
};

// Throws std::runtime_error if ICU data is unusable (a build problem, not an input problem).
Corpus analyze(std::vector<InputDocument> inputs, const LanguageInfo& language, const AnalysisOptions& options);

// White-space separated words that contain at least one letter or digit: how people and ROUGE
// count words.
int count_words(std::string_view text);

}  // namespace precis
