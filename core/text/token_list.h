// The word tokens of a text, as Segmenter::words() finds them. Each token's folded form is a view
// into one buffer that the list owns, where the forms lie end to end: a token costs no string of
// its own. (A std::string per token, built, lowercased and destroyed, was most of the cost of
// breaking news text into words.) Filling the list again, or destroying it, ends the views, so a
// list is neither copied nor moved.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "text/span.h"

namespace precis {

struct Token {
  Span span;                // bytes in the document text
  std::string_view folded;  // NFKC_Casefold form, typographic apostrophes made plain (in the list)
  bool is_number = false;
};

class TokenList {
 public:
  TokenList() = default;
  TokenList(const TokenList&) = delete;
  TokenList& operator=(const TokenList&) = delete;

  std::size_t size() const { return tokens_.size(); }
  bool empty() const { return tokens_.empty(); }
  const Token& operator[](std::size_t i) const { return tokens_[i]; }
  std::vector<Token>::const_iterator begin() const { return tokens_.begin(); }
  std::vector<Token>::const_iterator end() const { return tokens_.end(); }
  void clear();

  // For the segmenter, which fills a list in three steps. start() empties it and returns the
  // buffer, to which the folded forms are written; add() appends a token whose form is
  // buffer[at, at + size); finish() points the tokens' views into the buffer, which must not
  // change afterwards. (Offsets, not views, until then: writing to the buffer may move it.)
  std::string& start();
  void add(Span span, std::size_t at, std::size_t size, bool is_number) {  // inline: once per word
    tokens_.push_back(Token{span, std::string_view(), is_number});
    at_.emplace_back(at, size);
  }
  void finish();

 private:
  std::vector<Token> tokens_;
  std::vector<std::pair<std::size_t, std::size_t>> at_;  // per token while filling: where its form is
  std::string folded_;
};

}  // namespace precis
