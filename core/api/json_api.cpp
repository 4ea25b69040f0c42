#include "api/json_api.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <exception>
#include <new>
#include <stdexcept>

#include "api/json_parse.h"
#include "api/json_response.h"
#include "api/json_writer.h"
#include "api/limits.h"
#include "html/html_document.h"
#include "summarize/summarizer.h"
#include "text/utf8.h"

namespace precis {
namespace {

using nlohmann::json;

// A request that cannot be served, with the error code the caller sees.
struct RequestError : std::runtime_error {
  RequestError(std::string c, const std::string& message) : std::runtime_error(message), code(std::move(c)) {}
  std::string code;
};

json error_response(const std::string& code, const std::string& message) {
  return json{{"version", kSchemaVersion}, {"ok", false}, {"errors", json::array({json{{"code", code}, {"message", message}}})}};
}

// The first '"' or '\\' at or after i (or s.size()). Eight bytes at a time: a byte equal to either
// is zero after an XOR, and (v - 1) & ~v sets the high bit of a zero byte (a borrow only flags
// bytes after one that is itself zero, so the lowest flag is exact: little-endian, the first byte).
std::size_t find_quote_or_backslash(std::string_view s, std::size_t i) {
  static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__, "the first flagged byte is the lowest");
  constexpr uint64_t kOnes = 0x0101010101010101ull, kHigh = 0x8080808080808080ull;
  for (; s.size() - i >= 8; i += 8) {
    uint64_t x;
    std::memcpy(&x, s.data() + i, 8);
    const uint64_t quote = x ^ ('"' * kOnes), backslash = x ^ ('\\' * kOnes);
    const uint64_t hit = (((quote - kOnes) & ~quote) | ((backslash - kOnes) & ~backslash)) & kHigh;
    if (hit != 0) return i + static_cast<std::size_t>(__builtin_ctzll(hit)) / 8;
  }
  while (i < s.size() && s[i] != '"' && s[i] != '\\') ++i;
  return i;
}

// Nesting depth outside strings, so that hostile input is rejected before the parser sees it.
// Strings, most of a request's bytes, are skipped to their closing quote eight bytes at a time.
int max_depth(std::string_view s) {
  int depth = 0, deepest = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '"') {
      // To the closing quote (i ends on it), or past the end; an escape skips the byte after it.
      for (i = find_quote_or_backslash(s, i + 1); i < s.size() && s[i] == '\\'; i = find_quote_or_backslash(s, i + 2)) {
        if (i + 2 > s.size()) return deepest;  // ends inside an escape: the parser reports it
      }
    } else if (c == '[' || c == '{') {
      deepest = std::max(deepest, ++depth);
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return deepest;
}

// The string value `v`, moved out of the request when the request is ours to consume (a parsed
// request we own): each document's text then exists once, not twice, while it is analysed.
std::string take_string(const json& v, bool consume) {
  if (consume) return std::move(const_cast<json&>(v).get_ref<std::string&>());
  return v.get<std::string>();
}

std::string get_string(const json& obj, const char* key, const std::string& where, bool required, bool consume = false) {
  const auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) {
    if (required) throw RequestError("invalid_request", where + "." + key + " is required");
    return {};
  }
  if (!it->is_string()) throw RequestError("invalid_request", where + "." + key + " must be a string");
  return take_string(*it, consume);
}

int get_int(const json& obj, const char* key, const std::string& where, int lo, int hi, int fallback) {
  const auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return fallback;
  if (!it->is_number_integer() && !(it->is_number_float() && std::floor(it->get<double>()) == it->get<double>())) {
    throw RequestError("invalid_request", where + "." + key + " must be a whole number");
  }
  const double v = it->get<double>();
  if (v < lo || v > hi) {
    throw RequestError("invalid_request", where + "." + key + " must be between " + std::to_string(lo) + " and " + std::to_string(hi));
  }
  return static_cast<int>(v);
}

// documents[i].keep: removed spans the reader restored, as ranges {"utf8": {"begin", "end"}} (the
// shape of a response's removed span, so one can be sent back as it is; other fields are ignored).
std::vector<Span> parse_keep(const json& d, const std::string& where) {
  std::vector<Span> out;
  const auto keep = d.find("keep");
  if (keep == d.end() || keep->is_null()) return out;
  if (!keep->is_array()) throw RequestError("invalid_request", where + ".keep must be an array");
  const int max_offset = static_cast<int>(limits::kMaxTotalTextBytes);
  for (std::size_t k = 0; k < keep->size(); ++k) {
    const std::string at = where + ".keep[" + std::to_string(k) + "]";
    const json& entry = (*keep)[k];
    const auto range = entry.is_object() ? entry.find("utf8") : entry.end();
    if (!entry.is_object() || range == entry.end() || !range->is_object()) {
      throw RequestError("invalid_request", at + " must be an object with utf8: {begin, end}");
    }
    const int begin = get_int(*range, "begin", at + ".utf8", 0, max_offset, -1);
    const int end = get_int(*range, "end", at + ".utf8", 0, max_offset, -1);
    if (begin < 0 || end < begin) throw RequestError("invalid_request", at + ".utf8 needs begin <= end");
    out.push_back(Span{static_cast<std::size_t>(begin), static_cast<std::size_t>(end)});
  }
  return out;
}

struct ParsedRequest {
  std::vector<InputDocument> documents;
  SummaryOptions options;
  std::string language = "en";
  std::vector<char> from_html;  // per document: its text was extracted from HTML (returned in the response)
  std::vector<std::pair<int, int>> html_blocks;  // per document from HTML: blocks kept, blocks on the page
  bool extract_only = false;    // options.extract_only: return the extracted texts, no summary
};

json parse_json(std::string_view text) {
  if (text.size() > limits::kMaxRequestBytes) {
    throw RequestError("too_large", "request is " + std::to_string(text.size()) + " bytes; the limit is " +
                                        std::to_string(limits::kMaxRequestBytes));
  }
  if (max_depth(text) > limits::kMaxJsonDepth) {
    throw RequestError("invalid_json", "JSON nested deeper than " + std::to_string(limits::kMaxJsonDepth) + " levels");
  }
  json result;
  std::string error;
  if (!parse_json_text(text, &result, &error)) {
    // parse_error, and out_of_range for a number too large for a double ("1e309"): both are the
    // caller's malformed JSON, not an internal error.
    throw RequestError("invalid_json", "request is not valid JSON: " + error);
  }
  return result;
}

// documents[i].text_part: the index of a text attached beside the JSON (handle_request_parts).
std::string attached_text(const json& d, const json& part, const AttachedTexts& texts, const std::string& where) {
  if (d.contains("text")) throw RequestError("invalid_request", where + " has both text and text_part");
  if (!part.is_number_unsigned() || part.get<std::uint64_t>() >= texts.count) {
    throw RequestError("invalid_request", where + ".text_part must be the index of an attached text (" +
                                              std::to_string(texts.count) + " attached)");
  }
  return std::string(texts.text(part.get<std::size_t>()));
}

// `consume`: the texts may be moved out of `req` (the caller owns it and drops it afterwards).
// `texts`: the texts attached beside the JSON, which documents name by text_part.
ParsedRequest parse_request(const json& req, bool consume, const AttachedTexts& texts) {
  if (!req.is_object()) throw RequestError("invalid_request", "request must be a JSON object");
  if (req.contains("version") && req["version"] != kSchemaVersion) {
    throw RequestError("unsupported_version", "this build speaks schema version " + std::to_string(kSchemaVersion));
  }
  ParsedRequest out;
  const auto docs = req.find("documents");
  if (docs == req.end() || !docs->is_array()) throw RequestError("invalid_request", "request.documents must be an array");
  if (docs->size() > limits::kMaxDocuments) {
    throw RequestError("too_large", std::to_string(docs->size()) + " documents; the limit is " + std::to_string(limits::kMaxDocuments));
  }
  std::size_t total = 0;
  for (std::size_t i = 0; i < docs->size(); ++i) {
    const json& d = (*docs)[i];
    const std::string where = "documents[" + std::to_string(i) + "]";
    InputDocument doc;
    bool html = false;
    std::size_t input_bytes = 0;
    if (d.is_string()) {
      doc.text = take_string(d, consume);
    } else if (d.is_object()) {
      // HTML input (html/html_document.h): the article text is extracted from the page.
      if (has_html_input(d)) {
        HtmlInput in = read_html_input(d, where);
        if (!in.error_code.empty()) throw RequestError(in.error_code, in.error);
        doc.text = std::move(in.text);
        doc.title = std::move(in.title);
        input_bytes = in.bytes;
        html = true;
        out.html_blocks.resize(i + 1);
        out.html_blocks[i] = {in.blocks_kept, in.blocks_total};
      } else if (const auto part = d.find("text_part"); part != d.end()) {
        doc.text = attached_text(d, *part, texts, where);
      } else {
        doc.text = get_string(d, "text", where, true, consume);
      }
      doc.keep = parse_keep(d, where);
      const std::string title = get_string(d, "title", where, false);
      if (!title.empty() || !html) doc.title = title;
      doc.date = get_string(d, "date", where, false);
      const auto id = d.find("id");
      // dump() spells any integer exactly (get<long long>() wrapped ids above 2^63 to negatives).
      if (id != d.end() && id->is_number_integer()) doc.id = id->dump();
      else doc.id = get_string(d, "id", where, false);
    } else {
      throw RequestError("invalid_request", where + " must be an object with a text, or a string");
    }
    if (doc.id.empty()) doc.id = std::to_string(i + 1);
    total += std::max(doc.text.size(), input_bytes);
    out.from_html.push_back(html);
    doc.extracted = html;
    if (total > limits::kMaxTotalTextBytes) {
      throw RequestError("too_large", "documents exceed " + std::to_string(limits::kMaxTotalTextBytes >> 20) + " MiB of text in total");
    }
    out.documents.push_back(std::move(doc));
  }
  SummaryOptions& o = out.options;
  o.analysis.max_sentence_words = limits::kMaxSentenceWords;
  const auto opts = req.find("options");
  if (opts != req.end() && !opts->is_null()) {
    if (!opts->is_object()) throw RequestError("invalid_request", "request.options must be an object");
    const auto budget = opts->find("budget");
    if (budget != opts->end() && !budget->is_null()) {
      if (!budget->is_object()) throw RequestError("invalid_request", "options.budget must be an object");
      const bool has_words = budget->contains("words"), has_sentences = budget->contains("sentences");
      if (has_words && has_sentences) throw RequestError("invalid_request", "options.budget takes words or sentences, not both");
      if (has_sentences) {
        o.budget.max_sentences = get_int(*budget, "sentences", "options.budget", 1, limits::kMaxBudgetSentences, 3);
        o.budget.max_words = 0;
      } else {
        o.budget.max_words = get_int(*budget, "words", "options.budget", 1, limits::kMaxBudgetWords, 100);
      }
    }
    o.key_sentences = get_int(*opts, "key_sentences", "options", 0, limits::kMaxKeySentences, 3);
    const auto extract_only = opts->find("extract_only");
    if (extract_only != opts->end() && !extract_only->is_null()) {
      if (!extract_only->is_boolean()) throw RequestError("invalid_request", "options.extract_only must be true or false");
      out.extract_only = extract_only->get<bool>();
    }
    // options.compress: false keeps every summary sentence whole (no attribution, aside or
    // opening phrase left out), for readers who want each claim with who made it.
    const auto compress = opts->find("compress");
    if (compress != opts->end() && !compress->is_null()) {
      if (!compress->is_boolean()) throw RequestError("invalid_request", "options.compress must be true or false");
      if (!compress->get<bool>()) o.analysis.omission_rules = 0;
    }
    const std::string lang = get_string(*opts, "language", "options", false);
    if (!lang.empty()) out.language = lang;
  }
  return out;
}

// The checks that need the language, then the summary and its response (json_response.h).
std::string run(ParsedRequest req) {
  if (req.extract_only) return extract_only_response(req.documents, req.from_html, req.html_blocks);
  json warnings = json::array();
  LanguageInfo language;
  if (!resolve_language(req.language, &language)) {
    throw RequestError("invalid_language", "options.language \"" + repair_utf8(req.language).text + "\" is not a language code such as \"en\"");
  }
  if (language.stemmer.empty()) {
    warnings.push_back({{"code", "no_stemmer"}, {"message", "no stemmer for \"" + language.code + "\": words are matched unstemmed"}});
  }
  if (!language.has_stopwords) {
    warnings.push_back({{"code", "no_stopwords"}, {"message", "no stopword list for \"" + language.code + "\""}});
  }
  bool any_text = false;
  for (const auto& d : req.documents) {
    if (d.text.find_first_not_of(" \t\r\n\f\v") != std::string::npos) any_text = true;
  }
  if (!any_text) throw RequestError("empty_input", "no document has any text");

  return summary_response(summarize(std::move(req.documents), language, req.options), req.from_html, std::move(warnings));
}

// Runs `make_request()` (which parses) and turns every failure into an error response.
// `consume`: make_request() returns a request of our own, whose texts may be moved out.
template <typename MakeRequest>
std::string respond(MakeRequest make_request, bool consume, const AttachedTexts& texts = {},
                    const std::function<void()>& done_with_texts = {}) {
  try {
    ParsedRequest parsed;
    {
      decltype(auto) request = make_request();
      parsed = parse_request(request, consume, texts);
    }  // the request's JSON is gone before the work starts: large requests need half the memory
    if (done_with_texts) done_with_texts();  // and so are the attached texts, copied into the documents
    return run(std::move(parsed));
  } catch (const RequestError& e) {
    return dump_json(error_response(e.code, e.what()));
  } catch (const std::bad_alloc&) {
    return dump_json(error_response("out_of_memory", "not enough memory for this request; try fewer or shorter documents"));
  } catch (const std::exception& e) {
    return dump_json(error_response("internal", std::string("internal error: ") + e.what()));
  }
}

}  // namespace

std::string handle_request_json(std::string_view request_json, const std::function<void()>& done_reading) {
  return respond(
      [&] {
        json request = parse_json(request_json);
        if (done_reading) done_reading();
        return request;
      },
      true);
}

std::string handle_request_parts(std::string_view request_json, const AttachedTexts& texts,
                                 const std::function<void()>& done_reading) {
  // done_reading is called once, when the JSON and the texts have been read (or could not be).
  bool called = false;
  auto done = [&] {
    if (!called && done_reading) done_reading();
    called = true;
  };
  std::string response = respond([&] { return parse_json(request_json); }, true, texts, done);
  done();
  return response;
}

std::string handle_request(const nlohmann::json& request) {
  return respond([&]() -> const json& { return request; }, false);
}

}  // namespace precis
