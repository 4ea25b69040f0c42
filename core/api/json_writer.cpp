#include "api/json_writer.h"

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

void append_json_double(std::string* out, double v) { out->append(nlohmann::json(v).dump()); }

}  // namespace precis
