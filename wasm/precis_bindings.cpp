// The whole wasm surface: JSON request bytes in, JSON response bytes out (schema in README.md).
// All logic lives in core/; this file only exposes it to JavaScript (wasm/precis.mjs wraps it).
//
// Why buffers instead of Embind's std::string: Embind copies a string argument into memory from
// an unchecked malloc, so a request larger than the free memory would be written through a null
// pointer and corrupt the module. Here JavaScript asks for the buffer first and gets 0 when memory
// is short (ABORTING_MALLOC=0), which it reports as out_of_memory; the module stays usable. The
// response stays in memory owned by this file until the next call or release_response().
#include <emscripten/bind.h>

#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "api/json_api.h"

namespace {

std::string response;  // the last response, read by JavaScript through response_data()

// A buffer of `size` bytes for the request (0 when out of memory).
std::uintptr_t request_buffer(std::size_t size) { return reinterpret_cast<std::uintptr_t>(std::malloc(size > 0 ? size : 1)); }

// Summarizes the UTF-8 request in [data, data + size), frees that buffer, and returns the length
// of the response, whose bytes start at response_data(). handle_request_json never throws: out of
// memory inside it becomes an out_of_memory response.
std::size_t summarize_buffer(std::uintptr_t data, std::size_t size) {
  char* request = reinterpret_cast<char*>(data);
  response = std::string();  // give the previous response's memory back first
  bool freed = false;
  // The request bytes are freed as soon as they are parsed: the work then has their memory.
  response = precis::handle_request_json(std::string_view(request, size), [&] {
    std::free(request);
    freed = true;
  });
  if (!freed) std::free(request);
  return response.size();
}

std::uintptr_t response_data() { return reinterpret_cast<std::uintptr_t>(response.data()); }

void release_response() { response = std::string(); }

int schema_version() { return precis::kSchemaVersion; }

}  // namespace

EMSCRIPTEN_BINDINGS(precis) {
  emscripten::function("requestBuffer", &request_buffer);
  emscripten::function("summarizeBuffer", &summarize_buffer);
  emscripten::function("responseData", &response_data);
  emscripten::function("releaseResponse", &release_response);
  emscripten::function("schemaVersion", &schema_version);
}
