// Benchmark-only wasm module (scripts/bench.sh links it into build/bench/wasm-icu/ with the very
// link line and libraries of the shipped module): the ICU-only work in wasm, for the Node harness.
//
//   segmentOnly(text, language) -> sentences + words found: precis::shared_segmenter(language)
//   .icu_sentences + .icu_words over the text, the work no summarizer can skip (as bench_native.cpp's icu/).
//
// Should wasm/precis_bindings.cpp export the same function, the harness uses that one instead.
#include <emscripten/bind.h>

#include <string>
#include <vector>

#include "text/language.h"
#include "text/segmenter.h"

namespace {

int segment_only(const std::string& text, const std::string& language) {
  precis::LanguageInfo lang;
  if (!precis::resolve_language(language, &lang)) return -1;
  precis::Segmenter& seg = precis::shared_segmenter(lang);
  precis::TokenList tokens;
  const std::vector<precis::Span> sentences = seg.icu_sentences(text, 0);
  seg.icu_words(text, 0, &tokens);
  return static_cast<int>(sentences.size() + tokens.size());
}

}  // namespace

EMSCRIPTEN_BINDINGS(precis_bench) { emscripten::function("segmentOnly", &segment_only); }
