// A half-open byte range [begin, end) in a document's (repaired) UTF-8 text.
#pragma once

#include <cstddef>
#include <string_view>

namespace precis {

struct Span {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::size_t size() const { return end - begin; }
  bool empty() const { return end <= begin; }
  std::string_view of(std::string_view text) const { return text.substr(begin, end - begin); }
  friend bool operator==(const Span& a, const Span& b) { return a.begin == b.begin && a.end == b.end; }
};

}  // namespace precis
