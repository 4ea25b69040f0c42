// What cleaning took out of an article, where, and why. Cleaning hides text, it never deletes it:
// every removed byte is reported here so the article view can show (and restore) it.
#pragma once

#include <string>
#include <vector>

#include "text/span.h"

namespace precis {

struct RemovedSpan {
  Span span;
  std::string reason;  // machine-readable: "paywall", "related_links", "caption_credit", ...
  std::string detail;  // one human sentence: which rule fired
};

struct CleanedText {
  std::vector<Span> blocks;           // article paragraphs kept, in order, trimmed
  std::vector<RemovedSpan> removed;   // in order of position
  std::vector<RemovedSpan> restored;  // removed, then put back at the caller's request (clean/restore.h)
  std::string title;                  // first-line headline, if the text starts with one
};

}  // namespace precis
