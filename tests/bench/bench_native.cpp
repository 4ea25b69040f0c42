// Native benchmarks (Google Benchmark) over the request files that tests/bench/make_inputs.mjs
// writes (build/bench/inputs/: the seeds, each DUC 2003 cluster, the 1..10,000-article series), so
// that native, Node and Chromium time identical bytes. For each input, side by side:
//
//   request/<input>  the whole request as the wasm module sends it (precis::handle_request_parts:
//                    the JSON with each document's text attached beside it): total time and MB/s
//                    of document text
//   requestjson/<input> the same request as one JSON string (precis::handle_request_json), every
//                    text inside it read by the JSON parser (reported, not a target)
//   icu/<input>      ICU alone on the same text: Segmenter::icu_sentences + Segmenter::icu_words over each
//                    document's text (the work no summarizer can skip)
//   icubreak/<input> the floor under that: ICU's BreakIterators alone (UTF-8 -> UTF-16, every
//                    sentence and word boundary, no case folding, no news post-pass)
//   stages/<input>   the pipeline taken apart from outside the core, one stage after the other in
//                    each iteration, reported as counters in ms: parse (JSON, texts copied), clean (UTF-8 repair,
//                    line split, shared lines, line cleaning), segment (ICU on the cleaned blocks,
//                    as analyze() calls it), analyze (all of precis::analyze, which includes clean
//                    and segment), weigh (weigh_concepts), select (candidates + select_sentences),
//                    each iteration starting with the whole request (request_ms, as request/), so that the rest
//                    of it (reading order, support, key sentences, the response JSON) is
//                    request - parse - analyze - weigh - select within one iteration. Stage times
//                    are this thread's CPU time. (Timing a whole summarize() after the parts was
//                    tried: with the first corpus still alive it ran up to 30% slower than inside
//                    a request, so differences against it were noise.)
//
//   precis_bench_native [--inputs=DIR] [--input=NAME] [google benchmark flags]
//                                       (--input: only that input of the manifest; scripts/bench.sh
//                                       runs one input at a time, right before the wasm and peers
//                                       on the same input, so that ratios are side by side)
//   precis_bench_native --rss=FILE      one request in this process; prints peak RSS (getrusage)
//
// Without an inputs directory it falls back to the seed articles from PRECIS_DATA_DIR.
#include <benchmark/benchmark.h>
#include <malloc.h>
#include <nlohmann/json.hpp>
#include <sys/resource.h>
#include <time.h>
#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include "api/json_api.h"
#include "api/limits.h"
#include "clean/plain_text_cleaner.h"
#include "summarize/summarizer.h"
#include "text/segmenter.h"
#include "text/utf8.h"

namespace {

using nlohmann::json;
using Clock = std::chrono::steady_clock;

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

struct Input {
  std::string name;
  std::string group;
  std::string body;                         // the JSON request, byte for byte as Node and Chromium see it
  std::vector<precis::InputDocument> docs;  // its documents, for the ICU and stage benchmarks
  std::string header;                       // `body` with each text replaced by {"text_part": k}: docs[k].text
  std::size_t text_bytes = 0;
  precis::AttachedTexts texts() const {
    return {docs.size(), [this](std::size_t k) { return std::string_view(docs[k].text); }};
  }
};

// The request as the wasm module sends it (wasm/precis.mjs): the texts leave the JSON.
std::string header_of(json request) {
  std::size_t k = 0;
  for (json& d : request.at("documents")) {
    if (d.is_string()) d = json::object();
    else d.erase("text");
    d["text_part"] = k++;
  }
  return request.dump();
}

// The documents of a request, whose texts are inside it or attached (text_part).
std::vector<precis::InputDocument> documents_of(const json& request, const precis::AttachedTexts& texts = {}) {
  std::vector<precis::InputDocument> docs;
  for (const json& d : request.at("documents")) {
    precis::InputDocument doc;
    if (d.is_string()) {
      doc.text = d.get<std::string>();
    } else {
      doc.text = d.contains("text_part") ? std::string(texts.text(d["text_part"].get<std::size_t>())) : d.at("text").get<std::string>();
      if (d.contains("id") && d["id"].is_string()) doc.id = d["id"].get<std::string>();
      if (d.contains("title") && d["title"].is_string()) doc.title = d["title"].get<std::string>();
      if (d.contains("date") && d["date"].is_string()) doc.date = d["date"].get<std::string>();
    }
    docs.push_back(std::move(doc));
  }
  return docs;
}

std::unique_ptr<Input> load_input(const std::string& name, const std::string& group, std::string body) {
  auto in = std::make_unique<Input>();
  in->name = name;
  in->group = group;
  in->body = std::move(body);
  const json request = json::parse(in->body);
  in->docs = documents_of(request);
  in->header = header_of(request);
  for (const auto& d : in->docs) in->text_bytes += d.text.size();
  return in;
}

std::vector<std::unique_ptr<Input>> load_inputs(const std::string& dir, const std::string& only) {
  std::vector<std::unique_ptr<Input>> inputs;
  std::ifstream probe(dir + "/manifest.json");
  if (probe) {
    const json manifest = json::parse(read(dir + "/manifest.json"));
    for (const json& m : manifest.at("inputs")) {
      if (!only.empty() && m.at("name") != only) continue;
      inputs.push_back(load_input(m.at("name"), m.at("group"), read(dir + "/" + m.at("file").get<std::string>())));
    }
    return inputs;
  }
  std::cerr << "bench: no " << dir << "/manifest.json (run node tests/bench/make_inputs.mjs); using the seeds only\n";
  json req = {{"version", 1}, {"documents", json::array()},
              {"options", {{"budget", {{"words", 100}}}, {"language", "en"}, {"key_sentences", 3}}}};
  for (int n = 1; n <= 3; ++n) {
    const std::string file = "article" + std::to_string(n) + ".txt";
    req["documents"].push_back({{"id", file}, {"text", read(std::string(PRECIS_DATA_DIR) + "/seeds/" + file)}});
  }
  inputs.push_back(load_input("seeds", "seeds", req.dump()));
  return inputs;
}

const precis::LanguageInfo& english() {
  static const precis::LanguageInfo en = [] {
    precis::LanguageInfo l;
    precis::resolve_language("en", &l);
    return l;
  }();
  return en;
}

// The options json_api.cpp derives from {"budget": {"words": 100}, "key_sentences": 3}.
precis::SummaryOptions request_options() {
  precis::SummaryOptions o;
  o.analysis.max_sentence_words = precis::limits::kMaxSentenceWords;
  o.budget.max_words = 100;
  o.budget.max_sentences = 0;
  o.key_sentences = 3;
  return o;
}

long minor_faults() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_minflt;
}

// `faults_before`: minor_faults() before the timed loop. Page faults per iteration are reported so
// that a run shows whether the allocator handed memory back between iterations (see main()).
void set_common(benchmark::State& state, const Input& in, long faults_before) {
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(in.text_bytes));
  state.counters["documents"] = static_cast<double>(in.docs.size());
  state.counters["text_bytes"] = static_cast<double>(in.text_bytes);
  state.counters["page_faults"] =
      state.iterations() > 0 ? static_cast<double>(minor_faults() - faults_before) / static_cast<double>(state.iterations()) : 0.0;
}

void BM_Request(benchmark::State& state, const Input* in) {
  const precis::AttachedTexts texts = in->texts();
  {
    const std::string response = precis::handle_request_parts(in->header, texts);
    if (response != precis::handle_request_json(in->body)) {
      state.SkipWithError("the request with attached texts is answered differently from the JSON one");
      return;
    }
    const json r = json::parse(response);
    if (!r.value("ok", false)) {
      state.SkipWithError(("request failed: " + r.dump().substr(0, 300)).c_str());
      return;
    }
    state.counters["sentences"] = r["stats"].value("sentences", 0);
  }
  const long faults = minor_faults();
  for (auto _ : state) {
    std::string out = precis::handle_request_parts(in->header, texts);
    benchmark::DoNotOptimize(out.data());
  }
  set_common(state, *in, faults);
}

void BM_RequestJson(benchmark::State& state, const Input* in) {
  const long faults = minor_faults();
  for (auto _ : state) {
    std::string out = precis::handle_request_json(in->body);
    benchmark::DoNotOptimize(out.data());
  }
  set_common(state, *in, faults);
}

void BM_IcuOnly(benchmark::State& state, const Input* in) {
  precis::Segmenter& seg = precis::shared_segmenter(english());
  precis::TokenList tokens;
  std::size_t sentences = 0, words = 0;
  const long faults = minor_faults();
  for (auto _ : state) {
    sentences = words = 0;
    for (const auto& d : in->docs) {
      const std::vector<precis::Span> s = seg.icu_sentences(d.text, 0);
      tokens.clear();
      seg.icu_words(d.text, 0, &tokens);
      sentences += s.size();
      words += tokens.size();
    }
    benchmark::DoNotOptimize(tokens.empty() ? nullptr : &tokens[0]);
  }
  set_common(state, *in, faults);
  state.counters["sentences"] = static_cast<double>(sentences);
  state.counters["words"] = static_cast<double>(words);
}

void BM_IcuBreakOnly(benchmark::State& state, const Input* in) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> sentence(
      icu::BreakIterator::createSentenceInstance(icu::Locale(english().sentence_locale.c_str()), status));
  std::unique_ptr<icu::BreakIterator> word(icu::BreakIterator::createWordInstance(icu::Locale(english().word_locale.c_str()), status));
  if (U_FAILURE(status)) {
    state.SkipWithError("ICU break iterators unavailable");
    return;
  }
  std::size_t sentences = 0, words = 0;
  const long faults = minor_faults();
  for (auto _ : state) {
    sentences = words = 0;
    for (const auto& d : in->docs) {
      const icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(d.text.data(), static_cast<int32_t>(d.text.size())));
      sentence->setText(u);
      for (int32_t b = sentence->next(); b != icu::BreakIterator::DONE; b = sentence->next()) ++sentences;
      word->setText(u);
      for (int32_t b = word->next(); b != icu::BreakIterator::DONE; b = word->next()) words += word->getRuleStatus() >= UBRK_WORD_NONE_LIMIT;
    }
    benchmark::DoNotOptimize(words);
  }
  set_common(state, *in, faults);
  state.counters["sentences"] = static_cast<double>(sentences);
  state.counters["words"] = static_cast<double>(words);
}

double since(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

// Stage timers count this thread's CPU time, like the CPU column of the other benchmarks: the
// machines are shared, and wall time there measures the neighbours too.
struct CpuTime {
  double ms() const {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
  }
};
struct CpuPoint {
  double at;
};
CpuPoint cpu_now() { return CpuPoint{CpuTime{}.ms()}; }
double since(CpuPoint t) { return CpuTime{}.ms() - t.at; }

void BM_Stages(benchmark::State& state, const Input* in) {
  const precis::SummaryOptions options = request_options();
  const precis::LanguageInfo& en = english();
  precis::Segmenter& seg = precis::shared_segmenter(en);
  const precis::AttachedTexts texts = in->texts();
  double request = 0, parse = 0, clean = 0, segment = 0, analyze = 0, weigh = 0, select = 0;
  std::size_t segmented_sentences = 0, analyzed_sentences = 0, candidates_n = 0, concepts = 0;
  int threshold = 0;
  const long faults = minor_faults();
  for (auto _ : state) {
    // The whole request first (its heap then is as in the request/ benchmark), then its parts.
    auto t = cpu_now();
    {
      std::string out = precis::handle_request_parts(in->header, texts);
      benchmark::DoNotOptimize(out.data());
    }
    request += since(t);

    // parse: the request's JSON into documents, their attached texts copied in
    t = cpu_now();
    std::vector<precis::InputDocument> docs = documents_of(json::parse(in->header), texts);
    parse += since(t);

    // clean: what analyze() does before segmenting (repair, line split, shared lines, cleaning)
    t = cpu_now();
    std::vector<std::string> texts;
    texts.reserve(docs.size());
    for (const auto& d : docs) texts.push_back(precis::repair_utf8(d.text).text);
    std::vector<std::vector<precis::Line>> lines;
    lines.reserve(texts.size());
    for (const auto& text : texts) lines.push_back(precis::split_lines(text));
    const precis::SharedLines shared = precis::count_shared_lines(lines);
    std::vector<precis::CleanedText> cleaned;
    cleaned.reserve(texts.size());
    for (std::size_t i = 0; i < texts.size(); ++i) {
      precis::CleanOptions co;
      co.given_title = docs[i].title;
      co.shared_lines = &shared;
      cleaned.push_back(precis::clean_lines(texts[i], lines[i], co));
    }
    clean += since(t);

    // segment: ICU on the cleaned blocks, newlines flattened, exactly as analyze() calls it
    t = cpu_now();
    precis::TokenList tokens;
    segmented_sentences = 0;
    for (std::size_t i = 0; i < texts.size(); ++i) {
      for (const precis::Span& block : cleaned[i].blocks) {
        std::string flat(block.of(texts[i]));
        std::replace(flat.begin(), flat.end(), '\n', ' ');
        std::replace(flat.begin(), flat.end(), '\r', ' ');
        tokens.clear();
        seg.words(flat, block.begin, &tokens);
        segmented_sentences += seg.sentences(flat, block.begin).size();
      }
    }
    segment += since(t);

    t = cpu_now();
    const precis::Corpus corpus = precis::analyze(std::move(docs), en, options.analysis);
    analyze += since(t);

    t = cpu_now();
    const precis::ConceptWeights w = precis::weigh_concepts(corpus, options.concepts);
    weigh += since(t);

    // select: the candidates as summarize() picks them (sentences and their compressed forms, with
    // the request's options), then the selection
    t = cpu_now();
    std::vector<const precis::Sentence*> candidates;
    for (int min_words = options.min_sentence_words; min_words >= 1 && candidates.empty(); min_words /= 2) {
      for (const auto& d : corpus.documents) {
        for (const auto& s : d.sentences) {
          if (precis::summary_worthy(s, min_words, options)) candidates.push_back(&s);
        }
        for (const auto& s : d.variants) {
          if (precis::summary_worthy(s, min_words, options)) candidates.push_back(&s);
        }
      }
    }
    const auto chosen = precis::select_sentences(candidates, w, options.budget, options.selection);
    benchmark::DoNotOptimize(chosen.data());
    select += since(t);

    analyzed_sentences = 0;
    for (const auto& d : corpus.documents) analyzed_sentences += d.sentences.size();
    candidates_n = candidates.size();
    threshold = w.threshold;
    concepts = corpus.concept_count;

  }
  const double n = static_cast<double>(state.iterations());
  set_common(state, *in, faults);
  state.counters["request_ms"] = request / n;
  state.counters["parse_ms"] = parse / n;
  state.counters["clean_ms"] = clean / n;
  state.counters["segment_ms"] = segment / n;
  state.counters["analyze_ms"] = analyze / n;
  state.counters["weigh_ms"] = weigh / n;
  state.counters["select_ms"] = select / n;
  state.counters["sentences"] = static_cast<double>(analyzed_sentences);
  state.counters["candidates"] = static_cast<double>(candidates_n);
  state.counters["concepts"] = static_cast<double>(concepts);
  // weigh_concepts lowers the document-count threshold one step at a time from max(2, docs / 2),
  // scanning every concept at each step: steps x concepts is its cost.
  state.counters["concept_threshold"] = threshold;
  // 1 when the outside replica of cleaning + segmentation no longer matches analyze() (the core
  // changed): the clean and segment columns are then only indicative.
  state.counters["replica_mismatch"] = segmented_sentences != analyzed_sentences ? 1 : 0;
}

long max_rss_kb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss;
}

// One request in a fresh process: peak resident memory before (input read) and after.
int measure_rss(const std::string& file) {
  // As request/ sends it: the JSON with the texts attached beside it.
  const std::unique_ptr<Input> in = load_input(file, "", read(file));
  const std::size_t text_bytes = in->text_bytes;
  const std::string& body = in->body;
  const long before = max_rss_kb();
  const auto t = Clock::now();
  const std::string out = precis::handle_request_parts(in->header, in->texts());
  const double ms = since(t);
  const long after = max_rss_kb();
  const bool ok = json::parse(out).value("ok", false);
  std::printf("{\"file\": \"%s\", \"ok\": %s, \"ms\": %.3f, \"text_bytes\": %zu, \"request_bytes\": %zu, "
              "\"rss_before_kb\": %ld, \"rss_peak_kb\": %ld}\n",
              file.c_str(), ok ? "true" : "false", ms, text_bytes, body.size(), before, after);
  return ok ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  std::string inputs_dir = PRECIS_BENCH_INPUTS, only;
  std::vector<char*> rest;
  for (int i = 0; i < argc; ++i) {
    const std::string a = argv[i];
    if (a.rfind("--rss=", 0) == 0) return measure_rss(a.substr(6));
    if (a.rfind("--inputs=", 0) == 0) {
      inputs_dir = a.substr(9);
      continue;
    }
    if (a.rfind("--input=", 0) == 0) {
      only = a.substr(8);
      continue;
    }
    rest.push_back(argv[i]);
  }
  // The allocator keeps what it frees, as a long-running server's would (and as the wasm module's
  // does: its memory never shrinks). glibc's default hands the top of the heap back to the kernel
  // whenever more than 128 KiB there is free, and maps each block of 128 KiB or more afresh: a
  // process serving request after request then takes every page of a request's working memory
  // again as a page fault (about 75 per DUC cluster here, a fifth of its native time on these
  // virtual machines), which is the kernel's time, not the pipeline's. Same process, same policy for
  // ICU alone. Not for --rss above: one request in a fresh process, peak memory as glibc's default
  // gives it. The page_faults counter shows the policy at work (0 per request once warm).
  mallopt(M_MMAP_THRESHOLD, 32 << 20);   // the largest glibc accepts; larger blocks are still mapped
  mallopt(M_TRIM_THRESHOLD, 1 << 30);
  int rest_argc = static_cast<int>(rest.size());
  benchmark::Initialize(&rest_argc, rest.data());
  if (benchmark::ReportUnrecognizedArguments(rest_argc, rest.data())) return 1;

  const std::vector<std::unique_ptr<Input>> inputs = load_inputs(inputs_dir, only);
  if (inputs.empty()) {
    std::cerr << "bench: no input named " << only << " in " << inputs_dir << "\n";
    return 2;
  }
  for (const auto& in : inputs) {
    // Side by side for each input, so that ratios see the same machine load.
    // A request of seconds would be timed once (one iteration exceeds --benchmark_min_time); on a
    // shared machine one run swung the 1,000 -> 10,000 growth by 10%: three iterations, averaged.
    auto repeat_long = [&](benchmark::internal::Benchmark* b) {
      b->Unit(benchmark::kMillisecond);
      if (in->text_bytes > (8u << 20)) b->Iterations(3);
    };
    repeat_long(benchmark::RegisterBenchmark(("request/" + in->name).c_str(), BM_Request, in.get()));
    repeat_long(benchmark::RegisterBenchmark(("requestjson/" + in->name).c_str(), BM_RequestJson, in.get()));
    repeat_long(benchmark::RegisterBenchmark(("icu/" + in->name).c_str(), BM_IcuOnly, in.get()));
    repeat_long(benchmark::RegisterBenchmark(("icubreak/" + in->name).c_str(), BM_IcuBreakOnly, in.get()));
    repeat_long(benchmark::RegisterBenchmark(("stages/" + in->name).c_str(), BM_Stages, in.get()));
  }
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
