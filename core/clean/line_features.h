// Surface features of one line of pasted text: what the text itself shows about whether it is
// article prose or page furniture (length, final punctuation, title case, vocabulary).
#pragma once

#include <bitset>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "text/span.h"

namespace precis {

struct Line {
  Span span;                 // trimmed line in the document text
  std::string_view text;     // the same bytes
  int words = 0;             // white-space separated words (a count: a vector per line cost a
                             // quarter of the memory of large requests)
  std::string key;           // lowercased letters and digits only, single spaces: for comparisons
  bool blank_before = false; // a blank line (or the start) precedes it
  bool terminal = false;     // ends like a sentence: . ! ? … optionally followed by quotes/brackets
  double title_case = 0.0;   // share of content words that start with a capital letter
  bool starts_lower = false; // first letter is lowercase (a wrapped continuation)
  int word_count() const { return words; }
};

// Splits `text` into non-blank lines with their features.
std::vector<Line> split_lines(std::string_view text);

// Lowercased, letters/digits only, single-spaced form used to compare lines.
std::string comparison_key(std::string_view text);

// A fixed list of phrases (lowercase, single-spaced, like keys): found_in(key) is true when one of
// them occurs in the key on word boundaries (starting at a word start, ending at a word end). One
// pass over the key: only its word starts are tried, each against the phrases that begin with its
// first byte, when its first three bytes may begin one. The phrases must outlive the set (string
// literals).
//
// A set may hold several lists (at most 32), so that a key asked about each of them is read once:
// lists_in(key) has bit k set when list k has a phrase in the key.
class PhraseSet {
 public:
  PhraseSet(std::initializer_list<std::string_view> phrases) : PhraseSet(std::vector<std::string_view>(phrases)) {}
  template <std::size_t N>
  explicit PhraseSet(const char* const (&phrases)[N]) : PhraseSet(std::vector<std::string_view>(phrases, phrases + N)) {}
  explicit PhraseSet(const std::vector<std::string_view>& phrases) : PhraseSet(std::vector<std::vector<std::string_view>>{phrases}) {}
  explicit PhraseSet(const std::vector<std::vector<std::string_view>>& lists);
  bool found_in(std::string_view key) const { return lists_in(key) != 0; }
  uint32_t lists_in(std::string_view key) const;

 private:
  // A bit per first three bytes of some phrase, from their low five bits (a-z and the space stay
  // apart; a collision only costs comparisons). Two bytes let too many words through ("th" for
  // "this article is for").
  static std::size_t start_bit(char a, char b, char c) {
    return (static_cast<std::size_t>(a) & 31) << 10 | (static_cast<std::size_t>(b) & 31) << 5 |
           (static_cast<std::size_t>(c) & 31);
  }

  struct Phrase {
    std::string_view text;
    uint32_t list;  // 1 << the index of its list
  };
  std::vector<Phrase> phrases_;  // sorted by first byte
  uint32_t first_[257] = {};     // phrases_[first_[b], first_[b + 1]) start with byte b
  std::bitset<32768> starts_;    // start_bit of each phrase's first three bytes
  uint32_t all_lists_ = 0;       // the bits of the lists with a phrase
};

}  // namespace precis
