// Response writing for the JSON API (json_api.h). Nothing here throws but std::bad_alloc, which
// json_api.cpp turns into an out_of_memory response.
#include "api/json_response.h"

#include <cmath>

#include "api/json_api.h"
#include "api/limits.h"
#include "summarize/compression.h"
#include "text/utf8.h"

namespace precis {
namespace {

using nlohmann::json;

std::string dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

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
json extract_only_json(const std::vector<InputDocument>& docs, const std::vector<char>& from_html,
                       const std::vector<std::pair<int, int>>& html_blocks) {
  json documents = json::array();
  for (std::size_t i = 0; i < docs.size(); ++i) {
    const InputDocument& d = docs[i];
    Utf8Repair text = repair_utf8(d.text);
    json jd{{"id", d.id}, {"title", repair_utf8(d.title).text}, {"text", std::move(text.text)},
            {"from_html", static_cast<bool>(from_html[i])}};
    if (from_html[i]) {
      jd["blocks_kept"] = html_blocks[i].first;
      jd["blocks_total"] = html_blocks[i].second;
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

}  // namespace

std::string extract_only_response(const std::vector<InputDocument>& documents, const std::vector<char>& from_html,
                                  const std::vector<std::pair<int, int>>& html_blocks) {
  return dump(extract_only_json(documents, from_html, html_blocks));
}

// The response, written piece by piece: each document's JSON is built, appended and dropped, so a
// request of thousands of documents never holds the whole response as a JSON tree (which took
// more memory than the analysis). Keys in alphabetical order, exactly as dumping one object would.
std::string summary_response(SummaryResult r, const std::vector<char>& from_html, json warnings) {
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


}  // namespace precis
