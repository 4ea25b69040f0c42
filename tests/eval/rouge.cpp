#include "eval/rouge.h"

#include <algorithm>
#include <unordered_map>

namespace precis::eval {
namespace {

// Perl's \s on bytes: ASCII white space only (a no-break space is a word character to ROUGE's cut).
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

bool is_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

// The prefix of `text` holding its first `max_words` white-space separated words.
std::string_view first_words(std::string_view text, int max_words) {
  if (max_words <= 0) return text;
  int words = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && is_space(text[i])) ++i;
    if (i == text.size()) break;
    if (words == max_words) return text.substr(0, i);
    ++words;
    while (i < text.size() && !is_space(text[i])) ++i;
  }
  return text;
}

std::unordered_map<std::string, int> ngram_counts(const Tokens& tokens, int n, int* total) {
  std::unordered_map<std::string, int> counts;
  *total = 0;
  for (std::size_t i = 0; i + n <= tokens.size(); ++i) {
    std::string gram = tokens[i];
    for (int j = 1; j < n; ++j) gram += ' ' + tokens[i + j];
    ++counts[gram];
    ++*total;
  }
  return counts;
}

}  // namespace

Rouge::Rouge(bool stem) : stem_(stem), stemmer_(stem ? "porter" : "") {}

Tokens Rouge::tokens(std::string_view text, int max_words) const {
  Tokens out;
  std::string token;
  auto flush = [&] {
    if (token.empty()) return;
    // ROUGE-1.5.5 stems only tokens longer than 3 characters ("was" stays, "this" becomes "thi").
    out.push_back(stem_ && token.size() > 3 ? stemmer_.stem(token) : token);
    token.clear();
  };
  for (char c : first_words(text, max_words)) {
    if (is_alnum(c)) {
      token += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    } else {
      flush();
    }
  }
  flush();
  return out;
}

RougeScore Rouge::score(const Tokens& system, const std::vector<Tokens>& references, int n) {
  int system_total = 0;
  const auto system_counts = ngram_counts(system, n, &system_total);
  long hits = 0, reference_total = 0;
  for (const auto& ref : references) {
    int ref_total = 0;
    for (const auto& [gram, count] : ngram_counts(ref, n, &ref_total)) {
      const auto it = system_counts.find(gram);
      if (it != system_counts.end()) hits += std::min(count, it->second);  // clipped
    }
    reference_total += ref_total;
  }
  RougeScore s;
  const long system_all = static_cast<long>(references.size()) * system_total;
  if (reference_total > 0) s.recall = static_cast<double>(hits) / reference_total;
  if (system_all > 0) s.precision = static_cast<double>(hits) / system_all;
  if (s.recall + s.precision > 0) s.f = 2 * s.precision * s.recall / (s.precision + s.recall);
  return s;
}

}  // namespace precis::eval
