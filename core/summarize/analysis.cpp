#include "summarize/analysis.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>

#include "clean/plain_text_cleaner.h"
#include "clean/restore.h"
#include "summarize/compression.h"
#include "summarize/interning.h"
#include "text/segmenter.h"
#include "text/stemmer.h"
#include "text/stopword_stems.h"
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

// (' ', \t, \n, \v, \f, \r: 0x09-0x0D and 0x20, as one range test and one compare.)
bool is_ascii_space(char c) { return c == ' ' || static_cast<unsigned char>(c - '\t') <= '\r' - '\t'; }

// Opens with a quotation mark: ", ', `` or a typographic quote.
bool starts_with_quote(std::string_view s) {
  if (s.empty()) return false;
  if (s[0] == '"' || s[0] == '`' || s[0] == '\'') return true;
  // U+2018, U+201C (left single and double quotation marks), U+00AB (guillemet)
  return s.substr(0, 3) == "\xE2\x80\x98" || s.substr(0, 3) == "\xE2\x80\x9C" || s.substr(0, 2) == "\xC2\xAB";
}

// English words that, opening a sentence, point back to the sentence before it: a summary that
// lifts the sentence out of its article leaves the reader guessing who "he" is.
bool dangling_opener(std::string_view folded) {
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

// What a byte (or, from kNonAscii, the code point it opens) does to word counting.
enum WordByte : uint8_t { kWordOther = 0, kWordAlnum = 1, kWordSpace = 2, kWordNonAscii = 3 };

constexpr std::array<uint8_t, 256> word_byte_table() {
  std::array<uint8_t, 256> t{};
  for (int b = 0; b < 256; ++b) {
    if (b >= 0x80) t[b] = kWordNonAscii;
    else if ((b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9')) t[b] = kWordAlnum;
    else if (b == ' ' || (b >= '\t' && b <= '\r')) t[b] = kWordSpace;  // \t \n \v \f \r
  }
  return t;
}
constexpr std::array<uint8_t, 256> kWordByte = word_byte_table();

// The WordByte class of the code point at *p (a non-ASCII lead byte), advancing past it; an
// invalid sequence is part of a word.
uint8_t code_point_class(const uint8_t** p, const uint8_t* end) {
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(std::min<std::ptrdiff_t>(end - *p, 4));  // U8_NEXT reads at most 4
  UChar32 c;
  U8_NEXT(*p, i, n, c);
  *p += i;
  if (c < 0) return kWordOther;
  return is_white_space(c) ? kWordSpace : (u_isalnum(c) ? kWordAlnum : kWordOther);
}

// The first byte at or after p that is white space, a control byte or not ASCII (or end): the
// bytes before it cannot change the count once the current word has a letter or digit. Eight
// bytes at a time: the high bit of each byte below 0x21 or from 0x80 is set in `stop` (a borrow
// of the subtraction only flags bytes after one that is itself below 0x21, so the lowest flag is
// exact), and the lowest flag is the first such byte of a little-endian load.
const uint8_t* skip_inside_word(const uint8_t* p, const uint8_t* end) {
  static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__, "the first flagged byte is the lowest");
  constexpr uint64_t kOnes = 0x0101010101010101ull, kHigh = 0x8080808080808080ull;
  while (end - p >= 8) {
    uint64_t x;
    std::memcpy(&x, p, 8);
    const uint64_t stop = ((x - 0x21 * kOnes) | x) & kHigh;
    if (stop != 0) return p + __builtin_ctzll(stop) / 8;
    p += 8;
  }
  while (p < end && *p > 0x20 && *p < 0x80) ++p;
  return p;
}

}  // namespace

int count_words(std::string_view text) {
  // A word counts when it has a letter or digit: at each space, count the word it ends if it had
  // one (a word is only ever marked after its first byte, so no separate in-word state is needed).
  const auto* p = reinterpret_cast<const uint8_t*>(text.data());
  const auto* const end = p + text.size();
  int words = 0;
  uint8_t has_alnum = 0;
  while (p < end) {
    uint8_t k = kWordByte[*p];
    if (k <= kWordAlnum) {  // an ASCII byte inside a word: most bytes, one test
      has_alnum |= k;
      ++p;
      if (has_alnum) p = skip_inside_word(p, end);  // the rest of the word counts for nothing
      continue;
    }
    if (k == kWordNonAscii) {
      k = code_point_class(&p, end);
    } else {
      ++p;
    }
    if (k == kWordSpace) {
      words += has_alnum;
      has_alnum = 0;
    } else {
      has_alnum |= k;
    }
  }
  return words + has_alnum;
}

Corpus analyze(std::vector<InputDocument> inputs, const LanguageInfo& language, const AnalysisOptions& options) {
  Corpus corpus;
  Segmenter& segmenter = shared_segmenter(language);
  const Stemmer stemmer(language.stemmer);
  corpus.stemmed = stemmer.available();
  const StopwordStems& stopword_stem = stopword_stems(language);
  const bool english = language.code == "en";
  // Each distinct folded word is looked up and stemmed once: words -> (term, stopword).
  StringIds words, terms;
  std::vector<uint32_t> word_term;
  std::vector<uint8_t> word_stop;
  KeyIds concepts;

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
  // Compressed forms (each a sentence's terms and concepts again, up to seven per sentence) cost
  // about as much memory as the text itself: up to kCompressBytes of text they are offered; beyond
  // (thousands of articles), sentences compete whole, so that wasm memory stays within three times
  // the request (10,000 articles: 144 MiB with forms, 120 without, for 32 MB of text).
  constexpr std::size_t kCompressBytes = 4u << 20;
  const unsigned omission_rules = total_bytes <= kCompressBytes ? options.omission_rules : 0u;
  // About one concept per 8 bytes of news text (30 DUC clusters: 6 to 10): the table and the
  // concepts' features are sized once instead of doubling from nothing (capped: a huge request
  // grows them as it goes). Distinct words are fewer than concepts: the same bound serves them.
  const std::size_t expected_concepts = std::min<std::size_t>(total_bytes / 8, std::size_t{1} << 16);
  concepts.reserve(expected_concepts);
  corpus.concept_occurrences.reserve(expected_concepts);
  corpus.concept_capitalized.reserve(expected_concepts);
  corpus.concept_has_stopword.reserve(expected_concepts);
  corpus.concept_is_word.reserve(expected_concepts);
  word_term.reserve(expected_concepts);
  word_stop.reserve(expected_concepts);
  // Distinct words: about one per 24 to 30 bytes of a news cluster (fewer per byte as the input
  // grows): the word and term tables start at that size instead of rehashing on the way there.
  // Capped low: a large input grows them as it goes, and tables reserved larger left holes that
  // raised wasm memory at 10,000 articles by 0.9 MiB (its limit is 3 x the request + 32 MiB).
  const std::size_t expected_words = std::min<std::size_t>(total_bytes / 24, std::size_t{1} << 12);
  words.reserve(expected_words);
  terms.reserve(expected_words);
  std::vector<std::vector<Line>> lines(corpus.documents.size());
  SharedLines shared;
  const bool count_shared = corpus.documents.size() >= 2;  // one document shares nothing
  for (std::size_t di = 0; di < corpus.documents.size() && (count_shared || keep_lines); ++di) {
    std::vector<Line> document_lines = split_lines(corpus.documents[di].text);
    if (count_shared) add_shared_lines(document_lines, &shared);
    if (keep_lines) lines[di] = std::move(document_lines);
  }

  TokenList tokens;
  std::vector<Span> block_sentences;
  // Per sentence: (concept, white-space word where it ends) as one number, concept << 16 | word, in
  // text order, so words never decrease: the first of equal concepts is the one that ends earliest.
  std::vector<uint64_t> found;
  auto found_at = [](uint32_t concept_id, uint16_t word) { return (uint64_t{concept_id} << 16) | word; };
  // By concept id: whether the current run (sentence or form) has it, to keep each concept once
  // per run without sorting (sorting was 3.6% of a DUC request in wasm). A byte, cleared after
  // each run: a byte per concept is 0.2 MB at 10,000 articles, where peak memory is near its limit.
  std::vector<uint8_t> in_run;
  std::vector<uint32_t> sentence_terms;               // per sentence: content-word terms
  // The current sentence's tokens as its concepts saw them: what its compressed forms are
  // recomputed from (only kept when it has some).
  struct SentenceToken {
    std::size_t begin = 0;  // document offset
    uint32_t term = 0;
    bool stop = false;
    int word = 0;           // white-space word of the sentence it is in
    std::size_t token = 0;  // index in `tokens`
  };
  std::vector<SentenceToken> sentence_tokens;
  std::vector<int> word_shift;  // per white-space word of the sentence: words left out before it
  // Where each sentence (variant < 0) or compressed form of the current document lies in its pools.
  struct PoolRun {
    uint32_t terms = 0, concepts = 0, concepts_end = 0, words = 0, spans = 0, spans_end = 0;
    int variant = -1;
  };
  std::vector<PoolRun> runs;
  // The id of a concept, added when new. Counts (occurrences, capitalised) are the caller's.
  // Ids are dense: a concept id never seen before is the next one, so its features are appended.
  auto add_concept = [&](bool has_stopword, bool is_word) {
    corpus.concept_occurrences.push_back(0);
    corpus.concept_capitalized.push_back(0);
    corpus.concept_has_stopword.push_back(has_stopword);
    corpus.concept_is_word.push_back(is_word);
  };
  auto pair_concept = [&](uint32_t a, uint32_t b, bool has_stopword) {
    const uint32_t c = concepts.id((static_cast<uint64_t>(a) << 32) | b);
    if (c == corpus.concept_occurrences.size()) add_concept(has_stopword, false);
    return c;
  };
  // Term ids are dense too, so a single-word concept is found by its term, without hashing.
  constexpr uint32_t kNoConcept = 0xFFFFFFFFu;
  std::vector<uint32_t> term_concept;  // term -> its single-word concept
  auto word_concept = [&](uint32_t term) {
    if (term >= term_concept.size()) term_concept.resize(term + 1, kNoConcept);
    uint32_t& c = term_concept[term];
    if (c == kNoConcept) {
      c = concepts.append((uint64_t{0xFFFFFFFFu} << 32) | term);
      add_concept(false, true);
    }
    return c;
  };
  // Appends the distinct terms and concepts (each with the word where it first ends) of one
  // sentence or form to the document's pools (the views are set once the pools stop growing).
  auto append_run = [&](AnalyzedDocument& d, int variant) {
    std::sort(sentence_terms.begin(), sentence_terms.end());
    sentence_terms.erase(std::unique(sentence_terms.begin(), sentence_terms.end()), sentence_terms.end());
    PoolRun run;
    run.variant = variant;
    run.terms = static_cast<uint32_t>(d.id_pool.size());
    d.id_pool.insert(d.id_pool.end(), sentence_terms.begin(), sentence_terms.end());
    run.concepts = static_cast<uint32_t>(d.id_pool.size());
    run.words = static_cast<uint32_t>(d.word_pool.size());
    // Each concept once, where it first ends (found is in text order).
    in_run.resize(corpus.concept_occurrences.size(), 0);
    for (const uint64_t f : found) {
      const uint32_t concept_id = static_cast<uint32_t>(f >> 16);
      if (in_run[concept_id]) continue;
      in_run[concept_id] = 1;
      d.id_pool.push_back(concept_id);
      if (options.concept_words) d.word_pool.push_back(static_cast<uint16_t>(f & 0xFFFFu));
    }
    for (std::size_t k = run.concepts; k < d.id_pool.size(); ++k) in_run[d.id_pool[k]] = 0;
    run.concepts_end = static_cast<uint32_t>(d.id_pool.size());
    run.spans = run.spans_end = static_cast<uint32_t>(d.span_pool.size());
    return run;
  };
  auto word_at = [](int word) { return static_cast<uint16_t>(std::clamp(word, 0, 65535)); };
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
      for (char& c : flat) c = (c == '\n' || c == '\r') ? ' ' : c;  // one pass, no branch per byte
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
        // Compressed forms only of sentences a summary quotes: not too long, no question, no
        // fragment, at least five words (the rules leave four).
        const bool compressible = english && omission_rules != 0 && !sent.too_long && !sent.is_question &&
                                  !sent.fragment && sent.words >= 5;
        const std::vector<Omission> omissions =
            compressible ? find_omissions(stext, s.begin, omission_rules) : std::vector<Omission>{};
        sentence_tokens.clear();
        while (t < tokens.size() && tokens[t].span.end <= s.begin) ++t;
        uint32_t prev = 0;
        bool prev_stop = true, prev_cap = false, have_prev = false;
        // found: in text order; made distinct below.
        found.clear();
        sentence_terms.clear();
        std::size_t scan = s.begin;  // white-space words of the sentence seen so far end before here
        bool after_space = true;     // the byte before `scan` is white space (or the sentence starts)
        int word = -1;
        for (; t < tokens.size() && tokens[t].span.begin < s.end; ++t) {
          const Token& tok = tokens[t];
          for (; scan <= tok.span.begin; ++scan) {
            const bool space = is_ascii_space(d.text[scan]);
            word += !space && after_space;
            after_space = space;
          }
          // A word token holds no white space: the next white-space word starts after it.
          if (tok.span.end > scan) {
            scan = tok.span.end;
            after_space = false;
          }
          bool new_word = false;
          const uint32_t w = words.id(tok.folded, &new_word);
          if (new_word) {
            const auto stop_stem = stopword_stem.find(std::string(tok.folded));
            const bool is_stop = stop_stem != stopword_stem.end();
            word_term.push_back(is_stop ? terms.id(stop_stem->second) : terms.id(stemmer.stem(tok.folded)));
            word_stop.push_back(is_stop);
          }
          const bool stop = word_stop[w] != 0;
          const uint32_t term = word_term[w];
          const bool cap = capitalized(tok.span.of(d.text));
          if (!omissions.empty()) sentence_tokens.push_back(SentenceToken{tok.span.begin, term, stop, word, t});
          if (!have_prev && english) sent.dangling_start = dangling_opener(tok.folded);
          if (!stop) sentence_terms.push_back(term);
          if (!stop && options.unigram_concepts && !sent.too_long) {
            const uint32_t c = word_concept(term);
            ++corpus.concept_occurrences[c];
            found.push_back(found_at(c, word_at(word)));
          }
          if (have_prev && !(stop && prev_stop) && !sent.too_long) {
            const uint32_t c = pair_concept(prev, term, stop || prev_stop);
            ++corpus.concept_occurrences[c];
            corpus.concept_capitalized[c] += cap && prev_cap;
            found.push_back(found_at(c, word_at(word)));
          }
          prev = term;
          prev_stop = stop;
          prev_cap = cap && have_prev;  // a sentence's first word is capitalised anyway
          have_prev = true;
        }
        runs.push_back(append_run(d, -1));
        // Each compressed form: the same sentence without some spans, its terms and concepts
        // those of the tokens it keeps. Word pairs that meet across a gap are concepts of the
        // form (ROUGE sees them too), but the article never wrote them: they are not counted.
        for (const std::vector<Span>& set : omission_sets(omissions)) {
          Sentence v = sent;
          v.variant = static_cast<int>(d.variants.size());
          v.omitted = IdRange<Span>(set);  // re-pointed into the pool below
          const std::string text = omit_spans(stext, s.begin, v.omitted);
          v.words = count_words(text);
          v.starts_with_quote = starts_with_quote(text);
          v.fragment = is_fragment(text);
          v.dangling_start = false;
          auto omitted_at = [&](std::size_t at) {
            for (const Span& o : set) {
              if (at >= o.begin && at < o.end) return true;
            }
            return false;
          };
          if (options.concept_words) {
            // A white-space word is gone when nothing but punctuation of it is kept.
            word_shift.assign(static_cast<std::size_t>(std::max(word, 0)) + 2, 0);
            int w_index = -1, gone = 0;
            bool kept_letter = false, in_word = false;
            for (std::size_t at = s.begin; at <= s.end; ++at) {
              const bool space = at == s.end || is_ascii_space(d.text[at]);
              if (space) {
                if (in_word && !kept_letter) ++gone;
                in_word = false;
                continue;
              }
              if (!in_word) {
                in_word = true;
                kept_letter = false;
                ++w_index;
                if (w_index < static_cast<int>(word_shift.size())) word_shift[static_cast<std::size_t>(w_index)] = gone;
              }
              const unsigned char b = static_cast<unsigned char>(d.text[at]);
              if (!omitted_at(at) && (b >= 0x80 || std::isalnum(b))) kept_letter = true;
            }
          }
          found.clear();
          sentence_terms.clear();
          bool have = false;
          const SentenceToken* last = nullptr;
          for (const SentenceToken& st : sentence_tokens) {
            if (omitted_at(st.begin)) continue;
            const int at_word = options.concept_words ? st.word - word_shift[static_cast<std::size_t>(std::max(st.word, 0))] : 0;
            if (!have) v.dangling_start = dangling_opener(tokens[st.token].folded);
            if (!st.stop) sentence_terms.push_back(st.term);
            if (!st.stop && options.unigram_concepts) found.push_back(found_at(word_concept(st.term), word_at(at_word)));
            if (have && !(st.stop && last->stop)) {
              found.push_back(found_at(pair_concept(last->term, st.term, st.stop || last->stop), word_at(at_word)));
            }
            last = &st;
            have = true;
          }
          PoolRun run = append_run(d, v.variant);
          d.span_pool.insert(d.span_pool.end(), set.begin(), set.end());
          run.spans_end = static_cast<uint32_t>(d.span_pool.size());
          runs.push_back(run);
          d.variants.push_back(std::move(v));
        }
        d.sentences.push_back(std::move(sent));
      }
    }
    d.sentences.shrink_to_fit();
    d.variants.shrink_to_fit();
    d.id_pool.shrink_to_fit();
    d.word_pool.shrink_to_fit();
    d.span_pool.shrink_to_fit();
    std::size_t next_sentence = 0;
    for (const PoolRun& run : runs) {
      Sentence& sent = run.variant < 0 ? d.sentences[next_sentence++] : d.variants[static_cast<std::size_t>(run.variant)];
      const uint32_t concepts = run.concepts_end - run.concepts;
      sent.terms = IdRange<uint32_t>(d.id_pool.data() + run.terms, run.concepts - run.terms);
      sent.concepts = IdRange<uint32_t>(d.id_pool.data() + run.concepts, concepts);
      if (options.concept_words) sent.concept_word = IdRange<uint16_t>(d.word_pool.data() + run.words, concepts);
      sent.omitted = IdRange<Span>(d.span_pool.data() + run.spans, run.spans_end - run.spans);
    }
    runs.clear();
  }
  corpus.term_count = terms.size();
  corpus.concept_count = concepts.size();  // the feature arrays grew with it (add_concept)
  if (options.keep_vocabulary) {
    for (uint32_t i = 0; i < terms.size(); ++i) corpus.term_text.emplace_back(terms.at(i));
    for (const uint64_t key : concepts.keys()) {
      corpus.concept_terms.emplace_back(static_cast<uint32_t>(key >> 32), static_cast<uint32_t>(key));
    }
  }
  return corpus;
}

}  // namespace precis
