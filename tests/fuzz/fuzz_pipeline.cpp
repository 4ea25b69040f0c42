// libFuzzer target: the CLI path (precis::handle_request on a request built from raw file bytes,
// which may be invalid UTF-8) and the analysis behind it (repair, cleaning across articles,
// segmentation).
//
// Input: three option bytes (budget, key sentences, language), then the articles separated by
// U+001E RECORD SEPARATOR. Checks the JSON response as fuzz_json_api does, and on the analysis:
// each document's text is its input repaired; sentences and removed spans are valid, trimmed,
// disjoint, and cover every non-blank byte (nothing pasted is silently dropped).
#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "api/json_api.h"
#include "api/limits.h"
#include "fuzz_check.h"
#include "invariants.h"
#include "summarize/analysis.h"
#include "text/language.h"
#include "text/utf8.h"

using namespace precis;

namespace {
constexpr const char* kLanguages[] = {"en", "de", "fr", "ar", "he", "zh", "ja", "th"};
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 3) return 0;
  const int budget = data[0];
  const int key = data[1] % (limits::kMaxKeySentences + 1);
  const char* code = kLanguages[data[2] % (sizeof(kLanguages) / sizeof(kLanguages[0]))];
  const std::string_view body(reinterpret_cast<const char*>(data + 3), size - 3);

  std::vector<std::string> raw;
  for (std::size_t start = 0;;) {
    const std::size_t sep = body.find('\x1e', start);
    raw.emplace_back(body.substr(start, sep == std::string_view::npos ? std::string_view::npos : sep - start));
    if (sep == std::string_view::npos) break;
    start = sep + 1;
  }

  // Exactly what core/cli/main.cpp builds from files.
  nlohmann::json request;
  request["version"] = 1;
  request["documents"] = nlohmann::json::array();
  for (std::size_t i = 0; i < raw.size(); ++i) request["documents"].push_back({{"id", "file" + std::to_string(i)}, {"text", raw[i]}});
  const nlohmann::json b = (budget & 1) ? nlohmann::json{{"sentences", 1 + budget / 2}} : nlohmann::json{{"words", 1 + budget * 4}};
  request["options"] = {{"budget", b}, {"language", code}, {"key_sentences", key}};
  const std::string response = handle_request(request);

  std::vector<std::string> repaired;
  for (const auto& t : raw) repaired.push_back(repair_utf8(t).text);
  fuzz::require(invariants::check_response(response, repaired));

  // The analysis behind it: nothing silently dropped.
  LanguageInfo language;
  fuzz::require(resolve_language(code, &language), "language code rejected");
  std::vector<InputDocument> inputs;
  for (std::size_t i = 0; i < raw.size(); ++i) inputs.push_back(InputDocument{"file" + std::to_string(i), "", "", raw[i]});
  AnalysisOptions options;
  options.max_sentence_words = limits::kMaxSentenceWords;
  const Corpus corpus = analyze(std::move(inputs), language, options);
  fuzz::require(invariants::check_analysis(corpus, repaired));
  return 0;
}
