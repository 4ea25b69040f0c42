// Sentence and word segmentation with ICU BreakIterator, plus the news-specific post-pass that
// ICU's abbreviation suppression does not cover ("U.S. Secretary", "Dr. Smith", "No. 10",
// sentences inside quoted speech).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "text/language.h"
#include "text/sentence_break.h"
#include "text/span.h"
#include "text/token_list.h"
#include "text/word_break.h"

#include <unicode/uversion.h>

U_NAMESPACE_BEGIN
class BreakIterator;
class Normalizer2;
U_NAMESPACE_END

namespace precis {

struct Utf16Text;  // segmenter.cpp

class Segmenter {
 public:
  // Throws std::runtime_error if ICU cannot create the iterators (e.g. missing ICU data). ICU's
  // sentence iterator is created on first use when sentence_break.h covers the language (its
  // abbreviation filter costs more to build than breaking a cluster of articles without it); a
  // failure then throws from the first call that needs it.
  explicit Segmenter(const LanguageInfo& language);
  ~Segmenter();
  Segmenter(const Segmenter&) = delete;
  Segmenter& operator=(const Segmenter&) = delete;

  // Sentences of `text`, whose first byte is at document offset `base`. Spans are absolute and
  // trimmed of surrounding white space; empty pieces are dropped. Text in the repertoire of
  // sentence_break.h is broken without ICU (same boundaries), the rest by ICU.
  std::vector<Span> sentences(std::string_view text, std::size_t base);

  // The same, always by ICU's sentence BreakIterator: the reference for tests and benchmarks.
  std::vector<Span> icu_sentences(std::string_view text, std::size_t base);

  // Word tokens (letters or digits; punctuation and spaces skipped): `out` is filled anew. Text in
  // the repertoire of word_break.h is broken without ICU (same boundaries), the rest by ICU.
  void words(std::string_view text, std::size_t base, TokenList* out);

  // The same, always by ICU's word BreakIterator: the reference for tests and benchmarks.
  void icu_words(std::string_view text, std::size_t base, TokenList* out);

  // Both of the above (each output filled anew), converting the text to UTF-16 once if ICU is
  // needed at all.
  void sentences_and_words(std::string_view text, std::size_t base, std::vector<Span>* sentences, TokenList* words);

  // Case-folds one word the way words() does (NFKC_Casefold). An ASCII word's fold is the word
  // with A-Z lowercased: most words of most news text skip ICU's UTF-16 round trip and normalizer.
  std::string fold(std::string_view word) const;

  // Whether sentences() breaks text in the repertoire of sentence_break.h without ICU: the
  // language's sentence rules are ICU's root rules (not el, for one).
  bool fast_sentence_break() const { return fast_sentence_break_; }

  // Whether this and `other` break every text alike: the same ICU word rules and the same sentence
  // rules and abbreviation filter (for a language whose sentence rules are not the root rules, the
  // same locale: ICU's filter cannot be read back). Language codes without data of their own fall
  // back to ICU's root data, so most codes break alike.
  bool breaks_like(const Segmenter& other) const;

 private:
  std::vector<Span> sentences_of(const Utf16Text& t, std::string_view text, std::size_t base);
  // Sentence pieces by fast_sentence_breaks(); false (nothing stored) when it declines the text.
  bool fast_sentence_pieces(std::string_view text, std::vector<Span>* pieces);
  icu::BreakIterator& icu_sentence_iterator();  // created on first use
  void words_of(const Utf16Text& t, std::string_view text, std::size_t base, TokenList* out);
  void append_fold(std::string_view word, std::string* out) const;  // fold(), appended to *out
  // Appends the NFKC_Casefold of a word that is not pure ASCII, typographic apostrophes made plain.
  void icu_fold(std::string_view word, std::string* out) const;
  // Words by fast_word_spans(); false (`out` untouched) when it declines the text.
  bool fast_words(std::string_view text, std::size_t base, TokenList* out);

  std::string sentence_locale_;
  std::unique_ptr<icu::BreakIterator> sentence_it_;
  std::unique_ptr<icu::BreakIterator> word_it_;
  const icu::Normalizer2* nfkc_cf_ = nullptr;
  bool fast_word_break_ = false;  // the language uses ICU's root word rules (not fi, sv)
  bool fast_sentence_break_ = false;  // ... and ICU's root sentence rules, filtered by:
  SentenceExceptions sentence_exceptions_;
  std::vector<WordSpan> spans_;
  std::vector<uint32_t> sentence_ends_;
};

// A Segmenter for `language`, created on first use and kept for the thread's lifetime; languages
// whose segmenters would break alike (breaks_like) share one, so that the memory stays bounded by
// the distinct rules in ICU's data however many language codes requests name.
Segmenter& shared_segmenter(const LanguageInfo& language);

// The post-pass on its own, for testing: given raw sentence pieces of `text` (relative spans,
// in order, covering the text), merges pieces that ICU split wrongly.
std::vector<Span> merge_false_breaks(std::string_view text, const std::vector<Span>& pieces);

}  // namespace precis
