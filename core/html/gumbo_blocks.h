// Native HTML parsing: Gumbo (an HTML5 parser) -> the block model of html/block.h. Built only where
// Gumbo is available (not in WebAssembly; there the page's DOMParser builds the same blocks).
#pragma once

#include <string>
#include <string_view>

#include "html/block.h"

namespace precis {

// Gumbo's tree building slows down with the square of the nesting depth (200,000 nested <div>,
// one megabyte, take minutes), so pages that nest deeper than this are refused. Real pages nest a
// few dozen elements deep; browsers stop nesting at 512.
constexpr int kMaxHtmlNesting = 5000;

// A quick over-estimate of how deeply `html` nests elements (start tags minus end tags, leaving out
// void and self-closing elements, elements that close themselves such as <p> and <li>, comments and
// the contents of <script>, <style> and the like).
int estimate_html_nesting(std::string_view html);

// Parses `html` (UTF-8; invalid sequences are repaired first) and builds its blocks. When the page
// nests deeper than kMaxHtmlNesting, returns an empty page and, if `error` is given, says why.
HtmlPage blocks_from_html(std::string_view html, std::string* error = nullptr);

}  // namespace precis
