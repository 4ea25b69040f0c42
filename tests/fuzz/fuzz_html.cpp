// libFuzzer target: HTML extraction (html/gumbo_blocks.h -> html/extractor.h, and the block JSON
// the browser sends, html/block_json.h).
//
// The input is raw bytes taken as a pasted web page. Checks, on every input:
//  - the block model is well formed: parents come before children, every block points to an
//    element, block text is valid UTF-8, non-empty, white space collapsed and trimmed, and its
//    visible-character counts are consistent (link_chars <= chars);
//  - the page survives the JSON round trip the browser path uses (blocks_to_json/elements_to_json
//    -> page_from_json gives the same page), so Gumbo and DOMParser inputs meet the same extractor;
//  - the extracted article is exactly its kept blocks, in reading order, joined by blank lines, and
//    is valid UTF-8; its title is valid UTF-8;
//  - visible_text (the page "as copied") is valid UTF-8.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "fuzz_check.h"
#include "html/block.h"
#include "html/block_json.h"
#include "html/extractor.h"
#include "html/gumbo_blocks.h"
#include "text/utf8.h"

using namespace precis;

namespace {

void check_page(const HtmlPage& page) {
  fuzz::require(is_valid_utf8(page.title), "page title is not valid UTF-8");
  for (std::size_t i = 0; i < page.elements.size(); ++i) {
    const HtmlElement& e = page.elements[i];
    fuzz::require(e.parent >= -1 && e.parent < static_cast<int>(i), "element's parent does not come before it");
    fuzz::require(!e.tag.empty() && is_valid_utf8(e.tag) && is_valid_utf8(e.id) && is_valid_utf8(e.classes),
                  "element has an empty tag or invalid UTF-8 attributes");
  }
  for (const HtmlBlock& b : page.blocks) {
    fuzz::require(b.element >= 0 && b.element < static_cast<int>(page.elements.size()), "block points to no element");
    fuzz::require(!b.text.empty() && is_valid_utf8(b.text), "block text is empty or not valid UTF-8");
    fuzz::require(collapse_html_space(b.text) == b.text, "block text is not collapsed and trimmed");
    fuzz::require(b.chars == count_visible_chars(b.text), "block chars do not count its visible characters");
    fuzz::require(b.link_chars >= 0 && b.link_chars <= b.chars, "block link_chars out of range");
  }
}

bool same_page(const HtmlPage& a, const HtmlPage& b) {
  if (a.elements.size() != b.elements.size() || a.blocks.size() != b.blocks.size()) return false;
  for (std::size_t i = 0; i < a.elements.size(); ++i) {
    const HtmlElement &x = a.elements[i], &y = b.elements[i];
    if (x.tag != y.tag || x.parent != y.parent || x.id != y.id || x.classes != y.classes || x.role != y.role ||
        x.itemprop != y.itemprop) {
      return false;
    }
  }
  for (std::size_t i = 0; i < a.blocks.size(); ++i) {
    const HtmlBlock &x = a.blocks[i], &y = b.blocks[i];
    if (x.element != y.element || x.text != y.text || x.chars != y.chars || x.link_chars != y.link_chars) return false;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view html(reinterpret_cast<const char*>(data), size);
  std::string error;
  const HtmlPage page = blocks_from_html(html, &error);
  if (!error.empty()) {
    fuzz::require(page.blocks.empty() && page.elements.empty(), "a refused page still has blocks");
    return 0;
  }
  check_page(page);

  // The browser path: the same blocks as JSON, read back.
  HtmlPage back;
  std::string json_error;
  const bool ok = page_from_json(elements_to_json(page), blocks_to_json(page), &back, &json_error);
  fuzz::require(ok, ("page_from_json refused blocks_to_json's output: " + json_error).c_str());
  back.title = page.title;
  fuzz::require(same_page(page, back), "block JSON round trip changed the page");

  const ExtractedArticle article = extract_article(page);
  std::string joined;
  int previous = -1;
  for (const int k : article.kept) {
    fuzz::require(k > previous && k < static_cast<int>(page.blocks.size()), "kept blocks out of range or order");
    previous = k;
    if (!joined.empty()) joined += "\n\n";
    joined += page.blocks[static_cast<std::size_t>(k)].text;
  }
  fuzz::require(joined == article.text, "article text is not its kept blocks joined by blank lines");
  fuzz::require(is_valid_utf8(article.text) && is_valid_utf8(article.title), "article is not valid UTF-8");
  fuzz::require(article.verdict.empty() || article.verdict.size() == page.blocks.size(), "one verdict per block");

  fuzz::require(is_valid_utf8(visible_text(page)), "visible text is not valid UTF-8");
  return 0;
}
