// Sentence boundaries exactly as ICU 72 draws them with
// BreakIterator::createSentenceInstance(Locale("xx@ss=standard")): the root sentence rules (UAX #29
// SB rules, compiled with !!chain) under the filtered iterator that suppresses a break after one of
// the locale's abbreviations ("Mr.", "U.S.", ...), for text written only in ASCII, Latin letters up
// to U+024F, Latin-1 punctuation and the usual typographic punctuation and spaces: most news text.
//
// Why not ICU for everything: ICU's rule-based iterator needs the text in UTF-16, walks a UText,
// a code-point trie and a state table per code point, and the filter reopens the text at every
// candidate break. Here the rules are a small state machine over twelve character classes (one
// table lookup per character), and the abbreviations two tries. Any other code point (CJK,
// combining marks, Format characters such as the soft hyphen, U+0085, U+2028, emoji, ...) makes
// fast_sentence_breaks() decline, and the caller uses ICU. Equality with ICU is a unit test (every
// covered code point's class, every short string over the classes, every abbreviation of the
// en/de/fr/es lists in context, real news text) and a fuzz invariant (fuzz_segment).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "text/word_break.h"  // CodePointRange

namespace precis {

// The break exceptions of one locale and the two tries ICU's filtered iterator builds from them:
// a backward trie of reversed abbreviations (whole ones, and for abbreviations with more after
// their first '.', such as "Ph.D.", that first part as a "partial" match) and a forward trie of
// the abbreviations with such a partial prefix, checked from the start of the partial match.
class SentenceExceptions {
 public:
  SentenceExceptions() = default;  // no exceptions: the plain rule-based iterator
  // Built from the abbreviation list as SimpleFilteredBreakIteratorBuilder::build() builds its
  // tries (duplicates ignored). valid() is false if ICU would have failed to build them.
  explicit SentenceExceptions(const std::vector<std::u32string>& abbreviations);

  // The list ICU's builder loads for `locale_base_name` ("en", "de", ...), read the same way from
  // the brkitr resource bundle ("exceptions/SentenceBreak", with fallback); empty when the builder
  // would have found none (no bundle for the locale, no such resource, an unreadable one: ICU
  // then suppresses nothing). False if valid() is.
  static bool load(const char* locale_base_name, SentenceExceptions* out);

  bool valid() const { return valid_; }
  bool empty() const { return list_.empty(); }
  std::vector<std::u32string> abbreviations() const;  // sorted (for tests)

  // Whether ICU's filter suppresses the rule break at byte `at` (0 < at < text.size(), on a code
  // point boundary) of the valid UTF-8 `text`.
  bool suppresses(std::string_view text, std::size_t at) const;

 private:
  struct Key {
    uint32_t begin = 0;  // in a buffer of code points
    uint32_t length = 0;
    uint8_t value = 0;   // kPartial or kMatch
  };
  // A trie over code points; every node's children are consecutive edges, sorted.
  struct Trie {
    struct Node {
      uint32_t first_edge = 0;
      uint32_t edges = 0;
      uint8_t value = 0;  // 0, kPartial or kMatch
    };
    struct Edge {
      char32_t c;
      uint32_t node;
    };
    std::vector<Node> nodes{1};
    std::vector<Edge> edges;
    bool build(const std::u32string& chars, std::vector<Key> keys);  // false for a duplicate key
    void build(const std::u32string& chars, const std::vector<Key>& keys, std::size_t lo, std::size_t hi,
               uint32_t depth, uint32_t node);
    int child(uint32_t node, char32_t c) const;  // -1 when there is none
    bool has_next(uint32_t node) const { return nodes[node].edges != 0; }
  };
  void build_tries();

  std::u32string chars_;   // the abbreviations, one after another
  std::vector<Key> list_;  // ... each a range of chars_, sorted, without duplicates
  Trie backward_;
  Trie forward_;
  bool valid_ = true;
};

// Appends to `ends` the byte offset where each sentence piece of `text` ends (the boundaries
// after the start; the last is text.size()), exactly those of ICU's root sentence rules with
// `exceptions` suppressing breaks, and returns true; or returns false, appending nothing, when
// `text` holds a code point (or a byte) outside the covered repertoire, or is over 4 GiB.
bool fast_sentence_breaks(std::string_view text, const SentenceExceptions& exceptions, std::vector<uint32_t>* ends);

// For tests: the code points fast_sentence_breaks() covers, as inclusive ranges, and the
// Sentence_Break value it gives each (as ICU's USentenceBreak; -1 outside the repertoire).
std::vector<CodePointRange> fast_sentence_break_repertoire();
int fast_sentence_break_class(char32_t c);

}  // namespace precis
