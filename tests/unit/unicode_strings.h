// Code points -> UTF-8 for tests that build text from Unicode classes (word_break_test,
// sentence_break_test), by ICU so that the conversion is not the code under test.
#pragma once

#include <unicode/unistr.h>

#include <string>

namespace precis::test {

inline std::string utf8(char32_t c) {
  std::string s;
  icu::UnicodeString(static_cast<UChar32>(c)).toUTF8String(s);
  return s;
}

inline std::string utf8(const std::u32string& s) {
  std::string out;
  for (const char32_t c : s) out += utf8(c);
  return out;
}

}  // namespace precis::test
