#include "summarize/analysis.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>

#include "clean/plain_text_cleaner.h"
#include "clean/restore.h"
#include "text/segmenter.h"
#include "text/stemmer.h"
#include "text/stopwords.h"
#include "text/utf8.h"

namespace precis {
namespace {

class Interner {
 public:
  uint32_t id(const std::string& s) {
    const auto [it, inserted] = ids_.emplace(s, static_cast<uint32_t>(ids_.size()));
    return it->second;
  }
  uint32_t id(uint64_t key) {
    const auto [it, inserted] = pair_ids_.emplace(key, static_cast<uint32_t>(pair_ids_.size()));
    return it->second;
  }
  std::size_t size() const { return ids_.size(); }
  std::size_t pair_size() const { return pair_ids_.size(); }

  std::vector<std::string> strings() const {
    std::vector<std::string> out(ids_.size());
    for (const auto& [s, i] : ids_) out[i] = s;
    return out;
  }
  std::vector<std::pair<uint32_t, uint32_t>> pairs() const {
    std::vector<std::pair<uint32_t, uint32_t>> out(pair_ids_.size());
    for (const auto& [key, i] : pair_ids_) out[i] = {static_cast<uint32_t>(key >> 32), static_cast<uint32_t>(key)};
    return out;
  }

 private:
  std::unordered_map<std::string, uint32_t> ids_;
  std::unordered_map<uint64_t, uint32_t> pair_ids_;
};

bool ends_with_question(std::string_view s) {
  std::size_t e = s.size();
  while (e > 0 && (s[e - 1] == '"' || s[e - 1] == '\'' || s[e - 1] == ')' || static_cast<unsigned char>(s[e - 1]) >= 0x80)) {
    if (static_cast<unsigned char>(s[e - 1]) >= 0x80) {
      // skip a closing curly quote (3 bytes) but stop at other non-ASCII characters
      if (e >= 3 && static_cast<unsigned char>(s[e - 3]) == 0xE2 && static_cast<unsigned char>(s[e - 2]) == 0x80) { e -= 3; continue; }
      break;
    }
    --e;
  }
  return e > 0 && s[e - 1] == '?';
}

bool is_ascii_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// Opens with a quotation mark: ", ', `` or a typographic quote.
bool starts_with_quote(std::string_view s) {
  if (s.empty()) return false;
  if (s[0] == '"' || s[0] == '`' || s[0] == '\'') return true;
  // U+2018, U+201C (left single and double quotation marks), U+00AB (guillemet)
  return s.substr(0, 3) == "\xE2\x80\x98" || s.substr(0, 3) == "\xE2\x80\x9C" || s.substr(0, 2) == "\xC2\xAB";
}

// English words that, opening a sentence, point back to the sentence before it: a summary that
// lifts the sentence out of its article leaves the reader guessing who "he" is.
bool dangling_opener(const std::string& folded) {
  static const char* const kWords[] = {"he",   "she",  "it",    "they",    "him",     "her",    "his",   "its",
                                       "their", "them", "this",  "these",   "those",   "but",    "and",   "also",
                                       "however", "so", "yet",   "still",   "meanwhile", "instead", "we", "i",
                                       "or",   "nor",  "then",  "thus",    "moreover", "furthermore", "besides"};
  for (const char* w : kWords) {
    if (folded == w) return true;
  }
  return false;
}

// First code point of `s` is an uppercase letter.
bool capitalized(std::string_view s) {
  if (s.empty()) return false;
  int32_t i = 0;
  UChar32 c;
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, static_cast<int32_t>(s.size()), c);
  return c >= 0 && u_isupper(c);
}

// A piece of a sentence: opens with a lowercase letter, or does not end with terminal punctuation
// (., !, ?, ..., possibly followed by closing quotes or brackets).
bool is_fragment(std::string_view s) {
  if (s.empty()) return true;
  int32_t i = 0;
  UChar32 first;
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, static_cast<int32_t>(s.size()), first);
  if (first >= 0 && u_islower(first)) return true;
  int32_t e = static_cast<int32_t>(s.size());
  while (e > 0) {
    int32_t at = e;
    UChar32 c;
    U8_PREV(reinterpret_cast<const uint8_t*>(s.data()), 0, at, c);
    const bool closing = c == '"' || c == '\'' || c == ')' || c == ']' || c == 0x201D || c == 0x2019 || c == 0xBB;
    if (!closing) return !(c == '.' || c == '!' || c == '?' || c == 0x2026 || c == ':' || c == ';');
    e = at;
  }
  return true;
}

}  // namespace

int count_words(std::string_view text) {
  int words = 0;
  bool in_word = false, has_alnum = false;
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(text.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), i, n, c);
    const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || (c > 0x7F && u_isUWhiteSpace(c));
    if (space) {
      if (in_word && has_alnum) ++words;
      in_word = has_alnum = false;
    } else {
      in_word = true;
      if (c >= 0 && u_isalnum(c)) has_alnum = true;
    }
  }
  if (in_word && has_alnum) ++words;
  return words;
}

Corpus analyze(std::vector<InputDocument> inputs, const LanguageInfo& language, const AnalysisOptions& options) {
  Corpus corpus;
  Segmenter& segmenter = shared_segmenter(language);
  const Stemmer stemmer(language.stemmer);
  corpus.stemmed = stemmer.available();
  const WordSet& stopwords = stopwords_for(language.code);
  const bool english = language.code == "en";
  Interner terms, concepts;

  // Repair first, so that cross-document line counts see the same text as the cleaner.
  corpus.documents.reserve(inputs.size());
  std::vector<std::vector<Span>> keep;
  keep.reserve(inputs.size());
  for (InputDocument& in : inputs) {
    keep.push_back(std::move(in.keep));
    AnalyzedDocument d;
    Utf8Repair repaired = repair_utf8(in.text);
    d.text = std::move(repaired.text);
    d.invalid_utf8_at = std::move(repaired.invalid_at);
    d.id = std::move(in.id);
    d.extracted = in.extracted;
    d.title = repair_utf8(in.title).text;
    d.date = repair_utf8(in.date).text;
    in.text.clear();
    in.text.shrink_to_fit();
    corpus.documents.push_back(std::move(d));
  }
  std::vector<std::vector<Line>> lines;
  lines.reserve(corpus.documents.size());
  for (const auto& d : corpus.documents) lines.push_back(split_lines(d.text));
  const SharedLines shared = count_shared_lines(lines);

  std::vector<Token> tokens;
  for (std::size_t di = 0; di < corpus.documents.size(); ++di) {
    AnalyzedDocument& d = corpus.documents[di];
    CleanOptions clean_options;
    clean_options.given_title = d.title;
    clean_options.shared_lines = &shared;
    clean_options.select_region = !d.extracted;
    d.cleaned = clean_lines(d.text, lines[di], clean_options);
    if (!keep[di].empty()) restore_removed(d.text, std::move(keep[di]), &d.cleaned);
    lines[di] = {};  // release early: large inputs
    if (d.title.empty()) d.title = d.cleaned.title;

    for (std::size_t bi = 0; bi < d.cleaned.blocks.size(); ++bi) {
      const Span block = d.cleaned.blocks[bi];
      // A wrapped paragraph spans several lines; ICU treats a newline as a paragraph end, so it
      // sees the block with newlines as spaces (same length: offsets do not move).
      std::string flat(block.of(d.text));
      std::replace(flat.begin(), flat.end(), '\n', ' ');
      std::replace(flat.begin(), flat.end(), '\r', ' ');
      tokens.clear();
      segmenter.words(flat, block.begin, &tokens);
      std::size_t t = 0;
      for (const Span& s : segmenter.sentences(flat, block.begin)) {
        Sentence sent;
        sent.span = s;
        sent.document = static_cast<int>(di);
        sent.index = static_cast<int>(d.sentences.size());
        sent.paragraph = static_cast<int>(bi);
        const std::string_view stext = s.of(d.text);
        sent.words = count_words(stext);
        sent.too_long = sent.words > options.max_sentence_words;
        sent.is_question = ends_with_question(stext);
        d.word_count += sent.words;
        sent.starts_with_quote = starts_with_quote(stext);
        sent.fragment = is_fragment(stext);
        while (t < tokens.size() && tokens[t].span.end <= s.begin) ++t;
        uint32_t prev = 0;
        bool prev_stop = true, prev_cap = false, have_prev = false;
        // (concept, white-space word where it ends), in text order; made distinct below.
        std::vector<std::pair<uint32_t, uint16_t>> found;
        std::size_t scan = s.begin;  // white-space words of the sentence seen so far end before here
        int word = -1;
        for (; t < tokens.size() && tokens[t].span.begin < s.end; ++t) {
          const Token& tok = tokens[t];
          for (; scan <= tok.span.begin; ++scan) {
            if (!is_ascii_space(d.text[scan]) && (scan == s.begin || is_ascii_space(d.text[scan - 1]))) ++word;
          }
          const bool stop = stopwords.count(tok.folded) > 0;
          const bool cap = capitalized(tok.span.of(d.text));
          if (!have_prev && english) sent.dangling_start = dangling_opener(tok.folded);
          const uint32_t term = terms.id(stemmer.stem(tok.folded));
          if (!stop) sent.terms.push_back(term);
          if (!stop && options.unigram_concepts && !sent.too_long) {
            const uint32_t c = concepts.id((uint64_t{0xFFFFFFFFu} << 32) | term);
            if (c >= corpus.concept_occurrences.size()) {
              corpus.concept_occurrences.resize(c + 1, 0);
              corpus.concept_capitalized.resize(c + 1, 0);
              corpus.concept_has_stopword.resize(c + 1, 0);
              corpus.concept_is_word.resize(c + 1, 0);
              corpus.concept_is_word[c] = 1;
            }
            ++corpus.concept_occurrences[c];
            found.emplace_back(c, static_cast<uint16_t>(std::clamp(word, 0, 65535)));
          }
          if (have_prev && !(stop && prev_stop) && !sent.too_long) {
            const uint32_t c = concepts.id((static_cast<uint64_t>(prev) << 32) | term);
            if (c >= corpus.concept_occurrences.size()) {
              corpus.concept_occurrences.resize(c + 1, 0);
              corpus.concept_capitalized.resize(c + 1, 0);
              corpus.concept_has_stopword.resize(c + 1, stop || prev_stop);
              corpus.concept_is_word.resize(c + 1, 0);
            }
            ++corpus.concept_occurrences[c];
            corpus.concept_capitalized[c] += cap && prev_cap;
            found.emplace_back(c, static_cast<uint16_t>(std::clamp(word, 0, 65535)));
          }
          prev = term;
          prev_stop = stop;
          prev_cap = cap && have_prev;  // a sentence's first word is capitalised anyway
          have_prev = true;
        }
        // Distinct concepts, each with the word where it first ends.
        std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
        for (std::size_t k = 0; k < found.size(); ++k) {
          if (k > 0 && found[k].first == found[k - 1].first) continue;
          sent.concepts.push_back(found[k].first);
          sent.concept_word.push_back(found[k].second);
        }
        d.sentences.push_back(std::move(sent));
      }
    }
  }
  corpus.term_count = terms.size();
  corpus.concept_count = concepts.pair_size();
  corpus.concept_occurrences.resize(corpus.concept_count, 0);
  corpus.concept_capitalized.resize(corpus.concept_count, 0);
  corpus.concept_has_stopword.resize(corpus.concept_count, 0);
  corpus.concept_is_word.resize(corpus.concept_count, 0);
  if (options.keep_vocabulary) {
    corpus.term_text = terms.strings();
    corpus.concept_terms = concepts.pairs();
  }
  return corpus;
}

}  // namespace precis
