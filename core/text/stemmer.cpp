#include "text/stemmer.h"

#include <libstemmer.h>

namespace precis {

Stemmer::Stemmer(const std::string& algorithm) {
  if (!algorithm.empty()) stemmer_ = sb_stemmer_new(algorithm.c_str(), "UTF_8");
}

Stemmer::~Stemmer() {
  if (stemmer_) sb_stemmer_delete(stemmer_);
}

std::string Stemmer::stem(std::string_view word) const {
  if (!stemmer_ || word.empty()) return std::string(word);
  const sb_symbol* out = sb_stemmer_stem(stemmer_, reinterpret_cast<const sb_symbol*>(word.data()),
                                         static_cast<int>(word.size()));
  // libstemmer returns NULL only when it cannot allocate; keep the word rather than lose it.
  if (!out) return std::string(word);
  return std::string(reinterpret_cast<const char*>(out), static_cast<std::size_t>(sb_stemmer_length(stemmer_)));
}

}  // namespace precis
