#include "api/json_parse.h"

namespace precis {
namespace {

using nlohmann::json;

// nlohmann's DOM builder, told not to throw, keeping the message of the first error instead: the
// parser hands every error (parse_error, out_of_range for "1e309") to the handler's parse_error.
class DomBuilder : public nlohmann::detail::json_sax_dom_parser<json> {
 public:
  explicit DomBuilder(json& result) : json_sax_dom_parser(result, /*allow_exceptions_=*/false) {}

  template <class Exception>
  bool parse_error(std::size_t /*position*/, const std::string& /*last_token*/, const Exception& ex) {
    error = ex.what();
    return false;
  }

  std::string error;
};

}  // namespace

bool parse_json_text(std::string_view text, json* out, std::string* error) {
  // What json::parse(text) does, without its callback variant: json::parse takes the callback as a
  // run-time std::function, so it instantiates the SAX parser twice (with and without a
  // callback), ~13 KB of wasm for a branch never taken. Same lexer, parser and DOM builder, so the
  // same values and messages.
  *out = json();
  DomBuilder builder(*out);
  auto input = nlohmann::detail::input_adapter(text);
  const bool ok = nlohmann::detail::parser<json, decltype(input)>(std::move(input)).sax_parse(&builder, /*strict=*/true);
  if (ok && builder.error.empty()) return true;
  *error = builder.error.empty() ? std::string("malformed JSON") : builder.error;
  *out = json();
  return false;
}

}  // namespace precis
