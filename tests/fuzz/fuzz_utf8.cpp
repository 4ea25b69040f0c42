// libFuzzer target: UTF-8 repair, validation and UTF-8 -> UTF-16 offsets (core/text/utf8.h).
//
// Checks, for arbitrary bytes: repair_utf8 agrees with ICU's U8_NEXT (substitution of maximal
// subparts, one U+FFFD per invalid sequence, at the reported input offsets); its output is valid;
// valid input comes back byte for byte; is_valid_utf8 agrees with ICU; Utf16OffsetMap gives the
// JavaScript string index of every code-point boundary.
#include <unicode/utf8.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_check.h"
#include "text/utf8.h"

using namespace precis;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view in(reinterpret_cast<const char*>(data), size);
  const Utf8Repair r = repair_utf8(in);

  // Reference: ICU's decoder consumes each maximal subpart of an ill-formed sequence as one error.
  std::string ref;
  std::vector<std::size_t> ref_invalid;
  const int32_t n = static_cast<int32_t>(size);
  for (int32_t i = 0; i < n;) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(data, i, n, c);
    if (c < 0) {
      ref += "\xEF\xBF\xBD";
      ref_invalid.push_back(static_cast<std::size_t>(start));
    } else {
      ref.append(in.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(i - start)));
    }
  }
  fuzz::require(r.text == ref, "repair_utf8 differs from ICU's maximal-subpart substitution");
  fuzz::require(r.invalid_at == ref_invalid, "repair_utf8 reports other invalid offsets than ICU");
  fuzz::require(is_valid_utf8(r.text), "repaired text is not valid UTF-8");
  fuzz::require(is_valid_utf8(in) == ref_invalid.empty(), "is_valid_utf8 disagrees with ICU");
  if (ref_invalid.empty()) fuzz::require(r.text == in, "valid input was changed by repair");
  fuzz::require(repair_utf8(r.text).text == r.text, "repair is not idempotent");

  // UTF-16 offsets at every code-point boundary (and the end).
  const Utf16OffsetMap map(r.text);
  std::size_t units = 0;
  for (std::size_t i = 0; i < r.text.size();) {
    fuzz::require(map.to_utf16(i) == units, "Utf16OffsetMap::to_utf16 is wrong");
    const std::size_t len = utf8_sequence_length(static_cast<unsigned char>(r.text[i]));
    fuzz::require(len >= 1 && i + len <= r.text.size(), "utf8_sequence_length runs past valid text");
    units += len == 4 ? 2 : 1;
    i += len;
  }
  fuzz::require(map.to_utf16(r.text.size()) == units, "Utf16OffsetMap::to_utf16 at the end is wrong");
  return 0;
}
