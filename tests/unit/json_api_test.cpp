#include "api/json_api.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "test_data.h"
#include "text/utf8.h"

namespace precis {
namespace {

using nlohmann::json;

json seeds_request() {
  json req = {{"version", 1}, {"documents", json::array()}, {"options", {{"budget", {{"words", 100}}}, {"language", "en"}}}};
  for (int n = 1; n <= 3; ++n) req["documents"].push_back({{"id", "article" + std::to_string(n)}, {"text", testing::seed(n)}});
  return req;
}

json call(const json& req) { return json::parse(handle_request_json(req.dump())); }

std::string error_code(const json& r) { return r.at("errors").at(0).at("code").get<std::string>(); }

// Converts a UTF-8 string to UTF-16 code units, as JavaScript would hold it.
std::u16string to_u16(const std::string& s) {
  std::u16string out;
  for (std::size_t i = 0; i < s.size();) {
    const unsigned char b = static_cast<unsigned char>(s[i]);
    const std::size_t len = utf8_sequence_length(b);
    uint32_t cp = len == 1 ? b : (b & (0xFF >> (len + 1)));
    for (std::size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    if (cp >= 0x10000) {
      cp -= 0x10000;
      out.push_back(static_cast<char16_t>(0xD800 + (cp >> 10)));
      out.push_back(static_cast<char16_t>(0xDC00 + (cp & 0x3FF)));
    } else {
      out.push_back(static_cast<char16_t>(cp));
    }
    i += len;
  }
  return out;
}

// The sentence at a summary item's `unit` ("utf8" or "utf16") offsets in `doc`, without the spans
// it lists as omitted, its first letter capitalised when its start was omitted (the README's rule).
template <typename Text>
Text quoted(const Text& doc, const json& s, const char* unit) {
  const std::size_t b = s[unit]["begin"], e = s[unit]["end"];
  if (!s.contains("omitted")) return doc.substr(b, e - b);
  Text out;
  std::size_t at = b;
  for (const json& o : s["omitted"]) {
    const std::size_t ob = o[unit]["begin"], oe = o[unit]["end"];
    EXPECT_LE(at, ob);
    EXPECT_LT(ob, oe);
    EXPECT_LE(oe, e);
    out += doc.substr(at, ob - at);
    at = oe;
  }
  out += doc.substr(at, e - at);
  if (s["omitted"][0][unit]["begin"].get<std::size_t>() == b && !out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] -= 'a' - 'A';
  return out;
}

TEST(JsonApi, ProvenanceOffsetsPointAtExactlyTheSentence) {
  const json req = seeds_request();
  const json r = call(req);
  ASSERT_TRUE(r["ok"].get<bool>()) << r.dump();
  ASSERT_FALSE(r["summary"].empty());
  int compressed = 0;
  for (const json& s : r["summary"]) {
    const std::string doc = req["documents"][s["document"].get<int>()]["text"];
    compressed += s.contains("omitted");
    EXPECT_EQ(quoted(doc, s, "utf8"), s["text"].get<std::string>());
    EXPECT_EQ(quoted(to_u16(doc), s, "utf16"), to_u16(s["text"].get<std::string>()));
    EXPECT_EQ(s["document_id"], req["documents"][s["document"].get<int>()]["id"]);
    EXPECT_GE(s["support"].get<int>(), 1);
    EXPECT_GT(s["score"].get<double>(), 0.0);
  }
  EXPECT_GT(compressed, 0) << "the seeds' summary quotes no compressed sentence: the omitted spans went untested";
  for (const json& d : r["documents"]) {
    for (const json& rm : d["removed"]) {
      EXPECT_FALSE(rm["reason"].get<std::string>().empty());
      EXPECT_LT(rm["utf8"]["begin"].get<std::size_t>(), rm["utf8"]["end"].get<std::size_t>());
    }
  }
}

TEST(JsonApi, CompressFalseQuotesEverySentenceWhole) {
  json req = seeds_request();
  req["options"]["compress"] = false;
  const json r = call(req);
  ASSERT_TRUE(r["ok"].get<bool>()) << r.dump();
  ASSERT_FALSE(r["summary"].empty());
  for (const json& s : r["summary"]) {
    EXPECT_FALSE(s.contains("omitted")) << s.dump();
    const std::string doc = req["documents"][s["document"].get<int>()]["text"];
    const std::size_t b = s["utf8"]["begin"], e = s["utf8"]["end"];
    EXPECT_EQ(doc.substr(b, e - b), s["text"].get<std::string>());
  }
  req["options"]["compress"] = "no";
  EXPECT_EQ(error_code(call(req)), "invalid_request");
}

TEST(JsonApi, NestingIsCountedOutsideStringsOnly) {
  // The depth check skips strings eight bytes at a time: brackets inside a string, after escaped
  // quotes and backslashes at every alignment, never count; brackets after the string do.
  for (std::size_t pad = 0; pad < 9; ++pad) {
    const std::string inside = std::string(pad, 'x') + R"(\"[[ \\ )" + std::string(200, '[') + R"( \" The end.)";
    const json ok = json::parse(handle_request_json(R"({"documents": [")" + inside + R"("]})"));
    EXPECT_TRUE(ok["ok"].get<bool>()) << pad << ok.dump();
    const std::string deep = R"({"documents": [")" + inside + R"(", )" + std::string(100, '[') + std::string(100, ']') + "]}";
    const json error = json::parse(handle_request_json(deep));
    EXPECT_EQ(error_code(error), "invalid_json") << pad;
    EXPECT_NE(error["errors"][0]["message"].get<std::string>().find("nested deeper"), std::string::npos) << pad;
  }
}

TEST(JsonApi, SameAnswerEveryTime) {
  const std::string req = seeds_request().dump();
  EXPECT_EQ(handle_request_json(req), handle_request_json(req));
}

TEST(JsonApi, TypedErrors) {
  EXPECT_EQ(error_code(json::parse(handle_request_json(""))), "invalid_json");
  EXPECT_EQ(error_code(json::parse(handle_request_json("{\"documents\": [}"))), "invalid_json");
  EXPECT_EQ(error_code(json::parse(handle_request_json(std::string(100, '[') + std::string(100, ']')))), "invalid_json");
  EXPECT_EQ(error_code(call(json::array())), "invalid_request");
  EXPECT_EQ(error_code(call({{"documents", 5}})), "invalid_request");
  EXPECT_EQ(error_code(call({{"documents", json::array({{{"text", 3}}})}})), "invalid_request");
  EXPECT_EQ(error_code(call({{"documents", json::array()}})), "empty_input");
  EXPECT_EQ(error_code(call({{"documents", json::array({"  \n "})}})), "empty_input");
  EXPECT_EQ(error_code(call({{"version", 2}, {"documents", json::array({"x"})}})), "unsupported_version");
  json bad_budget = seeds_request();
  bad_budget["options"]["budget"] = {{"words", 0}};
  EXPECT_EQ(error_code(call(bad_budget)), "invalid_request");
  bad_budget["options"]["budget"] = {{"words", 1e300}};
  EXPECT_EQ(error_code(call(bad_budget)), "invalid_request");
  bad_budget["options"]["budget"] = {{"words", 50}, {"sentences", 2}};
  EXPECT_EQ(error_code(call(bad_budget)), "invalid_request");
  json bad_lang = seeds_request();
  bad_lang["options"]["language"] = "not a language";
  EXPECT_EQ(error_code(call(bad_lang)), "invalid_language");
}

TEST(JsonApi, TooLargeIsRefusedWithAClearError) {
  json req = {{"documents", json::array()}};
  const std::string chunk(8u << 20, 'a');
  for (int i = 0; i < 9; ++i) req["documents"].push_back(chunk);
  const json r = call(req);
  EXPECT_FALSE(r["ok"].get<bool>());
  EXPECT_EQ(error_code(r), "too_large");
}

TEST(JsonApi, InvalidUtf8FromFilesIsRepairedAndReported) {
  json req = seeds_request();
  req["documents"][0]["text"] = std::string("Bad byte \xFF here. ") + testing::seed(1);
  const json r = json::parse(handle_request(req));
  ASSERT_TRUE(r["ok"].get<bool>());
  EXPECT_EQ(r["documents"][0]["invalid_utf8"].get<int>(), 1);
  bool warned = false;
  for (const json& w : r["warnings"]) warned = warned || w["code"] == "invalid_utf8";
  EXPECT_TRUE(warned);
}

TEST(JsonApi, UnknownLanguageStillWorksWithAWarning) {
  json req = seeds_request();
  req["options"]["language"] = "xx";
  const json r = call(req);
  ASSERT_TRUE(r["ok"].get<bool>());
  EXPECT_FALSE(r["summary"].empty());
  EXPECT_EQ(r["warnings"][0]["code"], "no_stemmer");
}

TEST(JsonApi, DocumentsMayBePlainStrings) {
  const json r = call({{"documents", json::array({testing::seed(1), testing::seed(2)})}});
  ASSERT_TRUE(r["ok"].get<bool>());
  EXPECT_EQ(r["documents"][1]["id"], "2");
}

}  // namespace
}  // namespace precis

namespace precis {
namespace {

// The request with every document's text attached beside the JSON (text_part), as the wasm module
// sends it: texts[k] is document k's text.
std::string call_parts(const json& req, std::vector<std::string>* texts, int* done_calls = nullptr) {
  json header = req;
  texts->clear();
  for (json& d : header["documents"]) {
    if (d.is_string()) d = json{{"text", d.get<std::string>()}};
    texts->push_back(d["text"].get<std::string>());
    d.erase("text");
    d["text_part"] = texts->size() - 1;
  }
  const AttachedTexts attached{texts->size(), [texts](std::size_t k) { return std::string_view((*texts)[k]); }};
  return handle_request_parts(header.dump(), attached, [done_calls] {
    if (done_calls != nullptr) ++*done_calls;
  });
}

TEST(JsonApiParts, AttachedTextsGiveTheSameResponseAsTextsInTheJson) {
  std::vector<std::string> texts;
  int done = 0;
  const std::string parts = call_parts(seeds_request(), &texts, &done);
  EXPECT_EQ(parts, handle_request_json(seeds_request().dump()));
  EXPECT_TRUE(json::parse(parts)["ok"].get<bool>());
  EXPECT_EQ(done, 1);
  json strings = {{"documents", json::array({testing::seed(1), testing::seed(2)})}};
  EXPECT_EQ(call_parts(strings, &texts), handle_request_json(strings.dump()));
}

TEST(JsonApiParts, TextPartMustNameAnAttachedText) {
  std::vector<std::string> texts = {"One attached text, long enough to be summarised on its own merits."};
  const AttachedTexts one{1, [&](std::size_t k) { return std::string_view(texts[k]); }};
  int done = 0;
  auto refused = [&](const std::string& request, const AttachedTexts& attached) {
    const json r = json::parse(handle_request_parts(request, attached, [&] { ++done; }));
    EXPECT_FALSE(r["ok"].get<bool>()) << request;
    return error_code(r);
  };
  EXPECT_EQ(refused(R"({"documents": [{"text_part": 1}]})", one), "invalid_request");
  EXPECT_EQ(refused(R"({"documents": [{"text_part": -1}]})", one), "invalid_request");
  EXPECT_EQ(refused(R"({"documents": [{"text_part": "0"}]})", one), "invalid_request");
  EXPECT_EQ(refused(R"({"documents": [{"text_part": 0, "text": "both"}]})", one), "invalid_request");
  EXPECT_EQ(refused(R"({"documents": [{"text_part": 0}]})", AttachedTexts{}), "invalid_request");
  EXPECT_EQ(refused(R"({"documents": [{"text_part": 0}]}, oops)", one), "invalid_json");
  EXPECT_EQ(done, 6);  // once per call, parsed or not: the caller frees its buffers there
  // Without attached texts (the plain JSON request), text_part names nothing.
  const json r = json::parse(handle_request_json(R"({"documents": [{"text_part": 0}]})"));
  EXPECT_EQ(error_code(r), "invalid_request");
}

TEST(JsonApiParts, AttachedTextsAreRepairedNotRefused) {
  // Bytes JavaScript never sends, but a native caller may.
  const std::vector<std::string> texts = {"Bad \xFF here. " + testing::seed(1), testing::seed(2)};
  const AttachedTexts attached{texts.size(), [&](std::size_t k) { return std::string_view(texts[k]); }};
  const json header = {{"documents", {{{"text_part", 0}}, {{"text_part", 1}}}}};
  const json r = json::parse(handle_request_parts(header.dump(), attached));
  ASSERT_TRUE(r["ok"].get<bool>());
  EXPECT_EQ(r["documents"][0]["invalid_utf8"].get<int>(), 1);
}

}  // namespace
}  // namespace precis
