#include "text/language.h"

#include <cctype>

#include "text/stopwords.h"

namespace precis {
namespace {

struct SnowballName {
  const char* code;
  const char* algorithm;
};

// Snowball stemmers Précis uses, by ISO 639-1 code. The wasm build links exactly these
// (SNOWBALL_LANGUAGES in scripts/build-wasm-deps.sh), so native and wasm stem alike; other
// languages work unstemmed, with a warning.
constexpr SnowballName kSnowball[] = {
    {"ar", "arabic"},     {"da", "danish"},    {"nl", "dutch"},      {"en", "english"},
    {"fi", "finnish"},    {"fr", "french"},    {"de", "german"},     {"hu", "hungarian"},
    {"id", "indonesian"}, {"it", "italian"},   {"no", "norwegian"},  {"nb", "norwegian"},
    {"pt", "portuguese"}, {"ro", "romanian"},  {"ru", "russian"},    {"es", "spanish"},
    {"sv", "swedish"},    {"tr", "turkish"},
};

}  // namespace

bool resolve_language(std::string_view code, LanguageInfo* out) {
  // Accept "en", "en-US", "en_GB", "pt-BR": keep the primary subtag.
  std::string primary;
  for (char c : code) {
    if (c == '-' || c == '_') break;
    if (!std::isalpha(static_cast<unsigned char>(c))) return false;
    primary.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  if (primary.size() < 2 || primary.size() > 3) return false;
  LanguageInfo info;
  info.code = primary;
  info.sentence_locale = primary + "@ss=standard";
  info.word_locale = primary;
  for (const auto& s : kSnowball) {
    if (primary == s.code) info.stemmer = s.algorithm;
  }
  info.has_stopwords = !stopwords_for(primary).empty();
  *out = info;
  return true;
}

}  // namespace precis
