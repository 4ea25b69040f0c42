// The one JSON request/response of Précis (schema version 1, documented in README.md). Native CLI,
// wasm module and tests all go through here, so they give byte-identical answers.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

namespace precis {

constexpr int kSchemaVersion = 1;

// Never throws: every failure becomes {"ok": false, "errors": [{"code", "message"}]}.
// `done_reading`, if given, is called as soon as the request bytes have been parsed (and is not
// called when they cannot be): a caller that owns a large request can free it there.
std::string handle_request_json(std::string_view request_json, const std::function<void()>& done_reading = {});

// The same for a request already in memory (the CLI builds one from files, whose bytes may not
// be valid UTF-8: they are repaired and reported instead of failing the JSON parse).
std::string handle_request(const nlohmann::json& request);

}  // namespace precis
