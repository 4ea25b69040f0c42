#include "summarize/compression.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <initializer_list>

namespace precis {

static_assert(AnalysisOptions{}.omission_rules == kAllOmissionRules, "analysis offers every rule by default");

namespace {

using Words = std::initializer_list<std::string_view>;

// For the rare checks of a word against a short list, once a rule has otherwise matched.
bool in(Words list, std::string_view w) { return std::find(list.begin(), list.end(), w) != list.end(); }

constexpr bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
constexpr bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
constexpr bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
constexpr bool is_digit(char c) { return c >= '0' && c <= '9'; }
constexpr bool is_alnum(char c) { return is_lower(c) || is_upper(c) || is_digit(c); }

// Classes of the words the rules look for, as bits: every word is looked up once.
enum WordClass : uint32_t {
  kWeekday = 1u << 0,
  kMonth = 1u << 1,
  kPartOfDay = 1u << 2,
  kTimeNoun = 1u << 3,        // names a time on its own: "week", "today", "earlier", "ago"
  kTimeModifier = 1u << 4,    // goes with one in an opening time phrase: "late last week", "seven years ago"
  kSaying = 1u << 5,          // verb of an attribution
  kReporting = 1u << 6,       // verb of "X said that ...", the clause after it stated as fact
  kSayingManner = 1u << 7,    // how it was said: "in a statement", "at a news conference"
  kClause = 1u << 8,          // makes a phrase a clause rather than a speaker's name
  kConnective = 1u << 9,      // "However," opening a sentence
  kSubordinator = 1u << 10,   // opens an adverbial: "In London,", "After the vote,"
  kVerb = 1u << 11,           // an auxiliary or common verb of news, continuing a main clause
  kNotBeforeDay = 1u << 12,   // "since Friday", "last Friday": the weekday is not a bare "when"
};

// The listed words and their classes: open addressing, looked up once per word of every sentence
// (std::unordered_map's division and node chase were most of the rules' cost). The hash reads only
// a word's length and three of its bytes: constant time per word, and most words of a sentence
// (names, nouns) land on an empty slot without a byte compared.
class WordTable {
 public:
  void add(uint32_t cls, Words words) {
    for (std::string_view w : words) {
      std::size_t i = hash(w);
      while (!slots_[i].word.empty() && slots_[i].word != w) i = (i + 1) & kMask;
      slots_[i].word = w;
      slots_[i].cls |= cls;
      longest_ = std::max(longest_, w.size());
    }
  }
  uint32_t find(std::string_view w) const {
    if (w.empty() || w.size() > longest_) return 0;
    for (std::size_t i = hash(w);; i = (i + 1) & kMask) {
      if (slots_[i].word.empty()) return 0;
      if (same(slots_[i].word, w)) return slots_[i].cls;
    }
  }

 private:
  static constexpr std::size_t kMask = 1023;  // about 250 words: a quarter full
  // Byte by byte: the words are short, and a call to memcmp costs more than comparing them.
  static bool same(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t k = 0; k < a.size(); ++k) {
      if (a[k] != b[k]) return false;
    }
    return true;
  }
  // Fibonacci hashing of length, first, middle and last byte (w not empty): the top 10 bits.
  static std::size_t hash(std::string_view w) {
    const std::size_t n = w.size();
    const uint32_t key = static_cast<uint32_t>(n) << 24 | static_cast<uint32_t>(static_cast<unsigned char>(w[0])) << 16 |
                         static_cast<uint32_t>(static_cast<unsigned char>(w[n / 2])) << 8 |
                         static_cast<unsigned char>(w[n - 1]);
    return (key * 2654435769u) >> 22;
  }
  struct Slot {
    std::string_view word;
    uint32_t cls = 0;
  };
  std::array<Slot, kMask + 1> slots_{};
  std::size_t longest_ = 0;
};

const WordTable& word_classes() {
  static const WordTable classes = [] {
    WordTable m;
    auto add = [&](uint32_t cls, Words words) { m.add(cls, words); };
    add(kWeekday, {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"});
    add(kMonth, {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                 "november", "december", "jan", "feb", "aug", "sept", "sep", "oct", "nov", "dec"});
    add(kPartOfDay, {"morning", "afternoon", "evening", "night"});
    add(kTimeNoun, {"day", "days", "week", "weeks", "weekend", "month", "months", "year", "years", "decade", "decades",
                    "hour", "hours", "today", "yesterday", "tonight", "earlier", "later", "recently", "previously",
                    "overnight", "ago"});
    add(kTimeModifier, {"a", "an", "the", "at", "by", "during", "early", "in", "last", "late", "next", "of", "on", "since",
                        "this", "several", "few", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                        "eleven", "twelve"});
    add(kSaying, {"said", "says", "reported", "reports", "announced", "added", "stated", "confirmed", "noted", "explained",
                  "insisted", "warned", "claimed"});
    add(kReporting, {"said", "says", "reported", "announced", "stated", "confirmed", "noted", "added"});
    add(kSayingManner, {"on", "in", "at", "a", "an", "late", "early", "last", "this", "statement", "interview",
                        "telephone", "written", "news", "conference", "briefing"});
    add(kClause, {"that", "which", "who", "whom", "whose", "what", "when", "where", "while", "if", "because", "as", "but",
                  "not", "never"});
    add(kConnective, {"however", "meanwhile", "still", "moreover", "furthermore", "nevertheless", "nonetheless",
                      "instead", "also", "besides", "indeed", "consequently", "thus", "therefore", "otherwise",
                      "similarly", "separately", "additionally"});
    add(kSubordinator, {"in", "on", "at", "from", "for", "after", "before", "during", "since", "by", "with", "under", "as",
                        "while", "when", "although", "though", "if", "because", "despite", "like", "unlike", "among",
                        "according", "about", "of", "to", "through", "throughout", "near", "outside", "inside", "over",
                        "amid", "until", "unless", "once"});
    add(kVerb, {"is", "was", "are", "were", "has", "have", "had", "will", "would", "could", "can", "may", "might",
                "should", "must", "did", "does", "said", "says", "told", "also", "remains", "became", "faces", "leads",
                "led", "won", "lost", "took", "gave", "made", "met", "went", "came", "left", "got", "held", "sent", "flew",
                "fled", "broke"});
    add(kNotBeforeDay, {"since", "until", "till", "by", "before", "after", "from", "through", "last", "next", "this",
                        "every", "early", "late", "of", "each", "that", "between", "and", "or", "to", "on", "for", "than",
                        "all", "the", "a", "past", "following", "previous"});
    return m;
  }();
  return classes;
}

// Length of the quotation mark at s[i], 0 if none: ", ', `, or a typographic one (U+2018/9, U+201C/D).
std::size_t quote_at(std::string_view s, std::size_t i) {
  const char c = s[i];
  if (c == '"' || c == '\'' || c == '`') return 1;
  if (i + 2 < s.size() && static_cast<unsigned char>(c) == 0xE2 && static_cast<unsigned char>(s[i + 1]) == 0x80) {
    const unsigned char d = static_cast<unsigned char>(s[i + 2]);
    if (d == 0x98 || d == 0x99 || d == 0x9C || d == 0x9D) return 3;
  }
  return 0;
}

bool all_digits(std::string_view w) { return !w.empty() && std::all_of(w.begin(), w.end(), is_digit); }

// A white-space word of the sentence, with its core: the word without the punctuation and quotes
// around it ("(0745" -> "0745", "said." -> "said", "Tuesday's" stays whole).
struct Word {
  std::size_t begin = 0, end = 0;            // sentence offsets
  std::size_t core_begin = 0, core_end = 0;  // sentence offsets
  std::string_view lower;                    // the core, ASCII letters lowercased
  uint32_t cls = 0;                          // WordClass bits of `lower`
  bool comma = false;                        // ends with a plain comma (not a quoted one: `,"`)
  bool quote = false;                        // contains a quotation mark
  bool upper = false;                        // the core opens with an ASCII capital
  bool digits = false;                       // the core is a number
};

// What the word scanner needs to know of a byte, as bits: one table lookup per byte.
enum ByteFlag : uint8_t {
  kSpaceByte = 1u << 0,    // is_space
  kQuoteByte = 1u << 1,    // may be (part of) a quotation mark (quote_at): " ' ` and 0xE2
  kClosingByte = 1u << 2,  // punctuation that may close a word: . , ; : ! ? ) ] " ' `
  kParenByte = 1u << 3,    // (
  kDashByte = 1u << 4,     // may be (part of) a dash word: _ - and 0xE2 (U+2013, U+2014)
};

constexpr std::array<uint8_t, 256> byte_flag_table() {
  std::array<uint8_t, 256> t{};
  for (int b = 0; b < 256; ++b) {
    const char c = static_cast<char>(b);
    uint8_t f = 0;
    if (is_space(c)) f |= kSpaceByte;
    if (c == '"' || c == '\'' || c == '`' || b == 0xE2) f |= kQuoteByte;
    for (char p : {'.', ',', ';', ':', '!', '?', ')', ']', '"', '\'', '`'}) {
      if (c == p) f |= kClosingByte;
    }
    if (c == '(') f |= kParenByte;
    if (c == '_' || c == '-' || b == 0xE2) f |= kDashByte;
    t[static_cast<std::size_t>(b)] = f;
  }
  return t;
}
constexpr std::array<uint8_t, 256> kByteFlags = byte_flag_table();

uint8_t flags_of(char c) { return kByteFlags[static_cast<unsigned char>(c)]; }

// `lowered`: the sentence with ASCII letters lowercased (the words' `lower` views point into it).
// Returns the ByteFlag bits of all the sentence's bytes together: rules whose trigger bytes are
// absent need not look.
uint8_t split_words(std::string_view s, std::string_view lowered, std::vector<Word>* out) {
  const auto& classes = word_classes();
  std::vector<Word>& words = *out;
  words.clear();
  uint8_t seen = 0;
  for (std::size_t i = 0; i < s.size();) {
    if (flags_of(s[i]) & kSpaceByte) { ++i; continue; }
    Word& w = words.emplace_back();  // filled in place: the buffer is reused from sentence to sentence
    w.begin = i;
    uint8_t bytes = 0;  // ByteFlag bits of the word's bytes: most words hold no quotation mark
    for (; i < s.size(); ++i) {
      const uint8_t f = flags_of(s[i]);
      if (f & kSpaceByte) break;
      bytes |= f;
    }
    seen |= bytes;
    w.end = i;
    const bool quotes = bytes & kQuoteByte;
    std::size_t b = w.begin, e = w.end;
    for (;;) {  // opening punctuation
      if (b >= e) break;
      const std::size_t q = quotes ? quote_at(s, b) : 0;
      if (q) { w.quote = true; b += q; continue; }
      if (s[b] == '(' || s[b] == '[') { ++b; continue; }
      break;
    }
    for (;;) {  // closing punctuation
      if (e <= b) break;
      const char c = s[e - 1];
      if (flags_of(c) & kClosingByte) {
        w.quote = w.quote || c == '"' || c == '\'' || c == '`';
        --e;
        continue;
      }
      if (quotes && e >= b + 3 && quote_at(s, e - 3) == 3) { w.quote = true; e -= 3; continue; }
      break;
    }
    if (quotes) {
      for (std::size_t k = b; k < e; ++k) {  // inside the word an apostrophe ("don't", typographic or not) is no quote
        if (!(flags_of(s[k]) & kQuoteByte)) continue;
        const std::size_t q = quote_at(s, k);
        w.quote = w.quote || (q == 1 && s[k] != '\'') || (q == 3 && static_cast<unsigned char>(s[k + 2]) != 0x99);
      }
    }
    w.core_begin = b;
    w.core_end = e;
    w.lower = lowered.substr(b, e - b);
    w.cls = classes.find(w.lower);
    w.digits = b < e && is_digit(s[b]) && all_digits(w.lower);
    w.comma = s[w.end - 1] == ',';
    w.upper = b < e && is_upper(s[b]);
  }
  return seen;
}

bool is_weekday(const Word& w) { return w.cls & kWeekday; }
bool is_month(const Word& w) { return w.cls & kMonth; }
bool is_part_of_day(const Word& w) { return w.cls & kPartOfDay; }
// Names a time on its own ("Earlier," "Last year," "In 1992,").
bool is_time_anchor(const Word& w) { return (w.cls & (kWeekday | kMonth | kPartOfDay | kTimeNoun)) || w.digits; }
// A word of an opening time phrase.
bool is_time_word(const Word& w) { return is_time_anchor(w) || (w.cls & kTimeModifier); }
bool is_saying(const Word& w) { return w.cls & kSaying; }
bool is_reporting(const Word& w) { return w.cls & kReporting; }
// What may follow the verb of an attribution: when and how it was said ("said Tuesday",
// "said in a statement on Monday", "said at a news conference").
bool is_attribution_tail(const Word& w) { return is_time_anchor(w) || (w.cls & kSayingManner); }
bool is_clause_word(const Word& w) { return w.cls & kClause; }
bool is_connective(const Word& w) { return w.cls & kConnective; }
bool is_subordinator(const Word& w) { return w.cls & kSubordinator; }

// The word after a comma-delimited appositive or relative clause continues the main clause: a verb
// (an auxiliary, a common verb of news, or a past form). Anything else (a name, "and", "who", a
// noun, a preposition that may open another aside: "Pinochet, 82, in London for surgery, was held")
// may mean the commas delimit a list or more than one piece: no span.
bool continues_clause(const Word& w, std::string_view s) {
  if (w.core_begin != w.begin || !is_lower(s[w.begin])) return false;
  const std::string_view x = w.lower;
  if (x.size() >= 4 && x.substr(x.size() - 2) == "ed") return true;
  return w.cls & kVerb;
}

class Finder {
 public:
  // Starts on a new sentence (the buffers are kept: one Finder serves every sentence of a thread).
  void reset(std::string_view s, std::size_t base) {
    s_ = s;
    base_ = base;
    lowered_.assign(s.begin(), s.end());
    for (char& c : lowered_) c = is_upper(c) ? static_cast<char>(c - 'A' + 'a') : c;
    seen_ = split_words(s_, lowered_, &w_);
    found_.clear();
    n_ = w_.size();
    ends_with_period_ = n_ > 0 && s_.back() == '.' && w_.back().end == s_.size() && w_.back().core_end + 1 == s_.size();
    classes_ = 0;
    commas_.clear();
    for (std::size_t k = 0; k < n_; ++k) {
      classes_ |= w_[k].cls;
      if (w_[k].comma) commas_.push_back(k);
    }
  }

  std::vector<Omission> run(unsigned rules) {
    if (n_ < 5) return {};
    std::size_t start = 0;  // first word after what the opening rules left out
    if (rules & kOmitConnective) start = connective(start);
    if (rules & kOmitLeadingTime) start = leading_time(start);
    if (rules & kOmitSaidThat) said_that(start);
    if (rules & kOmitAttribution) attribution();
    if (rules & kOmitParenthetical) parentheticals(), dashes();
    if (rules & kOmitRelative) relatives();
    if (rules & kOmitAppositive) appositives();
    if (rules & kOmitWeekday) weekdays();
    std::sort(found_.begin(), found_.end(), [](const Found& a, const Found& b) { return a.span.begin < b.span.begin; });
    // All spans left out must leave a sentence: drop the last found until they do.
    while (!found_.empty() && words_left() < 4) {
      auto last = std::max_element(found_.begin(), found_.end(), [](const Found& a, const Found& b) { return a.order < b.order; });
      found_.erase(last);
    }
    std::vector<Omission> out;
    for (const auto& f : found_) out.push_back(Omission{Span{base_ + f.span.begin, base_ + f.span.end}, f.rule});
    return out;
  }

 private:
  struct Found {
    Span span;  // sentence offsets
    unsigned rule;
    int order;
  };

  // Adds [b, e) unless it overlaps a span found before (earlier rules win). A span that leaves the
  // final period after an abbreviation's ("in Long Beach, Calif., where ...") takes it along.
  bool add(std::size_t b, std::size_t e, unsigned rule) {
    if (e <= b) return false;
    if (e + 1 == s_.size() && s_[e] == '.' && b > 0 && s_[b - 1] == '.') e = s_.size();
    for (const auto& f : found_) {
      if (b < f.span.end && f.span.begin < e) return false;
    }
    found_.push_back(Found{Span{b, e}, rule, static_cast<int>(found_.size())});
    return true;
  }

  // Words that keep a letter or digit (or a non-ASCII character) outside the spans found. The
  // spans are sorted and disjoint, and the bytes are visited in order: one pass over both.
  int words_left() const {
    int kept = 0;
    std::size_t f = 0;  // the first span that does not end before the byte looked at
    for (const Word& w : w_) {
      for (std::size_t k = w.core_begin; k < w.core_end; ++k) {
        if (!is_alnum(s_[k]) && static_cast<unsigned char>(s_[k]) < 0x80) continue;
        while (f < found_.size() && found_[f].span.end <= k) ++f;
        if (f == found_.size() || k < found_[f].span.begin) {
          ++kept;
          break;
        }
      }
    }
    return kept;
  }

  // A sentence may open at word i: at least four words from there, starting with an ASCII letter
  // or digit (capitalised when left at the front: omit_spans).
  bool can_open_at(std::size_t i) const { return i + 4 <= n_ && is_alnum(s_[w_[i].begin]); }

  // "But ", "And ", "Yet " (comma or not); "However, ", "In addition, " (with their comma).
  std::size_t connective(std::size_t i) {
    if (i >= n_ || w_[i].quote) return i;
    std::size_t next = i;
    const std::string_view x = w_[i].lower;
    if (in({"but", "and", "yet"}, x)) {
      next = i + 1;
    } else if (is_connective(w_[i]) && w_[i].comma) {
      next = i + 1;
    } else {
      for (Words phrase : {Words{"in", "addition"}, Words{"in", "fact"}, Words{"as", "a", "result"}, Words{"in", "turn"},
                           Words{"by", "contrast"}, Words{"in", "contrast"}, Words{"even", "so"}, Words{"at", "the", "same", "time"},
                           Words{"on", "the", "other", "hand"}}) {
        const std::size_t len = phrase.size();
        if (i + len > n_ || !w_[i + len - 1].comma) continue;
        bool match = true;
        std::size_t k = i;
        for (std::string_view p : phrase) match = match && w_[k++].lower == p;
        for (std::size_t j = i; j + 1 < i + len; ++j) match = match && w_[j].end == w_[j].core_end;  // no inner punctuation
        if (match) { next = i + len; break; }
      }
    }
    if (next == i || !can_open_at(next)) return i;
    if (next == i + 1 && !w_[i].comma && w_[i].end != w_[i].core_end) return i;  // "But:" or "And..."
    return add(w_[i].begin, w_[next].begin, kOmitConnective) ? next : i;
  }

  // "On Tuesday, ", "Late last week, ", "Seven years ago, ", "In 1992, ": up to five time words
  // ending in a comma, one of them naming a time.
  std::size_t leading_time(std::size_t i) {
    bool anchor = false;
    for (std::size_t j = i; j < n_ && j < i + 5; ++j) {
      const Word& w = w_[j];
      if (w.quote || !is_time_word(w) || w.begin != w.core_begin || (w.end != w.core_end && !w.comma)) return i;
      anchor = anchor || is_time_anchor(w);
      if (w.comma) {
        if (!anchor || !can_open_at(j + 1)) return i;
        return add(w_[i].begin, w_[j + 1].begin, kOmitLeadingTime) ? j + 1 : i;
      }
    }
    return i;
  }

  // "Officials said (Tuesday) that ": a speaker of up to six words, a verb of saying, when, "that".
  void said_that(std::size_t i) {
    if (!(classes_ & kReporting)) return;  // no verb of saying: most sentences
    if (i >= n_ || !w_[i].upper) return;
    for (std::size_t v = i + 1; v < n_ && v <= i + 6; ++v) {
      if (w_[v - 1].end != w_[v - 1].core_end || w_[v - 1].quote || is_clause_word(w_[v - 1])) return;
      if (!is_reporting(w_[v])) continue;
      std::size_t t = v + 1;
      while (t < n_ && t <= v + 4 && w_[t - 1].end == w_[t - 1].core_end && is_attribution_tail(w_[t])) ++t;
      if (t >= n_ || w_[t].lower != "that" || w_[t - 1].end != w_[t - 1].core_end || w_[t].end != w_[t].core_end) return;
      // "He said that would cover ...": "that" is the subject, not a conjunction.
      if (t + 1 < n_ && continues_clause(w_[t + 1], s_)) return;
      for (std::size_t k = t + 2; k < n_; ++k) {  // "said that X and that Y": the speaker says both
        if (w_[k].lower == "that" && in({"and", "but", "or"}, w_[k - 1].lower)) return;
      }
      if (can_open_at(t + 1)) add(w_[i].begin, w_[t + 1].begin, kOmitSaidThat);
      return;
    }
  }

  // ", officials said Tuesday." / ", said Chechen spokesman Movladi Udugov." / ", according to
  // police.": after the sentence's last comma, up to its final period.
  void attribution() {
    if (!ends_with_period_ || commas_.empty()) return;
    // Two in a row are two spans: "..., officials said on Thursday, according to AFP."
    std::size_t end = n_, c = 0;  // the tail ends with word end - 1
    for (int k = 0; k < 2 && attribution_before(end, &c); ++k) end = c + 1;
  }

  // An attribution in words c+1 .. end-1 after the comma of word c (the last comma before them);
  // adds the span from that comma to the end of word end-1 (before its period or comma).
  bool attribution_before(std::size_t end, std::size_t* comma) {
    std::size_t c = end;
    for (std::size_t k = end - 1; k-- > 0;) {
      if (w_[k].comma) { c = k; break; }
      if (w_[k].end != w_[k].core_end || w_[k].quote) return false;  // other punctuation or a quote in the tail
    }
    if (c == end || c < 3 || w_[c].quote || w_[end - 1].quote) return false;
    if (!balanced_quotes(0, w_[c].end)) return false;
    const std::size_t b = c + 1, len = end - b;  // the tail: words b .. end-1
    if (len < 2 || len > 12) return false;
    auto speaker = [&](std::size_t from, std::size_t to) {  // words [from, to) name who said it
      if (to <= from || to - from > 7) return false;
      for (std::size_t k = from; k < to; ++k) {
        if (is_clause_word(w_[k]) || is_saying(w_[k])) return false;
      }
      return true;
    };
    bool ok = false;
    if (w_[b].lower == "according" && len >= 3 && w_[b + 1].lower == "to") {
      ok = speaker(b + 2, end);
    } else if ((w_[b].lower == "said" || w_[b].lower == "says") && (w_[b + 1].upper || in({"the", "a", "an"}, w_[b + 1].lower))) {
      ok = speaker(b + 1, end);
    } else {
      for (std::size_t v = b + 1; v < end && !ok; ++v) {
        if (!is_saying(w_[v])) continue;
        bool tail = true;
        for (std::size_t k = v + 1; k < end; ++k) tail = tail && is_attribution_tail(w_[k]);
        ok = tail && end - v <= 7 && speaker(b, v);
        break;
      }
    }
    *comma = c;
    return ok && add(w_[c].end - 1, w_[end - 1].core_end, kOmitAttribution);
  }

  bool balanced_quotes(std::size_t from, std::size_t to) const {
    if (!(seen_ & kQuoteByte)) return true;  // no quotation mark in the sentence: most
    int plain = 0, open = 0, close = 0;
    for (std::size_t k = from; k < to; ++k) {
      if (s_[k] == '"') ++plain;
      if (quote_at(s_, k) == 3) (static_cast<unsigned char>(s_[k + 2]) == 0x9C ? open : close) += 1;
    }
    return plain % 2 == 0 && open == close;
  }

  // " (0745 GMT)": a parenthesis of up to twelve words after a word, with its leading space.
  void parentheticals() {
    if (!(seen_ & kParenByte)) return;
    for (std::size_t k = 1; k < n_; ++k) {
      // After a word, or an abbreviation ("9:45 a.m. (0745 GMT)"), not after other punctuation.
      const Word& before = w_[k - 1];
      if (s_[w_[k].begin] != '(' || (before.end != before.core_end && !(before.end == before.core_end + 1 && s_[before.core_end] == '.'))) continue;
      for (std::size_t j = k; j < n_ && j < k + 12; ++j) {
        const std::string_view raw = s_.substr(w_[j].begin, w_[j].end - w_[j].begin);
        if (w_[j].quote || raw.find('(', j == k ? 1 : 0) != std::string_view::npos) break;
        const std::size_t close = raw.find(')');
        if (close == std::string_view::npos) continue;
        const std::string_view after = raw.substr(close + 1);
        if (after.empty() || after == "," || after == "." || after == ";" || after == ":") {
          add(w_[k - 1].end, w_[j].begin + close + 1, kOmitParenthetical);
        }
        break;
      }
    }
  }

  // " _ Britons Peter Kennedy, ... _ " (the wire's dash), " -- ... -- ", " — ... — ": a pair of dashes
  // standing alone, up to twelve words apart, inside the sentence.
  void dashes() {
    if (!(seen_ & kDashByte)) return;
    auto dash = [&](std::size_t k) {
      if (w_[k].end - w_[k].begin > 3) return false;  // "_", "--", or one of U+2013, U+2014
      const std::string_view raw = s_.substr(w_[k].begin, w_[k].end - w_[k].begin);
      return raw == "_" || raw == "--" || raw == "\xE2\x80\x94" || raw == "\xE2\x80\x93";
    };
    for (std::size_t a = 1; a < n_; ++a) {
      if (!dash(a) || w_[a - 1].end != w_[a - 1].core_end) continue;
      for (std::size_t b = a + 2; b < n_ - 1 && b <= a + 13; ++b) {
        if (w_[b - 1].quote) break;
        if (!dash(b)) continue;
        add(w_[a - 1].end, w_[b].end, kOmitParenthetical);
        a = b;
        break;
      }
    }
  }

  // Next word ending in a plain comma after word i, or n.
  std::size_t next_comma(std::size_t i) const {
    for (std::size_t j = i + 1; j < n_; ++j) {
      if (w_[j].comma) return j;
    }
    return n_;
  }

  bool any_quote(std::size_t from, std::size_t to) const {
    for (std::size_t k = from; k < to; ++k) {
      if (w_[k].quote) return true;
    }
    return false;
  }

  // The comma-delimited piece after word i, words i+1 .. j: set off in the middle of the sentence
  // (j ends with a comma, and the next word continues the main clause), or running to the final
  // period (no comma in it). Adds the span; the middle one takes its closing comma, so that the
  // next word keeps its space.
  bool set_off(std::size_t i, std::size_t j, std::size_t max_words, unsigned rule) {
    if (j - i > max_words || any_quote(i + 1, j + 1)) return false;
    if (j < n_ - 1) {
      if (!continues_clause(w_[j + 1], s_) || !piece_opens_clause(piece_start(i))) return false;
      return add(w_[i].end - 1, w_[j].end, rule);
    }
    if (!ends_with_period_) return false;
    return add(w_[i].end - 1, w_[j].core_end, rule);
  }

  // First word of the comma-delimited piece that word i is in.
  std::size_t piece_start(std::size_t i) const {
    while (i > 0 && !w_[i - 1].comma) --i;
    return i;
  }

  // The piece starting at word `first` opens a clause, so that an aside after it can go without
  // leaving a comma unpaired: it opens the sentence, follows a coordinator ("..., and Yasser Arafat,
  // the Palestinian leader, promised"), or follows the sentence's opening adverbial ("Under the Wye
  // accord, Prime Minister ..."). Not an appositive itself: "The minister, Pedro Malan, who ...,".
  bool piece_opens_clause(std::size_t first) const {
    if (first == 0) return true;
    if (in({"and", "but", "or", "while", "whereas", "although", "though"}, w_[first].lower)) return true;
    for (std::size_t k = 0; k + 1 < first; ++k) {
      if (w_[k].comma) return false;  // not the sentence's first comma
    }
    const std::string_view x = w_[0].lower;
    const bool participle = x.size() > 4 && x.substr(x.size() - 3) == "ing";  // "Reverberating through ..., "
    const bool time = is_time_anchor(w_[0]) || in({"last", "late", "early", "this", "next"}, x);  // "Last week, "
    return is_subordinator(w_[0]) || time || is_connective(w_[0]) || participle;
  }

  // ", which peaks every 33 years," / ", who is wanted in Turkey."
  void relatives() {
    for (const std::size_t i : commas_) {
      if (i < 1 || i + 2 >= n_) continue;
      if (w_[i].quote || !in({"who", "which", "whose", "where"}, w_[i + 1].lower)) continue;
      if (w_[i + 1].begin != w_[i + 1].core_begin) continue;
      const std::size_t j = next_comma(i + 1);
      set_off(i, j < n_ ? j : n_ - 1, 20, kOmitRelative);
    }
  }

  // ", 82," / ", the Palestinian leader," / ", one of two Spanish magistrates ...," after a name;
  // ", the East Timor capital." at the end.
  void appositives() {
    std::size_t piece = 0;  // first word of the comma-delimited piece that word i ends
    for (const std::size_t i : commas_) {
      if (i + 2 >= n_) break;
      const std::size_t first = piece;
      piece = i + 1;
      if (!w_[i].upper || w_[i].quote || is_subordinator(w_[first]) || is_time_word(w_[i]) ||
          is_connective(w_[i]) || in({"but", "and", "yet"}, w_[i].lower)) {
        continue;
      }
      const std::size_t j0 = next_comma(i);
      const Word& head = w_[i + 1];
      if (head.begin != head.core_begin || in_list(first, i)) continue;
      if (i + 2 < n_ && in({"other", "others", "latter", "former"}, w_[i + 2].lower)) continue;  // "one from X, the other from Y"
      if (j0 < n_) {
        const bool age = j0 == i + 1 && all_digits(head.lower) && head.lower.size() <= 3;
        const bool noun = in({"the", "a", "an", "one", "his", "her", "its", "their"}, head.lower);
        if (!(age || noun) || has_saying(i + 1, j0 + 1)) continue;
        set_off(i, j0, 10, kOmitAppositive);
      } else if (in({"the", "a", "an"}, head.lower) && n_ - 1 - i >= 2 && !has_saying(i + 1, n_) && !has_word(i + 1, n_, "and")) {
        set_off(i, n_ - 1, 10, kOmitAppositive);
      }
    }
  }

  bool has_word(std::size_t from, std::size_t to, std::string_view word) const {
    for (std::size_t k = from; k < to; ++k) {
      if (w_[k].lower == word) return true;
    }
    return false;
  }

  // Words first .. i (a comma-delimited piece ending in a name) are an item of a list: the piece
  // before them is a short name too ("Egypt, Morocco, Jordan, Spain, the European Union and ...").
  bool in_list(std::size_t first, std::size_t i) const {
    if (first == 0 || i - first > 3) return false;
    const std::size_t before = piece_start(first - 1);
    if (first - before > 4) return false;
    for (std::size_t k = before; k < first; ++k) {
      if (!w_[k].upper && !in({"of", "the", "and"}, w_[k].lower)) return false;
    }
    return true;
  }

  bool has_saying(std::size_t from, std::size_t to) const {
    for (std::size_t k = from; k < to; ++k) {
      if (is_saying(w_[k]) || w_[k].lower == "according" || w_[k].lower == "told") return true;
    }
    return false;
  }

  // " on Friday", " Tuesday night" after a word: when, in a sentence that says what. Not "since
  // Friday", "last Friday", "Friday's", "Monday and Tuesday".
  void weekdays() {
    if (!(classes_ & kWeekday)) return;
    for (std::size_t k = 1; k < n_; ++k) {
      const Word& day = w_[k];
      if (!is_weekday(day) || day.begin != day.core_begin || day.quote) continue;
      std::size_t start = k;
      if (w_[k - 1].lower == "on" && w_[k - 1].end == w_[k - 1].core_end && w_[k - 1].begin == w_[k - 1].core_begin) start = k - 1;
      if (start == 0) continue;
      const Word& before = w_[start - 1];
      const bool adverb = before.lower.size() > 3 && before.lower.substr(before.lower.size() - 2) == "ly";  // "possibly"
      if (before.end != before.core_end || before.quote || is_month(before) || adverb ||
          (before.cls & kNotBeforeDay)) {
        continue;
      }
      std::size_t end = k;
      if (k + 1 < n_ && day.end == day.core_end && is_part_of_day(w_[k + 1]) && w_[k + 1].begin == w_[k + 1].core_begin) end = k + 1;
      if (end + 1 < n_ && w_[end].end == w_[end].core_end && in({"and", "or", "to", "through", "night's"}, w_[end + 1].lower)) continue;
      if (w_[end].lower.find('\'') != std::string_view::npos) continue;
      add(before.end, w_[end].core_end, kOmitWeekday);
    }
  }

  std::string_view s_;
  std::size_t base_ = 0;
  std::string lowered_;  // s_ with ASCII letters lowercased: the words' `lower` views
  std::vector<Word> w_;
  std::size_t n_ = 0;
  bool ends_with_period_ = false;
  // What the sentence holds at all, so that a rule whose trigger is absent returns at once: the
  // ByteFlag bits of its bytes, the WordClass bits of its words, the words ending in a comma.
  uint8_t seen_ = 0;
  uint32_t classes_ = 0;
  std::vector<std::size_t> commas_;  // the words ending in a plain comma, in order
  std::vector<Found> found_;
};

}  // namespace

std::vector<Omission> find_omissions(std::string_view sentence, std::size_t base, unsigned rules) {
  if (rules == 0) return {};
  thread_local Finder finder;
  finder.reset(sentence, base);
  return finder.run(rules);
}

std::vector<std::vector<Span>> omission_sets(const std::vector<Omission>& found) {
  std::vector<std::vector<Span>> sets;
  const std::size_t k = found.size();
  if (k == 0) return sets;
  if (k <= 3) {
    for (unsigned mask = 1; mask < (1u << k); ++mask) {
      std::vector<Span> set;
      for (std::size_t i = 0; i < k; ++i) {
        if (mask & (1u << i)) set.push_back(found[i].span);
      }
      sets.push_back(std::move(set));
    }
    return sets;
  }
  for (const auto& f : found) sets.push_back({f.span});
  std::vector<Span> all;
  for (const auto& f : found) all.push_back(f.span);
  sets.push_back(std::move(all));
  return sets;
}

std::string sentence_text(const AnalyzedDocument& d, const Sentence& s) {
  const std::string_view text = s.span.of(d.text);
  if (s.omitted.empty()) return std::string(text);
  return omit_spans(text, s.span.begin, s.omitted);
}

std::string omit_spans(std::string_view sentence, std::size_t base, IdRange<Span> omitted) {
  std::string out;
  out.reserve(sentence.size());
  std::size_t at = 0;
  for (const Span& o : omitted) {
    const std::size_t b = o.begin - base, e = o.end - base;
    if (b > at) out.append(sentence.substr(at, b - at));
    at = std::max(at, e);
  }
  if (at < sentence.size()) out.append(sentence.substr(at));
  if (!omitted.empty() && omitted[0].begin == base && !out.empty() && is_lower(out[0])) out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}

}  // namespace precis
