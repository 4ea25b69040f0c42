#include "eval/clean_eval_metric.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <map>

namespace precis::eval {
namespace {

// Python's \w for str patterns: str.isalnum() (letters L*, numbers Nd/Nl/No) or '_'.
bool is_word_char(UChar32 c) {
  if (c == '_') return true;
  switch (u_charType(c)) {
    case U_UPPERCASE_LETTER:
    case U_LOWERCASE_LETTER:
    case U_TITLECASE_LETTER:
    case U_MODIFIER_LETTER:
    case U_OTHER_LETTER:
    case U_DECIMAL_DIGIT_NUMBER:
    case U_LETTER_NUMBER:
    case U_OTHER_NUMBER:
      return true;
    default:
      return false;
  }
}

using Shingles = std::map<std::vector<std::string>, int>;

Shingles shingles(std::string_view text, int n) {
  const std::vector<std::string> tokens = word_tokens(text);
  Shingles out;
  const std::size_t count = tokens.size() >= static_cast<std::size_t>(n) ? tokens.size() - n + 1 : 1;
  for (std::size_t i = 0; i < count; ++i) {
    const std::size_t end = std::min(tokens.size(), i + static_cast<std::size_t>(n));
    if (end <= i) continue;  // no tokens: no shingle
    ++out[std::vector<std::string>(tokens.begin() + static_cast<long>(i), tokens.begin() + static_cast<long>(end))];
  }
  return out;
}

}  // namespace

std::vector<std::string> word_tokens(std::string_view text) {
  std::vector<std::string> tokens;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const auto len = static_cast<int32_t>(text.size());
  int32_t i = 0;
  std::string current;
  while (i < len) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, len, c);
    if (c >= 0 && is_word_char(c)) {
      current.append(text.data() + start, static_cast<std::size_t>(i - start));
    } else if (!current.empty()) {
      tokens.push_back(std::move(current));
      current.clear();
    }
  }
  if (!current.empty()) tokens.push_back(std::move(current));
  return tokens;
}

ShingleMatch match_shingles(std::string_view gold, std::string_view predicted, int n) {
  const Shingles g = shingles(gold, n), p = shingles(predicted, n);
  ShingleMatch m;
  for (const auto& [key, count] : g) {
    const auto it = p.find(key);
    const int pc = it == p.end() ? 0 : it->second;
    m.tp += std::min(count, pc);
    m.fn += std::max(0, count - pc);
  }
  for (const auto& [key, count] : p) {
    const auto it = g.find(key);
    const int gc = it == g.end() ? 0 : it->second;
    m.fp += std::max(0, count - gc);
  }
  const double sum = m.tp + m.fp + m.fn;
  if (sum > 0) {
    m.tp /= sum;
    m.fp /= sum;
    m.fn /= sum;
  }
  return m;
}

double page_precision(const ShingleMatch& m, bool* counts) {
  *counts = m.tp + m.fp > 0;
  if (m.fp == 0 && m.fn == 0) return 1.0;
  if (m.tp == 0 && m.fp == 0) return 0.0;
  return m.tp / (m.tp + m.fp);
}

double page_recall(const ShingleMatch& m, bool* counts) {
  *counts = m.tp + m.fn > 0;
  if (m.fp == 0 && m.fn == 0) return 1.0;
  if (m.tp == 0 && m.fn == 0) return 0.0;
  return m.tp / (m.tp + m.fn);
}

Scores aggregate(const std::vector<ShingleMatch>& pages) {
  Scores s;
  s.pages = static_cast<int>(pages.size());
  double p = 0, r = 0;
  int np = 0, nr = 0;
  for (const auto& m : pages) {
    bool counts = false;
    const double pp = page_precision(m, &counts);
    if (counts) { p += pp; ++np; }
    const double rr = page_recall(m, &counts);
    if (counts) { r += rr; ++nr; }
  }
  s.precision = np ? p / np : 0;
  s.recall = nr ? r / nr : 0;
  s.f1 = s.precision + s.recall > 0 ? 2 * s.precision * s.recall / (s.precision + s.recall) : 0;
  return s;
}

}  // namespace precis::eval
