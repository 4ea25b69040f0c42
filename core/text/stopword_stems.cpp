#include "text/stopword_stems.h"

#include <map>
#include <memory>

#include "text/stemmer.h"
#include "text/stopwords.h"

namespace precis {

const StopwordStems& stopword_stems(const LanguageInfo& language) {
  // Any valid language code is accepted (resolve_language): only those with a stopword list get
  // an entry, so that requests naming ever new codes cannot grow the cache.
  static const StopwordStems none;
  const WordSet& stopwords = stopwords_for(language.code);
  if (stopwords.empty()) return none;
  // Per thread, like the segmenters (shared_segmenter): no lock on the per-request path.
  thread_local std::map<std::string, std::unique_ptr<StopwordStems>> cache;
  auto& slot = cache[language.code + "|" + language.stemmer];
  if (!slot) {
    auto stems = std::make_unique<StopwordStems>();
    const Stemmer stemmer(language.stemmer);
    stems->reserve(stopwords.size());
    for (const std::string& word : stopwords) stems->emplace(word, stemmer.stem(word));
    slot = std::move(stems);
  }
  return *slot;
}

}  // namespace precis
