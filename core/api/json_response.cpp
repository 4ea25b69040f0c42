// Response writing for the JSON API (json_api.h). Nothing here throws but std::bad_alloc, which
// json_api.cpp turns into an out_of_memory response.
#include "api/json_response.h"

#include <cmath>

#include "api/json_api.h"
#include "api/json_writer.h"
#include "api/limits.h"
#include "summarize/compression.h"
#include "text/utf8.h"

namespace precis {
namespace {

using nlohmann::json;

void write_offsets(std::string* out, std::size_t begin, std::size_t end) {
  JsonObjectWriter o(out);
  o.integer("begin", begin);
  o.integer("end", end);
  o.close();
}

// A span's two keys, "utf16" and "utf8" (in that order: they sort so), in the object being written.
void write_span(JsonObjectWriter* o, const Span& s, const Utf16OffsetMap& map) {
  write_offsets(o->key("utf16"), map.to_utf16(s.begin), map.to_utf16(s.end));
  write_offsets(o->key("utf8"), s.begin, s.end);
}

double rounded(double v) { return std::round(v * 10000.0) / 10000.0; }

void write_sentence(std::string* out, const SummaryResult& r, const SentenceRef& ref, const std::vector<Utf16OffsetMap>& maps,
                    bool with_support) {
  const AnalyzedDocument& d = r.corpus.documents[ref.document];
  const Sentence& s = sentence_of(r.corpus, ref);
  const Utf16OffsetMap& map = maps[ref.document];
  JsonObjectWriter o(out);
  o.integer("document", ref.document);
  o.string("document_id", d.id);
  if (!s.omitted.empty()) {  // a compressed form: `span` is still the whole sentence's
    JsonArrayWriter omitted(o.key("omitted"));
    for (const Span& gap : s.omitted) {
      JsonObjectWriter span(omitted.next());
      write_span(&span, gap, map);
      span.close();
    }
    omitted.close();
  }
  append_json_double(o.key("score"), rounded(ref.score));
  o.integer("sentence", ref.index);
  if (with_support) o.integer("support", ref.support);
  if (s.omitted.empty()) o.string("text", s.span.of(d.text));  // the text as it is: no copy
  else o.string("text", sentence_text(d, s));
  write_span(&o, s.span, map);
  o.integer("words", s.words);
  o.close();
}

void write_removed(std::string* out, const std::vector<RemovedSpan>& spans, const std::string& text, const Utf16OffsetMap& map) {
  JsonArrayWriter list(out);
  for (const RemovedSpan& rs : spans) {
    JsonObjectWriter o(list.next());
    o.string("detail", rs.detail);
    o.string("reason", rs.reason);
    o.string("text", rs.span.of(text));
    write_span(&o, rs.span, map);
    o.close();
  }
  list.close();
}

// documents[i] of the response.
void write_document(std::string* out, const SummaryResult& r, std::size_t i, const std::vector<Utf16OffsetMap>& maps,
                    bool from_html) {
  const AnalyzedDocument& d = r.corpus.documents[i];
  JsonObjectWriter jd(out);  // keys in byte order, as nlohmann would write them
  jd.string("id", d.id);
  jd.integer("invalid_utf8", d.invalid_utf8_at.size());
  JsonArrayWriter keys(jd.key("key_sentences"));
  for (const SentenceRef& ref : r.key_sentences[i]) write_sentence(keys.next(), r, ref, maps, false);
  keys.close();
  write_removed(jd.key("removed"), d.cleaned.removed, d.text, maps[i]);
  // Only when the request restored something (documents[i].keep): other responses are unchanged.
  if (!d.cleaned.restored.empty()) write_removed(jd.key("restored"), d.cleaned.restored, d.text, maps[i]);
  jd.integer("sentences", d.sentences.size());
  if (from_html) jd.string("text", d.text);  // extracted from HTML: the text all offsets point into
  jd.string("title", d.title);
  jd.integer("words", d.word_count);
  jd.close();
}

void write_stats(std::string* out, const SummaryResult& r, std::size_t sentences, std::size_t words) {
  JsonObjectWriter stats(out);  // keys in byte order
  stats.integer("concept_threshold", r.concept_threshold);
  stats.integer("concepts", r.corpus.concept_count);
  stats.integer("documents", r.corpus.documents.size());
  stats.integer("sentences", sentences);
  stats.integer("words", words);
  stats.close();
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
  return dump_json(extract_only_json(documents, from_html, html_blocks));
}

// The response, written piece by piece (json_writer.h): a request of thousands of documents never
// holds the whole response as a JSON tree (which took more memory than the analysis), and each
// document's memory is released once it is written. Keys in byte order, exactly as dumping one
// nlohmann object would write them.
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
  std::string summary;
  JsonArrayWriter summary_list(&summary);
  for (const SentenceRef& ref : r.summary) write_sentence(summary_list.next(), r, ref, maps, true);
  summary_list.close();
  std::string out;
  // Room for the whole response at once: grown by doubling, the string would need ever larger
  // contiguous blocks while the memory just given back lies in small pieces between documents,
  // and a large response would take twice its size on top of the analysis.
  out.reserve(estimate_response_bytes(r, from_html));
  out += "{\"documents\":";
  JsonArrayWriter documents(&out);
  std::size_t sentences = 0, words = 0, long_sentences = 0;
  for (std::size_t i = 0; i < r.corpus.documents.size(); ++i) {
    AnalyzedDocument& d = r.corpus.documents[i];
    write_document(documents.next(), r, i, maps, from_html[i]);
    sentences += d.sentences.size();
    words += static_cast<std::size_t>(d.word_count);
    for (const auto& s : d.sentences) long_sentences += s.too_long;

    // (Built only for a warning: most documents have none.)
    auto label = [&] { return "document " + std::to_string(i + 1) + " (" + d.id + ")"; };
    if (!d.invalid_utf8_at.empty()) {
      warnings.push_back({{"code", "invalid_utf8"}, {"document", i},
                          {"message", label() + ": " + std::to_string(d.invalid_utf8_at.size()) +
                                          " invalid UTF-8 sequence(s) replaced by U+FFFD; first at byte " +
                                          std::to_string(d.invalid_utf8_at.front())}});
    }
    if (d.sentences.empty()) {
      warnings.push_back({{"code", "no_sentences"}, {"document", i}, {"message", label() + ": no article text left after cleaning"}});
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
  documents.close();
  out += ",\"errors\":[],\"ok\":true,\"stats\":";
  write_stats(&out, r, sentences, words);
  out += ",\"summary\":";
  out += summary;
  out += ",\"version\":" + std::to_string(kSchemaVersion) + ",\"warnings\":";
  out += dump_json(warnings);
  out += '}';
  return out;
}


}  // namespace precis
