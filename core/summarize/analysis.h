// The analysed form of a request: each document repaired, cleaned, split into sentences, and each
// sentence reduced to stemmed terms and concepts (stemmed word pairs) shared across documents.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
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
};

struct Sentence {
  Span span;                      // bytes in the document's repaired text
  int document = 0;
  int index = 0;                  // position among the document's sentences
  int paragraph = 0;              // index of the cleaned block it came from
  int words = 0;                  // white-space words containing a letter or digit
  std::vector<uint32_t> terms;    // content-word stem ids, in order, duplicates kept
  std::vector<uint32_t> concepts; // distinct concept ids (stemmed pairs, not both stopwords)
  bool is_question = false;
  bool too_long = false;          // beyond the sentence length limit: never summarised
};

struct AnalyzedDocument {
  std::string id;
  std::string title;
  std::string date;
  std::string text;                        // repaired UTF-8: every offset points in here
  std::vector<std::size_t> invalid_utf8_at;
  CleanedText cleaned;
  std::vector<Sentence> sentences;
  int word_count = 0;
};

struct Corpus {
  std::vector<AnalyzedDocument> documents;
  std::size_t term_count = 0;
  std::size_t concept_count = 0;
  bool stemmed = false;
};

struct AnalysisOptions {
  int max_sentence_words = 150;
};

// Throws std::runtime_error if ICU data is unusable (a build problem, not an input problem).
Corpus analyze(std::vector<InputDocument> inputs, const LanguageInfo& language, const AnalysisOptions& options);

// White-space separated words that contain at least one letter or digit: how people and ROUGE
// count words.
int count_words(std::string_view text);

}  // namespace precis
