#include "html/html_document.h"

#include <nlohmann/json.hpp>

#include "html/block.h"
#include "html/block_json.h"
#include "html/extractor.h"
#include "text/utf8.h"

#ifdef PRECIS_HAVE_GUMBO
#include "html/gumbo_blocks.h"
#endif

namespace precis {

using nlohmann::json;

bool has_html_input(const json& d) {
  if (!d.is_object()) return false;
  const auto h = d.find("html"), b = d.find("blocks");
  return (h != d.end() && !h->is_null()) || (b != d.end() && !b->is_null());
}

bool can_parse_html() {
#ifdef PRECIS_HAVE_GUMBO
  return true;
#else
  return false;
#endif
}

HtmlInput read_html_input(const json& d, const std::string& where) {
  HtmlInput out;
  HtmlPage page;
  const auto blocks = d.find("blocks");
  const auto html = d.find("html");
  if (blocks != d.end() && !blocks->is_null()) {
    const auto elements = d.find("elements");
    if (elements == d.end() || elements->is_null()) {
      out.error_code = "invalid_request";
      out.error = where + ".blocks needs " + where + ".elements (both come from the block builder)";
      return out;
    }
    std::string message;
    if (!page_from_json(*elements, *blocks, &page, &message)) {
      out.error_code = "invalid_request";
      out.error = where + "." + message;
      return out;
    }
    const auto title = d.find("page_title");
    if (title != d.end() && title->is_string()) page.title = collapse_html_space(title->get<std::string>());
    for (const HtmlBlock& b : page.blocks) out.bytes += b.text.size();
  } else {
    if (!html->is_string()) {
      out.error_code = "invalid_request";
      out.error = where + ".html must be a string";
      return out;
    }
#ifdef PRECIS_HAVE_GUMBO
    const std::string& raw = html->get_ref<const std::string&>();
    out.bytes = raw.size();
    std::string error;
    page = blocks_from_html(raw, &error);
    if (!error.empty()) {
      out.error_code = "too_large";
      out.error = where + ".html: " + error;
      return out;
    }
#else
    out.error_code = "html_needs_blocks";
    out.error = where + ".html cannot be parsed in this build (no HTML parser in WebAssembly): send the page's "
                "blocks instead (" + where + ".blocks and .elements, built with the browser's DOMParser by html_blocks.js)";
    return out;
#endif
  }
  const ExtractedArticle a = extract_article(page);
  out.text = a.text;
  out.title = a.title.empty() ? page.title : a.title;
  out.blocks_total = static_cast<int>(page.blocks.size());
  out.blocks_kept = static_cast<int>(a.kept.size());
  return out;
}

}  // namespace precis
