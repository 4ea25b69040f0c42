// The whole wasm surface: one JSON string in, one JSON string out (schema in README.md). All
// logic lives in core/; this file only exposes it to JavaScript.
#include <emscripten/bind.h>

#include <string>

#include "api/json_api.h"

namespace {

std::string summarize_json(const std::string& request) { return precis::handle_request_json(request); }

int schema_version() { return precis::kSchemaVersion; }

}  // namespace

EMSCRIPTEN_BINDINGS(precis) {
  emscripten::function("summarizeJson", &summarize_json);
  emscripten::function("schemaVersion", &schema_version);
}
