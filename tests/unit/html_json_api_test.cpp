// HTML documents in the JSON API: "html" (parsed with Gumbo in native builds) and "blocks" +
// "elements" (what the browser sends), extract_only, and the extracted text in the response.
#include "api/json_api.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "html/block_json.h"
#include "html/gumbo_blocks.h"
#include "html/html_document.h"

namespace precis {
namespace {

using nlohmann::json;

const std::string kPage =
    "<!doctype html><html><head><title>Storm hits coast | Coast News</title></head><body>"
    "<nav><a href='/'>Home</a> <a href='/weather'>Weather</a></nav>"
    "<article><h1>Storm hits the coast</h1><div class='byline'>By Jane Doe</div><div class='article-body'>"
    "<p>The storm reached the coast on Tuesday night and cut power to thousands of homes, officials said.</p>"
    "<p>Rescue teams worked through the night to reach people trapped by rising water in low districts.</p>"
    "<p>Schools will stay closed on Wednesday while crews clear fallen trees from the roads, the mayor said.</p>"
    "</div><div class='share'><a href='#'>Share</a> <a href='#'>Tweet</a></div></article>"
    "<footer>© 2024 Coast News</footer></body></html>";

const std::string kText =
    "The storm reached the coast on Tuesday night and cut power to thousands of homes, officials said.\n\n"
    "Rescue teams worked through the night to reach people trapped by rising water in low districts.\n\n"
    "Schools will stay closed on Wednesday while crews clear fallen trees from the roads, the mayor said.";

json call(const json& req) { return json::parse(handle_request_json(req.dump())); }

json blocks_document() {
  const HtmlPage p = blocks_from_html(kPage);
  return json{{"elements", elements_to_json(p)}, {"blocks", blocks_to_json(p)}, {"page_title", p.title}};
}

TEST(HtmlJsonApi, HtmlDocumentIsSummarizedFromItsArticleText) {
  ASSERT_TRUE(can_parse_html());
  const json r = call({{"documents", {{{"id", "page"}, {"html", kPage}}}}, {"options", {{"budget", {{"sentences", 2}}}}}});
  ASSERT_TRUE(r["ok"].get<bool>()) << r.dump();
  const json& d = r["documents"][0];
  EXPECT_EQ(d["text"], kText);
  EXPECT_EQ(d["title"], "Storm hits the coast");
  // Offsets point into the returned text.
  ASSERT_FALSE(r["summary"].empty());
  for (const json& s : r["summary"]) {
    const std::string text = d["text"];
    EXPECT_EQ(text.substr(s["utf8"]["begin"].get<std::size_t>(),
                          s["utf8"]["end"].get<std::size_t>() - s["utf8"]["begin"].get<std::size_t>()),
              s["text"].get<std::string>());
  }
}

TEST(HtmlJsonApi, BlocksFromTheBrowserGiveTheSameAnswerAsHtml) {
  json a = blocks_document();
  a["id"] = "page";
  const json from_blocks = call({{"documents", {a}}});
  const json from_html = call({{"documents", {{{"id", "page"}, {"html", kPage}}}}});
  ASSERT_TRUE(from_blocks["ok"].get<bool>()) << from_blocks.dump();
  EXPECT_EQ(from_blocks, from_html);
}

TEST(HtmlJsonApi, PlainTextDocumentsHaveNoTextFieldInTheResponse) {
  const json r = call({{"documents", {{{"text", kText}}}}});
  ASSERT_TRUE(r["ok"].get<bool>());
  EXPECT_FALSE(r["documents"][0].contains("text"));
}

TEST(HtmlJsonApi, ExtractOnly) {
  const json r = call({{"documents", {{{"html", kPage}}, {{"text", "Plain text here."}}, blocks_document()}},
                       {"options", {{"extract_only", true}}}});
  ASSERT_TRUE(r["ok"].get<bool>()) << r.dump();
  EXPECT_FALSE(r.contains("summary"));
  ASSERT_EQ(r["documents"].size(), 3u);
  EXPECT_EQ(r["documents"][0]["text"], kText);
  EXPECT_EQ(r["documents"][0]["from_html"], true);
  EXPECT_EQ(r["documents"][0]["blocks_kept"], 3);
  EXPECT_GT(r["documents"][0]["blocks_total"].get<int>(), 3);
  EXPECT_EQ(r["documents"][1]["text"], "Plain text here.");
  EXPECT_EQ(r["documents"][1]["from_html"], false);
  EXPECT_EQ(r["documents"][2]["text"], kText);
  EXPECT_EQ(r["documents"][2]["title"], "Storm hits the coast");
  EXPECT_EQ(call({{"documents", {{{"text", "x"}}}}, {"options", {{"extract_only", 1}}}})["errors"][0]["code"], "invalid_request");
}

TEST(HtmlJsonApi, BadBlocksAreTypedErrors) {
  json d = blocks_document();
  d.erase("elements");
  json r = call({{"documents", {d}}});
  EXPECT_EQ(r["errors"][0]["code"], "invalid_request");
  EXPECT_NE(r["errors"][0]["message"].get<std::string>().find("documents[0].blocks needs"), std::string::npos);

  d = blocks_document();
  d["blocks"][0]["element"] = 100000;
  r = call({{"documents", {d}}});
  EXPECT_EQ(r["errors"][0]["code"], "invalid_request");
  EXPECT_NE(r["errors"][0]["message"].get<std::string>().find("documents[0].blocks[0].element"), std::string::npos);

  r = call({{"documents", {{{"html", 42}}}}});
  EXPECT_EQ(r["errors"][0]["code"], "invalid_request");

  // A page without article text is like an empty document.
  r = call({{"documents", {{{"html", "<nav><a href='/'>Home</a></nav>"}}}}});
  EXPECT_EQ(r["errors"][0]["code"], "empty_input");
}

}  // namespace
}  // namespace precis
