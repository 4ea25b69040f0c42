// The block model (core/html/block.h) built with Gumbo: the rules web/html_blocks.js mirrors.
#include "html/block.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "html/block_json.h"
#include "html/gumbo_blocks.h"

namespace precis {
namespace {

std::vector<std::string> texts(const HtmlPage& p) {
  std::vector<std::string> out;
  for (const auto& b : p.blocks) out.push_back(b.text);
  return out;
}

const HtmlElement& element_of(const HtmlPage& p, std::size_t block) {
  return p.elements[static_cast<std::size_t>(p.blocks[block].element)];
}

TEST(HtmlBlocks, BlockElementsSplitTextInlineElementsDoNot) {
  const HtmlPage p = blocks_from_html(
      "<html><body><div class='story'>Lead <b>bold</b> and <a href='/x'>a link</a>."
      "<p>First <em>paragraph</em>.</p>tail text<ul><li>one</li><li>two</li></ul></div></body></html>");
  EXPECT_EQ(texts(p), (std::vector<std::string>{"Lead bold and a link.", "First paragraph.", "tail text", "one", "two"}));
  EXPECT_EQ(element_of(p, 0).tag, "div");
  EXPECT_EQ(element_of(p, 0).classes, "story");
  EXPECT_EQ(element_of(p, 1).tag, "p");
  EXPECT_EQ(element_of(p, 2).tag, "div");  // text after the <p> belongs to the div again
  EXPECT_EQ(element_of(p, 3).tag, "li");
  EXPECT_EQ(p.blocks[0].link_chars, 5);  // "a link" without its space
  EXPECT_EQ(p.blocks[0].chars, 17);
}

TEST(HtmlBlocks, WhiteSpaceCollapsesAndBreaksSplit) {
  const HtmlPage p = blocks_from_html("<p>  One\n\t line&nbsp;&nbsp;here <br> Second&#160;line </p><p> \n </p>");
  EXPECT_EQ(texts(p), (std::vector<std::string>{"One line here", "Second line"}));
}

TEST(HtmlBlocks, InvisibleAndNonTextElementsContributeNothing) {
  const HtmlPage p = blocks_from_html(
      "<html><head><title>The  title</title><style>p{}</style></head><body>"
      "<script>var x = '<p>not text</p>';</script><noscript>Enable JavaScript</noscript>"
      "<p hidden>Hidden paragraph</p><div style='display: none'>Hidden div</div>"
      "<div style='VISIBILITY:hidden'>Hidden too</div><svg><text>svg text</text></svg>"
      "<template><p>template</p></template><select><option>Option</option></select>"
      "<button>Share</button><iframe>frame</iframe><p>Visible</p></body></html>");
  EXPECT_EQ(texts(p), (std::vector<std::string>{"Visible"}));
  EXPECT_EQ(p.title, "The title");
}

TEST(HtmlBlocks, ElementsAreNumberedByFirstUseParentsFirst) {
  const HtmlPage p = blocks_from_html(
      "<body><div id='wrap'><nav role='navigation'><a href='/'>Home</a></nav>"
      "<article itemprop='articleBody' class='a  b'><p>Text</p></article></div></body>");
  ASSERT_EQ(p.blocks.size(), 2u);
  // html, body, div#wrap, nav, article, p
  ASSERT_EQ(p.elements.size(), 6u);
  EXPECT_EQ(p.elements[0].tag, "html");
  EXPECT_EQ(p.elements[0].parent, -1);
  EXPECT_EQ(p.elements[2].id, "wrap");
  EXPECT_EQ(p.elements[3].role, "navigation");
  EXPECT_EQ(p.elements[4].itemprop, "articleBody");
  EXPECT_EQ(p.elements[4].classes, "a b");
  EXPECT_EQ(p.elements[5].parent, 4);
  for (std::size_t i = 0; i < p.elements.size(); ++i) EXPECT_LT(p.elements[i].parent, static_cast<int>(i));
}

TEST(HtmlBlocks, UnknownTagsAreContainersAndKeepTheirName) {
  const HtmlPage p = blocks_from_html("<body><My-Widget>Inside<span>inline</span></My-Widget>after</body>");
  EXPECT_EQ(texts(p), (std::vector<std::string>{"Insideinline", "after"}));
  EXPECT_EQ(element_of(p, 0).tag, "my-widget");
  EXPECT_EQ(element_of(p, 1).tag, "body");
}

TEST(HtmlBlocks, LinksInsideBlocksInsideLinksCount) {
  const HtmlPage p = blocks_from_html("<a href='/story'><div><h3>Other story</h3><p>Teaser text</p></div></a>");
  ASSERT_EQ(p.blocks.size(), 2u);
  EXPECT_EQ(p.blocks[0].link_chars, p.blocks[0].chars);
  EXPECT_EQ(p.blocks[1].link_chars, p.blocks[1].chars);
}

TEST(HtmlBlocks, DeepNestingDoesNotOverflowTheStack) {
  std::string html;
  for (int i = 0; i < 2000; ++i) html += "<div><span>";
  html += "deep";
  const HtmlPage p = blocks_from_html(html);
  EXPECT_EQ(texts(p), (std::vector<std::string>{"deep"}));
}

TEST(HtmlBlocks, BlockElementsDeeperThanTheLimitAreTransparent) {
  std::string html;
  for (std::size_t i = 0; i < kMaxBlockDepth + 50; ++i) html += "<div>";
  html += "deep<p>para</p>";
  const HtmlPage p = blocks_from_html(html);
  EXPECT_EQ(texts(p), (std::vector<std::string>{"deeppara"}));
  EXPECT_EQ(p.elements.size(), kMaxBlockDepth);
}

TEST(HtmlBlocks, PathologicalNestingIsRefusedBeforeParsing) {
  std::string html;
  for (int i = 0; i < kMaxHtmlNesting + 1; ++i) html += "<section>";
  std::string error;
  const HtmlPage p = blocks_from_html(html + "text", &error);
  EXPECT_TRUE(p.blocks.empty());
  EXPECT_NE(error.find("nests"), std::string::npos);
  // The estimate leaves out void elements, self-closing ones, paragraphs and raw text.
  EXPECT_EQ(estimate_html_nesting("<div><p>a<p>b<br><img src=x><hr/><script>'<div><div>'</script></div>"), 2);
  EXPECT_EQ(estimate_html_nesting("<!-- <div><div> --><DIV><Span></span></div>"), 2);
}

TEST(HtmlBlocks, InvalidUtf8IsRepaired) {
  const HtmlPage p = blocks_from_html("<p>caf\xE9 ok</p>");
  ASSERT_EQ(p.blocks.size(), 1u);
  EXPECT_EQ(p.blocks[0].text, "caf\xEF\xBF\xBD ok");
}

TEST(HtmlBlocks, VisibleTextHasOneLinePerBlockAndBlankLinesAroundParagraphs) {
  const HtmlPage p = blocks_from_html("<body><div>Menu</div><div>News</div><h1>Title</h1><p>One.</p><p>Two.</p><li>x</li></body>");
  EXPECT_EQ(visible_text(p), "Menu\nNews\n\nTitle\n\nOne.\n\nTwo.\n\nx\n");
}

TEST(HtmlBlocks, JsonRoundTripAndValidation) {
  const HtmlPage p = blocks_from_html("<body><article class='post'><p>Hello <a href='#'>world</a></p></article></body>");
  HtmlPage back;
  std::string error;
  ASSERT_TRUE(page_from_json(elements_to_json(p), blocks_to_json(p), &back, &error)) << error;
  ASSERT_EQ(back.blocks.size(), p.blocks.size());
  EXPECT_EQ(back.blocks[0].text, "Hello world");
  EXPECT_EQ(back.blocks[0].link_chars, 5);
  EXPECT_EQ(back.blocks[0].chars, 10);
  EXPECT_EQ(back.elements.size(), p.elements.size());

  using nlohmann::json;
  // A parent after its child, an element out of range, a wrong type: refused with the place named.
  EXPECT_FALSE(page_from_json(json::parse(R"([{"tag":"div","parent":0}])"), json::array(), &back, &error));
  EXPECT_NE(error.find("elements[0].parent"), std::string::npos) << error;
  EXPECT_FALSE(page_from_json(json::parse(R"([{"tag":"p"}])"), json::parse(R"([{"element":3,"text":"x"}])"), &back, &error));
  EXPECT_NE(error.find("blocks[0].element"), std::string::npos) << error;
  EXPECT_FALSE(page_from_json(json::parse(R"([{"tag":"p"}])"), json::parse(R"([{"element":0,"text":5}])"), &back, &error));
  EXPECT_FALSE(page_from_json(json::parse(R"({"tag":"p"})"), json::array(), &back, &error));
  // Link characters never exceed the text; blank blocks are dropped.
  ASSERT_TRUE(page_from_json(json::parse(R"([{"tag":"P"}])"),
                             json::parse(R"([{"element":0,"text":" a  b ","link_chars":99},{"element":0,"text":"  "}])"), &back, &error));
  ASSERT_EQ(back.blocks.size(), 1u);
  EXPECT_EQ(back.blocks[0].text, "a b");
  EXPECT_EQ(back.blocks[0].link_chars, 2);
  EXPECT_EQ(back.elements[0].tag, "p");
}

TEST(HtmlBlocks, LooksLikeHtml) {
  EXPECT_TRUE(looks_like_html("<!DOCTYPE html><html><body>x</body></html>"));
  EXPECT_TRUE(looks_like_html("\xEF\xBB\xBF  \n<html lang=en>"));
  EXPECT_TRUE(looks_like_html("<div><p>One</p><p>Two</p><p>Three</p></div>"));
  EXPECT_FALSE(looks_like_html("The council met on Tuesday.\n\nIt voted to use <p> tags in its web site."));
  EXPECT_FALSE(looks_like_html(""));
  EXPECT_FALSE(looks_like_html("Plain text article about HTML and the <html> element."));
}

}  // namespace
}  // namespace precis
