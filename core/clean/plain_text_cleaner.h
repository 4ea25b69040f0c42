// Cleaning of pasted plain text, where all page structure is gone: each line is judged by what it
// shows (length, final punctuation, title case, vocabulary, position, repetition), never by a list
// of strings from one site.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "clean/line_features.h"
#include "clean/removed_span.h"

namespace precis {

// comparison_key of a short non-sentence line -> number of documents containing it.
using SharedLines = std::unordered_map<std::string, int>;

struct CleanOptions {
  std::string given_title;                // title supplied by the caller; repeats of it are removed
  const SharedLines* shared_lines = nullptr;
  // Look for the article among menus, other stories, comments and footers (text copied from a whole
  // page). Text that is already an article (the HTML extractor's output) is better without it.
  bool select_region = true;
};

CleanedText clean_plain_text(std::string_view text, const CleanOptions& options);
// The same on lines already split with split_lines(text).
CleanedText clean_lines(std::string_view text, const std::vector<Line>& lines, const CleanOptions& options);

// Counts, across the documents of one request, the short lines that are not sentences: a line of
// that kind pasted in several articles is page furniture ("Advertisement", a site footer).
SharedLines count_shared_lines(const std::vector<std::string_view>& texts);
SharedLines count_shared_lines(const std::vector<std::vector<Line>>& documents);
// Adds one document's lines to `counts` (what count_shared_lines does for each document, when
// there are two or more), for callers that do not keep every document's lines at once.
void add_shared_lines(const std::vector<Line>& lines, SharedLines* counts);

// Why a line is page furniture on its own, without looking at the lines around it (a cookie notice,
// a comment-section label, a copyright line, a template placeholder, a byline, a photo credit, a
// "Related:" label, a share or newsletter prompt, a paywall prompt), or nullptr. The HTML extractor
// applies it to the blocks it keeps.
const char* standalone_furniture(const Line& line);

// Byte length of a wire-service dateline at the start of `line` ("LONDON (AP) _ ",
// "WASHINGTON _ ", "CAIRO, July 25 (Reuters) - "), or 0.
std::size_t dateline_prefix_length(std::string_view line);

// Where a wire-service editing note at the end of `line` begins (the byte offset just after the
// text to keep, before any spaces), or line.size() if there is none: operator initials after a
// sentence ("...correct them. (gm)", "...since the vote. ms-lm") or alone ("nn"), and pick-up lines
// ("Turkey amassed troops, pick up 4th graf pvs"). 0 when the whole line is such a note.
std::size_t wire_note_start(std::string_view line);

}  // namespace precis
