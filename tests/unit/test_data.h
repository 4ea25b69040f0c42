// Access to the real evaluation data (../shared/data, outside the repository).
#pragma once

#include <fstream>
#include <iterator>
#include <string>

#include <gtest/gtest.h>

namespace precis::testing {

inline std::string data_path(const std::string& relative) { return std::string(PRECIS_DATA_DIR) + "/" + relative; }

inline bool read_file(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  out->assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return true;
}

// The three seed articles; the test fails (not skips) when they are missing, since every
// checkout of this project has ../shared/data beside it.
inline std::string seed(int n) {
  std::string text;
  EXPECT_TRUE(read_file(data_path("seeds/article" + std::to_string(n) + ".txt"), &text))
      << "missing seed article " << n << " under " << PRECIS_DATA_DIR;
  return text;
}

}  // namespace precis::testing
