// A language's stopwords with their Snowball stems, computed once per thread and language. Every
// text is full of stopwords: stemming them afresh in each request was about a third of a
// one-article request's stemming (some 60 of its 170 distinct words), for the same stems each time.
#pragma once

#include <string>
#include <unordered_map>

#include "text/language.h"

namespace precis {

// Folded stopword (stopwords_for(language.code)) -> Stemmer(language.stemmer).stem(word).
// The set of keys is exactly the stopword list, so a lookup also answers "is it a stopword".
using StopwordStems = std::unordered_map<std::string, std::string>;

const StopwordStems& stopword_stems(const LanguageInfo& language);

}  // namespace precis
