// Snowball (libstemmer) stemming of case-folded words.
#pragma once

#include <string>
#include <string_view>

struct sb_stemmer;

namespace precis {

class Stemmer {
 public:
  // `algorithm` is a Snowball name ("english", "porter", "german"...). Empty, or a name libstemmer
  // does not know, gives an identity stemmer (available() is false).
  explicit Stemmer(const std::string& algorithm);
  ~Stemmer();
  Stemmer(const Stemmer&) = delete;
  Stemmer& operator=(const Stemmer&) = delete;

  bool available() const { return stemmer_ != nullptr; }
  std::string stem(std::string_view folded_word) const;

 private:
  sb_stemmer* stemmer_ = nullptr;  // UTF-8
  // The same algorithm generated for ISO-8859-1, where libstemmer has it (Debian's native library;
  // the wasm build links it for English only, SNOWBALL_LATIN1_LANGUAGES in
  // scripts/build-wasm-deps.sh): for a word of ASCII letters both read the same symbols and give
  // the same stem, and the single-byte one skips UTF-8 decoding (a quarter faster).
  sb_stemmer* ascii_stemmer_ = nullptr;
};

}  // namespace precis
