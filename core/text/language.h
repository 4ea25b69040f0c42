// What Précis needs to know about a language: its ICU locale, its Snowball stemmer and its
// stopwords. Language is always a parameter; English is only the default.
#pragma once

#include <string>
#include <string_view>

namespace precis {

struct LanguageInfo {
  std::string code;            // BCP 47 primary subtag as given, lowercased: "en", "de", ...
  std::string sentence_locale; // ICU locale with abbreviation suppression: "en@ss=standard"
  std::string word_locale;     // ICU locale for word breaking
  std::string stemmer;         // Snowball algorithm name, empty when Snowball has none
  bool has_stopwords = false;
};

// Returns false (and leaves `out` untouched) when `code` is not a syntactically valid language
// subtag. Any valid code is accepted: languages without a stemmer or stopword list still work,
// with less accurate concept matching (the caller reports that as a warning).
bool resolve_language(std::string_view code, LanguageInfo* out);

}  // namespace precis
