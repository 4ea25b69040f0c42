// libFuzzer target: the whole JSON API, precis::handle_request_json, on arbitrary bytes
// (malformed JSON, wrong types, huge numbers, deep nesting, escapes, invalid UTF-8).
//
// Checks: never throws or crashes; the same request with its texts attached beside the JSON
// (handle_request_parts, the wasm module's transport) gets the same response; the response is valid UTF-8 and JSON of schema version 1; a
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

  // The same request as the wasm module sends it, each text attached beside the JSON
  // (handle_request_parts), must get the same answer, byte for byte.
  if (parsed.is_object() && parsed.contains("documents") && parsed["documents"].is_array()) {
    nlohmann::json header = parsed;
    std::vector<std::string> attached;
    bool comparable = true;
    for (nlohmann::json& d : header["documents"]) {
      if (d.is_object() && d.contains("text_part")) comparable = false;  // the caller's own: refused either way, differently
      if (d.is_string()) d = nlohmann::json{{"text", d}};
      if (!d.is_object() || !d.contains("text") || !d["text"].is_string()) continue;
      attached.push_back(d["text"].get<std::string>());
      d.erase("text");
      d["text_part"] = attached.size() - 1;
    }
    if (comparable) {
      const AttachedTexts parts{attached.size(), [&](std::size_t k) { return std::string_view(attached[k]); }};
      fuzz::require(handle_request_parts(header.dump(), parts) == response, "attached texts answered differently");
    }
  }
  return 0;
}
