// The block model (html/block.h) as JSON: what the browser sends instead of raw HTML
// (documents[i].elements + documents[i].blocks in the JSON API) and what `precis --clean --json`
// prints natively, so the two can be compared.
//
//   elements: [{"tag": "div", "parent": -1, "id": "...", "class": "...", "role": "...", "itemprop": "..."}]
//   blocks:   [{"element": 0, "text": "...", "link_chars": 0}]
//
// Empty attribute strings may be left out. A parent must come before its child; block text must
// be non-empty after white-space collapsing.
#pragma once

#include <string>

#include <nlohmann/json_fwd.hpp>

#include "html/block.h"

namespace precis {

nlohmann::json elements_to_json(const HtmlPage& page);
nlohmann::json blocks_to_json(const HtmlPage& page);

// Reads elements and blocks back; on error returns false with a message naming the bad entry.
bool page_from_json(const nlohmann::json& elements, const nlohmann::json& blocks, HtmlPage* page, std::string* error);

}  // namespace precis
