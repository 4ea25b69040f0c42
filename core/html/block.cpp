#include "html/block.h"

#include <algorithm>
#include <cstring>

namespace precis {
namespace {

constexpr const char* kInlineTags[] = {
    "a", "abbr", "acronym", "b", "bdi", "bdo", "big", "cite", "code", "data", "del", "dfn", "em", "font",
    "i", "img", "ins", "kbd", "label", "mark", "nobr", "q", "rp", "rt", "ruby", "s", "samp", "small",
    "span", "strike", "strong", "sub", "sup", "time", "tt", "u", "var", "wbr", "output", "meter"};

constexpr const char* kSkippedTags[] = {
    "head", "title", "script", "style", "noscript", "template", "svg", "math", "iframe", "object",
    "embed", "canvas", "video", "audio", "select", "option", "textarea", "button", "input", "dialog",
    "map", "applet", "frame", "frameset", "datalist"};

template <std::size_t N>
bool in_list(std::string_view tag, const char* const (&list)[N]) {
  for (const char* t : list) {
    if (tag == t) return true;
  }
  return false;
}

// Length of the white-space character at s[i] (1, or 2 for U+00A0), or 0.
std::size_t space_at(std::string_view s, std::size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (is_html_space_byte(c)) return 1;
  if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) return 2;
  return 0;
}

bool is_paragraph_like(std::string_view tag) {
  return tag == "p" || tag == "blockquote" || tag == "pre" ||
         (tag.size() == 2 && tag[0] == 'h' && tag[1] >= '1' && tag[1] <= '6');
}

}  // namespace

bool is_html_space_byte(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'; }

std::string collapse_html_space(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t sp = space_at(text, i);
    if (sp) {
      pending_space = true;
      i += sp;
      continue;
    }
    if (pending_space && !out.empty()) out.push_back(' ');
    pending_space = false;
    out.push_back(text[i]);
    ++i;
  }
  return out;
}

int count_visible_chars(std::string_view text) {
  int n = 0;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t sp = space_at(text, i);
    if (sp) {
      i += sp;
      continue;
    }
    // Count lead bytes only: one per code point.
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++n;
    ++i;
  }
  return n;
}

bool is_inline_tag(std::string_view tag) { return in_list(tag, kInlineTags); }

bool is_skipped_tag(std::string_view tag) { return in_list(tag, kSkippedTags); }

bool style_hides(std::string_view style) {
  std::string s;
  for (char c : style) {
    if (is_html_space_byte(static_cast<unsigned char>(c))) continue;
    s.push_back((c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c);
  }
  return s.find("display:none") != std::string::npos || s.find("visibility:hidden") != std::string::npos;
}

bool BlockBuilder::open_element(std::string tag, std::string id, std::string classes, std::string role,
                                std::string itemprop) {
  if (stack_.size() >= kMaxBlockDepth) return false;  // deeper elements are transparent, like inline ones
  flush();
  Open o;
  o.element.tag = std::move(tag);
  o.element.id = collapse_html_space(id);
  o.element.classes = collapse_html_space(classes);
  o.element.role = collapse_html_space(role);
  o.element.itemprop = collapse_html_space(itemprop);
  stack_.push_back(std::move(o));
  return true;
}

void BlockBuilder::close_element() {
  flush();
  if (!stack_.empty()) stack_.pop_back();
}

void BlockBuilder::text(std::string_view utf8, bool in_link) {
  pending_.append(utf8.data(), utf8.size());
  if (in_link) pending_link_chars_ += count_visible_chars(utf8);
}

void BlockBuilder::set_title(std::string title) {
  if (has_title_) return;
  has_title_ = true;
  page_.title = collapse_html_space(title);
}

int BlockBuilder::element_index(std::size_t depth) {
  // Number the unnumbered ancestors first, outermost first (iteratively: pages nest deeply).
  std::size_t first = depth + 1;
  while (first > 0 && stack_[first - 1].index < 0) --first;
  for (std::size_t d = first; d <= depth; ++d) {
    Open& o = stack_[d];
    o.element.parent = d > 0 ? stack_[d - 1].index : -1;
    o.index = static_cast<int>(page_.elements.size());
    page_.elements.push_back(o.element);
  }
  return stack_[depth].index;
}

void BlockBuilder::flush() {
  if (pending_.empty()) return;
  std::string text = collapse_html_space(pending_);
  const int links = pending_link_chars_;
  pending_.clear();
  pending_link_chars_ = 0;
  if (text.empty() || stack_.empty()) return;
  HtmlBlock b;
  b.element = element_index(stack_.size() - 1);
  b.chars = count_visible_chars(text);
  b.link_chars = std::min(links, b.chars);
  b.text = std::move(text);
  page_.blocks.push_back(std::move(b));
}

HtmlPage BlockBuilder::finish() {
  while (!stack_.empty()) close_element();
  flush();
  return std::move(page_);
}

std::string visible_text(const HtmlPage& page) {
  std::string out;
  bool last_paragraph = false;
  for (const HtmlBlock& b : page.blocks) {
    const bool paragraph = is_paragraph_like(page.elements[static_cast<std::size_t>(b.element)].tag);
    if (!out.empty()) out += (paragraph || last_paragraph) ? "\n\n" : "\n";
    out += b.text;
    last_paragraph = paragraph;
  }
  if (!out.empty()) out.push_back('\n');
  return out;
}

bool looks_like_html(std::string_view text) {
  std::size_t i = 0;
  // Skip a byte-order mark and leading white space.
  if (text.size() >= 3 && text.compare(0, 3, "\xEF\xBB\xBF") == 0) i = 3;
  while (i < text.size() && is_html_space_byte(static_cast<unsigned char>(text[i]))) ++i;
  auto lower_starts = [&](const char* p) {
    const std::size_t n = std::strlen(p);
    if (text.size() - i < n) return false;
    for (std::size_t k = 0; k < n; ++k) {
      char c = text[i + k];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if (c != p[k]) return false;
    }
    return true;
  };
  if (lower_starts("<!doctype html") || lower_starts("<html") || lower_starts("<head") || lower_starts("<body") ||
      lower_starts("<meta") || lower_starts("<!--")) {
    return true;
  }
  // Otherwise: many tags, such as a fragment copied from a page source.
  static const char* const kTags[] = {"<p>", "<p ", "</p>", "<div", "</div>", "<br", "<a href", "</a>", "<span", "</span>",
                                      "<li>", "</li>", "<h1", "<h2", "<h3", "<img ", "<table", "<article", "<section"};
  std::size_t tags = 0;
  const std::size_t limit = std::min<std::size_t>(text.size(), 1 << 16);
  for (std::size_t k = i; k + 1 < limit; ++k) {
    if (text[k] != '<') continue;
    for (const char* t : kTags) {
      const std::size_t n = std::strlen(t);
      if (k + n > text.size()) continue;
      bool match = true;
      for (std::size_t m = 0; m < n && match; ++m) {
        char c = text[k + m];
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        match = c == t[m];
      }
      if (match) {
        ++tags;
        break;
      }
    }
  }
  // A tag every 200 bytes or so, and at least a handful: prose quoting one "<p>" stays text.
  return tags >= 5 && tags * 200 >= std::min(limit, text.size());
}

}  // namespace precis
