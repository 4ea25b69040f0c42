#include "text/segmenter.h"

#include <unicode/brkiter.h>
#include <unicode/filteredbrk.h>
#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/rbbi.h>
#include <unicode/unistr.h>
#include <unicode/utf16.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <map>
#include <new>
#include <stdexcept>

#include "text/blank.h"
#include "text/sentence_break.h"
#include "text/utf8.h"
#include "text/word_break.h"

namespace precis {

// UTF-16 text for ICU, with the UTF-8 offset of every UTF-16 position.
struct Utf16Text {
  icu::UnicodeString u16;
  std::vector<uint32_t> to_byte;  // size u16.length() + 1; empty when the text is ASCII (the same offsets)
  uint32_t byte(int32_t unit) const { return to_byte.empty() ? static_cast<uint32_t>(unit) : to_byte[static_cast<std::size_t>(unit)]; }
};

namespace {

Utf16Text to_utf16(std::string_view text) {
  Utf16Text t;
  const int32_t capacity = static_cast<int32_t>(text.size());  // UTF-16 never needs more units than UTF-8 bytes
  char16_t* units = t.u16.getBuffer(capacity);
  if (units == nullptr) throw std::bad_alloc();
  if (is_ascii(text)) {  // ASCII, as most news text: one unit per byte, offsets unchanged
    for (std::size_t i = 0; i < text.size(); ++i) units[i] = static_cast<unsigned char>(text[i]);
    t.u16.releaseBuffer(capacity);
    return t;
  }
  t.to_byte.reserve(text.size() + 1);
  int32_t n = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    const unsigned char b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) {
      units[n++] = b;
      t.to_byte.push_back(static_cast<uint32_t>(i));
      ++i;
      continue;
    }
    const std::size_t len = std::min(utf8_sequence_length(b), text.size() - i);
    UChar32 cp = len == 1 ? 0xFFFD : (b & (0xFF >> (len + 1)));
    for (std::size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    if (cp > 0xFFFF) {  // four UTF-8 bytes, two UTF-16 units
      units[n++] = static_cast<char16_t>(U16_LEAD(cp));
      units[n++] = static_cast<char16_t>(U16_TRAIL(cp));
      t.to_byte.push_back(static_cast<uint32_t>(i));
    } else {
      units[n++] = static_cast<char16_t>(cp);
    }
    t.to_byte.push_back(static_cast<uint32_t>(i));
    i += len;
  }
  t.to_byte.push_back(static_cast<uint32_t>(text.size()));
  t.u16.releaseBuffer(n);
  return t;
}

// The compiled rules of a rule-based iterator (empty for any other kind).
std::string_view binary_rules(const icu::BreakIterator& it) {
  const auto* rbbi = dynamic_cast<const icu::RuleBasedBreakIterator*>(&it);
  if (!rbbi) return {};
  uint32_t length = 0;
  const uint8_t* data = const_cast<icu::RuleBasedBreakIterator*>(rbbi)->getBinaryRules(length);
  return data ? std::string_view(reinterpret_cast<const char*>(data), length) : std::string_view();
}

// Lowercases A-Z in *s, leaves every other byte as it is, and says whether every byte is ASCII,
// for a whole block at once (fast_words): each ASCII word's folded form is then its own place in
// it, and the block needs no second pass to know whether all its words are. Eight bytes at a time:
// a byte's low seven bits plus 0x80 - 'A' reach 0x80 (its high bit) from 'A' on, plus 0x80 - 'Z' - 1
// from past 'Z'; neither sum carries into the next byte. Set where the first is and the second is
// not, and where the byte itself is ASCII, that bit shifted down is 0x20: the lowercase offset.
bool lowercase_ascii_letters(std::string* s) {
  constexpr uint64_t kOnes = 0x0101010101010101ull, kHigh = 0x8080808080808080ull;
  char* p = s->data();
  char* const end = s->data() + s->size();
  uint64_t any = 0;
  for (; end - p >= 8; p += 8) {
    uint64_t x;
    std::memcpy(&x, p, 8);
    any |= x;
    const uint64_t low7 = x & ~kHigh;
    const uint64_t upper = (low7 + (0x80 - 'A') * kOnes) & ~(low7 + (0x80 - 'Z' - 1) * kOnes) & ~x & kHigh;
    x |= upper >> 2;
    std::memcpy(p, &x, 8);
  }
  for (; p < end; ++p) {
    any |= static_cast<unsigned char>(*p);
    *p = (*p >= 'A' && *p <= 'Z') ? static_cast<char>(*p - 'A' + 'a') : *p;
  }
  return (any & kHigh) == 0;
}

bool is_space_byte(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// ---- post-pass helpers: all work on UTF-8 bytes ------------------------------------------------

bool is_ascii_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_ascii_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }

// The last white-space-delimited word of `s` (with its trailing punctuation).
std::string_view last_word(std::string_view s) {
  std::size_t e = s.size();
  while (e > 0 && is_space_byte(s[e - 1])) --e;
  std::size_t b = e;
  while (b > 0 && !is_space_byte(s[b - 1])) --b;
  return s.substr(b, e - b);
}

std::string_view first_word(std::string_view s) {
  std::size_t b = 0;
  while (b < s.size() && is_space_byte(s[b])) ++b;
  std::size_t e = b;
  while (e < s.size() && !is_space_byte(s[e])) ++e;
  return s.substr(b, e - b);
}

std::string_view strip_leading_punct(std::string_view w) {
  std::size_t b = 0;
  while (b < w.size() && (w[b] == '(' || w[b] == '"' || w[b] == '\'' || w[b] == '[')) ++b;
  return w.substr(b);
}

bool one_of(std::string_view w, std::initializer_list<std::string_view> list) {
  return std::find(list.begin(), list.end(), w) != list.end();
}

// Abbreviations that precede a name and therefore never end a sentence.
bool is_title_abbreviation(std::string_view w) {
  return one_of(w, {"Mr", "Mrs", "Ms", "Messrs", "Dr", "Prof", "Gen", "Sen", "Sens", "Rep", "Reps",
                    "Gov", "Lt", "Col", "Capt", "Sgt", "Maj", "Adm", "Cmdr", "Rev", "Hon", "Pres",
                    "Gens", "Supt", "Insp", "Det", "Cpl", "Pvt", "Amb", "Atty", "Msgr", "Fr", "Sr",
                    "Mt", "Ft", "St"});
}

// Abbreviations that precede a number ("No. 10", "Oct. 14", "Fig. 3").
bool is_number_abbreviation(std::string_view w) {
  return one_of(w, {"No", "Nos", "no", "Vol", "vol", "Art", "art", "Fig", "fig", "Sec", "sec", "Ch",
                    "p", "pp", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct",
                    "Nov", "Dec", "Nr", "approx", "ca"});
}

// "U.S.", "U.N.", "D.C.", "a.m.": letters each followed by a period, at least two.
bool is_dotted_abbreviation(std::string_view w) {
  if (w.size() < 4 || w.back() != '.') return false;
  for (std::size_t i = 0; i < w.size(); i += 2) {
    if (i + 1 >= w.size()) return false;
    const char c = w[i];
    if (!(is_ascii_upper(c) || is_ascii_lower(c)) || w[i + 1] != '.') return false;
  }
  return true;
}

// Capitalised words that usually open a new sentence, so a break before them after "U.S." is real.
bool is_sentence_opener(std::string_view w) {
  return one_of(w, {"The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "But", "And", "Or",
                    "In", "On", "At", "This", "That", "These", "Those", "There", "His", "Her",
                    "Their", "Its", "Our", "My", "After", "Before", "When", "While", "If", "As", "So",
                    "Yet", "Still", "Meanwhile", "However", "Some", "Many", "Most", "Both", "Such",
                    "Officials", "Earlier", "Later", "Also", "Then", "Now", "Since", "For", "Last",
                    "Next", "No", "Not", "What", "Who", "Why", "How", "Where", "Although",
                    "Because", "Despite", "During", "Under", "With", "Without", "According"});
}

// Double-quote bookkeeping for one piece of text: straight quotes toggle, curly ones nest.
struct Quotes {
  int straight = 0;  // count of '"'
  int curly = 0;     // (number of opening) - (number of closing)
  bool opens() const { return straight % 2 == 1 || curly > 0; }
  bool closes() const { return straight % 2 == 1 || curly < 0; }
};

Quotes count_quotes(std::string_view s) {
  Quotes q;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '"') {
      ++q.straight;
    } else if (i + 2 < s.size() && static_cast<unsigned char>(s[i]) == 0xE2 &&
               static_cast<unsigned char>(s[i + 1]) == 0x80) {
      const unsigned char c = static_cast<unsigned char>(s[i + 2]);
      if (c == 0x9C) ++q.curly;        // left double quotation mark
      else if (c == 0x9D) --q.curly;   // right double quotation mark
    }
  }
  return q;
}

bool should_merge(std::string_view left, std::string_view right) {
  const std::string_view lw = last_word(left);
  const std::string_view right_first = first_word(right);
  const std::string_view next = strip_leading_punct(right_first);
  if (lw.empty() || next.empty()) return false;
  // Wire text joins compounds with an underscore for a dash: "a U.S._British plan", "a U.S. _British
  // plan". An underscore before a letter continues the sentence.
  if (right_first.size() >= 2 && right_first[0] == '_' && (is_ascii_upper(right_first[1]) || is_ascii_lower(right_first[1]))) return true;
  if (lw.back() == '.') {
    std::string_view stem = lw.substr(0, lw.size() - 1);
    // Drop opening punctuation of the abbreviation itself: "(Dr." -> "Dr".
    while (!stem.empty() && (stem.front() == '(' || stem.front() == '"' || stem.front() == '[')) stem.remove_prefix(1);
    if (is_title_abbreviation(stem) && (is_ascii_upper(next[0]) || static_cast<unsigned char>(next[0]) >= 0x80)) return true;
    if (is_number_abbreviation(stem) && is_ascii_digit(next[0])) return true;
    std::string_view dotted = lw;
    while (!dotted.empty() && (dotted.front() == '(' || dotted.front() == '"')) dotted.remove_prefix(1);
    if (is_dotted_abbreviation(dotted)) {
      // "U.S. Secretary", "the U.N. Security Council": merge unless the next word opens a sentence.
      if (is_ascii_digit(next[0]) || is_ascii_lower(next[0])) return true;
      if (is_ascii_upper(next[0])) {
        std::string_view bare = next;
        while (!bare.empty() && !(is_ascii_upper(bare.back()) || is_ascii_lower(bare.back()))) bare.remove_suffix(1);
        return !is_sentence_opener(bare);
      }
    }
    // A single initial: "John F. Kennedy", "J. Smith".
    if (stem.size() == 1 && is_ascii_upper(stem[0]) && is_ascii_upper(next[0])) return true;
  }
  // Quoted speech: a sentence inside an open quotation continues until the quote closes.
  if (count_quotes(left).opens() && count_quotes(right).closes()) return true;
  return false;
}

// word_break.h implements ICU's root word rules. A language with rules of its own (Finnish and
// Swedish treat ':' differently) keeps ICU: compared by the compiled rules themselves, once.
bool has_root_word_rules(const icu::BreakIterator& it) {
  static const std::string root = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> r(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
    return U_SUCCESS(status) && r ? std::string(binary_rules(*r)) : std::string();
  }();
  return !root.empty() && binary_rules(it) == root;
}

// sentence_break.h implements ICU's root sentence rules and the abbreviation filter that
// createSentenceInstance() puts around them for a locale with "ss=standard". True, with the
// filter's list in *exceptions (empty when ICU's has none), when the locale's sentence rules are
// the root rules (compared by the compiled rules: Greek, for one, has its own).
bool can_break_sentences_without_icu(const icu::Locale& locale, SentenceExceptions* exceptions) {
  static const std::string root = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> r(icu::BreakIterator::createSentenceInstance(icu::Locale::getRoot(), status));
    return U_SUCCESS(status) && r ? std::string(binary_rules(*r)) : std::string();
  }();
  // The rules ICU picks for the locale: keywords do not take part (the resource bundle is opened
  // by the locale's base name), and without "ss" it returns the rule-based iterator itself.
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> plain(icu::BreakIterator::createSentenceInstance(icu::Locale(locale.getBaseName()), status));
  if (U_FAILURE(status) || !plain || root.empty() || binary_rules(*plain) != root) return false;
  char ss[16] = {};
  UErrorCode kv = U_ZERO_ERROR;
  const int32_t length = locale.getKeywordValue("ss", ss, sizeof(ss), kv);
  if (U_FAILURE(kv) || length <= 0 || std::strcmp(ss, "standard") != 0) {
    *exceptions = SentenceExceptions();  // ICU filters nothing
    return true;
  }
  return SentenceExceptions::load(locale.getBaseName(), exceptions);
}

// Merges the false breaks of the raw pieces, trims them and makes them absolute.
std::vector<Span> finish_sentences(std::string_view text, const std::vector<Span>& pieces, std::size_t base) {
  std::vector<Span> out;
  for (const Span& s : merge_false_breaks(text, pieces)) {
    const Span trimmed = trim_blank(text, s);
    if (!trimmed.empty()) out.push_back(Span{trimmed.begin + base, trimmed.end + base});
  }
  return out;
}

}  // namespace

std::vector<Span> merge_false_breaks(std::string_view text, const std::vector<Span>& pieces) {
  std::vector<Span> out;
  for (const Span& p : pieces) {
    if (!out.empty() && out.back().end == p.begin) {
      const std::string_view left = out.back().of(text);
      const std::string_view right = p.of(text);
      // Bound the merge so that unbalanced quotes in a long text cannot glue everything together.
      if (left.size() < 2000 && should_merge(left, right)) {
        out.back().end = p.end;
        continue;
      }
    }
    out.push_back(p);
  }
  return out;
}

Segmenter::Segmenter(const LanguageInfo& language) : sentence_locale_(language.sentence_locale) {
  fast_sentence_break_ = can_break_sentences_without_icu(icu::Locale(sentence_locale_.c_str()), &sentence_exceptions_);
  if (!fast_sentence_break_) icu_sentence_iterator();  // throws now, as the other iterators do
  UErrorCode status = U_ZERO_ERROR;
  word_it_.reset(icu::BreakIterator::createWordInstance(icu::Locale(language.word_locale.c_str()), status));
  if (U_FAILURE(status) || !word_it_) {
    throw std::runtime_error(std::string("ICU word iterator: ") + u_errorName(status));
  }
  status = U_ZERO_ERROR;
  nfkc_cf_ = icu::Normalizer2::getNFKCCasefoldInstance(status);
  if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU NFKC_Casefold: ") + u_errorName(status));
  fast_word_break_ = has_root_word_rules(*word_it_);
}

Segmenter::~Segmenter() = default;

bool Segmenter::breaks_like(const Segmenter& other) const {
  if (fast_sentence_break_ != other.fast_sentence_break_ || fast_word_break_ != other.fast_word_break_) return false;
  if (fast_sentence_break_) {
    // Root rules on both sides (that is what fast means), and the filter's list decides the rest,
    // also for ICU's iterator, created on first use for text outside sentence_break.h's repertoire.
    if (sentence_exceptions_.abbreviations() != other.sentence_exceptions_.abbreviations()) return false;
  } else if (sentence_locale_ != other.sentence_locale_) {
    return false;
  }
  // The word iterator's compiled rules (the dictionaries for scripts without spaces are ICU's, the
  // same for every locale).
  return binary_rules(*word_it_) == binary_rules(*other.word_it_);
}

Segmenter& shared_segmenter(const LanguageInfo& language) {
  // Per thread: creating ICU's iterators costs more than segmenting a few articles, and a
  // Segmenter is not safe to share between threads. Each distinct Segmenter (an ICU word iterator,
  // about 8 KB) is kept once; each language's locales map to it. Any valid code is accepted, and
  // one Segmenter per code let requests naming 4,000 made-up codes grow wasm memory by 16 MiB.
  // Entries are never evicted: analyze() holds the reference for the whole request.
  struct Cache {
    std::vector<std::unique_ptr<Segmenter>> distinct;
    std::map<std::string, Segmenter*> by_locales;  // "sentence locale|word locale" -> one of distinct
  };
  thread_local Cache cache;
  std::string key = language.sentence_locale + "|" + language.word_locale;
  const auto found = cache.by_locales.find(key);
  if (found != cache.by_locales.end()) return *found->second;
  auto made = std::make_unique<Segmenter>(language);
  Segmenter* shared = nullptr;
  for (const auto& s : cache.distinct) {
    if (s->breaks_like(*made)) {
      shared = s.get();
      break;
    }
  }
  if (!shared) {
    cache.distinct.push_back(std::move(made));
    shared = cache.distinct.back().get();
  }
  cache.by_locales.emplace(std::move(key), shared);
  return *shared;
}

icu::BreakIterator& Segmenter::icu_sentence_iterator() {
  if (!sentence_it_) {
    UErrorCode status = U_ZERO_ERROR;
    sentence_it_.reset(icu::BreakIterator::createSentenceInstance(icu::Locale(sentence_locale_.c_str()), status));
    if (U_FAILURE(status) || !sentence_it_) {
      sentence_it_.reset();
      throw std::runtime_error(std::string("ICU sentence iterator: ") + u_errorName(status));
    }
  }
  return *sentence_it_;
}

std::vector<Span> Segmenter::sentences(std::string_view text, std::size_t base) {
  if (text.empty()) return {};
  std::vector<Span> pieces;
  if (fast_sentence_pieces(text, &pieces)) return finish_sentences(text, pieces, base);
  return sentences_of(to_utf16(text), text, base);
}

std::vector<Span> Segmenter::icu_sentences(std::string_view text, std::size_t base) {
  if (text.empty()) return {};
  return sentences_of(to_utf16(text), text, base);
}

void Segmenter::words(std::string_view text, std::size_t base, TokenList* out) {
  out->clear();
  if (text.empty()) return;
  if (fast_words(text, base, out)) return;
  words_of(to_utf16(text), text, base, out);
}

void Segmenter::icu_words(std::string_view text, std::size_t base, TokenList* out) {
  out->clear();
  if (text.empty()) return;
  words_of(to_utf16(text), text, base, out);
}

void Segmenter::sentences_and_words(std::string_view text, std::size_t base, std::vector<Span>* sentences,
                                    TokenList* words) {
  sentences->clear();
  words->clear();
  if (text.empty()) return;
  std::vector<Span> pieces;
  if (fast_sentence_pieces(text, &pieces)) {
    *sentences = finish_sentences(text, pieces, base);
    if (!fast_words(text, base, words)) words_of(to_utf16(text), text, base, words);
    return;
  }
  const Utf16Text t = to_utf16(text);  // once for both iterators
  *sentences = sentences_of(t, text, base);
  if (!fast_words(text, base, words)) words_of(t, text, base, words);
}

bool Segmenter::fast_sentence_pieces(std::string_view text, std::vector<Span>* pieces) {
  if (!fast_sentence_break_) return false;
  sentence_ends_.clear();
  if (!fast_sentence_breaks(text, sentence_exceptions_, &sentence_ends_)) return false;
  pieces->reserve(sentence_ends_.size());
  std::size_t start = 0;
  for (const uint32_t end : sentence_ends_) {
    pieces->push_back(Span{start, end});
    start = end;
  }
  return true;
}

bool Segmenter::fast_words(std::string_view text, std::size_t base, TokenList* out) {
  if (!fast_word_break_) return false;
  spans_.clear();
  if (!fast_word_spans(text, &spans_)) return false;
  // The buffer starts as the text with A-Z lowercased, so that an ASCII word's folded form is its
  // own place there: no copy per word. A word with other bytes is folded by ICU onto the end.
  std::string& folded = out->start();
  folded.assign(text.data(), text.size());
  const bool all_ascii = lowercase_ascii_letters(&folded);
  for (const WordSpan& w : spans_) {
    const std::string_view word = text.substr(w.begin, w.end - w.begin);
    const Span span{base + w.begin, base + w.end};
    if (all_ascii || is_ascii(word)) {
      out->add(span, w.begin, word.size(), w.is_number);
    } else {
      const std::size_t at = folded.size();
      icu_fold(word, &folded);
      out->add(span, at, folded.size() - at, w.is_number);
    }
  }
  out->finish();
  return true;
}

std::vector<Span> Segmenter::sentences_of(const Utf16Text& t, std::string_view text, std::size_t base) {
  std::vector<Span> pieces;
  icu::BreakIterator& it = icu_sentence_iterator();
  it.setText(t.u16);
  int32_t start = it.first();
  for (int32_t end = it.next(); end != icu::BreakIterator::DONE; start = end, end = it.next()) {
    pieces.push_back(Span{t.byte(start), t.byte(end)});
  }
  it.setText(icu::UnicodeString());  // do not keep a pointer to t.u16
  return finish_sentences(text, pieces, base);
}

void Segmenter::words_of(const Utf16Text& t, std::string_view text, std::size_t base, TokenList* out) {
  std::string& folded = out->start();
  folded.reserve(text.size());  // about the text's size: forms are the words, lowercased
  word_it_->setText(t.u16);
  int32_t start = word_it_->first();
  for (int32_t end = word_it_->next(); end != icu::BreakIterator::DONE; start = end, end = word_it_->next()) {
    const int32_t status = word_it_->getRuleStatus();
    if (status < UBRK_WORD_NONE_LIMIT) continue;  // spaces and punctuation
    const std::string_view word = text.substr(t.byte(start), t.byte(end) - t.byte(start));
    const std::size_t at = folded.size();
    append_fold(word, &folded);
    out->add(Span{base + t.byte(start), base + t.byte(end)}, at, folded.size() - at, status < UBRK_WORD_NUMBER_LIMIT);
  }
  word_it_->setText(icu::UnicodeString());
  out->finish();
}

std::string Segmenter::fold(std::string_view word) const {
  std::string s;
  append_fold(word, &s);
  return s;
}

void Segmenter::append_fold(std::string_view word, std::string* out) const {
  const std::size_t at = out->size();
  out->append(word.data(), word.size());
  // Byte by byte, not lowercase_ascii_letters: words are short, and with it the ICU-only
  // reference (icu_words) took 1% more instructions per document.
  unsigned char any = 0;
  for (char* c = out->data() + at; c != out->data() + out->size(); ++c) {  // lowercase and test for ASCII in one pass
    any |= static_cast<unsigned char>(*c);
    *c = (*c >= 'A' && *c <= 'Z') ? static_cast<char>(*c - 'A' + 'a') : *c;
  }
  if (any < 0x80) return;
  out->resize(at);
  icu_fold(word, out);
}

void Segmenter::icu_fold(std::string_view word, std::string* out) const {
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(word.data(), static_cast<int32_t>(word.size())));
  icu::UnicodeString folded = nfkc_cf_->normalize(u, status);
  if (U_FAILURE(status)) folded = u;
  folded.findAndReplace(icu::UnicodeString(static_cast<UChar>(0x2019)), icu::UnicodeString(static_cast<UChar>(0x27)));
  folded.toUTF8String(*out);  // appends
}

}  // namespace precis
