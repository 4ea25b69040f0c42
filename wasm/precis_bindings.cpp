// The whole wasm surface: JSON request bytes in (the documents' texts inside the JSON, or attached
// beside it: summarize_parts), JSON response bytes out (schema in README.md).
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

// The same with the documents' texts attached beside the JSON (precis::handle_request_parts):
// [parts, parts + 2 * count) holds a (pointer, length) pair of 32-bit words per text, each text in a
// buffer from request_buffer(). Every buffer (request, parts, texts) is freed here, as soon as the
// texts have been copied into the documents.
std::size_t summarize_parts(std::uintptr_t data, std::size_t size, std::uintptr_t parts, std::size_t count) {
  char* request = reinterpret_cast<char*>(data);
  const std::uint32_t* pairs = reinterpret_cast<const std::uint32_t*>(parts);
  response = std::string();
  const precis::AttachedTexts texts{count, [pairs](std::size_t k) {
    return std::string_view(reinterpret_cast<const char*>(static_cast<std::uintptr_t>(pairs[2 * k])), pairs[2 * k + 1]);
  }};
  response = precis::handle_request_parts(std::string_view(request, size), texts, [&] {
    for (std::size_t k = 0; k < count; ++k) std::free(reinterpret_cast<void*>(static_cast<std::uintptr_t>(pairs[2 * k])));
    std::free(const_cast<std::uint32_t*>(pairs));
    std::free(request);
  });
  return response.size();
}

// Frees a buffer from request_buffer() that JavaScript did not hand over (a request it abandoned).
void release_buffer(std::uintptr_t data) { std::free(reinterpret_cast<void*>(data)); }

std::uintptr_t response_data() { return reinterpret_cast<std::uintptr_t>(response.data()); }

void release_response() { response = std::string(); }

int schema_version() { return precis::kSchemaVersion; }

}  // namespace

EMSCRIPTEN_BINDINGS(precis) {
  emscripten::function("requestBuffer", &request_buffer);
  emscripten::function("summarizeBuffer", &summarize_buffer);
  emscripten::function("summarizeParts", &summarize_parts);
  emscripten::function("releaseBuffer", &release_buffer);
  emscripten::function("responseData", &response_data);
  emscripten::function("releaseResponse", &release_response);
  emscripten::function("schemaVersion", &schema_version);
}
