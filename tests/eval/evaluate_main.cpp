// precis-eval: ROUGE-1 and ROUGE-2 of the summarizer and of two baselines on a data set laid out
// like ../shared/data/duc2003 (eval/dataset.h), scored as ROUGE-1.5.5 would (eval/rouge.h).
// The baselines land on the published values only if the scorer is right: they are its check.
//
//   precis-eval DATASET_DIR [--words 100] [--cut 100|0] [--no-stem] [--per-cluster] ...  (--help)
#include <algorithm>
#include <chrono>
#include <cmath>
#include <ctime>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "eval/baselines.h"
#include "eval/dataset.h"
#include "eval/learn.h"
#include "eval/options.h"
#include "eval/report.h"
#include "eval/rouge.h"
#include "summarize/compression.h"
#include "summarize/summarizer.h"

namespace {

using namespace precis;
using namespace precis::eval;

ClusterScore score_text(const Rouge& rouge, const std::string& text, const std::vector<Tokens>& refs, int cut) {
  const Tokens tokens = rouge.tokens(text, cut);
  return ClusterScore{Rouge::score(tokens, refs, 1), Rouge::score(tokens, refs, 2), static_cast<double>(count_words(text))};
}

ClusterScore average(const std::vector<ClusterScore>& draws) {
  ClusterScore m;
  auto add = [](RougeScore& a, const RougeScore& b) { a.recall += b.recall, a.precision += b.precision, a.f += b.f; };
  auto divide = [](RougeScore& a, double n) { a.recall /= n, a.precision /= n, a.f /= n; };
  for (const auto& d : draws) add(m.r1, d.r1), add(m.r2, d.r2), m.words += d.words;
  const double n = static_cast<double>(draws.size());
  divide(m.r1, n), divide(m.r2, n), m.words /= n;
  return m;
}

// One sentence per line: ROUGE-1.5.5's SPL input format, so the real ROUGE can check our scores.
void write_summary(const Config& c, const std::string& system, const std::string& cluster, const Corpus& corpus,
                   const std::vector<const Sentence*>& sentences) {
  if (c.summaries_dir.empty()) return;
  const std::filesystem::path dir = std::filesystem::path(c.summaries_dir) / system;
  std::filesystem::create_directories(dir);
  const std::filesystem::path file = dir / (cluster + ".txt");
  std::ofstream out(file, std::ios::binary);
  for (const Sentence* s : sentences) out << sentence_text(corpus, *s) << '\n';
  if (!out) throw std::runtime_error("cannot write " + file.string());
}

void dump_sentences(std::ofstream& out, const std::string& cluster, const Corpus& corpus) {
  for (const auto& d : corpus.documents) {
    for (const auto& s : d.sentences) {
      out << cluster << '\t' << d.id << '\t' << s.index << '\t' << s.words << '\t'
          << (s.is_question ? "?" : "") << (s.starts_with_quote ? "Q" : "") << (s.dangling_start ? "D" : "")
          << (s.too_long ? "L" : "") << (s.fragment ? "F" : "") << '\t' << sentence_text(corpus, s) << '\n';
    }
  }
}

// Every span the compression rules find, one per line: cluster, rule, the span, the sentence
// without it (and without all of the sentence's spans, when it has several).
void dump_omissions(std::ofstream& out, const std::string& cluster, const Corpus& corpus, unsigned rules) {
  for (const auto& d : corpus.documents) {
    for (const auto& s : d.sentences) {
      const std::string_view text = s.span.of(d.text);
      const std::vector<Omission> found = find_omissions(text, s.span.begin, rules);
      std::vector<Span> all;
      for (const Omission& o : found) {
        const std::vector<Span> one{o.span};
        all.push_back(o.span);
        out << cluster << '\t' << omission_rule_name(o.rule) << "\t[" << o.span.of(d.text) << "]\t"
            << omit_spans(text, s.span.begin, one) << '\n';
      }
      if (found.size() > 1) out << cluster << "\tall\t\t" << omit_spans(text, s.span.begin, all) << '\n';
    }
  }
}

// Diagnostic: the summarizer with some concept weights replaced by the concept's true share of the
// references (mode 1: word pairs, 2: single words, 3: both): how much better weights could do.
std::vector<const Sentence*> oracle_summary(const Cluster& cluster, const LanguageInfo& language, const SummaryOptions& o,
                                            int mode, Corpus* corpus_out) {
  AnalysisOptions analysis = o.analysis;
  analysis.keep_vocabulary = true;
  *corpus_out = analyze(cluster.documents, language, analysis);
  const Corpus& corpus = *corpus_out;
  ConceptWeights w = weigh_concepts(corpus, o.concepts);
  std::vector<InputDocument> refs;
  for (std::size_t i = 0; i < cluster.references.size(); ++i) {
    refs.push_back(InputDocument{"ref" + std::to_string(i), "", "", detokenize(cluster.references[i]), false, {}});
  }
  const Corpus ref_corpus = analyze(refs, language, analysis);
  auto key = [](const Corpus& c, uint32_t concept) {
    const auto& [a, b] = c.concept_terms[concept];
    if (c.concept_is_word[concept]) return "|" + c.term_text[b];
    return c.term_text[a] + ' ' + c.term_text[b];
  };
  std::unordered_map<std::string, int> in_refs;
  for (const auto& d : ref_corpus.documents) {
    std::unordered_set<std::string> seen;
    for (const auto& s : d.sentences) {
      for (uint32_t c : s.concepts) seen.insert(key(ref_corpus, c));
    }
    for (const auto& k : seen) ++in_refs[k];
  }
  const double nrefs = static_cast<double>(std::max<std::size_t>(cluster.references.size(), 1));
  for (uint32_t c = 0; c < corpus.concept_count; ++c) {
    const bool word = corpus.concept_is_word[c];
    if (!(mode & (word ? 2 : 1))) continue;
    const bool common = w.document_count[c] * 4 >= static_cast<int>(corpus.documents.size());
    if ((mode & 4) && !common) continue;
    if ((mode & 8) && common) continue;
    const auto it = in_refs.find(key(corpus, c));
    const double share = it == in_refs.end() ? 0.0 : it->second / nrefs;
    w.weight[c] = static_cast<int64_t>(share * 100000 * (word ? o.concepts.word_factor : 1.0));
  }
  std::vector<const Sentence*> candidates;
  for (const auto& d : corpus.documents) {
    for (const auto& s : d.sentences) {
      if (summary_worthy(s, o.min_sentence_words, o)) candidates.push_back(&s);
    }
    for (const auto& s : d.variants) {
      if (summary_worthy(s, o.min_sentence_words, o)) candidates.push_back(&s);
    }
  }
  const std::vector<Selected> chosen = select_sentences(candidates, w, o.budget, o.selection);
  std::vector<SentenceRef> refs_chosen;
  for (const auto& c : chosen) refs_chosen.push_back(SentenceRef{c.sentence->document, c.sentence->index, 1, 1, c.sentence->variant});
  order_for_reading(corpus, &refs_chosen);
  std::vector<const Sentence*> out;
  for (const auto& r : refs_chosen) out.push_back(&sentence_of(corpus, r));
  return out;
}

void print_model(const char* what, const std::vector<double>& beta) {
  std::printf("%s", what);
  const std::vector<int> m = to_model(beta);
  for (std::size_t k = 0; k < m.size(); ++k) std::printf("%s%d", k ? "," : " ", m[k]);
  std::printf("\n");
}

int run(const Config& c) {
  const std::vector<Cluster> clusters = load_dataset(c.dataset);
  LanguageInfo en;
  resolve_language("en", &en);
  std::ofstream dump;
  if (!c.dump_sentences.empty()) {
    dump.open(c.dump_sentences, std::ios::binary);
    if (!dump) throw std::runtime_error("cannot write " + c.dump_sentences);
  }
  std::ofstream omissions;
  if (!c.dump_omissions.empty()) {
    omissions.open(c.dump_omissions, std::ios::binary);
    if (!omissions) throw std::runtime_error("cannot write " + c.dump_omissions);
  }
  std::vector<std::vector<ConceptExample>> examples;
  if (c.learn || c.fit_model) {
    for (const Cluster& cluster : clusters) examples.push_back(concept_examples(cluster, en, c.summary.analysis, c.fit_min_share));
    if (c.target_power != 1.0) {
      for (auto& set : examples) {
        for (auto& e : set) e.y = std::pow(e.y, c.target_power);
      }
    }
    if (!c.features.empty()) {
      std::vector<bool> used(kConceptFeatureCount, false);
      for (int k : c.features) used[static_cast<std::size_t>(k)] = true;
      for (auto& set : examples) {
        for (auto& e : set) {
          for (int k = 0; k < kConceptFeatureCount; ++k) {
            if (!used[static_cast<std::size_t>(k)]) e.x[static_cast<std::size_t>(k)] = 0;
          }
        }
      }
    }
  }
  if (!c.dump_examples.empty()) {
    std::ofstream out(c.dump_examples, std::ios::binary);
    for (int words = 0; words < 2; ++words) {
      for (std::size_t i = 0; i < clusters.size(); ++i) {
        for (const auto& e : concept_examples(clusters[i], en, c.summary.analysis, 0, words != 0)) {
          out << clusters[i].name << '\t' << words << '\t' << e.text << '\t' << e.y;
          for (int x : e.x) out << '\t' << x;
          out << '\n';
        }
      }
    }
    return 0;
  }
  if (c.fit_model) {
    print_model("model fitted on all clusters (--model):", fit_least_squares(examples, std::vector<bool>(clusters.size(), true), c.ridge));
    return 0;
  }
  std::size_t cluster_number = 0;
  const Rouge rouge(c.stem);
  const Fill fill{c.words, c.cut > 0};
  std::mt19937_64 rng(static_cast<uint64_t>(c.seed));
  std::map<std::string, SystemRun> runs;
  auto wants = [&](const char* s) { return std::find(c.systems.begin(), c.systems.end(), s) != c.systems.end(); };

  for (const Cluster& cluster : clusters) {
    std::vector<Tokens> refs;
    for (const auto& r : cluster.references) refs.push_back(rouge.tokens(r, c.cut_references ? c.cut : 0));
    auto score = [&](const Corpus& corpus, const std::vector<const Sentence*>& sentences) {
      return score_text(rouge, join_sentences(corpus, sentences), refs, c.cut);
    };

    Corpus corpus;
    if (wants("precis")) {
      SummaryOptions options = c.summary;
      if (c.learn) {
        std::vector<bool> others(clusters.size(), true);
        others[cluster_number] = false;
        options.concepts.model = to_model(fit_least_squares(examples, others, c.ridge));
      }
      if (c.oracle) {
        std::vector<const Sentence*> chosen = oracle_summary(cluster, en, options, c.oracle, &corpus);
        runs["precis"].clusters.push_back(score(corpus, chosen));
        runs["precis"].milliseconds.push_back(0);
        runs["precis"].cpu_milliseconds.push_back(0);
        ++cluster_number;
        continue;
      }
      const std::clock_t cpu_start = std::clock();
      const auto start = std::chrono::steady_clock::now();
      SummaryResult result = summarize(cluster.documents, en, options);
      const auto stop = std::chrono::steady_clock::now();
      const std::clock_t cpu_stop = std::clock();
      std::vector<const Sentence*> chosen;
      for (const auto& s : result.summary) chosen.push_back(&sentence_of(result.corpus, s));
      if (chosen.empty()) std::fprintf(stderr, "precis-eval: warning: empty summary for %s\n", cluster.name.c_str());
      runs["precis"].clusters.push_back(score(result.corpus, chosen));
      runs["precis"].milliseconds.push_back(std::chrono::duration<double, std::milli>(stop - start).count());
      runs["precis"].cpu_milliseconds.push_back(1000.0 * static_cast<double>(cpu_stop - cpu_start) / CLOCKS_PER_SEC);
      write_summary(c, "precis", cluster.name, result.corpus, chosen);
      corpus = std::move(result.corpus);  // the baselines use the very same analysis
    } else {
      corpus = analyze(cluster.documents, en, c.summary.analysis);
    }
    if (dump.is_open()) dump_sentences(dump, cluster.name, corpus);
    if (omissions.is_open()) dump_omissions(omissions, cluster.name, corpus, c.summary.analysis.omission_rules);
    ++cluster_number;
    if (wants("lead")) {
      const auto lead = lead_baseline(corpus, fill);
      runs["lead"].clusters.push_back(score(corpus, lead));
      write_summary(c, "lead", cluster.name, corpus, lead);
    }
    if (wants("random")) {
      std::vector<ClusterScore> draws;
      for (int d = 0; d < c.random_draws; ++d) {
        const auto drawn = random_baseline(corpus, fill, rng);
        draws.push_back(score(corpus, drawn));
        if (d == 0) write_summary(c, "random", cluster.name, corpus, drawn);
      }
      runs["random"].clusters.push_back(average(draws));
    }
  }

  std::vector<SystemRun> ordered;
  for (const auto& name : c.systems) {
    if (std::any_of(ordered.begin(), ordered.end(), [&](const SystemRun& r) { return r.name == name; })) continue;
    ordered.push_back(runs[name]);
    ordered.back().name = name;
  }
  print_report(c, clusters, ordered);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  Config config;
  const int status = parse_args(argc, argv, &config);
  if (status >= 0) return status;
  try {
    return run(config);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "precis-eval: %s\n", e.what());
    return 1;
  }
}
