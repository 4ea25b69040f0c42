#include "clean/line_features.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>

namespace precis {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

// Decodes the code point at s[i] (s is valid UTF-8) and advances i.
UChar32 next_cp(std::string_view s, std::size_t* i) {
  UChar32 c;
  int32_t idx = static_cast<int32_t>(*i);
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), idx, static_cast<int32_t>(s.size()), c);
  *i = static_cast<std::size_t>(idx);
  return c;
}

UChar32 first_letter(std::string_view w) {
  std::size_t i = 0;
  while (i < w.size()) {
    const unsigned char b = static_cast<unsigned char>(w[i]);
    if (b < 0x80) {  // ASCII without ICU: most words of most text
      ++i;
      if ((b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z')) return b;
      if (b >= '0' && b <= '9') return -1;
      continue;
    }
    const UChar32 c = next_cp(w, &i);
    if (u_isalpha(c)) return c;
    if (u_isdigit(c)) return -1;
  }
  return -1;
}

// Words that stay lowercase in English title case (and their common cousins elsewhere).
bool is_minor_word(std::string_view w) {
  // string_view: a length check first, no strlen per entry (this runs for every word of every line)
  static constexpr std::string_view kMinor[] = {"a", "an", "the", "of", "in", "on", "at", "to", "for", "and",
                                       "or", "but", "by", "with", "from", "as", "vs", "vs.", "de",
                                       "la", "le", "des", "du", "del", "der", "die", "und", "y", "e",
                                       "et", "von", "van", "into", "over", "per", "via", "than"};
  for (const std::string_view m : kMinor) {
    if (w == m) return true;
  }
  return false;
}

// A minor word once lowercased with everything but ASCII letters and '.' dropped ("(The" -> "the").
// Minor words have at most 4 such characters, so longer words are rejected without copying.
bool is_minor_word_in(std::string_view w) {
  char buf[4];
  std::size_t n = 0;
  for (char c : w) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    else if (!((c >= 'a' && c <= 'z') || c == '.')) continue;
    if (n == sizeof buf) return false;
    buf[n++] = c;
  }
  return is_minor_word(std::string_view(buf, n));
}

bool ends_like_sentence(std::string_view t) {
  // Strip closing quotes/brackets, then look for . ! ? or the ellipsis.
  std::size_t e = t.size();
  for (;;) {
    if (e == 0) return false;
    const unsigned char c = static_cast<unsigned char>(t[e - 1]);
    if (c == '"' || c == '\'' || c == ')' || c == ']') { --e; continue; }
    // U+201D ” and U+2019 ’ (E2 80 9D / E2 80 99)
    if (e >= 3 && static_cast<unsigned char>(t[e - 3]) == 0xE2 && static_cast<unsigned char>(t[e - 2]) == 0x80 &&
        (c == 0x9D || c == 0x99)) { e -= 3; continue; }
    break;
  }
  const unsigned char c = static_cast<unsigned char>(t[e - 1]);
  if (c == '.' || c == '!' || c == '?') return true;
  // U+2026 … (E2 80 A6), U+3002 。, U+FF01 ！, U+FF1F ？
  if (e >= 3) {
    const auto b0 = static_cast<unsigned char>(t[e - 3]), b1 = static_cast<unsigned char>(t[e - 2]);
    if (b0 == 0xE2 && b1 == 0x80 && c == 0xA6) return true;
    if (b0 == 0xE3 && b1 == 0x80 && c == 0x82) return true;
    if (b0 == 0xEF && b1 == 0xBC && (c == 0x81 || c == 0x9F)) return true;
  }
  return false;
}

}  // namespace

std::string comparison_key(std::string_view text) {
  std::string key;
  key.reserve(text.size());
  std::size_t i = 0;
  bool pending_space = false;
  while (i < text.size()) {
    const unsigned char b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) {  // ASCII without ICU (same result as below), a run of letters at a time
      if ((b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') || (b >= 'A' && b <= 'Z')) {
        if (pending_space && !key.empty()) key.push_back(' ');
        pending_space = false;
        std::size_t j = i;
        auto alnum = [](unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z'); };
        while (j < text.size() && alnum(static_cast<unsigned char>(text[j]))) ++j;
        const std::size_t at = key.size();
        key.append(text.data() + i, j - i);
        for (std::size_t k = at; k < key.size(); ++k) {
          if (key[k] >= 'A' && key[k] <= 'Z') key[k] = static_cast<char>(key[k] - 'A' + 'a');
        }
        i = j;
      } else {
        ++i;
        if (b != '\'') pending_space = true;
      }
      continue;
    }
    const UChar32 c = next_cp(text, &i);
    if (c >= 0 && (u_isalnum(c))) {
      if (pending_space && !key.empty()) key.push_back(' ');
      pending_space = false;
      const UChar32 l = u_tolower(c);
      char buf[4];
      int32_t n = 0;
      UBool err = false;
      U8_APPEND(reinterpret_cast<uint8_t*>(buf), n, 4, l, err);
      if (!err) key.append(buf, static_cast<std::size_t>(n));
    } else if (c == '\'' || c == 0x2019) {
      // "Kerry's" and "Kerry’s" compare equal to "kerrys".
    } else {
      pending_space = true;
    }
  }
  return key;
}

PhraseSet::PhraseSet(std::vector<std::string_view> phrases) : phrases_(std::move(phrases)) {
  std::stable_sort(phrases_.begin(), phrases_.end(), [](std::string_view a, std::string_view b) {
    return static_cast<unsigned char>(a[0]) < static_cast<unsigned char>(b[0]);
  });
  for (const std::string_view p : phrases_) ++first_[static_cast<unsigned char>(p[0]) + 1];
  for (int b = 0; b < 256; ++b) first_[b + 1] += first_[b];
}

bool PhraseSet::found_in(std::string_view key) const {
  for (std::size_t start = 0; start < key.size();) {
    const auto b = static_cast<unsigned char>(key[start]);
    for (uint32_t i = first_[b]; i < first_[b + 1]; ++i) {
      const std::string_view p = phrases_[i];
      const std::size_t stop = start + p.size();
      // The second byte first, inline: most candidates differ there (no memcmp call for them).
      if (stop <= key.size() && (p.size() < 2 || key[start + 1] == p[1]) && key.compare(start, p.size(), p) == 0 &&
          (stop == key.size() || key[stop] == ' ')) {
        return true;
      }
    }
    while (start < key.size() && key[start] != ' ') ++start;  // to the next word: words are short
    ++start;
  }
  return false;
}

std::vector<Line> split_lines(std::string_view text) {
  std::vector<Line> lines;
  bool blank_before = true;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) nl = text.size();
    std::size_t b = start, e = nl;
    while (b < e && is_space(text[b])) ++b;
    while (e > b && is_space(text[e - 1])) --e;
    // Non-breaking spaces (C2 A0) at either end count as blank too.
    while (e - b >= 2 && static_cast<unsigned char>(text[b]) == 0xC2 && static_cast<unsigned char>(text[b + 1]) == 0xA0) b += 2;
    while (e - b >= 2 && static_cast<unsigned char>(text[e - 2]) == 0xC2 && static_cast<unsigned char>(text[e - 1]) == 0xA0) e -= 2;
    if (b < e) {
      Line line;
      line.span = Span{b, e};
      line.text = text.substr(b, e - b);
      line.blank_before = blank_before;
      line.key = comparison_key(line.text);
      line.terminal = ends_like_sentence(line.text);
      int content = 0, capital = 0;
      std::size_t i = 0;
      while (i < line.text.size()) {
        while (i < line.text.size() && is_space(line.text[i])) ++i;
        std::size_t j = i;
        while (j < line.text.size() && !is_space(line.text[j])) ++j;
        if (j == i) break;
        const std::string_view word = line.text.substr(i, j - i);
        const UChar32 c = first_letter(word);
        const bool ascii = c >= 0 && c < 0x80;  // ASCII letters without ICU
        if (line.words == 0) line.starts_lower = c >= 0 && (ascii ? (c >= 'a' && c <= 'z') : u_islower(c));
        if (c >= 0 && !(line.words > 0 && is_minor_word_in(word))) {
          ++content;
          if (ascii ? (c >= 'A' && c <= 'Z') : (u_isupper(c) || u_istitle(c))) ++capital;
        }
        ++line.words;
        i = j;
      }
      line.title_case = content ? static_cast<double>(capital) / content : 0.0;
      lines.push_back(std::move(line));
      blank_before = false;
    } else {
      blank_before = true;
    }
    if (nl == text.size()) break;
    start = nl + 1;
  }
  return lines;
}

}  // namespace precis
