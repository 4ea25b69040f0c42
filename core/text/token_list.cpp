#include "text/token_list.h"

namespace precis {

void TokenList::clear() {
  tokens_.clear();
  at_.clear();
  folded_.clear();
}

std::string& TokenList::start() {
  clear();
  return folded_;
}

void TokenList::finish() {
  const std::string_view folded(folded_);
  for (std::size_t i = 0; i < tokens_.size(); ++i) tokens_[i].folded = folded.substr(at_[i].first, at_[i].second);
}

}  // namespace precis
