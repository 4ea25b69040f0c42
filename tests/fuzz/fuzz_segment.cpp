// libFuzzer target: sentence and word segmentation (core/text/segmenter.h).
//
// The first input byte picks the language (ICU locale: Latin, RTL, CJK, Thai, an unknown code);
// the rest is repaired to UTF-8, as every caller does. Checks: sentences are in bounds (offset by
// `base`), on code-point boundaries, trimmed, disjoint, and cover every non-blank byte; words are
// in order, disjoint, within the text, with valid UTF-8 folded forms, and equal to ICU's own
// (words() may break without ICU: text/word_break.h); sentences equal ICU's own (sentences() may
// break without ICU: text/sentence_break.h); merge_false_breaks keeps any partition of the text a
// partition.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_check.h"
#include "invariants.h"
#include "text/language.h"
#include "text/segmenter.h"
#include "text/utf8.h"

using namespace precis;

namespace {

constexpr const char* kLanguages[] = {"en", "de", "fr", "es", "ru", "ar", "he", "fa", "zh", "ja", "ko", "th", "hi", "tr", "el", "zz"};

std::vector<Span> shifted(const std::vector<Span>& spans, std::size_t base) {
  std::vector<Span> out;
  for (const Span& s : spans) {
    fuzz::require(s.begin >= base && s.end >= base, "span before its base offset");
    out.push_back(Span{s.begin - base, s.end - base});
  }
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const char* code = kLanguages[data[0] % (sizeof(kLanguages) / sizeof(kLanguages[0]))];
  const std::size_t base = (data[0] & 0x80) ? 1000003 : 0;
  const std::string text = repair_utf8(std::string_view(reinterpret_cast<const char*>(data + 1), size - 1)).text;
  LanguageInfo language;
  fuzz::require(resolve_language(code, &language), "language code rejected");
  Segmenter& segmenter = shared_segmenter(language);

  const std::vector<Span> absolute = segmenter.sentences(text, base);
  const std::vector<Span> sentences = shifted(absolute, base);
  fuzz::require(invariants::check_spans(text, sentences, "sentence"));
  fuzz::require(invariants::check_trimmed(text, sentences, "sentence"));
  fuzz::require(invariants::check_coverage(text, sentences, "sentences"));
  // Where sentences() breaks without ICU (text/sentence_break.h), it must draw ICU's very sentences.
  const std::vector<Span> icu_sentences = segmenter.icu_sentences(text, base);
  fuzz::require(absolute == icu_sentences, "sentences() and ICU disagree");
  std::vector<Span> both_sentences;
  TokenList both_words;
  segmenter.sentences_and_words(text, base, &both_sentences, &both_words);
  fuzz::require(both_sentences == icu_sentences, "sentences_and_words() and ICU disagree on sentences");

  TokenList tokens;
  segmenter.words(text, base, &tokens);
  std::vector<Span> words;
  for (const Token& t : tokens) {
    words.push_back(t.span);
    fuzz::require(is_valid_utf8(t.folded), "folded word is not valid UTF-8");
  }
  fuzz::require(invariants::check_spans(text, shifted(words, base), "word"));
  // Where words() breaks without ICU (text/word_break.h), it must draw ICU's very words.
  TokenList icu_tokens;
  segmenter.icu_words(text, base, &icu_tokens);
  fuzz::require(icu_tokens.size() == tokens.size(), "words() and ICU disagree on the number of words");
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    fuzz::require(tokens[i].span.begin == icu_tokens[i].span.begin && tokens[i].span.end == icu_tokens[i].span.end &&
                      tokens[i].is_number == icu_tokens[i].is_number && tokens[i].folded == icu_tokens[i].folded,
                  "words() and ICU disagree on a word");
  }
  fuzz::require(is_valid_utf8(segmenter.fold(text)), "fold() output is not valid UTF-8");

  // Any partition into pieces (here: cut after each '.', '!', '?' or '"') stays a partition.
  std::vector<Span> pieces;
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '.' || c == '!' || c == '?' || c == '"') {
      pieces.push_back(Span{start, i + 1});
      start = i + 1;
    }
  }
  if (start < text.size()) pieces.push_back(Span{start, text.size()});
  const std::vector<Span> merged = merge_false_breaks(text, pieces);
  fuzz::require(merged.size() <= pieces.size(), "merge_false_breaks made more pieces");
  std::size_t at = 0;
  for (const Span& s : merged) {
    fuzz::require(s.begin == at && s.end > s.begin, "merge_false_breaks output is not a partition");
    at = s.end;
  }
  fuzz::require(at == (pieces.empty() ? 0 : text.size()), "merge_false_breaks lost the end of the text");
  return 0;
}
