#include "clean/plain_text_cleaner.h"

#include <algorithm>
#include <cstring>
#include <functional>
#include <set>

#include "clean/boilerplate_vocabulary.h"
#include "clean/line_features.h"
#include "text/blank.h"

namespace precis {
namespace {

constexpr int kMaxHeadlineWords = 20;

bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

bool has_template_marker(std::string_view t) {
  // "{{", "}}", "{%", "%}", "${", "[[": each has a '{', '}' or '[', so only those bytes are checked
  // against their neighbours. Most lines have none of them: a search for each (memchr) rules a line
  // out far faster than a loop over its bytes.
  for (const char c : {'{', '}', '['}) {
    for (std::size_t i = t.find(c); i != std::string_view::npos; i = t.find(c, i + 1)) {
      const char next = i + 1 < t.size() ? t[i + 1] : '\0';
      const char prev = i > 0 ? t[i - 1] : '\0';
      if ((c == '{' && (next == '{' || next == '%' || prev == '$')) || (c == '}' && (next == '}' || prev == '%')) ||
          (c == '[' && next == '[')) {
        return true;
      }
    }
  }
  return false;
}

// A line that reads like a headline: short, no sentence punctuation, mostly capitalised words.
bool headline_like(const Line& l) {
  return l.word_count() >= 2 && l.word_count() <= kMaxHeadlineWords && !l.terminal && l.title_case >= 0.6;
}

// Long enough and punctuated like prose: the end of a boilerplate block.
bool article_like(const Line& l) { return l.word_count() >= 15 && l.terminal; }

bool first_word_is_imperative(const Line& l) {
  static const std::set<std::string> verbs = {
      "sign", "subscribe", "follow", "click", "tap", "share", "download", "get", "join", "read",
      "watch", "listen", "see", "accept", "register", "log", "leave", "view", "send", "report",
      "like", "save", "continue", "skip", "scroll", "jump", "load", "show", "email", "print"};
  const auto sp = l.key.find(' ');
  return verbs.count(l.key.substr(0, sp)) > 0;
}

bool is_interface_line(const Line& l) {
  // Mostly interface words ("Share 12 Comments"); a short sentence with numbers is not ("It passed 7-2.").
  if (l.word_count() <= 6 && interface_word_share(l.key) >= 0.6 && (!l.terminal || first_word_is_imperative(l))) return true;
  return l.word_count() <= 15 && has_interface_phrase(l.key) && (!l.terminal || first_word_is_imperative(l));
}

bool is_byline(const Line& l) {
  // string_views: no strlen per entry per line.
  static constexpr std::string_view kByWords[] = {"By ", "BY ", "by ", "Von ", "VON ", "Par ", "PAR ", "Por ", "POR ", "Di ", "Door "};
  if (l.word_count() <= 12) {
    for (const std::string_view bw : kByWords) {
      if (starts_with(l.text, bw) && l.text.size() > bw.size() && (is_upper(l.text[bw.size()]) ||
          static_cast<unsigned char>(l.text[bw.size()]) >= 0x80) && l.title_case >= 0.5) return true;
    }
  }
  static constexpr std::string_view kCreditLines[] = {"reporting by", "writing by", "editing by", "additional reporting",
                                                      "compiled by", "written by", "story by", "text by"};
  for (const std::string_view c : kCreditLines) {
    if (l.word_count() <= 25 && starts_with(l.key, c)) return true;
  }
  static constexpr std::string_view kMeta[] = {"updated", "published", "posted", "last updated", "first published",
                                               "aktualisiert", "veröffentlicht", "mis à jour", "publié", "actualizado",
                                               "publicado", "aggiornato", "pubblicato"};
  for (const std::string_view mv : kMeta) {
    if (l.word_count() <= 12 && starts_with(l.key, mv) && (l.key.size() == mv.size() || l.key[mv.size()] == ' ')) return true;
  }
  return false;
}

// "(scl)", "___", "-0-", "nn": wire-service slugs and separators with no words of their own.
bool is_slug(const Line& l) {
  if (l.word_count() > 3 || l.terminal) return false;
  if (l.key.empty()) return true;  // only punctuation or symbols
  const std::string_view t = l.text;
  return t.front() == '(' && t.back() == ')' && l.title_case == 0.0;
}

// Notes from a wire editor to other editors, not meant for print: "(STORY CAN END HERE. OPTIONAL
// MATERIAL FOLLOWS)", "Eds: UPDATES with four more deaths".
bool is_editor_note(const Line& l) {
  if (starts_with(l.text, "Eds:") || starts_with(l.text, "EDS:")) return true;
  return l.word_count() <= 10 && (starts_with(l.key, "story can end here") || starts_with(l.key, "optional material follows"));
}

// "Related: ...", "Read more: ..." on one line; or the label alone.
bool starts_related_list(const Line& l) {
  if (is_related_label(l.key)) return true;
  const auto colon = l.text.substr(0, 41).find(':');  // (not the whole of a paragraph)
  if (colon == std::string_view::npos) return false;
  return is_related_label(comparison_key(l.text.substr(0, colon)));
}

// The title with a source tag after it: "Title (ABC News)", "Title - Reuters", "Title | Site".
bool is_title_variant(const Line& l, const std::string& title_key) {
  if (title_key.empty()) return false;
  if (l.key == title_key) return true;
  if (!starts_with(l.key, title_key) || l.key.size() <= title_key.size() || l.key[title_key.size()] != ' ') return false;
  const std::string_view rest = std::string_view(l.key).substr(title_key.size() + 1);
  const auto extra_words = std::count(rest.begin(), rest.end(), ' ') + 1;
  return extra_words <= 5 && !l.terminal;
}

void push_removed(std::vector<RemovedSpan>* out, Span span, const char* reason, const std::string& detail,
                  bool follows_removed_line) {
  // One span per run of lines removed for the same reason: the paywall is one block, not thirty.
  if (follows_removed_line && !out->empty() && out->back().reason == reason && out->back().detail == detail) {
    out->back().span.end = span.end;
    return;
  }
  out->push_back(RemovedSpan{span, reason, detail});
}

int visible_chars(std::string_view t) {
  int n = 0;
  for (char c : t) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// Reads like article prose: a full sentence of some length, or a long line.
bool prose_line(const Line& l, int chars) {
  if ((l.word_count() >= 10 && l.terminal) || (chars >= 60 && l.terminal)) return true;
  // A sentence that introduces a quote or a list: "Following are excerpts from the report:"
  if (l.word_count() >= 10 && !l.text.empty() && l.text.back() == ':') return true;
  // Long without a final stop: prose still has inner punctuation (a tag cloud or a menu has none).
  if (l.word_count() < 25 && chars < 150) return false;
  return l.text.find_first_of(",.;:") != std::string_view::npos || l.text.find("\xEF\xBC\x8C") != std::string_view::npos ||
         l.text.find("\xE3\x80\x81") != std::string_view::npos;
}

// A short line that is only a time or date stamp ("2 days ago at 07:50 am", "12:45 PM",
// "September 12, 2018", "12.03.2019"): the meta line of a comment or of a list entry.
bool is_timestamp_line(const Line& l) {
  if (l.word_count() > 8 || l.terminal) return false;
  const std::string& k = l.key;
  static const char* const kAgo[] = {" ago", " ago at", "yesterday", "today at", "hours ago", "minutes ago"};
  for (const char* a : kAgo) {
    if (k.find(a) != std::string::npos) return true;
  }
  const std::string_view t = l.text;
  // hh:mm
  for (std::size_t i = 1; i + 2 < t.size(); ++i) {
    if (t[i] == ':' && is_digit(t[i - 1]) && is_digit(t[i + 1]) && is_digit(t[i + 2])) return true;
  }
  // A date: day and year numbers with a month word, or dd.mm.yyyy / yyyy-mm-dd.
  int digits = 0, letters = 0;
  for (char c : t) {
    if (is_digit(c)) ++digits;
    else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) ++letters;
  }
  static const PhraseSet kMonths{"january", "february", "march", "april", "may", "june", "july", "august",
                                 "september", "october", "november", "december", "jan", "feb", "mar", "apr",
                                 "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"};
  if (digits >= 4 && l.word_count() <= 5) {
    if (kMonths.found_in(k)) return true;
    // Numbers only: a date needs two separators ("12.03.2019", "2019-03-12", "11/20/2019").
    int dots = 0, slashes = 0, dashes = 0;
    for (char c : t) {
      dots += c == '.';
      slashes += c == '/';
      dashes += c == '-';
      if (c == '$' || c == '%' || c == '+') return false;
    }
    if (letters == 0 && (dots == 2 || slashes == 2 || dashes == 2)) return true;
  }
  return false;
}

// The phrase lists asked of every line (a paywall prompt, a cookie notice, a copyright footer),
// found in one pass over its key: a bit each.
enum : uint8_t { kPaywallPhrase = 1, kCookieWord = 2, kRightsReserved = 4 };

// What the passes of clean_lines ask of a line more than once, found once.
struct LineFacts {
  uint8_t phrases = 0;          // line_phrases
  bool comment_marker = false;  // is_comment_marker
};

uint8_t line_phrases(const Line& l) {
  static const PhraseSet kLists(std::vector<std::vector<std::string_view>>{
      paywall_phrases(),
      {"cookie", "cookies", "datenschutzerklärung", "datenschutz"},
      {"all rights reserved", "alle rechte vorbehalten", "tous droits réservés", "todos los derechos reservados",
       "tutti i diritti riservati", "todos os direitos reservados"}});
  return static_cast<uint8_t>(kLists.lists_in(l.key));
}

// "© 2019 Example Media. All rights reserved.": the page footer begins. (A "©" with a name only is
// a photo credit.) `phrases` is line_phrases(l).
bool is_copyright_line(const Line& l, uint8_t phrases) {
  const std::string& k = l.key;
  if (phrases & kRightsReserved) return true;
  if (l.word_count() > 12) return false;  // first: a paragraph is not searched for the mark
  const bool mark = l.text.find("\xC2\xA9") != std::string_view::npos || starts_with(k, "copyright");  // ©
  if (!mark) return false;
  for (std::size_t i = 0; i + 4 <= k.size(); ++i) {
    const bool year = (k.compare(i, 2, "19") == 0 || k.compare(i, 2, "20") == 0) && is_digit(k[i + 2]) && is_digit(k[i + 3]) &&
                      (i == 0 || !is_digit(k[i - 1])) && (i + 4 == k.size() || !is_digit(k[i + 4]));
    if (year) return true;
  }
  return false;
}

// Cookie and privacy notices, however long: "This website uses cookies to improve your experience".
bool is_cookie_notice(const Line& l, uint8_t phrases) {
  static const PhraseSet kContext{"website", "site", "browser", "consent", "accept", "experience", "privacy",
                                  "settings", "preferences", "webseite", "navigation", "navegación", "sitio",
                                  "navigazione", "navegação", "utilisons", "usamos", "utilizziamo", "verwenden"};
  return (phrases & kCookieWord) && kContext.found_in(l.key);
}

template <typename Mark>
void select_article_region(const std::vector<Line>& lines, const std::vector<LineFacts>& facts,
                           const std::vector<const char*>& reason, Mark* mark) {
  const std::size_t n = lines.size();
  // Each line's visible characters and whether it reads like prose, once: the passes below ask again.
  std::vector<int> visible(n);
  std::vector<char> reads_like_prose(n);
  for (std::size_t i = 0; i < n; ++i) {
    visible[i] = visible_chars(lines[i].text);
    reads_like_prose[i] = prose_line(lines[i], visible[i]);
  }
  std::vector<double> w(n, 0.0);
  int good_lines = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const Line& l = lines[i];
    const int chars = visible[i];
    if (facts[i].comment_marker) {
      w[i] = -2000;
    } else if (is_timestamp_line(l)) {
      w[i] = -300;
    } else if (reason[i] && std::strcmp(reason[i], "repeated_line") != 0) {
      w[i] = -(chars + 30.0);
    } else if (reason[i]) {
      // A repeat: a duplicated menu counts against, repeated prose (a list of recipes) for.
      w[i] = reads_like_prose[i] ? 0.5 * chars : -(0.5 * chars + 15.0);
    } else if (reads_like_prose[i]) {
      w[i] = chars;
      ++good_lines;
    } else if (l.terminal && l.word_count() >= 4) {
      w[i] = 0.25 * chars;
    } else if (l.title_case >= 0.6 || l.word_count() <= 2) {
      w[i] = -(0.5 * chars + 15.0);  // menu entries, headlines of other stories
    } else {
      w[i] = -5;  // a short line in sentence case: a list item, a caption, a note
    }
  }
  // A prose line between two lines that are not prose is an excerpt under a headline (a list of
  // other stories) more often than an article paragraph: it counts for less.
  std::vector<char> prose(n, 0);
  for (std::size_t i = 0; i < n; ++i) prose[i] = !reason[i] && reads_like_prose[i];
  for (std::size_t i = 0; i < n; ++i) {
    const bool before = i > 0 && prose[i - 1], after = i + 1 < n && prose[i + 1];
    if (prose[i] && !before && !after) w[i] *= 0.5;
    // Sentence-case words without a final stop next to prose: a wrapped line, or a sentence with a
    // wire slug after it ("...since the vote. ms-lm").
    const Line& l = lines[i];
    if (!prose[i] && !reason[i] && (before || after) && l.word_count() >= 8 && l.title_case < 0.5 && !l.terminal) {
      w[i] = 0.5 * visible[i];
    }
  }
  // The comment section: after a comment label ("167 Comments", "Leave a Reply") that follows some
  // prose, what reads like prose is mostly readers' comments: it counts for a tenth.
  double prose_so_far = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (prose[i]) prose_so_far += visible[i];
    if (prose_so_far < 400 || !facts[i].comment_marker) continue;
    for (std::size_t k = i + 1; k < n; ++k) {
      if (w[k] > 0) w[k] *= 0.1;
    }
    break;
  }
  // The footer: from a copyright notice in the second half of the text on, nothing is article.
  for (std::size_t i = n / 2; i < n; ++i) {
    if (!is_copyright_line(lines[i], facts[i].phrases)) continue;
    for (std::size_t k = i; k < n; ++k) w[k] = -2000;
    break;
  }
  if (good_lines == 0) return;
  // Kadane: the run with the largest sum.
  double best = 0, run = 0;
  std::size_t best_begin = 0, best_end = 0, run_begin = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (run <= 0) {
      run = 0;
      run_begin = i;
    }
    run += w[i];
    if (run > best) {
      best = run;
      best_begin = run_begin;
      best_end = i + 1;
    }
  }
  if (best <= 0) return;
  for (std::size_t i = 0; i < n; ++i) {
    if (i >= best_begin && i < best_end) continue;
    if (facts[i].comment_marker) (*mark)(i, "comments", "comment section");
    else if (is_copyright_line(lines[i], facts[i].phrases)) (*mark)(i, "footer", "copyright notice");
    else (*mark)(i, "outside_article", "text around the article: navigation, other stories, comments");
  }
}

}  // namespace

const char* standalone_furniture(const Line& l) {
  const uint8_t phrases = line_phrases(l);
  if (is_cookie_notice(l, phrases)) return "cookie_notice";
  if (is_comment_marker(l.key, l.text)) return "comments";
  if (is_copyright_line(l, phrases)) return "footer";
  if (l.word_count() <= 25 && has_template_marker(l.text)) return "template";  // (a paragraph: no search)
  if (is_slug(l) || is_editor_note(l)) return "slug";
  if (is_byline(l)) return "byline";
  if (l.word_count() <= 12 && !l.terminal && has_credit_marker(l.key)) return "caption_credit";
  if (starts_related_list(l)) return "related_links";
  if (is_interface_line(l)) return "share_prompt";
  if (l.word_count() <= 40 && (phrases & kPaywallPhrase)) return "paywall";
  return nullptr;
}

std::size_t dateline_prefix_length(std::string_view t) {
  // The place name: starts with at least three capitals ("LONDON", "BUENOS AIRES, Argentina").
  if (t.size() < 6 || !is_upper(t[0]) || !is_upper(t[1]) || !is_upper(t[2])) return 0;
  const std::size_t limit = std::min<std::size_t>(t.size(), 70);
  auto is_letter = [](char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); };
  std::size_t i = 0;
  while (i < limit) {
    const char c = t[i];
    const bool place_char = is_letter(c) || (c >= '0' && c <= '9') || c == ' ' || c == ',' || c == '.' || c == '\'' ||
                            c == '/' ||
                            // a hyphen inside a name: "PORT-AU-PRINCE" (not the separator " - ")
                            (c == '-' && i > 0 && is_letter(t[i - 1]) && i + 1 < t.size() && is_letter(t[i + 1]));
    if (!place_char) break;
    ++i;
  }
  std::size_t j = i;
  // Optional agency: "(AP)", "(Reuters)".
  if (j < t.size() && t[j] == '(') {
    const std::size_t close = t.find(')', j);
    if (close == std::string_view::npos || close - j > 20) return 0;
    j = close + 1;
    while (j < t.size() && t[j] == ' ') ++j;
  } else if (j == 0 || t[j - 1] != ' ') {
    return 0;  // a separator must follow a space: "WASHINGTON _", not "U.S.-led"
  }
  // Separator: "_", "-", "--", "—" (E2 80 94), "–" (E2 80 93), ":".
  std::size_t k = j;
  if (k < t.size() && (t[k] == '_' || t[k] == '-' || t[k] == ':')) {
    while (k < t.size() && (t[k] == '_' || t[k] == '-')) ++k;
    if (t[j] == ':') ++k;
  } else if (k + 2 < t.size() && static_cast<unsigned char>(t[k]) == 0xE2 && static_cast<unsigned char>(t[k + 1]) == 0x80 &&
             (static_cast<unsigned char>(t[k + 2]) == 0x94 || static_cast<unsigned char>(t[k + 2]) == 0x93)) {
    k += 3;
  } else {
    return 0;
  }
  if (k >= t.size() || t[k] != ' ') return 0;
  while (k < t.size() && t[k] == ' ') ++k;
  // The place must be mostly capitals (a real sentence "The man - who..." is not a dateline), or a
  // city in capitals with a region or country after a comma, in at most four capitalised words
  // ("ZURICH, Switzerland", "THE HAGUE, Netherlands", "PORT-AU-PRINCE, Haiti").
  int upper = 0, lower = 0;
  for (std::size_t p = 0; p < i; ++p) {
    if (is_upper(t[p])) ++upper;
    if (t[p] >= 'a' && t[p] <= 'z') ++lower;
  }
  if (upper < 3) return 0;
  if (lower > upper) {
    const std::size_t comma = t.substr(0, i).find(',');
    if (comma == std::string_view::npos) return 0;
    for (std::size_t p = 0; p < comma; ++p) {
      if (t[p] >= 'a' && t[p] <= 'z') return 0;
    }
    int words = 0;
    for (std::size_t p = comma + 1; p < i;) {
      while (p < i && (t[p] == ' ' || t[p] == ',')) ++p;
      if (p >= i) break;
      if (!is_upper(t[p]) && !(t[p] >= '0' && t[p] <= '9')) return 0;
      ++words;
      while (p < i && t[p] != ' ' && t[p] != ',') ++p;
    }
    if (words == 0 || words > 4) return 0;
  }
  return k < t.size() ? k : 0;
}

namespace {

bool is_lower_ascii(char c) { return c >= 'a' && c <= 'z'; }

// A wire operator's sign-off: "(gm)", "kl", "ms-lm", "vj/mae", "(tc-pfg-dkt)", "sn-ggl-jbm": groups of
// one to four lowercase letters joined by '-' or '/', optionally in parentheses.
bool is_operator_initials(std::string_view w) {
  const bool parens = w.size() >= 2 && w.front() == '(' && w.back() == ')';
  if (parens) w = w.substr(1, w.size() - 2);
  if (w.empty() || w.size() > 24) return false;
  int run = 0;
  for (char c : w) {
    if (is_lower_ascii(c)) {
      if (++run > 4) return false;
    } else if ((c == '-' || c == '/') && run > 0) {
      run = 0;
    } else {
      return false;
    }
  }
  if (run == 0) return false;
  // Initials, not a word: in parentheses, joined groups, or no vowel ("nn", "kl").
  return parens || w.find_first_of("-/") != std::string_view::npos || w.find_first_of("aeiouy") == std::string_view::npos;
}

// An ordinal or a number next to "graf": "5th graf", "graf 3".
bool is_graf_number(std::string_view w) {
  while (!w.empty() && (w.back() == ',' || w.back() == '.')) w.remove_suffix(1);
  std::size_t d = 0;
  while (d < w.size() && is_digit(w[d])) ++d;
  if (d == 0) return false;
  const std::string_view rest = w.substr(d);
  return rest.empty() || rest == "st" || rest == "nd" || rest == "rd" || rest == "th";
}

// "graf" (a paragraph, in a wire editor's note), maybe with ',' or '.' after it.
bool is_graf(std::string_view w) {
  while (!w.empty() && (w.back() == ',' || w.back() == '.')) w.remove_suffix(1);
  return w == "graf";
}

// The last character of a sentence, before closing quotes or brackets.
bool ends_sentence_before(std::string_view t, std::size_t e) {
  while (e > 0 && (t[e - 1] == '"' || t[e - 1] == '\'' || t[e - 1] == ')')) --e;
  if (e >= 3 && static_cast<unsigned char>(t[e - 3]) == 0xE2 && static_cast<unsigned char>(t[e - 2]) == 0x80 &&
      (static_cast<unsigned char>(t[e - 1]) == 0x9D || static_cast<unsigned char>(t[e - 1]) == 0x99)) {
    e -= 3;
  }
  return e > 0 && (t[e - 1] == '.' || t[e - 1] == '!' || t[e - 1] == '?');
}

// The last words (at most kMax) before a given end of a line, as [begin, end) pairs in text order,
// on the stack: wire_note_start runs for every kept line.
class LastWords {
 public:
  static constexpr std::size_t kMax = 18;
  struct Word {
    std::size_t first, second;  // [begin, end) in the line (not initialised: filled as found)
  };
  LastWords(std::string_view t, std::size_t end, std::size_t max = kMax) {
    max = std::min(max, kMax);
    Word reversed[kMax];
    for (std::size_t p = end; p > 0 && n_ < max;) {
      while (p > 0 && t[p - 1] == ' ') --p;
      const std::size_t e = p;
      while (p > 0 && t[p - 1] != ' ') --p;
      if (e > p) reversed[n_++] = {p, e};
    }
    std::reverse_copy(reversed, reversed + n_, words_);
  }
  std::size_t size() const { return n_; }
  bool empty() const { return n_ == 0; }
  const Word& operator[](std::size_t k) const { return words_[k]; }
  const Word& back() const { return words_[n_ - 1]; }
  std::string_view word(std::string_view t, std::size_t k) const { return t.substr(words_[k].first, words_[k].second - words_[k].first); }

 private:
  Word words_[kMax];
  std::size_t n_ = 0;
};

}  // namespace

std::size_t wire_note_start(std::string_view t) {
  std::size_t end = t.size();
  for (int round = 0; round < 4; ++round) {  // a note may follow another: "...pvs. (gm)"
    while (end > 0 && t[end - 1] == ' ') --end;
    if (end == 0) return 0;
    // Most lines end in a plain sentence: no initials last and no "graf" among the last six words
    // (what both kinds of note below need) rule them out without collecting more words. A line
    // without "graf" anywhere (one search) needs only its last word read.
    const bool graf_anywhere = t.substr(0, end).find("graf") != std::string_view::npos;
    const LastWords near(t, end, graf_anywhere ? 6 : 1);
    if (near.empty()) return 0;
    bool graf_near = false;
    for (std::size_t k = 0; graf_anywhere && k < near.size(); ++k) graf_near = graf_near || is_graf(near.word(t, k));
    if (!graf_near && !is_operator_initials(near.word(t, near.size() - 1))) return end;
    // The last words of t[0, end), as [begin, end) pairs in text order: a note is short.
    const LastWords words(t, end);
    const bool whole = words.size() < LastWords::kMax;  // the words reach the start of the line
    const auto [lb, le] = words.back();
    const std::string_view last = t.substr(lb, le - lb);
    // Operator initials after the end of a sentence ("...correct them. (gm)"), or alone.
    if (is_operator_initials(last) && ((whole && words.size() == 1) || (words.size() >= 2 && ends_sentence_before(t, words[words.size() - 2].second)))) {
      end = lb;
      continue;
    }
    // An editor's pick-up line: "Turkey amassed troops, pick up 4th graf pvs", "The plane, 5th graf
    // pvs.", "No member, 5th graf, 1st Ld-Writethru": a few words, then "graf" with its number.
    std::size_t graf = words.size();
    for (std::size_t k = words.size(); k-- > 0 && words.size() - k <= 6;) {
      if (!is_graf(words.word(t, k))) continue;
      const bool before = k > 0 && is_graf_number(words.word(t, k - 1));
      const bool after = k + 1 < words.size() && is_graf_number(words.word(t, k + 1));
      // After "graf" only its number, "pvs" (previous version), initials, "1st Ld-Writethru".
      bool tail = true;
      for (std::size_t j = k + 1; j < words.size(); ++j) {
        const std::string_view x = words.word(t, j);
        tail = tail && (is_graf_number(x) || starts_with(x, "pvs") || is_operator_initials(x) ||
                        x.find("Ld") != std::string_view::npos || x.find("Writethru") != std::string_view::npos);
      }
      if ((before || after) && tail) graf = k;
      break;
    }
    if (graf == words.size()) return end;
    // The note starts after the last sentence before it, at most ten words earlier.
    std::size_t k = graf;
    while (k > 0 && graf - k < 10 && !ends_sentence_before(t, words[k - 1].second)) --k;
    if (k > 0 && !ends_sentence_before(t, words[k - 1].second)) return end;
    if (k == 0 && !whole) return end;
    end = words[k].first;
  }
  return end;
}

void add_shared_lines(const std::vector<Line>& lines, SharedLines* counts) {
  std::set<std::string_view> seen;
  for (const Line& l : lines) {
    if (!l.terminal && l.word_count() <= 15 && !l.key.empty()) seen.insert(l.key);
  }
  for (const auto& k : seen) ++(*counts)[std::string(k)];
}

SharedLines count_shared_lines(const std::vector<std::vector<Line>>& documents) {
  SharedLines counts;
  if (documents.size() < 2) return counts;
  for (const auto& lines : documents) add_shared_lines(lines, &counts);
  return counts;
}

SharedLines count_shared_lines(const std::vector<std::string_view>& texts) {
  std::vector<std::vector<Line>> documents;
  for (const auto& t : texts) documents.push_back(split_lines(t));
  return count_shared_lines(documents);
}

CleanedText clean_plain_text(std::string_view text, const CleanOptions& options) {
  return clean_lines(text, split_lines(text), options);
}

CleanedText clean_lines(std::string_view text, const std::vector<Line>& lines, const CleanOptions& options) {
  CleanedText out;
  const std::size_t n = lines.size();
  std::vector<const char*> reason(n, nullptr);
  std::vector<std::string> detail(n);
  std::function<void(std::size_t, const char*, std::string)> mark = [&](std::size_t i, const char* r, std::string d) {
    if (!reason[i]) {
      reason[i] = r;
      detail[i] = std::move(d);
    }
  };

  std::vector<LineFacts> facts(n);
  for (std::size_t i = 0; i < n; ++i) {
    facts[i].phrases = line_phrases(lines[i]);
    facts[i].comment_marker = is_comment_marker(lines[i].key, lines[i].text);
  }

  // 1. Paywall: from the first line that opens one, everything up to the next real paragraph.
  for (std::size_t i = 0; i < n; ++i) {
    if (lines[i].word_count() > 40 || !(facts[i].phrases & kPaywallPhrase)) continue;
    // A full sentence of the article that happens to say "unlimited access" is not a paywall; a
    // prompt is short, or tells the reader what to do ("Subscribe now for unlimited access.").
    if (article_like(lines[i]) && !first_word_is_imperative(lines[i])) continue;
    for (std::size_t j = i; j < n; ++j) {
      if (j > i && article_like(lines[j]) && !(facts[j].phrases & kPaywallPhrase) && !has_interface_phrase(lines[j].key)) break;
      mark(j, "paywall", "subscription or paywall block");
    }
    break;
  }

  // 2. Title: a first line that reads like a headline; then its repeats.
  std::string title_key;
  const bool first_line_wraps = n > 1 && lines[1].starts_lower && !lines[1].blank_before;
  if (n > 1 && lines[0].word_count() <= kMaxHeadlineWords && !lines[0].terminal && !reason[0] && !first_line_wraps) {
    out.title = std::string(lines[0].text);
    title_key = lines[0].key;
    mark(0, "title", "headline on the first line");
  }
  const std::string given_key = comparison_key(options.given_title);
  std::vector<std::size_t> compared;  // lines compared by key for repeats
  compared.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    const Line& l = lines[i];
    if (i > 0 && l.word_count() <= 12 && !l.terminal && has_credit_marker(l.key) && !is_byline(l)) {
      mark(i, "caption_credit", "photo caption or credit");
    } else if (i > 0 && (is_title_variant(l, title_key) || is_title_variant(l, given_key))) {
      mark(i, "repeated_title", "the headline again");
    } else if (!l.key.empty()) {
      compared.push_back(i);
    }
  }
  // Of the lines with equal keys, all but the first are repeats: sorted by key, then by place
  // (one sort, no tree of keys).
  std::sort(compared.begin(), compared.end(), [&](std::size_t a, std::size_t b) {
    const int c = lines[a].key.compare(lines[b].key);
    return c != 0 ? c < 0 : a < b;
  });
  for (std::size_t k = 1; k < compared.size(); ++k) {
    if (lines[compared[k]].key == lines[compared[k - 1]].key) {
      mark(compared[k], "repeated_line", "an earlier line of this article, repeated");
    }
  }

  // 3. Line-level furniture.
  for (std::size_t i = 0; i < n; ++i) {
    const Line& l = lines[i];
    if (reason[i]) continue;
    if (is_cookie_notice(l, facts[i].phrases)) {
      mark(i, "cookie_notice", "cookie or privacy notice");
    } else if (facts[i].comment_marker) {
      mark(i, "comments", "comment section");
    } else if (has_template_marker(l.text) && l.word_count() <= 25) {
      mark(i, "template", "unfilled template placeholder");
    } else if (is_slug(l)) {
      mark(i, "slug", "a marker or separator with no words");
    } else if (is_editor_note(l)) {
      mark(i, "slug", "a note to editors");
    } else if (is_byline(l)) {
      mark(i, "byline", "byline or publication details");
    } else if (l.word_count() <= 12 && !l.terminal && has_credit_marker(l.key)) {
      mark(i, "caption_credit", "photo caption or credit");
    } else if (starts_related_list(l)) {
      mark(i, "related_links", "list of links to other stories");
      // The headlines under a label belong to it.
      for (std::size_t j = i + 1; j < n && !reason[j] && !lines[j].terminal && lines[j].word_count() <= kMaxHeadlineWords; ++j) {
        mark(j, "related_links", "list of links to other stories");
      }
    } else if (is_interface_line(l)) {
      mark(i, "share_prompt", "share, newsletter or page-interface prompt");
    } else if (options.shared_lines && !l.terminal && l.word_count() <= 15) {
      const auto it = options.shared_lines->find(l.key);
      if (it != options.shared_lines->end() && it->second >= 2) {
        mark(i, "repeated_across_articles", "the same short line appears in " + std::to_string(it->second) + " articles");
      }
    }
  }

  // 3b. The article region. Pasted pages carry menus, lists of other stories and comment threads
  // around the article: the article is the stretch of text where sentences outweigh everything
  // else (a maximum-sum run over lines: prose counts for, furniture against; a comment-section
  // marker such as "12 Comments" or "Leave a Reply" counts heavily against).
  if (options.select_region) select_article_region(lines, facts, reason, &mark);

  // 4. Runs of headline-like lines between paragraphs are lists of other stories; a lone one is
  // a section heading (not a sentence, so not summarised, but reported).
  for (std::size_t i = 0; i < n;) {
    if (reason[i] || !headline_like(lines[i])) { ++i; continue; }
    std::size_t j = i;
    std::vector<std::size_t> run;
    while (j < n && (reason[j] ? std::strcmp(reason[j], "title") != 0 : headline_like(lines[j]))) {
      if (!reason[j]) run.push_back(j);
      ++j;
    }
    for (std::size_t k : run) {
      if (run.size() >= 2) mark(k, "related_links", "run of headlines of other stories");
      else mark(k, "heading", "a heading, not a sentence");
    }
    i = std::max(j, i + 1);
  }

  // 5. Kept lines become blocks; a wire dateline before the first paragraph is stripped; a line
  // that wraps (no final punctuation, next starts lowercase) continues the same block.
  bool first_body = true;
  bool previous_kept = false;
  bool previous_note = false;  // the previous kept line ended in a wire-service editing note
  for (std::size_t i = 0; i < n; ++i) {
    const Line& l = lines[i];
    if (reason[i]) {
      push_removed(&out.removed, l.span, reason[i], detail[i], i > 0 && !previous_kept);
      previous_kept = false;
      continue;
    }
    Span block = l.span;
    if (first_body) {
      const std::size_t d = dateline_prefix_length(l.text);
      if (d > 0) {
        out.removed.push_back(RemovedSpan{Span{block.begin, block.begin + d}, "dateline", "wire-service dateline"});
        block.begin += d;
      }
      first_body = false;
    }
    // Wire-service editing notes at the end of the line: operator initials, pick-up lines.
    const std::size_t note = wire_note_start(block.of(text));
    Span note_span{block.begin + note, block.end};
    while (note_span.begin < note_span.end && text[note_span.begin] == ' ') ++note_span.begin;
    block.end = block.begin + note;
    // Trimmed as lines are: the spaces a dateline or a note leaves may be any blank ("LONDON (AP) _
    // " then a vertical tab or an NBSP), and no block starts or ends with one.
    block = trim_blank(text, block);
    if (block.empty()) {
      push_removed(&out.removed, note_span, "slug", "wire-service editing note", i > 0 && !previous_kept);
      previous_kept = false;
      continue;
    }
    // A wrapped line continues the block before it, unless that line ended in an editing note: the
    // block would then run over the removed note.
    if (previous_kept && !previous_note && !out.blocks.empty() && !l.blank_before && l.starts_lower && !lines[i - 1].terminal) {
      out.blocks.back().end = block.end;
    } else {
      out.blocks.push_back(block);
    }
    previous_note = !note_span.empty();
    if (previous_note) out.removed.push_back(RemovedSpan{note_span, "slug", "wire-service editing note"});
    previous_kept = true;
  }
  return out;
}

}  // namespace precis
