// Undoing cleaning where a reader says it was wrong: removed spans that overlap a range the caller
// asks to keep go back into the article. The caller sends back the offsets it was given (a
// response's `removed[i].utf8`), so no text has to be matched or re-pasted.
#pragma once

#include <string_view>
#include <vector>

#include "clean/removed_span.h"
#include "text/span.h"

namespace precis {

// Moves every removed span that overlaps one of `keep` (byte ranges in `text`, any order, may be
// out of range) from `cleaned->removed` to `cleaned->restored`, and adds its lines to
// `cleaned->blocks` as paragraphs: one block per non-blank line, except that a span that ends on
// the line where a kept block begins (a wire dateline) joins that block. Blocks stay in order.
void restore_removed(std::string_view text, std::vector<Span> keep, CleanedText* cleaned);

}  // namespace precis
