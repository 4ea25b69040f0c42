// Interning: ids are dense and handed out in order of first sight (results must not depend on
// hashing), through every table growth, for strings and for 64-bit keys.
#include "summarize/interning.h"

#include <gtest/gtest.h>

#include <string>
#include <unordered_map>
#include <vector>

namespace precis {
namespace {

TEST(StringIds, IdsInOrderOfFirstSightAndStableAcrossGrowth) {
  StringIds ids;
  bool added = false;
  EXPECT_EQ(ids.id("kerry", &added), 0u);
  EXPECT_TRUE(added);
  EXPECT_EQ(ids.id("gaza", &added), 1u);
  EXPECT_EQ(ids.id("kerry", &added), 0u);
  EXPECT_FALSE(added);
  // Far past the initial table: every string keeps its id and its text.
  for (int i = 0; i < 20000; ++i) ids.id("w" + std::to_string(i));
  EXPECT_EQ(ids.size(), 20002u);
  EXPECT_EQ(ids.id("gaza"), 1u);
  EXPECT_EQ(ids.id("w12345"), 12347u);
  EXPECT_EQ(ids.at(12347), "w12345");
  EXPECT_EQ(ids.id(""), 20002u);  // the empty string is a string like any other
  EXPECT_EQ(ids.at(20002), "");
}

// reserve() only sizes the table: the same strings get the same ids, below the reserved size,
// past it (the table still grows), and a reserve on a table in use changes nothing.
TEST(StringIds, ReservedTableHandsOutTheSameIds) {
  StringIds plain, reserved;
  reserved.reserve(3000);
  for (int i = 0; i < 10000; ++i) {
    const std::string s = "w" + std::to_string((i * 7919) % 6000);  // repeats from i = 6000 on
    bool added_plain = false, added_reserved = false;
    ASSERT_EQ(reserved.id(s, &added_reserved), plain.id(s, &added_plain)) << s;
    ASSERT_EQ(added_reserved, added_plain) << s;
    if (i == 100) reserved.reserve(100000);  // in use: ignored
  }
  EXPECT_EQ(reserved.size(), 6000u);
  EXPECT_EQ(reserved.at(5999), plain.at(5999));
}

// Strings of up to 7 bytes are keyed by their bytes and length, longer ones by a hash: strings that
// share bytes, lengths, zero bytes or a long prefix and suffix must still get their own ids.
TEST(StringIds, NearlyEqualStringsOfEveryLengthAreDistinct) {
  StringIds ids;
  std::vector<std::string> strings = {""};
  for (std::size_t n = 1; n <= 20; ++n) {
    strings.push_back(std::string(n, 'a'));
    strings.push_back(std::string(n, '\0'));
    for (std::size_t k = 0; k < n; ++k) {
      std::string s(n, 'a');
      s[k] = 'b';  // one byte differs, at every position
      strings.push_back(s);
    }
  }
  strings.push_back(std::string(1000, 'x') + "1" + std::string(1000, 'y'));
  strings.push_back(std::string(1000, 'x') + "2" + std::string(1000, 'y'));
  for (std::size_t i = 0; i < strings.size(); ++i) {
    bool added = false;
    ASSERT_EQ(ids.id(strings[i], &added), i) << i;
    ASSERT_TRUE(added) << i;
  }
  for (std::size_t i = 0; i < strings.size(); ++i) {
    bool added = true;
    EXPECT_EQ(ids.id(strings[i], &added), i) << i;
    EXPECT_FALSE(added);
    EXPECT_EQ(ids.at(static_cast<uint32_t>(i)), strings[i]);
  }
}

TEST(KeyIds, IdsInOrderOfFirstSightThroughGrowth) {
  KeyIds ids;
  std::unordered_map<uint64_t, uint32_t> expected;
  // Word-pair-like keys (two small ids side by side), each seen three times, interleaved.
  uint32_t next = 0;
  for (int round = 0; round < 3; ++round) {
    for (uint64_t a = 0; a < 300; ++a) {
      for (uint64_t b = 0; b < 100; b += 1 + round) {
        const uint64_t key = (a << 32) | b;
        const auto [it, fresh] = expected.emplace(key, next);
        if (fresh) ++next;
        ASSERT_EQ(ids.id(key), it->second) << a << "," << b;
      }
    }
  }
  EXPECT_EQ(ids.size(), expected.size());
  const std::vector<uint64_t> keys = ids.keys();
  ASSERT_EQ(keys.size(), expected.size());
  for (const auto& [key, id] : expected) EXPECT_EQ(keys[id], key);
}

TEST(KeyIds, AppendContinuesTheSameSequenceAndIsFoundAgain) {
  KeyIds ids;
  EXPECT_EQ(ids.id(7), 0u);
  EXPECT_EQ(ids.append(0xFFFFFFFF00000001ull), 1u);
  EXPECT_EQ(ids.id(8), 2u);
  for (uint64_t k = 100; k < 5000; ++k) ids.append(0xFFFFFFFF00000000ull | k);  // through growth
  EXPECT_EQ(ids.id(0xFFFFFFFF00000001ull), 1u);
  EXPECT_EQ(ids.id(0xFFFFFFFF00000000ull | 4999), 2u + 4900u);
  EXPECT_EQ(ids.id(7), 0u);
  EXPECT_EQ(ids.size(), 3u + 4900u);
}

}  // namespace
}  // namespace precis
