// Function-word lists. Words are stored case-folded (NFKC_Casefold), matching what
// Tokenizer produces, so lookups need no further normalization.
#pragma once

#include <string>
#include <string_view>
#include <unordered_set>

namespace precis {

using WordSet = std::unordered_set<std::string>;

// Empty set for a language without a list.
const WordSet& stopwords_for(std::string_view language_code);

}  // namespace precis
