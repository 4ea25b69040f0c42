// Appends JSON to a string without building a JSON tree first. A response holds hundreds of small
// objects (a sentence, a span and its offsets); as nlohmann::json trees each was a std::map of
// allocated nodes, built, copied out of initializer lists, dumped and destroyed: the writing took
// as long as cleaning the documents, and a fifth of a one-article request in wasm.
//
// The output is byte for byte what nlohmann::json::dump(-1, ' ', false, error_handler_t::replace)
// writes for the same values: strings that need anything beyond quotes around them (escapes, or
// invalid UTF-8 to replace) and all non-integral numbers are written by nlohmann itself.
#pragma once

#include <nlohmann/json.hpp>

#include <cassert>
#include <charconv>
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>

namespace precis {

// The one form in which the API writes JSON: compact, UTF-8 as is, invalid UTF-8 replaced.
std::string dump_json(const nlohmann::json& j);

// A JSON string: quotes around `s` when it is valid UTF-8 with nothing to escape (prose nearly
// always is), nlohmann's escaping otherwise.
void append_json_string(std::string* out, std::string_view s);

// A JSON number as nlohmann writes a double (shortest round-trip form, "1.0" for whole values).
void append_json_double(std::string* out, double v);

template <typename Int, typename = std::enable_if_t<std::is_integral_v<Int> && !std::is_same_v<Int, bool>>>
void append_json_int(std::string* out, Int v) {
  char buf[24];
  const auto r = std::to_chars(buf, buf + sizeof buf, v);
  out->append(buf, static_cast<std::size_t>(r.ptr - buf));
}

// One JSON object, written as its keys are given. nlohmann writes an object's keys in byte order
// (its objects are std::maps), so callers give them in that order; debug builds check it.
class JsonObjectWriter {
 public:
  explicit JsonObjectWriter(std::string* out) : out_(out) { out_->push_back('{'); }
  JsonObjectWriter(const JsonObjectWriter&) = delete;
  JsonObjectWriter& operator=(const JsonObjectWriter&) = delete;

  // Writes `"k":` (after a comma but for the first key); the value is appended to out() next.
  std::string* key(std::string_view k) {
    assert(first_ || k > last_key_);
#ifndef NDEBUG
    last_key_ = k;
#endif
    out_->append(first_ ? "\"" : ",\"");
    first_ = false;
    out_->append(k);
    out_->append("\":");
    return out_;
  }
  void string(std::string_view k, std::string_view v) { append_json_string(key(k), v); }
  template <typename Int>
  void integer(std::string_view k, Int v) { append_json_int(key(k), v); }
  void close() { out_->push_back('}'); }

 private:
  std::string* out_;
  bool first_ = true;
#ifndef NDEBUG
  std::string_view last_key_;
#endif
};

// One JSON array: next() writes the comma before each element but the first.
class JsonArrayWriter {
 public:
  explicit JsonArrayWriter(std::string* out) : out_(out) { out_->push_back('['); }
  JsonArrayWriter(const JsonArrayWriter&) = delete;
  JsonArrayWriter& operator=(const JsonArrayWriter&) = delete;

  std::string* next() {
    if (!first_) out_->push_back(',');
    first_ = false;
    return out_;
  }
  void close() { out_->push_back(']'); }

 private:
  std::string* out_;
  bool first_ = true;
};

}  // namespace precis
