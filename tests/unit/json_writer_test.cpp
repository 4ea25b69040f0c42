// The response writer must write exactly what nlohmann's dump writes for the same values: the
// response's bytes did not change when it stopped building JSON trees.
#include "api/json_writer.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <random>

#include "test_data.h"

namespace precis {
namespace {

using nlohmann::json;

std::string nlohmann_dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

std::string written(std::string_view s) {
  std::string out;
  append_json_string(&out, s);
  return out;
}

TEST(JsonWriter, StringsAsNlohmannWritesThem) {
  const std::string cases[] = {
      "",
      "plain prose, with punctuation: (a) [b] {c} / slash",
      "quote \" and backslash \\ inside",
      "tab\tnewline\ncarriage\rbackspace\bformfeed\f",
      std::string("NUL \0 byte", 10),
      "\x01\x1f control, \x7f delete",
      "caf\xc3\xa9 \xe2\x80\x94 \xf0\x9f\x98\x80 valid non-ASCII",
      "invalid \xff byte",
      "truncated \xe2\x82",
      "overlong \xc0\xaf slash",
      "surrogate \xed\xa0\x80 half",
      "\xc3",
  };
  for (const std::string& s : cases) EXPECT_EQ(written(s), nlohmann_dump(json(s))) << s;
}

TEST(JsonWriter, RandomBytesAsNlohmannWritesThem) {
  std::mt19937 rng(7);
  for (int i = 0; i < 20000; ++i) {
    std::string s(rng() % 12, '\0');
    for (char& c : s) c = static_cast<char>(rng() % 4 == 0 ? rng() % 256 : 0x20 + rng() % 0x60);
    ASSERT_EQ(written(s), nlohmann_dump(json(s))) << i;
  }
}

TEST(JsonWriter, SeedArticlesAsNlohmannWritesThem) {
  for (int n = 1; n <= 3; ++n) {
    const std::string text = testing::seed(n);
    EXPECT_EQ(written(text), nlohmann_dump(json(text))) << "seed " << n;
  }
}

TEST(JsonWriter, NumbersAsNlohmannWritesThem) {
  const double inf = std::numeric_limits<double>::infinity();
  for (const double v : {0.0, -0.0, 1.0, 0.5, 0.1234, 0.9999, 1e-4, 123456.789, 1e21, -2.5, 5e-324, 1.7976931348623157e308,
                         inf, -inf, std::numeric_limits<double>::quiet_NaN()}) {
    std::string out;
    append_json_double(&out, v);
    EXPECT_EQ(out, json(v).dump()) << v;
  }
  // Scores as responses round them (to 1e-4), and doubles of every magnitude.
  std::mt19937_64 rng(7);
  for (int i = 0; i < 20000; ++i) {
    const double score = std::round(std::uniform_real_distribution<double>(0, 50)(rng) * 10000.0) / 10000.0;
    uint64_t bits = rng();
    double any;
    std::memcpy(&any, &bits, sizeof any);
    for (const double v : {score, any}) {
      std::string out;
      append_json_double(&out, v);
      ASSERT_EQ(out, json(v).dump()) << i;
    }
  }
  std::string out;
  append_json_int(&out, std::numeric_limits<int64_t>::min());
  out += ' ';
  append_json_int(&out, std::numeric_limits<std::size_t>::max());
  out += ' ';
  append_json_int(&out, 0);
  EXPECT_EQ(out, json(std::numeric_limits<int64_t>::min()).dump() + " " + json(std::numeric_limits<std::size_t>::max()).dump() + " 0");
}

TEST(JsonWriter, ObjectsInKeyOrder) {
  std::string out;
  JsonObjectWriter o(&out);
  o.integer("a", 1);
  o.string("b", "x\"y");
  JsonObjectWriter inner(o.key("c"));
  inner.integer("d", -3);
  inner.close();
  o.close();
  EXPECT_EQ(out, nlohmann_dump(json{{"a", 1}, {"b", "x\"y"}, {"c", {{"d", -3}}}}));
  EXPECT_EQ(json::parse(out)["c"]["d"], -3);
}

}  // namespace
}  // namespace precis
