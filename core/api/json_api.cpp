#include "api/json_api.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <exception>
#include <new>
#include <stdexcept>

#include "api/limits.h"
#include "html/html_document.h"
#include "summarize/compression.h"
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

// Nesting depth outside strings, so that hostile input is rejected before the parser sees it.
int max_depth(std::string_view s) {
  int depth = 0, deepest = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
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
  try {
    // What json::parse(text) does, without its callback variant: json::parse takes the callback
    // as a run-time std::function, so it instantiates the SAX parser twice (with and without a
    // callback), ~13 KB of wasm for a branch never taken. Same lexer, parser and DOM builder,
    // so the same values, exceptions and messages.
    json result;
    nlohmann::detail::json_sax_dom_parser<json> builder(result, /*allow_exceptions_=*/true);
    auto input = nlohmann::detail::input_adapter(text);
    nlohmann::detail::parser<json, decltype(input)>(std::move(input)).sax_parse(&builder, /*strict=*/true);
    return result;
  } catch (const json::exception& e) {
    // parse_error, and out_of_range for a number too large for a double ("1e309"): both are the
    // caller's malformed JSON, not an internal error.
    throw RequestError("invalid_json", std::string("request is not valid JSON: ") + e.what());
  }
}

// `consume`: the texts may be moved out of `req` (the caller owns it and drops it afterwards).
ParsedRequest parse_request(const json& req, bool consume) {
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

json span_json(const Span& s, const Utf16OffsetMap& map) {
  return json{{"utf8", {{"begin", s.begin}, {"end", s.end}}},
              {"utf16", {{"begin", map.to_utf16(s.begin)}, {"end", map.to_utf16(s.end)}}}};
}

double rounded(double v) { return std::round(v * 10000.0) / 10000.0; }

json sentence_json(const SummaryResult& r, const SentenceRef& ref, const std::vector<Utf16OffsetMap>& maps, bool with_support) {
  const AnalyzedDocument& d = r.corpus.documents[ref.document];
  const Sentence& s = sentence_of(r.corpus, ref);
  json j = span_json(s.span, maps[ref.document]);
  j["text"] = sentence_text(d, s);
  if (!s.omitted.empty()) {  // a compressed form: `span` is still the whole sentence's
    json omitted = json::array();
    for (const Span& o : s.omitted) omitted.push_back(span_json(o, maps[ref.document]));
    j["omitted"] = std::move(omitted);
  }
  j["document"] = ref.document;
  j["document_id"] = d.id;
  j["sentence"] = ref.index;
  j["words"] = s.words;
  j["score"] = rounded(ref.score);
  if (with_support) j["support"] = ref.support;
  return j;
}

json removed_json(const std::vector<RemovedSpan>& spans, const std::string& text, const Utf16OffsetMap& map) {
  json out = json::array();
  for (const auto& rs : spans) {
    json jr = span_json(rs.span, map);
    jr["reason"] = rs.reason;
    jr["detail"] = rs.detail;
    jr["text"] = std::string(rs.span.of(text));
    out.push_back(std::move(jr));
  }
  return out;
}

// options.extract_only: each document's text as the summarizer would read it (for HTML input, the
// extracted article), without summarizing.
json run_extract_only(const ParsedRequest& req) {
  json documents = json::array();
  for (std::size_t i = 0; i < req.documents.size(); ++i) {
    const InputDocument& d = req.documents[i];
    Utf8Repair text = repair_utf8(d.text);
    json jd{{"id", d.id}, {"title", repair_utf8(d.title).text}, {"text", std::move(text.text)},
            {"from_html", static_cast<bool>(req.from_html[i])}};
    if (req.from_html[i]) {
      jd["blocks_kept"] = req.html_blocks[i].first;
      jd["blocks_total"] = req.html_blocks[i].second;
    }
    documents.push_back(std::move(jd));
  }
  return json{{"version", kSchemaVersion}, {"ok", true}, {"documents", std::move(documents)},
              {"warnings", json::array()}, {"errors", json::array()}};
}

// A generous estimate of the response's size: the text it quotes (escaping adds little to prose),
// plus the fields around each quote.
std::size_t estimate_response_bytes(const SummaryResult& r, const std::vector<char>& from_html) {
  constexpr std::size_t kPerSentence = 240, kPerRemoved = 200, kPerDocument = 200, kPerWarning = 200;
  std::size_t bytes = 4096 + kPerSentence * r.summary.size();
  for (std::size_t i = 0; i < r.corpus.documents.size(); ++i) {
    const AnalyzedDocument& d = r.corpus.documents[i];
    bytes += kPerDocument + kPerWarning + 2 * (d.id.size() + d.title.size());
    if (i < from_html.size() && from_html[i]) bytes += d.text.size() + d.text.size() / 16;
    for (const auto& ref : r.key_sentences[i]) bytes += kPerSentence + d.id.size() + d.sentences[ref.index].span.size();
    for (const auto& rs : d.cleaned.removed) bytes += kPerRemoved + rs.detail.size() + rs.span.size();
  }
  for (const auto& ref : r.summary) bytes += sentence_of(r.corpus, ref).span.size() + kPerSentence * sentence_of(r.corpus, ref).omitted.size() / 2;
  return bytes + bytes / 8;
}

std::string dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

// The response, written piece by piece: each document's JSON is built, appended and dropped, so a
// request of thousands of documents never holds the whole response as a JSON tree (which took
// more memory than the analysis). Keys in alphabetical order, exactly as dumping one object would.
std::string run(ParsedRequest req) {
  if (req.extract_only) return dump(run_extract_only(req));
  const std::vector<char> from_html = req.from_html;
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

  SummaryResult r = summarize(std::move(req.documents), language, req.options);
  // The response needs spans and counts only: give back the terms and concepts (most of the
  // analysis' memory) before building it.
  for (AnalyzedDocument& d : r.corpus.documents) {
    for (Sentence& s : d.sentences) {  // views into the pools below
      s.terms = s.concepts = {};
      s.concept_word = {};
    }
    // swap, not `= {}`: assigning an empty list keeps a vector's memory.
    std::vector<uint32_t>().swap(d.id_pool);
    std::vector<uint16_t>().swap(d.word_pool);
  }
  std::vector<Utf16OffsetMap> maps;
  maps.reserve(r.corpus.documents.size());
  for (const auto& d : r.corpus.documents) maps.emplace_back(d.text);

  // The summary first (it quotes documents that are released below, once written).
  json summary = json::array();
  for (const auto& ref : r.summary) summary.push_back(sentence_json(r, ref, maps, true));
  std::string out;
  // Room for the whole response at once: grown by doubling, the string would need ever larger
  // contiguous blocks while the memory just given back lies in small pieces between documents,
  // and a large response would take twice its size on top of the analysis.
  out.reserve(estimate_response_bytes(r, from_html));
  out += "{\"documents\":[";
  std::size_t sentences = 0, words = 0, long_sentences = 0;
  for (std::size_t i = 0; i < r.corpus.documents.size(); ++i) {
    AnalyzedDocument& d = r.corpus.documents[i];
    json jd;
    jd["id"] = d.id;
    jd["title"] = d.title;
    if (from_html[i]) jd["text"] = d.text;  // extracted from HTML: the text all offsets point into
    jd["words"] = d.word_count;
    jd["sentences"] = d.sentences.size();
    json keys = json::array();
    for (const auto& ref : r.key_sentences[i]) keys.push_back(sentence_json(r, ref, maps, false));
    jd["key_sentences"] = std::move(keys);
    jd["removed"] = removed_json(d.cleaned.removed, d.text, maps[i]);
    // Only when the request restored something (documents[i].keep): other responses are unchanged.
    if (!d.cleaned.restored.empty()) jd["restored"] = removed_json(d.cleaned.restored, d.text, maps[i]);
    jd["invalid_utf8"] = d.invalid_utf8_at.size();
    if (i > 0) out += ',';
    out += dump(jd);
    sentences += d.sentences.size();
    words += static_cast<std::size_t>(d.word_count);
    for (const auto& s : d.sentences) long_sentences += s.too_long;

    const std::string label = "document " + std::to_string(i + 1) + " (" + d.id + ")";
    if (!d.invalid_utf8_at.empty()) {
      warnings.push_back({{"code", "invalid_utf8"}, {"document", i},
                          {"message", label + ": " + std::to_string(d.invalid_utf8_at.size()) +
                                          " invalid UTF-8 sequence(s) replaced by U+FFFD; first at byte " +
                                          std::to_string(d.invalid_utf8_at.front())}});
    }
    if (d.sentences.empty()) {
      warnings.push_back({{"code", "no_sentences"}, {"document", i}, {"message", label + ": no article text left after cleaning"}});
    }
    // Written: its memory goes to the response being written.
    std::vector<Sentence>().swap(d.sentences);
    d.cleaned = CleanedText();
    std::string().swap(d.text);
  }
  if (long_sentences > 0) {
    warnings.push_back({{"code", "long_sentences"},
                        {"message", std::to_string(long_sentences) + " sentence(s) longer than " +
                                        std::to_string(limits::kMaxSentenceWords) + " words were not considered for the summary"}});
  }
  if (r.summary.empty()) {
    warnings.push_back({{"code", "empty_summary"}, {"message", "no sentence could be selected (too little text, or none fits the budget)"}});
  }
  const json stats = {{"documents", r.corpus.documents.size()}, {"sentences", sentences}, {"words", words},
                      {"concepts", r.corpus.concept_count}, {"concept_threshold", r.concept_threshold}};
  out += "],\"errors\":[],\"ok\":true,\"stats\":";
  out += dump(stats);
  out += ",\"summary\":";
  out += dump(summary);
  out += ",\"version\":" + std::to_string(kSchemaVersion) + ",\"warnings\":";
  out += dump(warnings);
  out += '}';
  return out;
}

// Runs `make_request()` (which parses) and turns every failure into an error response.
// `consume`: make_request() returns a request of our own, whose texts may be moved out.
template <typename MakeRequest>
std::string respond(MakeRequest make_request, bool consume) {
  try {
    ParsedRequest parsed;
    {
      decltype(auto) request = make_request();
      parsed = parse_request(request, consume);
    }  // the request's JSON is gone before the work starts: large requests need half the memory
    return run(std::move(parsed));
  } catch (const RequestError& e) {
    return error_response(e.code, e.what()).dump(-1, ' ', false, json::error_handler_t::replace);
  } catch (const std::bad_alloc&) {
    return error_response("out_of_memory", "not enough memory for this request; try fewer or shorter documents").dump();
  } catch (const std::exception& e) {
    return error_response("internal", std::string("internal error: ") + e.what()).dump(-1, ' ', false, json::error_handler_t::replace);
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

std::string handle_request(const nlohmann::json& request) {
  return respond([&]() -> const json& { return request; }, false);
}

}  // namespace precis
