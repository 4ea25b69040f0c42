// The one JSON request/response of Précis (schema version 1, documented in README.md). Native CLI,
// wasm module and tests all go through here, so they give byte-identical answers.
#pragma once

#include <cstddef>
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

// The same request with its documents' texts attached beside the JSON rather than inside it: a
// document {"text_part": k, ...} (in place of "text") reads texts[k]. This is the wasm module's
// transport (wasm/precis.mjs): a text is written into the module's memory as it is, instead of
// being escaped into JSON by JavaScript and read back a byte at a time by the JSON parser. The
// texts are copied (and `done_reading` then called) before the work starts; bytes that are not
// UTF-8 are repaired and reported as in a document the CLI read from a file.
// `text(k)` gives the k-th of `count` texts (a function, so that a caller holding them in its own
// form, such as the wasm binding's (pointer, length) pairs, needs no memory to list them).
struct AttachedTexts {
  std::size_t count = 0;
  std::function<std::string_view(std::size_t)> text;
};
std::string handle_request_parts(std::string_view request_json, const AttachedTexts& texts,
                                 const std::function<void()>& done_reading = {});

// The same for a request already in memory (the CLI builds one from files, whose bytes may not
// be valid UTF-8: they are repaired and reported instead of failing the JSON parse).
std::string handle_request(const nlohmann::json& request);

}  // namespace precis
