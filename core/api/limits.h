// Documented input limits (README "Limits"). Beyond them Précis answers with a typed error
// instead of running out of memory or time.
#pragma once

#include <cstddef>

namespace precis::limits {

constexpr std::size_t kMaxTotalTextBytes = 64u << 20;    // all documents together
constexpr std::size_t kMaxRequestBytes = 160u << 20;     // the JSON request (escapes included)
constexpr std::size_t kMaxDocuments = 20000;
constexpr int kMaxJsonDepth = 64;
constexpr int kMaxSentenceWords = 150;                   // longer "sentences" are never summarised
constexpr int kMaxBudgetWords = 10000;
constexpr int kMaxBudgetSentences = 1000;
constexpr int kMaxKeySentences = 50;

}  // namespace precis::limits
