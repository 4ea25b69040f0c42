#include "html/block_json.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace precis {
namespace {

using nlohmann::json;

bool read_string(const json& obj, const char* key, std::string* out, std::string* error, const std::string& where) {
  const auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) {
    out->clear();
    return true;
  }
  if (!it->is_string()) {
    *error = where + "." + key + " must be a string";
    return false;
  }
  *out = it->get<std::string>();
  return true;
}

bool read_int(const json& obj, const char* key, long long lo, long long hi, long long fallback, long long* out,
              std::string* error, const std::string& where) {
  const auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) {
    *out = fallback;
    return true;
  }
  if (!it->is_number_integer()) {
    *error = where + "." + key + " must be a whole number";
    return false;
  }
  const long long v = it->get<long long>();
  if (v < lo || v > hi) {
    *error = where + "." + key + " must be between " + std::to_string(lo) + " and " + std::to_string(hi);
    return false;
  }
  *out = v;
  return true;
}

}  // namespace

json elements_to_json(const HtmlPage& page) {
  json out = json::array();
  for (const HtmlElement& e : page.elements) {
    json j{{"tag", e.tag}, {"parent", e.parent}};
    if (!e.id.empty()) j["id"] = e.id;
    if (!e.classes.empty()) j["class"] = e.classes;
    if (!e.role.empty()) j["role"] = e.role;
    if (!e.itemprop.empty()) j["itemprop"] = e.itemprop;
    out.push_back(std::move(j));
  }
  return out;
}

json blocks_to_json(const HtmlPage& page) {
  json out = json::array();
  for (const HtmlBlock& b : page.blocks) {
    out.push_back(json{{"element", b.element}, {"text", b.text}, {"link_chars", b.link_chars}});
  }
  return out;
}

bool page_from_json(const json& elements, const json& blocks, HtmlPage* page, std::string* error) {
  page->elements.clear();
  page->blocks.clear();
  if (!elements.is_array()) {
    *error = "elements must be an array";
    return false;
  }
  if (!blocks.is_array()) {
    *error = "blocks must be an array";
    return false;
  }
  page->elements.reserve(elements.size());
  for (std::size_t i = 0; i < elements.size(); ++i) {
    const json& j = elements[i];
    const std::string where = "elements[" + std::to_string(i) + "]";
    if (!j.is_object()) {
      *error = where + " must be an object";
      return false;
    }
    HtmlElement e;
    long long parent = -1;
    if (!read_string(j, "tag", &e.tag, error, where) || !read_string(j, "id", &e.id, error, where) ||
        !read_string(j, "class", &e.classes, error, where) || !read_string(j, "role", &e.role, error, where) ||
        !read_string(j, "itemprop", &e.itemprop, error, where) ||
        !read_int(j, "parent", -1, static_cast<long long>(i) - 1, -1, &parent, error, where)) {
      if (error->find("parent") != std::string::npos) *error += " (a parent comes before its children)";
      return false;
    }
    if (e.tag.empty()) {
      *error = where + ".tag is required";
      return false;
    }
    // Tags compare lowercase, as both parsers give them; attribute values are collapsed like the builder does.
    std::transform(e.tag.begin(), e.tag.end(), e.tag.begin(),
                   [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; });
    e.id = collapse_html_space(e.id);
    e.classes = collapse_html_space(e.classes);
    e.role = collapse_html_space(e.role);
    e.itemprop = collapse_html_space(e.itemprop);
    e.parent = static_cast<int>(parent);
    page->elements.push_back(std::move(e));
  }
  page->blocks.reserve(blocks.size());
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    const json& j = blocks[i];
    const std::string where = "blocks[" + std::to_string(i) + "]";
    if (!j.is_object()) {
      *error = where + " must be an object";
      return false;
    }
    if (page->elements.empty()) {
      *error = "blocks need at least one element";
      return false;
    }
    HtmlBlock b;
    long long element = 0, links = 0;
    std::string text;
    if (!read_int(j, "element", 0, static_cast<long long>(page->elements.size()) - 1, -2, &element, error, where) ||
        !read_string(j, "text", &text, error, where) ||
        !read_int(j, "link_chars", 0, 1LL << 40, 0, &links, error, where)) {
      return false;
    }
    if (element == -2) {
      *error = where + ".element is required";
      return false;
    }
    b.text = collapse_html_space(text);
    if (b.text.empty()) continue;  // nothing to extract
    b.element = static_cast<int>(element);
    b.chars = count_visible_chars(b.text);
    b.link_chars = static_cast<int>(std::min<long long>(links, b.chars));
    page->blocks.push_back(std::move(b));
  }
  return true;
}

}  // namespace precis
