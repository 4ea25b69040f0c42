#include "html/gumbo_blocks.h"

#include <gumbo.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "text/utf8.h"

namespace precis {
namespace {

std::string tag_name(const GumboElement& e) {
  if (e.tag != GUMBO_TAG_UNKNOWN) return gumbo_normalized_tagname(e.tag);
  GumboStringPiece piece = e.original_tag;
  gumbo_tag_from_original_text(&piece);
  std::string name(piece.data ? piece.data : "", piece.data ? piece.length : 0);
  for (char& c : name) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return name;
}

std::string attribute(const GumboElement& e, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&e.attributes, name);
  return a ? std::string(a->value) : std::string();
}

// Text of the first HTML <title> in document order.
std::string find_title(const GumboNode* root) {
  std::vector<const GumboNode*> todo{root};
  while (!todo.empty()) {
    const GumboNode* n = todo.back();
    todo.pop_back();
    if (n->type != GUMBO_NODE_ELEMENT && n->type != GUMBO_NODE_DOCUMENT) continue;
    if (n->type == GUMBO_NODE_ELEMENT && n->v.element.tag == GUMBO_TAG_TITLE &&
        n->v.element.tag_namespace == GUMBO_NAMESPACE_HTML) {
      std::string t;
      const GumboVector& kids = n->v.element.children;
      for (unsigned i = 0; i < kids.length; ++i) {
        const auto* k = static_cast<const GumboNode*>(kids.data[i]);
        if (k->type == GUMBO_NODE_TEXT || k->type == GUMBO_NODE_WHITESPACE) t += k->v.text.text;
      }
      return t;
    }
    const GumboVector& kids = n->type == GUMBO_NODE_DOCUMENT ? n->v.document.children : n->v.element.children;
    for (unsigned i = kids.length; i-- > 0;) todo.push_back(static_cast<const GumboNode*>(kids.data[i]));
  }
  return {};
}

struct GumboOutputDeleter {
  void operator()(GumboOutput* o) const { gumbo_destroy_output(&kGumboDefaultOptions, o); }
};

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == ':' || c == '_';
}

}  // namespace

int estimate_html_nesting(std::string_view h) {
  static const char* const kNoDepth[] = {
      // void elements
      "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track",
      "wbr", "image", "keygen", "command", "basefont", "bgsound", "frame",
      // elements that the next sibling closes
      "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead", "tbody", "tfoot", "colgroup",
      "rp", "rt", "rb", "rtc", "html", "head", "body"};
  static const char* const kRawText[] = {"script", "style", "textarea", "title", "xmp", "iframe", "noembed",
                                         "noframes", "plaintext", "noscript"};
  int depth = 0, deepest = 0;
  std::size_t i = 0;
  const std::size_t n = h.size();
  while (i < n) {
    const std::size_t lt = h.find('<', i);
    if (lt == std::string_view::npos || lt + 1 >= n) break;
    i = lt + 1;
    if (h.compare(lt, 4, "<!--") == 0) {
      const std::size_t end = h.find("-->", lt + 4);
      if (end == std::string_view::npos) break;
      i = end + 3;
      continue;
    }
    const bool closing = h[i] == '/';
    const std::size_t name_begin = closing ? i + 1 : i;
    if (name_begin >= n || !((h[name_begin] >= 'a' && h[name_begin] <= 'z') || (h[name_begin] >= 'A' && h[name_begin] <= 'Z'))) continue;
    std::size_t name_end = name_begin;
    std::string name;
    while (name_end < n && is_name_char(h[name_end]) && name.size() < 16) name.push_back(lower(h[name_end++]));
    const std::size_t gt = h.find('>', name_end);
    if (gt == std::string_view::npos) break;
    i = gt + 1;
    if (closing) {
      if (depth > 0) --depth;
      continue;
    }
    bool counts = h[gt - 1] != '/';
    for (const char* v : kNoDepth) counts = counts && name != v;
    if (counts) deepest = std::max(deepest, ++depth);
    for (const char* r : kRawText) {
      if (name != r) continue;
      // Skip to the matching end tag, case-insensitively.
      std::size_t k = i;
      for (;;) {
        k = h.find("</", k);
        if (k == std::string_view::npos) return deepest;
        std::size_t m = 0;
        while (m < name.size() && k + 2 + m < n && lower(h[k + 2 + m]) == name[m]) ++m;
        if (m == name.size()) break;
        k += 2;
      }
      i = k;  // the end tag itself is read by the loop
      break;
    }
  }
  return deepest;
}

HtmlPage blocks_from_html(std::string_view html, std::string* error) {
  if (estimate_html_nesting(html) > kMaxHtmlNesting) {
    if (error) *error = "the HTML nests elements more than " + std::to_string(kMaxHtmlNesting) + " deep";
    return HtmlPage{};
  }
  const Utf8Repair repaired = repair_utf8(html);
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;  // errors are not used: do not spend memory recording them
  std::unique_ptr<GumboOutput, GumboOutputDeleter> out(
      gumbo_parse_with_options(&options, repaired.text.data(), repaired.text.size()));
  BlockBuilder builder;
  if (!out) return builder.finish();
  builder.set_title(find_title(out->document));

  // Iterative walk (pages can nest deeper than the call stack allows).
  struct Frame {
    const GumboNode* node;
    unsigned next_child;
    bool block;  // closes a block-level element when done
    bool link;   // an <a>: leaves a link when done
  };
  std::vector<Frame> stack;
  int link_depth = 0;
  auto enter = [&](const GumboNode* n) {
    switch (n->type) {
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_WHITESPACE:
        builder.text(n->v.text.text, link_depth > 0);
        return;
      case GUMBO_NODE_ELEMENT: {
        const GumboElement& e = n->v.element;
        const std::string tag = tag_name(e);
        if (is_skipped_tag(tag)) return;
        if (gumbo_get_attribute(&e.attributes, "hidden") || style_hides(attribute(e, "style"))) return;
        if (tag == "br") {
          builder.line_break();
          return;
        }
        const bool block = !is_inline_tag(tag) &&
                           builder.open_element(tag, attribute(e, "id"), attribute(e, "class"), attribute(e, "role"),
                                                attribute(e, "itemprop"));
        const bool link = tag == "a";
        if (link) ++link_depth;
        stack.push_back(Frame{n, 0, block, link});
        return;
      }
      default:
        return;  // comments, CDATA (foreign content only), templates
    }
  };
  const GumboVector& top = out->document->v.document.children;
  for (unsigned i = 0; i < top.length; ++i) {
    enter(static_cast<const GumboNode*>(top.data[i]));
    while (!stack.empty()) {
      Frame& f = stack.back();
      const GumboVector& kids = f.node->v.element.children;
      if (f.next_child < kids.length) {
        enter(static_cast<const GumboNode*>(kids.data[f.next_child++]));
        continue;
      }
      if (f.block) builder.close_element();
      if (f.link) --link_depth;
      stack.pop_back();
    }
  }
  return builder.finish();
}

}  // namespace precis
