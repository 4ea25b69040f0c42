// libFuzzer target: the whole JSON API, precis::handle_request_json, on arbitrary bytes
// (malformed JSON, wrong types, huge numbers, deep nesting, escapes, invalid UTF-8).
//
// Checks: never throws or crashes; the response is valid UTF-8 and JSON of schema version 1; a
// failure is a typed error (never "internal"); a success reports every summary sentence, key
// sentence and removed span exactly at its UTF-8 and UTF-16 offsets in the (repaired) document,
// or for a document given as HTML, in the article text the response returns for it.
#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "api/json_api.h"
#include "fuzz_check.h"
#include "invariants.h"
#include "text/utf8.h"

using namespace precis;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view request(reinterpret_cast<const char*>(data), size);
  const std::string response = handle_request_json(request);

  std::vector<std::string> texts;
  std::vector<bool> from_html;
  const nlohmann::json parsed = nlohmann::json::parse(request, nullptr, /*allow_exceptions=*/false);
  const bool ok = response.find("\"ok\":true") != std::string::npos;
  if (ok) {
    fuzz::require(!parsed.is_discarded(), "request that is not JSON was accepted");
    fuzz::require(invariants::request_texts(parsed, &texts, &from_html), "request without documents was accepted");
    for (auto& t : texts) t = repair_utf8(t).text;
  }
  fuzz::require(invariants::check_response(response, texts, from_html));
  return 0;
}
