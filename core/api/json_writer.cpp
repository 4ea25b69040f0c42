#include "api/json_writer.h"

#include <cmath>

#include "text/utf8.h"

namespace precis {

std::string dump_json(const nlohmann::json& j) { return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace); }

void append_json_string(std::string* out, std::string_view s) {
  bool plain = true, ascii = true;
  for (const char c : s) {
    const auto b = static_cast<unsigned char>(c);
    plain &= b >= 0x20 && b != '"' && b != '\\';
    ascii &= b < 0x80;
  }
  if (plain && (ascii || is_valid_utf8(s))) {
    out->push_back('"');
    out->append(s);
    out->push_back('"');
    return;
  }
  out->append(dump_json(nlohmann::json(std::string(s))));
}

void append_json_double(std::string* out, double v) {
  // What nlohmann's serializer writes for a double (serializer::dump_float), by the same function,
  // without a JSON value and a serializer around it: a response writes a score per sentence, and
  // each one built, dumped (allocating an output adapter) and destroyed a JSON value.
  if (!std::isfinite(v)) {
    out->append("null");
    return;
  }
  char buf[64];  // the size of nlohmann's number buffer
  const char* end = nlohmann::detail::to_chars(buf, buf + sizeof buf, v);
  out->append(buf, static_cast<std::size_t>(end - buf));
}

}  // namespace precis
