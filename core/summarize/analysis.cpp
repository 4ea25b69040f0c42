#include "summarize/analysis.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>

#include "clean/plain_text_cleaner.h"
#include "clean/restore.h"
#include "summarize/interning.h"
#include "text/segmenter.h"
#include "text/stemmer.h"
#include "text/stopwords.h"
#include "text/utf8.h"

namespace precis {
namespace {

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
  static constexpr std::string_view kWords[] = {"he",   "she",  "it",    "they",    "him",     "her",    "his",   "its",
                                       "their", "them", "this",  "these",   "those",   "but",    "and",   "also",
                                       "however", "so", "yet",   "still",   "meanwhile", "instead", "we", "i",
                                       "or",   "nor",  "then",  "thus",    "moreover", "furthermore", "besides"};
  for (const std::string_view w : kWords) {
    if (folded == w) return true;
  }
  return false;
}

// First code point of `s` is an uppercase letter.
bool capitalized(std::string_view s) {
  if (s.empty()) return false;
  const unsigned char b = static_cast<unsigned char>(s[0]);
  if (b < 0x80) return b >= 'A' && b <= 'Z';  // ASCII without ICU
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

// Ids are dense: a concept id never seen before is the next one, so its features are appended.
void add_concept(Corpus* corpus, bool has_stopword, bool is_word) {
  corpus->concept_occurrences.push_back(0);
  corpus->concept_capitalized.push_back(0);
  corpus->concept_has_stopword.push_back(has_stopword);
  corpus->concept_is_word.push_back(is_word);
}

}  // namespace

int count_words(std::string_view text) {
  int words = 0;
  bool in_word = false, has_alnum = false;
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(text.size());
  while (i < n) {
    const unsigned char b = static_cast<unsigned char>(text[static_cast<std::size_t>(i)]);
    if (b < 0x80) {  // ASCII without ICU (same result as below)
      ++i;
      if (b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f' || b == '\v') {
        if (in_word && has_alnum) ++words;
        in_word = has_alnum = false;
      } else {
        in_word = true;
        if ((b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9')) has_alnum = true;
      }
      continue;
    }
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
  // Each distinct folded word is looked up and stemmed once: words -> (term, stopword).
  StringIds words, terms;
  std::vector<uint32_t> word_term;
  std::vector<uint8_t> word_stop;
  KeyIds concepts;
  constexpr uint32_t kNoConcept = 0xFFFFFFFFu;
  std::vector<uint32_t> term_concept;  // term -> its single-word concept

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
  // Lines shared across documents (menus, bylines, boilerplate) are counted first. Up to
  // kKeepLinesBytes of text, every document's lines are kept for cleaning; beyond, they take more
  // memory than the text itself (a line's features and key), so each document is split again
  // when it is cleaned: a second pass over the text instead of twice its size in memory.
  constexpr std::size_t kKeepLinesBytes = 4u << 20;
  std::size_t total_bytes = 0;
  for (const auto& d : corpus.documents) total_bytes += d.text.size();
  const bool keep_lines = total_bytes <= kKeepLinesBytes;
  std::vector<std::vector<Line>> lines(corpus.documents.size());
  SharedLines shared;
  const bool count_shared = corpus.documents.size() >= 2;  // one document shares nothing
  for (std::size_t di = 0; di < corpus.documents.size() && (count_shared || keep_lines); ++di) {
    std::vector<Line> document_lines = split_lines(corpus.documents[di].text);
    if (count_shared) add_shared_lines(document_lines, &shared);
    if (keep_lines) lines[di] = std::move(document_lines);
  }

  std::vector<Token> tokens;
  std::vector<Span> block_sentences;
  std::vector<std::pair<uint32_t, uint16_t>> found;  // per sentence: (concept, white-space word where it ends)
  std::vector<uint32_t> sentence_terms;               // per sentence: content-word terms
  // Where each sentence of the current document starts in its pools.
  struct PoolRun {
    uint32_t terms = 0, concepts = 0, words = 0;
  };
  std::vector<PoolRun> runs;
  for (std::size_t di = 0; di < corpus.documents.size(); ++di) {
    AnalyzedDocument& d = corpus.documents[di];
    CleanOptions clean_options;
    clean_options.given_title = d.title;
    clean_options.shared_lines = &shared;
    clean_options.select_region = !d.extracted;
    if (!keep_lines) lines[di] = split_lines(d.text);
    d.cleaned = clean_lines(d.text, lines[di], clean_options);
    if (!keep[di].empty()) restore_removed(d.text, std::move(keep[di]), &d.cleaned);
    std::vector<Line>().swap(lines[di]);  // release early: large inputs (`= {}` would keep the memory)
    if (d.title.empty()) d.title = d.cleaned.title;

    for (std::size_t bi = 0; bi < d.cleaned.blocks.size(); ++bi) {
      const Span block = d.cleaned.blocks[bi];
      // A wrapped paragraph spans several lines; ICU treats a newline as a paragraph end, so it
      // sees the block with newlines as spaces (same length: offsets do not move).
      std::string flat(block.of(d.text));
      std::replace(flat.begin(), flat.end(), '\n', ' ');
      std::replace(flat.begin(), flat.end(), '\r', ' ');
      tokens.clear();
      segmenter.sentences_and_words(flat, block.begin, &block_sentences, &tokens);
      std::size_t t = 0;
      for (const Span& s : block_sentences) {
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
        // found: in text order; made distinct below.
        found.clear();
        sentence_terms.clear();
        std::size_t scan = s.begin;  // white-space words of the sentence seen so far end before here
        int word = -1;
        for (; t < tokens.size() && tokens[t].span.begin < s.end; ++t) {
          const Token& tok = tokens[t];
          for (; scan <= tok.span.begin; ++scan) {
            if (!is_ascii_space(d.text[scan]) && (scan == s.begin || is_ascii_space(d.text[scan - 1]))) ++word;
          }
          bool new_word = false;
          const uint32_t w = words.id(tok.folded, &new_word);
          if (new_word) {
            word_term.push_back(terms.id(stemmer.stem(tok.folded)));
            word_stop.push_back(stopwords.count(tok.folded) > 0);
          }
          const bool stop = word_stop[w] != 0;
          const uint32_t term = word_term[w];
          const bool cap = capitalized(tok.span.of(d.text));
          if (!have_prev && english) sent.dangling_start = dangling_opener(tok.folded);
          if (!stop) sentence_terms.push_back(term);
          if (!stop && options.unigram_concepts && !sent.too_long) {
            // Term ids are dense, so a single-word concept is found by its term, without hashing.
            if (term >= term_concept.size()) term_concept.resize(term + 1, kNoConcept);
            uint32_t& c = term_concept[term];
            if (c == kNoConcept) {
              c = concepts.append((uint64_t{0xFFFFFFFFu} << 32) | term);
              add_concept(&corpus, false, true);
            }
            ++corpus.concept_occurrences[c];
            found.emplace_back(c, static_cast<uint16_t>(std::clamp(word, 0, 65535)));
          }
          if (have_prev && !(stop && prev_stop) && !sent.too_long) {
            const uint32_t c = concepts.id((static_cast<uint64_t>(prev) << 32) | term);
            if (c == corpus.concept_occurrences.size()) add_concept(&corpus, stop || prev_stop, false);
            ++corpus.concept_occurrences[c];
            corpus.concept_capitalized[c] += cap && prev_cap;
            found.emplace_back(c, static_cast<uint16_t>(std::clamp(word, 0, 65535)));
          }
          prev = term;
          prev_stop = stop;
          prev_cap = cap && have_prev;  // a sentence's first word is capitalised anyway
          have_prev = true;
        }
        // Distinct terms; distinct concepts, each with the word where it first ends; appended to
        // the document's pools (the views are set once the pools stop growing).
        std::sort(sentence_terms.begin(), sentence_terms.end());
        sentence_terms.erase(std::unique(sentence_terms.begin(), sentence_terms.end()), sentence_terms.end());
        PoolRun run;
        run.terms = static_cast<uint32_t>(d.id_pool.size());
        d.id_pool.insert(d.id_pool.end(), sentence_terms.begin(), sentence_terms.end());
        run.concepts = static_cast<uint32_t>(d.id_pool.size());
        run.words = static_cast<uint32_t>(d.word_pool.size());
        // (concept, word) pairs: the first of equal concepts is the one that ends earliest.
        std::sort(found.begin(), found.end());
        for (std::size_t k = 0; k < found.size(); ++k) {
          if (k > 0 && found[k].first == found[k - 1].first) continue;
          d.id_pool.push_back(found[k].first);
          if (options.concept_words) d.word_pool.push_back(found[k].second);
        }
        runs.push_back(run);
        d.sentences.push_back(std::move(sent));
      }
    }
    d.sentences.shrink_to_fit();
    d.id_pool.shrink_to_fit();
    d.word_pool.shrink_to_fit();
    for (std::size_t k = 0; k < runs.size(); ++k) {
      const uint32_t terms_end = runs[k].concepts;
      const uint32_t concepts_end = k + 1 < runs.size() ? runs[k + 1].terms : static_cast<uint32_t>(d.id_pool.size());
      const uint32_t concepts = concepts_end - runs[k].concepts;
      Sentence& sent = d.sentences[k];
      sent.terms = IdRange<uint32_t>(d.id_pool.data() + runs[k].terms, terms_end - runs[k].terms);
      sent.concepts = IdRange<uint32_t>(d.id_pool.data() + runs[k].concepts, concepts);
      if (options.concept_words) sent.concept_word = IdRange<uint16_t>(d.word_pool.data() + runs[k].words, concepts);
    }
    runs.clear();
  }
  corpus.term_count = terms.size();
  corpus.concept_count = concepts.size();
  corpus.concept_occurrences.resize(corpus.concept_count, 0);
  corpus.concept_capitalized.resize(corpus.concept_count, 0);
  corpus.concept_has_stopword.resize(corpus.concept_count, 0);
  corpus.concept_is_word.resize(corpus.concept_count, 0);
  if (options.keep_vocabulary) {
    for (uint32_t i = 0; i < terms.size(); ++i) corpus.term_text.emplace_back(terms.at(i));
    for (const uint64_t key : concepts.keys()) {
      corpus.concept_terms.emplace_back(static_cast<uint32_t>(key >> 32), static_cast<uint32_t>(key));
    }
  }
  return corpus;
}

}  // namespace precis
