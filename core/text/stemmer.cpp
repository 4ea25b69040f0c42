#include "text/stemmer.h"

#include <libstemmer.h>

#include "text/utf8.h"

namespace precis {

Stemmer::Stemmer(const std::string& algorithm) {
  if (algorithm.empty()) return;
  stemmer_ = sb_stemmer_new(algorithm.c_str(), "UTF_8");
  if (stemmer_) ascii_stemmer_ = sb_stemmer_new(algorithm.c_str(), "ISO_8859_1");
}

Stemmer::~Stemmer() {
  if (stemmer_) sb_stemmer_delete(stemmer_);
  if (ascii_stemmer_) sb_stemmer_delete(ascii_stemmer_);
}

std::string Stemmer::stem(std::string_view word) const {
  if (!stemmer_ || word.empty()) return std::string(word);
  sb_stemmer* const s = (ascii_stemmer_ && is_ascii(word)) ? ascii_stemmer_ : stemmer_;
  const sb_symbol* out = sb_stemmer_stem(s, reinterpret_cast<const sb_symbol*>(word.data()), static_cast<int>(word.size()));
  // libstemmer returns NULL only when it cannot allocate; keep the word rather than lose it.
  if (!out) return std::string(word);
  return std::string(reinterpret_cast<const char*>(out), static_cast<std::size_t>(sb_stemmer_length(s)));
}

}  // namespace precis
