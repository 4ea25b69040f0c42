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
  sb_stemmer* stemmer_ = nullptr;
};

}  // namespace precis
