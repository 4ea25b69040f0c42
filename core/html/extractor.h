// Article extraction from the block model (html/block.h): keeps the article body (paragraphs,
// headings, list items in reading order) and drops navigation, asides, footers, comments,
// captions, share/related/newsletter/ad blocks and link lists. Works the same on blocks from
// Gumbo (native) and from the browser's DOMParser.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "html/block.h"

namespace precis {

struct ExtractedArticle {
  std::string text;                  // kept blocks in reading order, separated by blank lines
  std::vector<int> kept;             // indices of the kept blocks in HtmlPage::blocks
  std::string title;                 // the headline: the <h1> nearest above the article, if any
  std::vector<std::string> verdict;  // per block: "" kept, else why it was dropped (for debugging)
  int container = -1;                // the element chosen as the main content container
  std::vector<std::pair<int, double>> candidates;  // best scored elements (for debugging)
};

ExtractedArticle extract_article(const HtmlPage& page);

}  // namespace precis
