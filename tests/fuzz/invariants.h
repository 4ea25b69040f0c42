// Invariants every Précis output must satisfy, whatever the input: shared by the libFuzzer targets
// (tests/fuzz/) and the robustness unit tests (tests/unit/robustness_test.cpp).
//
// Each check returns an empty string when the invariant holds, else a description of the first
// violation (the fuzzers abort with it, the unit tests print it).
//
//  - output is valid UTF-8;
//  - spans are in bounds, non-empty, on code-point boundaries, in order and never overlap;
//  - every summary / key sentence / removed span reported by the JSON API is exactly the document
//    text (after UTF-8 repair) at its UTF-8 offsets, and its UTF-16 offsets match;
//  - cleaning hides, never deletes: kept blocks (or sentences) and removed spans together cover
//    every non-blank byte of the document.
#pragma once

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstddef>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "clean/removed_span.h"
#include "summarize/analysis.h"
#include "text/span.h"
#include "text/utf8.h"

namespace precis::invariants {

// Byte length of the blank code point at text[i], or 0. "Blank" is exactly what cleaning
// (line trimming) and segmentation (sentence trimming) may leave outside every span: ASCII white
// space, NBSP U+00A0, U+2000..U+200B and the ideographic space U+3000.
inline std::size_t blank_length_at(std::string_view t, std::size_t i) {
  const auto at = [&](std::size_t k) { return static_cast<unsigned char>(t[k]); };
  const unsigned char b = at(i);
  if (b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f' || b == '\v') return 1;
  if (b == 0xC2 && i + 1 < t.size() && at(i + 1) == 0xA0) return 2;
  if (b == 0xE2 && i + 2 < t.size() && at(i + 1) == 0x80 && at(i + 2) >= 0x80 && at(i + 2) <= 0x8B) return 3;
  if (b == 0xE3 && i + 2 < t.size() && at(i + 1) == 0x80 && at(i + 2) == 0x80) return 3;
  return 0;
}

inline bool on_code_point_boundary(std::string_view t, std::size_t offset) {
  return offset == 0 || offset >= t.size() || (static_cast<unsigned char>(t[offset]) & 0xC0) != 0x80;
}

inline std::string describe(const char* what, std::size_t index, const Span& s) {
  return std::string(what) + "[" + std::to_string(index) + "] = [" + std::to_string(s.begin) + ", " +
         std::to_string(s.end) + ")";
}

// Non-empty, within `text`, on code-point boundaries, sorted and pairwise disjoint.
inline std::string check_spans(std::string_view text, const std::vector<Span>& spans, const char* what) {
  for (std::size_t i = 0; i < spans.size(); ++i) {
    const Span& s = spans[i];
    if (s.begin >= s.end) return describe(what, i, s) + " is empty or reversed";
    if (s.end > text.size()) return describe(what, i, s) + " ends past the text (" + std::to_string(text.size()) + " bytes)";
    if (!on_code_point_boundary(text, s.begin) || !on_code_point_boundary(text, s.end)) {
      return describe(what, i, s) + " cuts a UTF-8 sequence";
    }
    if (i > 0 && spans[i - 1].end > s.begin) return describe(what, i, s) + " overlaps or precedes the span before it";
  }
  return {};
}

// Neither end of any span is blank (sentences and blocks are trimmed).
inline std::string check_trimmed(std::string_view text, const std::vector<Span>& spans, const char* what) {
  for (std::size_t i = 0; i < spans.size(); ++i) {
    const Span& s = spans[i];
    if (s.begin >= s.end || s.end > text.size()) continue;  // check_spans reports it
    if (blank_length_at(text, s.begin) > 0) return describe(what, i, s) + " starts with white space";
    std::size_t last = s.end - 1;
    while (last > s.begin && (static_cast<unsigned char>(text[last]) & 0xC0) == 0x80) --last;
    const std::size_t n = blank_length_at(text, last);
    if (n > 0 && last + n == s.end) return describe(what, i, s) + " ends with white space";
  }
  return {};
}

// Every non-blank byte of `text` lies in one of `spans` (any order, may touch).
inline std::string check_coverage(std::string_view text, std::vector<Span> spans, const char* what) {
  std::sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) { return a.begin < b.begin; });
  std::size_t k = 0, covered_to = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    while (k < spans.size() && spans[k].begin <= i) covered_to = std::max(covered_to, spans[k++].end);
    if (i < covered_to) {
      ++i;
      continue;
    }
    const std::size_t n = blank_length_at(text, i);
    if (n == 0) {
      const std::size_t from = i >= 20 ? i - 20 : 0;
      std::string context(text.substr(from, 60));
      return std::string(what) + ": byte " + std::to_string(i) + " (0x" +
             "0123456789abcdef"[static_cast<unsigned char>(text[i]) >> 4] +
             "0123456789abcdef"[static_cast<unsigned char>(text[i]) & 15] +
             ") is in no span: silently dropped; near \"" + repair_utf8(context).text + "\"";
    }
    i += n;
  }
  return {};
}

inline std::vector<Span> spans_of(const std::vector<RemovedSpan>& removed) {
  std::vector<Span> out;
  out.reserve(removed.size());
  for (const auto& r : removed) out.push_back(r.span);
  return out;
}

inline std::vector<Span> merged(std::vector<Span> a, const std::vector<Span>& b) {
  a.insert(a.end(), b.begin(), b.end());
  std::sort(a.begin(), a.end(), [](const Span& x, const Span& y) { return x.begin < y.begin; });
  return a;
}

// Cleaning of `text` (valid UTF-8): kept blocks and removed spans are valid, disjoint and cover
// every non-blank byte; each removed span says why.
inline std::string check_cleaned(std::string_view text, const CleanedText& c) {
  if (auto e = check_spans(text, c.blocks, "block"); !e.empty()) return e;
  if (auto e = check_trimmed(text, c.blocks, "block"); !e.empty()) return e;
  const std::vector<Span> removed = spans_of(c.removed);
  if (auto e = check_spans(text, removed, "removed"); !e.empty()) return e;
  for (std::size_t i = 0; i < c.removed.size(); ++i) {
    if (c.removed[i].reason.empty()) return describe("removed", i, c.removed[i].span) + " has no reason";
  }
  const std::vector<Span> all = merged(c.blocks, removed);
  if (auto e = check_spans(text, all, "block or removed span"); !e.empty()) return "blocks and removed spans overlap: " + e;
  if (auto e = check_coverage(text, all, "cleaning"); !e.empty()) return e;
  if (!is_valid_utf8(c.title)) return "title is not valid UTF-8";
  if (!c.title.empty() && text.find(c.title) == std::string_view::npos) return "title is not text of the document";
  return {};
}

// UTF-16 code units before each byte offset, counted independently of Utf16OffsetMap (checkpoints
// every 4 KiB keep lookups cheap on very large documents).
class Utf16Counter {
 public:
  explicit Utf16Counter(std::string_view text) : text_(text) {
    std::size_t units = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (i % kStride == 0) at_.push_back(units);
      units += units_of(static_cast<unsigned char>(text[i]));
    }
    at_.push_back(units);  // at text.size() when size is a multiple of kStride; else unused
  }
  std::size_t at(std::size_t offset) const {
    std::size_t k = offset / kStride;
    std::size_t units = at_[std::min(k, at_.size() - 1)];
    for (std::size_t i = k * kStride; i < offset && i < text_.size(); ++i) units += units_of(static_cast<unsigned char>(text_[i]));
    return units;
  }

 private:
  static constexpr std::size_t kStride = 4096;
  // Lead bytes count: one unit, two for a 4-byte sequence; continuation bytes none.
  static std::size_t units_of(unsigned char b) { return (b & 0xC0) == 0x80 ? 0 : (b >= 0xF0 ? 2 : 1); }
  std::string_view text_;
  std::vector<std::size_t> at_;
};

// The texts a request carries, in order (documents as strings or as objects with "text").
// A document given as HTML ("html", or "blocks" from the browser) has no text of its own: its
// entry is empty and (*from_html)[i] is true; the response then returns the extracted text.
// Returns false when the request has no documents array or a document of another shape.
inline bool request_texts(const nlohmann::json& request, std::vector<std::string>* out,
                          std::vector<bool>* from_html = nullptr) {
  out->clear();
  if (from_html) from_html->clear();
  if (!request.is_object()) return false;
  const auto docs = request.find("documents");
  if (docs == request.end() || !docs->is_array()) return false;
  for (const auto& d : *docs) {
    bool html = false;
    if (d.is_string()) {
      out->push_back(d.get<std::string>());
    } else if (d.is_object() && (d.contains("html") || d.contains("blocks"))) {
      out->emplace_back();
      html = true;
    } else if (d.is_object() && d.contains("text") && d["text"].is_string()) {
      out->push_back(d["text"].get<std::string>());
    } else {
      return false;
    }
    if (from_html) from_html->push_back(html);
  }
  return true;
}

inline const std::set<std::string>& error_codes() {
  static const std::set<std::string> codes = {"invalid_json", "invalid_request", "unsupported_version", "too_large",
                                              "invalid_language", "empty_input", "out_of_memory",
                                              "html_needs_blocks"};
  return codes;
}

namespace detail {

inline bool get_size(const nlohmann::json& j, const char* a, const char* b, std::size_t* out) {
  if (!j.is_object() || !j.contains(a) || !j[a].is_object() || !j[a].contains(b)) return false;
  const auto& v = j[a][b];
  if (!v.is_number_unsigned() && !(v.is_number_integer() && v.get<long long>() >= 0)) return false;
  *out = v.get<std::size_t>();
  return true;
}

// One reported span ({"utf8": {begin, end}, "utf16": {...}, "text"}) against its document.
inline std::string check_item(const nlohmann::json& item, const std::string& what, std::string_view text,
                              const Utf16Counter& u16) {
  std::size_t b = 0, e = 0, ub = 0, ue = 0;
  if (!get_size(item, "utf8", "begin", &b) || !get_size(item, "utf8", "end", &e)) return what + ": no utf8 offsets";
  if (!get_size(item, "utf16", "begin", &ub) || !get_size(item, "utf16", "end", &ue)) return what + ": no utf16 offsets";
  if (b >= e || e > text.size()) {
    return what + ": utf8 [" + std::to_string(b) + ", " + std::to_string(e) + ") is empty or past the text (" +
           std::to_string(text.size()) + " bytes)";
  }
  if (!on_code_point_boundary(text, b) || !on_code_point_boundary(text, e)) return what + ": utf8 offsets cut a UTF-8 sequence";
  if (!item.contains("text") || !item["text"].is_string()) return what + ": no text";
  std::string expected(text.substr(b, e - b));
  if (item.contains("omitted")) {
    // A compressed summary sentence: the text is the sentence without the omitted spans (in order,
    // disjoint, inside it), and when its start was omitted, with an ASCII first letter capitalised.
    const auto& omitted = item["omitted"];
    if (!omitted.is_array() || omitted.empty()) return what + ": omitted is not a non-empty array";
    expected.clear();
    std::size_t at = b;
    for (std::size_t k = 0; k < omitted.size(); ++k) {
      const std::string part = what + ".omitted[" + std::to_string(k) + "]";
      std::size_t ob = 0, oe = 0, oub = 0, oue = 0;
      if (!get_size(omitted[k], "utf8", "begin", &ob) || !get_size(omitted[k], "utf8", "end", &oe) ||
          !get_size(omitted[k], "utf16", "begin", &oub) || !get_size(omitted[k], "utf16", "end", &oue)) {
        return part + ": no utf8 and utf16 offsets";
      }
      if (ob < at || oe <= ob || oe > e) return part + ": not inside the sentence, after the previous span";
      if (!on_code_point_boundary(text, ob) || !on_code_point_boundary(text, oe)) return part + ": cuts a UTF-8 sequence";
      if (oub != u16.at(ob) || oue != u16.at(oe)) return part + ": wrong utf16 offsets";
      expected.append(text.substr(at, ob - at));
      at = oe;
    }
    expected.append(text.substr(at, e - at));
    if (omitted[0]["utf8"]["begin"].get<std::size_t>() == b && !expected.empty() && expected[0] >= 'a' && expected[0] <= 'z') {
      expected[0] = static_cast<char>(expected[0] - 'a' + 'A');
    }
    if (expected.empty()) return what + ": everything omitted";
  }
  if (item["text"].get_ref<const std::string&>() != expected) {
    return what + ": text is not the document text at its utf8 offsets (without its omitted spans)";
  }
  if (ub != u16.at(b) || ue != u16.at(e)) {
    return what + ": utf16 [" + std::to_string(ub) + ", " + std::to_string(ue) + ") should be [" +
           std::to_string(u16.at(b)) + ", " + std::to_string(u16.at(e)) + ")";
  }
  return {};
}

}  // namespace detail

// A response of handle_request*: valid UTF-8 and JSON of schema version 1; a failure is a typed
// error (never "internal"); on success every reported span is exact in `texts`, the documents'
// texts after UTF-8 repair (repair_utf8(input).text). For documents given as HTML (`from_html`)
// the text is the one the response returns (documents[i].text); a response that returns the text
// of a plain-text document (options.extract_only) must return exactly its repaired input.
inline std::string check_response(std::string_view response, std::vector<std::string> texts,
                                  const std::vector<bool>& from_html = {}) {
  using nlohmann::json;
  if (!is_valid_utf8(response)) return "response is not valid UTF-8";
  json r;
  try {
    r = json::parse(response);
  } catch (const std::exception& e) {
    return std::string("response is not JSON: ") + e.what();
  }
  if (!r.is_object() || r.value("version", 0) != 1) return "response is not a version 1 object";
  if (!r.contains("ok") || !r["ok"].is_boolean()) return "response has no boolean ok";
  if (!r.contains("errors") || !r["errors"].is_array()) return "response has no errors array";
  if (!r["ok"].get<bool>()) {
    if (r["errors"].empty()) return "failed response without an error";
    for (const auto& e : r["errors"]) {
      if (!e.is_object() || !e.contains("code") || !e["code"].is_string() || !e.contains("message") || !e["message"].is_string()) {
        return "malformed error: " + e.dump();
      }
      if (!error_codes().count(e["code"].get<std::string>())) return "untyped error: " + e.dump();
    }
    return {};
  }
  if (!r["errors"].empty()) return "ok response with errors";
  if (!r.contains("documents") || !r["documents"].is_array() || r["documents"].size() != texts.size()) {
    return "ok response without one entry per document";
  }
  for (std::size_t d = 0; d < texts.size(); ++d) {
    const json& jd = r["documents"][d];
    const bool html = d < from_html.size() && from_html[d];
    if (jd.is_object() && jd.contains("text")) {
      if (!jd["text"].is_string()) return "documents[" + std::to_string(d) + "].text is not a string";
      const std::string& t = jd["text"].get_ref<const std::string&>();
      if (!html && t != texts[d]) return "documents[" + std::to_string(d) + "].text is not the repaired input";
      texts[d] = t;
    } else if (html) {
      return "documents[" + std::to_string(d) + "] (HTML) does not return its extracted text";
    }
  }
  if (!r.contains("summary")) {
    // options.extract_only: the texts only (checked above).
    return r.contains("stats") ? "ok response without a summary" : "";
  }
  std::vector<Utf16Counter> u16;
  u16.reserve(texts.size());
  for (const auto& t : texts) u16.emplace_back(t);
  const auto check_sentence = [&](const json& s, const std::string& what, std::size_t expect_doc) -> std::string {
    if (!s.contains("document") || !s["document"].is_number_unsigned()) return what + ": no document index";
    const std::size_t d = s["document"].get<std::size_t>();
    if (d >= texts.size() || (expect_doc != SIZE_MAX && d != expect_doc)) return what + ": wrong document index";
    if (!s.contains("sentence") || !s["sentence"].is_number_unsigned() ||
        s["sentence"].get<std::size_t>() >= r["documents"][d].value("sentences", std::size_t{0})) {
      return what + ": sentence index out of range";
    }
    return detail::check_item(s, what, texts[d], u16[d]);
  };
  if (!r.contains("summary") || !r["summary"].is_array()) return "ok response without a summary array";
  for (std::size_t i = 0; i < r["summary"].size(); ++i) {
    if (auto e = check_sentence(r["summary"][i], "summary[" + std::to_string(i) + "]", SIZE_MAX); !e.empty()) return e;
  }
  for (std::size_t d = 0; d < texts.size(); ++d) {
    const json& jd = r["documents"][d];
    const std::string where = "documents[" + std::to_string(d) + "]";
    if (!jd.is_object() || !jd.contains("key_sentences") || !jd["key_sentences"].is_array() || !jd.contains("removed") ||
        !jd["removed"].is_array()) {
      return where + " lacks key_sentences or removed";
    }
    for (std::size_t i = 0; i < jd["key_sentences"].size(); ++i) {
      const std::string what = where + ".key_sentences[" + std::to_string(i) + "]";
      if (auto e = check_sentence(jd["key_sentences"][i], what, d); !e.empty()) return e;
    }
    std::vector<Span> removed;
    for (std::size_t i = 0; i < jd["removed"].size(); ++i) {
      const json& jr = jd["removed"][i];
      const std::string what = where + ".removed[" + std::to_string(i) + "]";
      if (auto e = detail::check_item(jr, what, texts[d], u16[d]); !e.empty()) return e;
      if (!jr.contains("reason") || !jr["reason"].is_string() || jr["reason"].get_ref<const std::string&>().empty()) {
        return what + ": no reason";
      }
      removed.push_back(Span{jr["utf8"]["begin"].get<std::size_t>(), jr["utf8"]["end"].get<std::size_t>()});
    }
    if (auto e = check_spans(texts[d], removed, (where + ".removed").c_str()); !e.empty()) return e;
  }
  return {};
}

// The analysis of a request (repair, cleaning, segmentation): one document per input, each
// document's text is its input repaired (`repaired`), and its sentences and removed spans are
// valid, trimmed, disjoint and cover every non-blank byte: nothing pasted is silently dropped.
inline std::string check_analysis(const Corpus& corpus, const std::vector<std::string>& repaired) {
  if (corpus.documents.size() != repaired.size()) return "analysis has another number of documents than the input";
  for (std::size_t i = 0; i < repaired.size(); ++i) {
    const AnalyzedDocument& d = corpus.documents[i];
    const std::string where = "document " + std::to_string(i) + ": ";
    if (d.text != repaired[i]) return where + "text is not the repaired input";
    if (auto e = check_cleaned(d.text, d.cleaned); !e.empty()) return where + e;
    std::vector<Span> sentences;
    sentences.reserve(d.sentences.size());
    for (const Sentence& s : d.sentences) sentences.push_back(s.span);
    if (auto e = check_spans(d.text, sentences, "sentence"); !e.empty()) return where + e;
    if (auto e = check_trimmed(d.text, sentences, "sentence"); !e.empty()) return where + e;
    const std::vector<Span> all = merged(sentences, spans_of(d.cleaned.removed));
    if (auto e = check_spans(d.text, all, "sentence or removed span"); !e.empty()) return where + "sentences and removed spans overlap: " + e;
    if (auto e = check_coverage(d.text, all, "analysis"); !e.empty()) return where + e;
  }
  return {};
}

}  // namespace precis::invariants
