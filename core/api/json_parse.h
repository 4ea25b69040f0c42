// JSON text -> nlohmann::json, malformed input reported as a message rather than an exception.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace precis {

// Parses `text` into *out. Malformed JSON (or a number too large for a double) returns false
// with nlohmann's message ("[json.exception.parse_error.101] parse error at ...") in *error.
// Throws only std::bad_alloc.
bool parse_json_text(std::string_view text, nlohmann::json* out, std::string* error);

}  // namespace precis
