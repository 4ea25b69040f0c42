#include "text/utf8.h"

#include <gtest/gtest.h>
#include <unicode/uchar.h>

namespace precis {
namespace {

TEST(Utf8, WhiteSpaceIsIcusWhiteSpace) {
  // is_white_space spells the set out so that wasm need not link ICU's property vectors.
  for (int32_t c = -1; c <= 0x10FFFF; ++c) {
    ASSERT_EQ(is_white_space(c), c >= 0 && static_cast<bool>(u_isUWhiteSpace(c))) << "U+" << std::hex << c;
  }
}

TEST(Utf8, ValidTextIsUnchanged) {
  const std::string s = "Kerry’s “seven days” — ñ 日本 😀";
  const Utf8Repair r = repair_utf8(s);
  EXPECT_EQ(r.text, s);
  EXPECT_FALSE(r.changed());
  EXPECT_TRUE(is_valid_utf8(s));
}

TEST(Utf8, InvalidBytesAreReplacedAndReported) {
  const std::string s = std::string("ab\xFF") + "cd\xC3" + "e" + "\xED\xA0\x80" + "f\xF0\x9F\x98";
  const Utf8Repair r = repair_utf8(s);
  EXPECT_TRUE(is_valid_utf8(r.text));
  EXPECT_FALSE(is_valid_utf8(s));
  // 0xFF; truncated 2-byte lead; a surrogate (ED A0 80 = 3 maximal subparts: ED, A0, 80); truncated 4-byte.
  EXPECT_EQ(r.text, "ab\xEF\xBF\xBD" "cd\xEF\xBF\xBD" "e\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD" "f\xEF\xBF\xBD");
  ASSERT_EQ(r.invalid_at.size(), 6u);
  EXPECT_EQ(r.invalid_at[0], 2u);
  EXPECT_EQ(r.invalid_at[1], 5u);
}

TEST(Utf8, OverlongAndOutOfRangeAreInvalid) {
  EXPECT_FALSE(is_valid_utf8("\xC0\xAF"));
  EXPECT_FALSE(is_valid_utf8("\xE0\x80\xAF"));
  EXPECT_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));
  EXPECT_TRUE(is_valid_utf8("\xF4\x8F\xBF\xBF"));
}

TEST(Utf8, Utf16OffsetsMatchJavaScriptIndices) {
  // "a😀b" is 1 + 4 + 1 bytes and 1 + 2 + 1 UTF-16 units; "é" is 2 bytes, 1 unit.
  std::string s = "a😀bé";
  for (int i = 0; i < 300; ++i) s += "x";  // cross a checkpoint
  s += "😀z";
  const Utf16OffsetMap m(s);
  EXPECT_EQ(m.to_utf16(0), 0u);
  EXPECT_EQ(m.to_utf16(1), 1u);
  EXPECT_EQ(m.to_utf16(5), 3u);
  EXPECT_EQ(m.to_utf16(6), 4u);
  EXPECT_EQ(m.to_utf16(8), 5u);
  EXPECT_EQ(m.to_utf16(8 + 300), 305u);
  EXPECT_EQ(m.to_utf16(8 + 300 + 4), 307u);
  EXPECT_EQ(m.to_utf16(s.size()), 308u);
}

TEST(Utf8, Utf16OffsetsAtEveryBoundary) {
  // ASCII runs of every length (the map skips them eight bytes at a time) between 2-, 3- and 4-byte
  // sequences, over many checkpoints: each boundary's offset equals a count from the start.
  std::string s;
  const char* const seq[] = {"é", "—", "😀"};
  for (int run = 0; run < 40; ++run) {
    s.append(static_cast<std::size_t>(run * 7 % 23), 'x');
    s += seq[run % 3];
  }
  const Utf16OffsetMap m(s);
  std::size_t units = 0;
  for (std::size_t i = 0; i <= s.size();) {
    EXPECT_EQ(m.to_utf16(i), units) << "byte " << i;
    if (i == s.size()) break;
    const std::size_t len = utf8_sequence_length(static_cast<unsigned char>(s[i]));
    units += len == 4 ? 2 : 1;
    i += len;
  }
}

TEST(Utf8, RepairKeepsLongAsciiRuns) {
  const std::string ascii(1000, 'a');
  const Utf8Repair r = repair_utf8(ascii + "\xFF" + ascii + "é");
  EXPECT_EQ(r.text, ascii + "\xEF\xBF\xBD" + ascii + "é");
  EXPECT_EQ(r.invalid_at, std::vector<std::size_t>{1000});
}

TEST(Utf8, EmptyText) {
  EXPECT_TRUE(repair_utf8("").text.empty());
  const Utf16OffsetMap m("");
  EXPECT_EQ(m.to_utf16(0), 0u);
}

}  // namespace
}  // namespace precis
