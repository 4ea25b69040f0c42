#include "summarize/analysis.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>

#include "clean/plain_text_cleaner.h"
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
  Interner terms, concepts;

  // Repair first, so that cross-document line counts see the same text as the cleaner.
  corpus.documents.reserve(inputs.size());
  for (InputDocument& in : inputs) {
    AnalyzedDocument d;
    Utf8Repair repaired = repair_utf8(in.text);
    d.text = std::move(repaired.text);
    d.invalid_utf8_at = std::move(repaired.invalid_at);
    d.id = std::move(in.id);
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
    d.cleaned = clean_lines(d.text, lines[di], clean_options);
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
        while (t < tokens.size() && tokens[t].span.end <= s.begin) ++t;
        uint32_t prev = 0;
        bool prev_stop = true, have_prev = false;
        for (; t < tokens.size() && tokens[t].span.begin < s.end; ++t) {
          const Token& tok = tokens[t];
          const bool stop = stopwords.count(tok.folded) > 0;
          const uint32_t term = terms.id(stemmer.stem(tok.folded));
          if (!stop) sent.terms.push_back(term);
          if (have_prev && !(stop && prev_stop) && !sent.too_long) {
            sent.concepts.push_back(concepts.id((static_cast<uint64_t>(prev) << 32) | term));
          }
          prev = term;
          prev_stop = stop;
          have_prev = true;
        }
        std::sort(sent.concepts.begin(), sent.concepts.end());
        sent.concepts.erase(std::unique(sent.concepts.begin(), sent.concepts.end()), sent.concepts.end());
        d.sentences.push_back(std::move(sent));
      }
    }
  }
  corpus.term_count = terms.size();
  corpus.concept_count = concepts.pair_size();
  return corpus;
}

}  // namespace precis
