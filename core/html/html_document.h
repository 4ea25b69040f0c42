// HTML documents in the JSON API: a document given as raw HTML ("html", parsed natively with
// Gumbo) or as the block model built in the browser ("blocks" + "elements", from DOMParser)
// becomes the article text the extractor finds in it. Everything after that (cleaning,
// sentences, offsets) works on that text, which the response returns as documents[i].text.
#pragma once

#include <string>

#include <nlohmann/json_fwd.hpp>

namespace precis {

// True when the document object carries HTML input ("html" or "blocks").
bool has_html_input(const nlohmann::json& document);

struct HtmlInput {
  std::string text;       // the extracted article, paragraphs separated by blank lines
  std::string title;      // the article's headline (its <h1>, else the page <title>)
  int blocks_total = 0;   // text blocks on the page
  int blocks_kept = 0;    // ...of which article text
  std::size_t bytes = 0;  // size of the input (HTML, or the blocks' text), for the request limits
  std::string error_code; // non-empty on failure: "html_needs_blocks" or "invalid_request"
  std::string error;      // the message for the caller
};

// Extracts the article of documents[i] (`where` names it in messages). "blocks" win over "html"
// when both are present, so the browser and a native build give the same text for the same blocks.
HtmlInput read_html_input(const nlohmann::json& document, const std::string& where);

// Whether this build parses raw HTML itself (natively with Gumbo; not in WebAssembly).
bool can_parse_html();

}  // namespace precis
