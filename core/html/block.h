// The block model of an HTML page: what both HTML parsers produce (Gumbo natively, the browser's
// DOMParser in web/html_blocks.js) and what the article extractor reads. The page is a flat list
// of text blocks in document order; each block points to the innermost block-level element that
// holds it, and elements point to their parents, so the extractor sees every block's ancestry
// (tag names, class/id/role/itemprop) without a DOM.
//
// The building rules are the contract between the two parsers (web/html_blocks.js follows them
// line by line):
//  - head, title, script, style, noscript, template, svg, math, iframe, object, embed, canvas,
//    video, audio, select, option, textarea, button, input, dialog, map and elements with the
//    `hidden` attribute or an inline style with display:none / visibility:hidden contribute nothing;
//  - inline elements (kInlineTags) are transparent: their text joins the surrounding block;
//  - every other element is block-level: it ends the text before it and starts a new block, as
//    does <br>; but block-level elements nested deeper than kMaxBlockDepth (counting only
//    block-level ancestors) are transparent like inline ones;
//  - a block's text is its text nodes concatenated, with runs of white space (space, tab, LF, FF,
//    CR, U+00A0) collapsed to one space and trimmed; empty blocks are dropped;
//  - elements are numbered in order of first use by a block, parents before children.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace precis {

struct HtmlElement {
  std::string tag;       // lowercase local name: "div", "p", "article", "amp-img"
  int parent = -1;       // index into HtmlPage::elements, -1 for the root
  std::string id;        // attribute values, white space collapsed
  std::string classes;   // the class attribute
  std::string role;      // the role attribute
  std::string itemprop;  // the itemprop attribute
};

struct HtmlBlock {
  int element = 0;     // innermost block-level element holding the text
  std::string text;    // white space collapsed, trimmed, never empty
  int chars = 0;       // code points that are not white space
  int link_chars = 0;  // ...of which inside <a> elements
};

struct HtmlPage {
  std::string title;  // text of the first <title>, if any
  std::vector<HtmlElement> elements;
  std::vector<HtmlBlock> blocks;
};

// True for the white space the block model collapses: space, tab, LF, FF, CR (and U+00A0, two bytes).
bool is_html_space_byte(unsigned char c);

// Collapses runs of white space (as above) into one space and trims both ends.
std::string collapse_html_space(std::string_view text);

// Code points of `text` that are not white space (as above).
int count_visible_chars(std::string_view text);

// Tags that never start a block (their text joins the block around them).
bool is_inline_tag(std::string_view tag);
// Tags whose whole subtree contributes nothing.
bool is_skipped_tag(std::string_view tag);
// An inline style that hides the element (display:none or visibility:hidden).
bool style_hides(std::string_view style);

// Block-level elements nested deeper than this are transparent (bounds the work per block).
constexpr std::size_t kMaxBlockDepth = 256;

// Incremental builder shared by the parsers' tree walks: open/close block-level elements, add text.
class BlockBuilder {
 public:
  // Opens a block-level element (ends the pending text first). Returns false, opening nothing,
  // beyond kMaxBlockDepth: the caller then must not close it.
  bool open_element(std::string tag, std::string id, std::string classes, std::string role, std::string itemprop);
  void close_element();
  void text(std::string_view utf8, bool in_link);
  void line_break() { flush(); }
  void set_title(std::string title);
  HtmlPage finish();

 private:
  struct Open {
    HtmlElement element;
    int index = -1;  // in page_.elements once a block used it
  };
  void flush();
  int element_index(std::size_t depth);

  HtmlPage page_;
  bool has_title_ = false;
  std::vector<Open> stack_;
  std::string pending_;
  int pending_link_chars_ = 0;
};

// The page's visible text "as a person would copy it": one line per block, with a blank line
// around paragraphs, headings, list blocks and block quotes (like the browser's innerText).
std::string visible_text(const HtmlPage& page);

// Heuristic: does this text look like HTML markup rather than plain text (doctype, <html>, or
// many tags)?
bool looks_like_html(std::string_view text);

}  // namespace precis
