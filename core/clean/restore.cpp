#include "clean/restore.h"

#include <algorithm>

#include "text/blank.h"

namespace precis {
namespace {

// The non-blank lines of `span`, trimmed.
std::vector<Span> lines_of(std::string_view text, Span span) {
  std::vector<Span> out;
  std::size_t i = span.begin;
  while (i < span.end) {
    std::size_t end = i;
    while (end < span.end && text[end] != '\n') ++end;
    const Span line = trim_blank(text, Span{i, end});
    if (!line.empty()) out.push_back(line);
    i = end + 1;
  }
  return out;
}

// Only spaces or tabs (no line break) between `a` and `b`.
bool same_line(std::string_view text, std::size_t a, std::size_t b) {
  for (std::size_t i = a; i < b; ++i) {
    if (text[i] != ' ' && text[i] != '\t') return false;
  }
  return true;
}

}  // namespace

void restore_removed(std::string_view text, std::vector<Span> keep, CleanedText* cleaned) {
  if (keep.empty() || cleaned->removed.empty()) return;
  // Disjoint, sorted ranges, so one sweep over the (position-ordered) removed spans finds overlaps.
  for (Span& k : keep) k.end = std::min(k.end, text.size());
  keep.erase(std::remove_if(keep.begin(), keep.end(), [](const Span& s) { return s.empty(); }), keep.end());
  std::sort(keep.begin(), keep.end(), [](const Span& a, const Span& b) { return a.begin < b.begin; });
  std::vector<Span> merged;
  for (const Span& k : keep) {
    if (!merged.empty() && k.begin <= merged.back().end) merged.back().end = std::max(merged.back().end, k.end);
    else merged.push_back(k);
  }

  std::vector<RemovedSpan> still_removed;
  std::vector<Span> new_lines;
  std::size_t k = 0;
  for (RemovedSpan& r : cleaned->removed) {
    while (k < merged.size() && merged[k].end <= r.span.begin) ++k;
    const bool overlaps = k < merged.size() && merged[k].begin < r.span.end;
    if (!overlaps) {
      still_removed.push_back(std::move(r));
      continue;
    }
    for (const Span& l : lines_of(text, r.span)) new_lines.push_back(l);
    cleaned->restored.push_back(std::move(r));
  }
  const bool any = still_removed.size() < cleaned->removed.size();
  cleaned->removed = std::move(still_removed);
  if (!any) return;

  // Merge the restored lines into the blocks, in text order; a restored piece directly before a
  // block on the same line (a dateline cut from the first paragraph) becomes part of it again.
  std::vector<Span> blocks = std::move(cleaned->blocks);
  blocks.insert(blocks.end(), new_lines.begin(), new_lines.end());
  std::sort(blocks.begin(), blocks.end(), [](const Span& a, const Span& b) { return a.begin < b.begin; });
  cleaned->blocks.clear();
  for (const Span& b : blocks) {
    if (!cleaned->blocks.empty() && same_line(text, cleaned->blocks.back().end, b.begin) &&
        cleaned->blocks.back().end <= b.begin) {
      cleaned->blocks.back().end = b.end;
    } else {
      cleaned->blocks.push_back(b);
    }
  }
}

}  // namespace precis
