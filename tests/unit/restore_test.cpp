// Restoring wrongly removed text: clean/restore.h directly, and documents[i].keep in the JSON API.
#include "clean/restore.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "api/json_api.h"
#include "clean/plain_text_cleaner.h"
#include "test_data.h"

namespace precis {
namespace {

using nlohmann::json;

const RemovedSpan* find_removed(const CleanedText& c, const std::string& reason) {
  for (const auto& r : c.removed) {
    if (r.reason == reason) return &r;
  }
  return nullptr;
}

bool kept(const std::string& text, const CleanedText& c, const std::string& needle) {
  for (const Span& b : c.blocks) {
    if (b.of(text).find(needle) != std::string_view::npos) return true;
  }
  return false;
}

TEST(Restore, OverlappingRemovedSpanBecomesAParagraphAgain) {
  const std::string text = testing::seed(2);
  CleanedText c = clean_plain_text(text, {});
  const RemovedSpan* credit = find_removed(c, "caption_credit");
  ASSERT_NE(credit, nullptr);
  const Span span = credit->span;
  const std::size_t removed_before = c.removed.size(), blocks_before = c.blocks.size();
  ASSERT_FALSE(kept(text, c, "John Kerry Reuters"));

  restore_removed(text, {Span{span.begin + 1, span.begin + 2}}, &c);  // any overlap names the span
  EXPECT_TRUE(kept(text, c, "John Kerry Reuters"));
  EXPECT_EQ(c.removed.size(), removed_before - 1);
  ASSERT_EQ(c.restored.size(), 1u);
  EXPECT_EQ(c.restored[0].span, span);
  EXPECT_EQ(c.restored[0].reason, "caption_credit");
  EXPECT_EQ(c.blocks.size(), blocks_before + 1);
  for (std::size_t i = 1; i < c.blocks.size(); ++i) EXPECT_LE(c.blocks[i - 1].end, c.blocks[i].begin);
}

TEST(Restore, DatelineJoinsItsParagraph) {
  const std::string text = "Gaza fighting goes on\n\nCAIRO (AP) _ Egypt proposed a truce on Monday, officials said.\n"
                           "Talks continued in Cairo through the night and into the next day.\n";
  CleanedText c = clean_plain_text(text, {});
  const RemovedSpan* dateline = find_removed(c, "dateline");
  ASSERT_NE(dateline, nullptr);
  restore_removed(text, {dateline->span}, &c);
  EXPECT_TRUE(kept(text, c, "CAIRO (AP) _ Egypt proposed a truce on Monday, officials said."));
  EXPECT_EQ(find_removed(c, "dateline"), nullptr);
}

TEST(Restore, NothingOverlappingChangesNothing) {
  const std::string text = testing::seed(1);
  CleanedText c = clean_plain_text(text, {});
  const CleanedText before = c;
  restore_removed(text, {Span{0, 0}, Span{text.size() + 10, text.size() + 20}}, &c);
  EXPECT_EQ(c.blocks.size(), before.blocks.size());
  EXPECT_EQ(c.removed.size(), before.removed.size());
  EXPECT_TRUE(c.restored.empty());
}

TEST(Restore, JsonKeepSendsARemovedSpanBack) {
  json req = {{"documents", json::array()}, {"options", {{"budget", {{"sentences", 3}}}}}};
  for (int n = 1; n <= 3; ++n) req["documents"].push_back({{"text", testing::seed(n)}});
  const json first = json::parse(handle_request_json(req.dump()));
  ASSERT_TRUE(first.at("ok").get<bool>());
  json credit;
  for (const auto& r : first["documents"][1]["removed"]) {
    if (r["reason"] == "caption_credit") credit = r;
  }
  ASSERT_FALSE(credit.is_null());
  EXPECT_FALSE(first["documents"][1].contains("restored"));

  req["documents"][1]["keep"] = json::array({credit});  // the removed span as it came
  const json second = json::parse(handle_request_json(req.dump()));
  ASSERT_TRUE(second.at("ok").get<bool>());
  const json& doc = second["documents"][1];
  ASSERT_EQ(doc["restored"].size(), 1u);
  EXPECT_EQ(doc["restored"][0]["text"], credit["text"]);
  EXPECT_EQ(doc["restored"][0]["utf16"], credit["utf16"]);
  EXPECT_EQ(doc["removed"].size(), first["documents"][1]["removed"].size() - 1);
  EXPECT_GT(doc["sentences"].get<int>(), first["documents"][1]["sentences"].get<int>());

  for (const json& bad : {json(5), json::array({7}), json::array({{{"utf8", {{"begin", 9}, {"end", 3}}}}}),
                          json::array({{{"utf16", {{"begin", 0}, {"end", 3}}}}}),
                          json::array({{{"utf8", {{"begin", -1}, {"end", 3}}}}})}) {
    req["documents"][1]["keep"] = bad;
    const json r = json::parse(handle_request_json(req.dump()));
    EXPECT_FALSE(r["ok"].get<bool>()) << bad.dump();
    EXPECT_EQ(r["errors"][0]["code"], "invalid_request") << bad.dump();
  }
}

}  // namespace
}  // namespace precis
