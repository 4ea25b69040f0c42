#include "text/sentence_break.h"

#include <unicode/uchar.h>
#include <unicode/udata.h>
#include <unicode/ures.h>
#include <unicode/utf16.h>
#include <unicode/ustring.h>
#include <unicode/utypes.h>

#include <algorithm>
#include <cstring>
#include <limits>
#include <memory>

#include "text/utf8.h"

// ICU's filtered-iterator builder reads its list with ures_getByKeyWithFallback(), which ICU
// exports but declares only in its internal uresimp.h. The same call here finds the same resource.
U_CAPI UResourceBundle* U_EXPORT2 ures_getByKeyWithFallback(const UResourceBundle* resB, const char* inKey,
                                                            UResourceBundle* fillIn, UErrorCode* status);

namespace precis {
namespace {

// ---- character classes -------------------------------------------------------------------------

// The Sentence_Break values of the covered repertoire. Sep, Format and Extend do not occur (they
// are outside it), which removes ($Extend | $Format)* from every rule.
enum Class : uint8_t {
  kOther,
  kUpper,
  kLower,
  kOLetter,
  kNumeric,
  kATerm,      // '.' U+2024
  kSTerm,      // '!' '?' U+203C U+203D U+2047-U+2049
  kClose,      // quotes, brackets, guillemets
  kSContinue,  // ',' '-' ':' en and em dash
  kSp,
  kCR,
  kLF,
  kClassCount,
  kUnsupported = 0xFF,
};

constexpr Class ascii_class(unsigned char b) {
  if (b >= 'A' && b <= 'Z') return kUpper;
  if (b >= 'a' && b <= 'z') return kLower;
  if (b >= '0' && b <= '9') return kNumeric;
  switch (b) {
    case '\t': case '\v': case '\f': case ' ': return kSp;
    case '\n': return kLF;
    case '\r': return kCR;
    case '.': return kATerm;
    case '!': case '?': return kSTerm;
    case '"': case '\'': case '(': case ')': case '[': case ']': case '{': case '}': return kClose;
    case ',': case '-': case ':': return kSContinue;
    default: return kOther;  // other controls, # $ % & * + / ; < = > @ \ ^ _ ` | ~ DEL
  }
}

struct AsciiTable {
  uint8_t of[128];
  constexpr AsciiTable() : of{} {
    for (int b = 0; b < 128; ++b) of[b] = ascii_class(static_cast<unsigned char>(b));
  }
};
constexpr AsciiTable kAscii;

// U+00A0-U+024F, one letter per code point: s Sp, c Close, x Other, U Upper, L Lower, O OLetter,
// '-' the soft hyphen (Format: not covered).
constexpr char kLatin[] =
    "sxxxxxxxxxLcx-xxxxxxxLxxxxLcxxxxUUUUUUUUUUUUUUUU"
    "UUUUUUUxUUUUUUULLLLLLLLLLLLLLLLLLLLLLLLxLLLLLLLL"
    "ULULULULULULULULULULULULULULULULULULULULULULULUL"
    "ULULULULLULULULULULULULULLULULULULULULULULULULUL"
    "ULULULULULULULULULULULULUULULULLLUULULUULUUULLUU"
    "UULUULUUULLLUULUULULULUULULLULUULUUULULUULLOULLL"
    "OOOOUULUULUULULULULULULULULULLULULULULULULULULUL"
    "LUULULUUULULULULULULULULULULULULULULULULULULULUL"
    "ULULULULULULULULULULLLLLLLUULUULLULUUUULULULULUL";
static_assert(sizeof(kLatin) - 1 == 0x250 - 0xA0, "one class per code point U+00A0-U+024F");

Class class_of(char32_t c) {
  if (c < 0x80) return static_cast<Class>(kAscii.of[c]);
  if (c >= 0xA0 && c < 0x250) {
    switch (kLatin[c - 0xA0]) {
      case 's': return kSp;
      case 'c': return kClose;
      case 'x': return kOther;
      case 'U': return kUpper;
      case 'L': return kLower;
      case 'O': return kOLetter;
      default: return kUnsupported;
    }
  }
  if (c >= 0x2000 && c <= 0x200A) return kSp;  // en quad ... hair space
  if (c >= 0x2010 && c <= 0x2027) {
    if (c == 0x2013 || c == 0x2014) return kSContinue;  // en and em dash
    if (c >= 0x2018 && c <= 0x201F) return kClose;      // typographic quotes
    if (c == 0x2024) return kATerm;                     // one dot leader
    return kOther;                                      // hyphens, daggers, bullets, ellipsis
  }
  if (c >= 0x202F && c <= 0x205F) {
    if (c == 0x202F || c == 0x205F) return kSp;  // narrow no-break space, medium math space
    if (c == 0x2039 || c == 0x203A || c == 0x2045 || c == 0x2046) return kClose;  // single guillemets, brackets
    if (c == 0x203C || c == 0x203D || (c >= 0x2047 && c <= 0x2049)) return kSTerm;  // ‼ ‽ ⁇ ⁈ ⁉
    return kOther;  // per mille, primes, fraction slash, ...
  }
  if (c == 0x20AC) return kOther;  // euro sign
  return kUnsupported;
}

// ---- the rules as a state machine ----------------------------------------------------------------
//
// ICU's root sentence rules (ICU 72, sent.txt), without Extend, Format and Sep:
//   R3    CR LF
//   R5    [^CR LF]
//   R6    ATerm Numeric
//   R7    (Upper | Lower) ATerm Upper
//   R8    ATerm Close* Sp* [^OLetter Upper Lower CR LF ATerm STerm]* Lower
//   R8a   (STerm | ATerm) Close* Sp* (SContinue | STerm | ATerm)
//   R9-11 (STerm | ATerm) Close* Sp* (CR | LF)?
//   R998  ([^STerm ATerm Close Sp CR LF] | {bof}) (Close | Sp)* .
//   R999  the same ending in CR, LF, CR LF or {eof} (adds no match to R998's)
// compiled with !!chain: a rule may begin on the last character of the rule matched before it (a
// character of the same class). ICU's iterator starts every next() at the previous boundary, with
// {bof}, and breaks after the longest match. The machine below tracks which rules are under way;
// a match of the whole rule set ends wherever any rule ends, and the scan stops when none is left.
enum Item : uint8_t {
  kLoop = 1,     // R998 after its first character (or {bof}): (Close | Sp)* then any character
  kR7Term = 2,   // R7 after the letter: wants ATerm
  kR7Upper = 4,  // R7 after the ATerm: wants Upper
  kR3 = 8,       // after CR: wants LF
  kR6 = 16,      // after ATerm: wants Numeric
  kTermClose = 32,  // R8a/R9-11 in Close*
  kTermSp = 64,     // R8a/R9-11 in Sp*
  kR8 = 128,        // R8 after ATerm, in Close* Sp* [^...]*: wants Lower
};
constexpr uint16_t kAccept = 0x100;  // a rule match ends after this character

// A rule match ends on a character of class `c`: the rules that begin with that class go on.
constexpr uint16_t chain(uint8_t c) {
  switch (c) {
    case kUpper: case kLower: return kAccept | kLoop | kR7Term;
    case kOLetter: case kNumeric: case kSContinue: case kOther: return kAccept | kLoop;
    case kATerm: return kAccept | kTermClose | kR6 | kR8;  // R9-11 (ATerm alone matches), R6, R8
    case kSTerm: return kAccept | kTermClose;
    case kCR: return kAccept | kR3;
    default: return kAccept;  // Close, Sp, LF: no rule begins with them (but R5, which ends there)
  }
}

constexpr uint16_t step(uint8_t items, uint8_t c) {
  uint16_t r = 0;
  if (items & kLoop) r |= (c == kClose || c == kSp) ? (kAccept | kLoop) : chain(c);
  if ((items & kR7Term) && c == kATerm) r |= kR7Upper;
  if ((items & kR7Upper) && c == kUpper) r |= chain(c);
  if ((items & kR3) && c == kLF) r |= chain(c);
  if ((items & kR6) && c == kNumeric) r |= chain(c);
  if (items & (kTermClose | kTermSp)) {
    if (c == kClose && (items & kTermClose)) r |= kAccept | kTermClose;
    else if (c == kSp) r |= kAccept | kTermSp;
    else if (c == kCR || c == kLF || c == kSContinue || c == kSTerm || c == kATerm) r |= chain(c);
  }
  if (items & kR8) {
    if (c == kLower) r |= chain(c);
    else if (c == kNumeric || c == kClose || c == kSContinue || c == kSp || c == kOther) r |= kR8;
  }
  return r;
}

struct Machine {
  uint16_t next[256][16];
  constexpr Machine() : next{} {
    for (int s = 0; s < 256; ++s)
      for (int c = 0; c < kClassCount; ++c) next[s][c] = step(static_cast<uint8_t>(s), static_cast<uint8_t>(c));
  }
};
constexpr Machine kMachine;

// The rule boundaries of code points 0..n-1 (classes and byte offsets from `text`: cls(j), at(j),
// at(n) the end), filtered by the exceptions, appended to `ends`.
template <typename Text>
void scan(const Text& text, std::size_t n, std::string_view bytes, const SentenceExceptions& exceptions,
          std::vector<uint32_t>* ends) {
  const bool filter = !exceptions.empty();
  std::size_t p = 0;
  while (p < n) {
    // One next() of ICU's rule-based iterator from p: the first character always ends a match
    // (R998 from {bof}, or R5).
    uint16_t items = kLoop;
    std::size_t last = p + 1;
    for (std::size_t i = p; i < n; ++i) {
      if ((items | kR7Term) == (kLoop | kR7Term)) {
        // Within a sentence (R998's loop, perhaps R7 after a letter), every character but ATerm,
        // STerm, CR and LF ends a match and leaves the loop, with R7 begun after a letter.
        const std::size_t j = text.next_stop(i, n);
        if (j > i) {
          const uint8_t before = text.cls(j - 1);
          items = kLoop | ((before == kUpper || before == kLower) ? kR7Term : 0);
          last = j;
          i = j;
          if (i == n) break;
        }
      }
      const uint16_t e = kMachine.next[items][text.cls(i)];
      if (e & kAccept) last = i + 1;
      items = e & 0xFF;
      if (items == 0) break;
    }
    p = last;
    // The filter never suppresses the break at the end of the text.
    if (p < n && filter && exceptions.suppresses(bytes, text.at(p))) continue;
    ends->push_back(text.at(p));
  }
}

constexpr bool is_stop(uint8_t c) { return c == kATerm || c == kSTerm || c == kCR || c == kLF; }

struct AsciiText {
  const unsigned char* s;
  uint8_t cls(std::size_t j) const { return kAscii.of[s[j]]; }
  uint32_t at(std::size_t j) const { return static_cast<uint32_t>(j); }
  // The first j >= i (or n) whose character is ATerm, STerm, CR or LF (. ! ? \r \n), eight
  // bytes at a time: such a byte is a zero byte once the bytes are xor-ed with it, and the lowest
  // zero byte is found exactly by the classic (v - 0x01..) & ~v & 0x80.. test.
  std::size_t next_stop(std::size_t i, std::size_t n) const {
    static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__, "the first byte in memory must be the lowest");
    constexpr uint64_t kOnes = 0x0101010101010101u, kHigh = 0x8080808080808080u;
    auto zero_bytes = [](uint64_t v) { return (v - kOnes) & ~v & kHigh; };
    for (; i + 8 <= n; i += 8) {
      uint64_t v;
      std::memcpy(&v, s + i, 8);
      const uint64_t m = zero_bytes(v ^ (kOnes * '.')) | zero_bytes(v ^ (kOnes * '!')) | zero_bytes(v ^ (kOnes * '?')) |
                         zero_bytes(v ^ (kOnes * '\n')) | zero_bytes(v ^ (kOnes * '\r'));
      if (m != 0) return i + static_cast<std::size_t>(__builtin_ctzll(m) >> 3);
    }
    while (i < n && !is_stop(kAscii.of[s[i]])) ++i;
    return i;
  }
};

struct DecodedText {
  const std::vector<uint8_t>& classes;
  const std::vector<uint32_t>& offsets;
  uint8_t cls(std::size_t j) const { return classes[j]; }
  uint32_t at(std::size_t j) const { return offsets[j]; }
  std::size_t next_stop(std::size_t i, std::size_t n) const {
    while (i < n && !is_stop(classes[i])) ++i;
    return i;
  }
};


// The code point that ends before byte `pos` (> 0) of valid UTF-8; `pos` moves to its start.
char32_t previous_code_point(std::string_view text, std::size_t* pos) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  std::size_t i = *pos - 1;
  while (i > 0 && (s[i] & 0xC0) == 0x80 && *pos - i < 4) --i;
  *pos = i;
  const unsigned char b = s[i];
  if (b < 0x80) return b;
  const std::size_t len = (b & 0xE0) == 0xC0 ? 2 : (b & 0xF0) == 0xE0 ? 3 : 4;
  char32_t c = b & (0x7F >> len);
  for (std::size_t k = 1; k < len; ++k) c = (c << 6) | (s[i + k] & 0x3F);
  return c;
}

// The code point that begins at byte `pos` of valid UTF-8; `pos` moves past it.
char32_t next_code_point(std::string_view text, std::size_t* pos) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const unsigned char b = s[*pos];
  if (b < 0x80) {
    ++*pos;
    return b;
  }
  const std::size_t len = (b & 0xE0) == 0xC0 ? 2 : (b & 0xF0) == 0xE0 ? 3 : 4;
  char32_t c = b & (0x7F >> len);
  for (std::size_t k = 1; k < len; ++k) c = (c << 6) | (s[*pos + k] & 0x3F);
  *pos += len;
  return c;
}

constexpr uint8_t kPartial = 1;  // ICU's kPARTIAL: the part up to the first '.' of a longer entry
constexpr uint8_t kMatch = 2;    // ICU's kMATCH: a whole entry

}  // namespace

// ---- the exceptions ------------------------------------------------------------------------------

namespace {

std::u32string_view view(const std::u32string& chars, uint32_t begin, uint32_t length) {
  return std::u32string_view(chars).substr(begin, length);
}

}  // namespace

bool SentenceExceptions::Trie::build(const std::u32string& chars, std::vector<Key> keys) {
  std::sort(keys.begin(), keys.end(), [&](const Key& a, const Key& b) {
    return view(chars, a.begin, a.length) < view(chars, b.begin, b.length);
  });
  for (std::size_t i = 1; i < keys.size(); ++i) {
    if (view(chars, keys[i - 1].begin, keys[i - 1].length) == view(chars, keys[i].begin, keys[i].length)) return false;
  }
  std::size_t total = 0;
  for (const Key& k : keys) total += k.length;
  nodes.assign(1, Node{});
  nodes.reserve(total + 1);
  edges.clear();
  edges.reserve(total);
  build(chars, keys, 0, keys.size(), 0, 0);
  return true;
}

// The subtrie of keys[lo, hi), which share their first `depth` code points, at `node`.
void SentenceExceptions::Trie::build(const std::u32string& chars, const std::vector<Key>& keys, std::size_t lo,
                                     std::size_t hi, uint32_t depth, uint32_t node) {
  if (lo < hi && keys[lo].length == depth) nodes[node].value = keys[lo++].value;  // sorts first
  const auto first = static_cast<uint32_t>(edges.size());
  for (std::size_t i = lo; i < hi; ++i) {
    const char32_t c = chars[keys[i].begin + depth];
    if (i == lo || c != edges.back().c) edges.push_back(Edge{c, 0});
  }
  const auto count = static_cast<uint32_t>(edges.size()) - first;
  nodes[node].first_edge = first;
  nodes[node].edges = count;
  std::size_t i = lo;
  for (uint32_t k = 0; k < count; ++k) {
    const char32_t c = edges[first + k].c;
    std::size_t j = i;
    while (j < hi && chars[keys[j].begin + depth] == c) ++j;
    const auto child = static_cast<uint32_t>(nodes.size());
    nodes.emplace_back();
    edges[first + k].node = child;
    build(chars, keys, i, j, depth + 1, child);
    i = j;
  }
}

int SentenceExceptions::Trie::child(uint32_t node, char32_t c) const {
  const Edge* begin = edges.data() + nodes[node].first_edge;
  const Edge* end = begin + nodes[node].edges;
  const Edge* it = std::lower_bound(begin, end, c, [](const Edge& e, char32_t x) { return e.c < x; });
  return it != end && it->c == c ? static_cast<int>(it->node) : -1;
}

SentenceExceptions::SentenceExceptions(const std::vector<std::u32string>& abbreviations) {
  for (const std::u32string& a : abbreviations) {
    list_.push_back(Key{static_cast<uint32_t>(chars_.size()), static_cast<uint32_t>(a.size()), kMatch});
    chars_ += a;
  }
  build_tries();
}

std::vector<std::u32string> SentenceExceptions::abbreviations() const {
  std::vector<std::u32string> out;
  for (const Key& k : list_) out.emplace_back(view(chars_, k.begin, k.length));
  return out;
}

void SentenceExceptions::build_tries() {
  // ICU keeps the entries in a sorted set (UTF-16 order; code point order differs only for
  // supplementary characters, and what follows does not depend on the order).
  std::sort(list_.begin(), list_.end(), [&](const Key& a, const Key& b) {
    return view(chars_, a.begin, a.length) < view(chars_, b.begin, b.length);
  });
  list_.erase(std::unique(list_.begin(), list_.end(), [&](const Key& a, const Key& b) {
                return view(chars_, a.begin, a.length) == view(chars_, b.begin, b.length);
              }), list_.end());
  // An entry with more after its first '.' ("Ph.D.") makes that first part ("Ph.") a partial
  // match: the backward trie holds the part (reversed, once), and every entry that begins with
  // it ("Ph.", "Ph.D."; in the sorted list, the entries around this one) goes to the forward trie
  // instead of the backward one.
  const std::size_t n = list_.size();
  std::vector<uint8_t> in_group(n, 0);
  std::u32string reversed = chars_;  // every entry reversed in place; a reversed prefix is a suffix
  for (const Key& k : list_) std::reverse(reversed.begin() + k.begin, reversed.begin() + k.begin + k.length);
  std::vector<Key> backward, forward;
  for (std::size_t i = 0; i < n; ++i) {
    if (in_group[i]) continue;
    const std::u32string_view a = view(chars_, list_[i].begin, list_[i].length);
    const std::size_t dot = a.find(U'.');
    if (dot == std::u32string_view::npos || dot + 1 == a.size()) continue;
    const std::u32string_view part = a.substr(0, dot + 1);
    auto begins_with_part = [&](std::size_t j) { return view(chars_, list_[j].begin, list_[j].length).substr(0, part.size()) == part; };
    std::size_t lo = i, hi = i + 1;
    while (lo > 0 && begins_with_part(lo - 1)) --lo;
    while (hi < n && begins_with_part(hi)) ++hi;
    for (std::size_t j = lo; j < hi; ++j) in_group[j] = 1;
    backward.push_back(Key{list_[i].begin + list_[i].length - static_cast<uint32_t>(part.size()),
                           static_cast<uint32_t>(part.size()), kPartial});
  }
  for (std::size_t i = 0; i < n; ++i) (in_group[i] ? forward : backward).push_back(Key{list_[i].begin, list_[i].length, kMatch});
  valid_ = backward_.build(reversed, std::move(backward)) && forward_.build(chars_, std::move(forward));
}

bool SentenceExceptions::load(const char* locale_base_name, SentenceExceptions* out) {
  *out = SentenceExceptions();
  struct Close {
    void operator()(UResourceBundle* b) const { ures_close(b); }
  };
  using Bundle = std::unique_ptr<UResourceBundle, Close>;
  // As SimpleFilteredBreakIteratorBuilder's constructor: any failure, and falling back to the
  // default locale, leaves the builder empty or makes ICU use the unfiltered iterator; either way
  // no break is suppressed.
  UErrorCode status = U_ZERO_ERROR;
  Bundle b(ures_open(U_ICUDATA_NAME U_TREE_SEPARATOR_STRING "brkitr", locale_base_name, &status));
  if (U_FAILURE(status) || status == U_USING_DEFAULT_WARNING) return true;
  Bundle exceptions(ures_getByKeyWithFallback(b.get(), "exceptions", nullptr, &status));
  if (U_FAILURE(status) || status == U_USING_DEFAULT_WARNING) return true;
  Bundle breaks(ures_getByKeyWithFallback(exceptions.get(), "SentenceBreak", nullptr, &status));
  if (U_FAILURE(status) || status == U_USING_DEFAULT_WARNING) return true;
  SentenceExceptions e;
  const int32_t size = ures_getSize(breaks.get());
  for (int32_t i = 0; i < size; ++i) {
    status = U_ZERO_ERROR;
    int32_t length = 0;
    const UChar* s = ures_getStringByIndex(breaks.get(), i, &length, &status);
    if (U_FAILURE(status)) return true;  // ICU's builder fails: the unfiltered iterator
    const auto begin = static_cast<uint32_t>(e.chars_.size());
    for (int32_t k = 0; k < length;) {
      UChar32 c;
      U16_NEXT(s, k, length, c);
      e.chars_.push_back(static_cast<char32_t>(c));
    }
    e.list_.push_back(Key{begin, static_cast<uint32_t>(e.chars_.size()) - begin, kMatch});
  }
  e.build_tries();
  *out = std::move(e);
  return out->valid();
}

bool SentenceExceptions::suppresses(std::string_view text, std::size_t at) const {
  // SimpleFilteredSentenceBreakIterator::breakExceptionAt: skip one U+0020 before the break,
  // then match backwards; the longest entry found decides.
  std::size_t pos = at;
  if (pos > 0 && text[pos - 1] == ' ') --pos;
  uint32_t node = 0;
  uint8_t best = 0;
  std::size_t best_pos = 0;
  while (pos > 0) {
    const char32_t c = previous_code_point(text, &pos);
    const int next = backward_.child(node, c);
    if (next < 0) break;
    node = static_cast<uint32_t>(next);
    if (backward_.nodes[node].value != 0) {
      best = backward_.nodes[node].value;
      best_pos = pos;
    }
    if (!backward_.has_next(node)) break;
  }
  if (best == kMatch) return true;
  if (best != kPartial || !forward_.has_next(0)) return false;
  // A partial match ("Ph."): read forwards from its start through the forward trie until the
  // trie has nothing more to match. ICU suppresses the break unless the last character read has
  // no match (it stops at a complete entry that nothing extends; the end of the text counts as a
  // match too).
  node = 0;
  pos = best_pos;
  while (pos < text.size()) {
    const int next = forward_.child(node, next_code_point(text, &pos));
    if (next < 0) return false;
    node = static_cast<uint32_t>(next);
    if (!forward_.has_next(node)) return true;
  }
  return true;
}

// ---- the breaker ---------------------------------------------------------------------------------

bool fast_sentence_breaks(std::string_view text, const SentenceExceptions& exceptions, std::vector<uint32_t>* ends) {
  if (text.size() >= std::numeric_limits<uint32_t>::max()) return false;
  if (is_ascii(text)) {
    scan(AsciiText{reinterpret_cast<const unsigned char*>(text.data())}, text.size(), text, exceptions, ends);
    return true;
  }
  thread_local std::vector<uint8_t> classes;
  thread_local std::vector<uint32_t> offsets;
  if (!classify_code_points(text, class_of, kUnsupported, &classes, &offsets)) return false;
  scan(DecodedText{classes, offsets}, classes.size(), text, exceptions, ends);
  return true;
}

std::vector<CodePointRange> fast_sentence_break_repertoire() {
  return {{0x00, 0x7F},     {0xA0, 0xAC},     {0xAE, 0x24F},    {0x2000, 0x200A},
          {0x2010, 0x2027}, {0x202F, 0x205F}, {0x20AC, 0x20AC}};
}

int fast_sentence_break_class(char32_t c) {
  switch (class_of(c)) {
    case kOther: return U_SB_OTHER;
    case kUpper: return U_SB_UPPER;
    case kLower: return U_SB_LOWER;
    case kOLetter: return U_SB_OLETTER;
    case kNumeric: return U_SB_NUMERIC;
    case kATerm: return U_SB_ATERM;
    case kSTerm: return U_SB_STERM;
    case kClose: return U_SB_CLOSE;
    case kSContinue: return U_SB_SCONTINUE;
    case kSp: return U_SB_SP;
    case kCR: return U_SB_CR;
    case kLF: return U_SB_LF;
    default: return -1;
  }
}

}  // namespace precis
