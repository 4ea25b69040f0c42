// precis-eval: ROUGE-1 and ROUGE-2 of the summarizer and of two baselines on a data set laid out
// like ../shared/data/duc2003 (see eval/dataset.h), scored as ROUGE-1.5.5 would (eval/rouge.h).
// The baselines land on published values only if the scorer is right, so they are the check on it.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include "eval/baselines.h"
#include "eval/bootstrap.h"
#include "eval/dataset.h"
#include "eval/rouge.h"
#include "summarize/summarizer.h"

namespace {

using namespace precis;
using namespace precis::eval;

constexpr const char* kUsage =
    "usage: precis-eval DATASET_DIR [options]\n"
    "Scores the summarizer and the lead and random baselines with ROUGE-1/2 (ROUGE-1.5.5 -n 2 -m -a\n"
    "-f A -p 0.5 -l CUT semantics) on DATASET_DIR/clusters.txt, <cluster>/docs/*.txt, <cluster>/refs/*.txt.\n"
    "\n"
    "evaluation:\n"
    "  --words N          summary budget in words (default 100)\n"
    "  --cut N            ROUGE -l: score only the first N words, 0 = no cut (default: --words)\n"
    "  --peer-cut-only    do not cut the references (ROUGE-1.5.5 cuts them too; its usage text says not)\n"
    "  --no-stem          no Porter stemming (ROUGE without -m)\n"
    "  --bootstrap N      resamples of the clusters for the 95% interval on recall (default 1000)\n"
    "  --seed N           seed of the bootstrap and of the random baseline (default 1)\n"
    "  --random-draws N   random summaries averaged per cluster (default 20)\n"
    "  --per-cluster      also print one row per cluster\n"
    "  --systems LIST     comma-separated subset of precis,lead,random (default all)\n"
    "  --write-summaries DIR  write DIR/<system>/<cluster>.txt, one sentence per line (random: first\n"
    "                     draw), e.g. to score them with ROUGE-1.5.5 itself\n"
    "summarizer tuning (precis::SummaryOptions; defaults are the engine's):\n"
    "  --min-share X      concepts.min_document_share\n"
    "  --min-docs N       concepts.min_documents\n"
    "  --lead-bonus X     concepts.lead_bonus\n"
    "  --restarts N       selection.restarts\n"
    "  --redundancy X     selection.redundancy_overlap\n"
    "  --length-exp X     selection.length_exponent\n"
    "  --min-words N      min_sentence_words\n";

struct Config {
  std::string dataset;
  int words = 100;
  int cut = -1;  // -1: same as words
  bool cut_references = true;
  bool stem = true;
  int bootstrap = 1000;
  unsigned long seed = 1;
  int random_draws = 20;
  bool per_cluster = false;
  std::string summaries_dir;
  std::vector<std::string> systems{"precis", "lead", "random"};
  SummaryOptions summary;
};

struct ClusterScore {
  RougeScore r1, r2;
  double words = 0;  // summary length before the cut, as the core counts words
};

struct SystemRun {
  std::string name;
  std::vector<ClusterScore> clusters;
  std::vector<double> milliseconds;  // summarizer only
};

bool parse_int(const std::string& flag, const char* v, long lo, long hi, long* out) {
  char* end = nullptr;
  const long x = v ? std::strtol(v, &end, 10) : 0;
  if (!v || *v == '\0' || *end != '\0' || x < lo || x > hi) {
    std::fprintf(stderr, "precis-eval: %s takes a whole number from %ld to %ld\n", flag.c_str(), lo, hi);
    return false;
  }
  *out = x;
  return true;
}

bool parse_real(const std::string& flag, const char* v, double lo, double hi, double* out) {
  char* end = nullptr;
  const double x = v ? std::strtod(v, &end) : 0;
  if (!v || *v == '\0' || *end != '\0' || !(x >= lo && x <= hi)) {
    std::fprintf(stderr, "precis-eval: %s takes a number from %g to %g\n", flag.c_str(), lo, hi);
    return false;
  }
  *out = x;
  return true;
}

std::vector<std::string> split_list(const std::string& s) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= s.size()) {
    const std::size_t comma = s.find(',', start);
    const std::string item = s.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    if (!item.empty()) out.push_back(item);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return out;
}

// Returns 0 to run, otherwise the exit status.
int parse_args(int argc, char** argv, Config* c) {
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    const char* v = i + 1 < argc ? argv[i + 1] : nullptr;
    long n = 0;
    double x = 0;
    bool ok = true, takes_value = true;
    if (a == "-h" || a == "--help") {
      std::fputs(kUsage, stdout);
      return -1;
    } else if (a == "--words") {
      ok = parse_int(a, v, 1, 100000, &n), c->words = static_cast<int>(n);
    } else if (a == "--cut") {
      ok = parse_int(a, v, 0, 100000, &n), c->cut = static_cast<int>(n);
    } else if (a == "--bootstrap") {
      ok = parse_int(a, v, 0, 1000000, &n), c->bootstrap = static_cast<int>(n);
    } else if (a == "--seed") {
      ok = parse_int(a, v, 0, 2147483647L, &n), c->seed = static_cast<unsigned long>(n);
    } else if (a == "--random-draws") {
      ok = parse_int(a, v, 1, 100000, &n), c->random_draws = static_cast<int>(n);
    } else if (a == "--systems") {
      c->systems = split_list(v ? v : "");
      for (const auto& s : c->systems) ok = ok && (s == "precis" || s == "lead" || s == "random");
      if (!ok || c->systems.empty()) std::fputs("precis-eval: --systems takes a list of precis,lead,random\n", stderr);
      ok = ok && !c->systems.empty();
    } else if (a == "--write-summaries") {
      ok = v != nullptr;
      if (ok) c->summaries_dir = v;
      else std::fputs("precis-eval: --write-summaries needs a directory\n", stderr);
    } else if (a == "--min-share") {
      ok = parse_real(a, v, 0, 1, &x), c->summary.concepts.min_document_share = x;
    } else if (a == "--min-docs") {
      ok = parse_int(a, v, 1, 1000, &n), c->summary.concepts.min_documents = static_cast<int>(n);
    } else if (a == "--lead-bonus") {
      ok = parse_real(a, v, 0, 100, &x), c->summary.concepts.lead_bonus = x;
    } else if (a == "--restarts") {
      ok = parse_int(a, v, 0, 100000, &n), c->summary.selection.restarts = static_cast<int>(n);
    } else if (a == "--redundancy") {
      ok = parse_real(a, v, 0, 1, &x), c->summary.selection.redundancy_overlap = x;
    } else if (a == "--length-exp") {
      ok = parse_real(a, v, 0, 4, &x), c->summary.selection.length_exponent = x;
    } else if (a == "--min-words") {
      ok = parse_int(a, v, 1, 1000, &n), c->summary.min_sentence_words = static_cast<int>(n);
    } else {
      takes_value = false;
      if (a == "--no-stem") {
        c->stem = false;
      } else if (a == "--peer-cut-only") {
        c->cut_references = false;
      } else if (a == "--per-cluster") {
        c->per_cluster = true;
      } else if (!a.empty() && a[0] != '-' && c->dataset.empty()) {
        c->dataset = a;
      } else {
        std::fprintf(stderr, "precis-eval: unexpected argument '%s' (see --help)\n", a.c_str());
        return 2;
      }
    }
    if (!ok) return 2;
    if (takes_value) ++i;
  }
  if (c->dataset.empty()) {
    std::fputs(kUsage, stderr);
    return 2;
  }
  if (c->cut < 0) c->cut = c->words;
  c->summary.budget = Budget{c->words, 0};
  return 0;
}

ClusterScore score_text(const Rouge& rouge, const std::string& text, const std::vector<Tokens>& refs, int cut) {
  const Tokens tokens = rouge.tokens(text, cut);
  return ClusterScore{Rouge::score(tokens, refs, 1), Rouge::score(tokens, refs, 2), static_cast<double>(count_words(text))};
}

std::vector<double> column(const SystemRun& run, double (*get)(const ClusterScore&)) {
  std::vector<double> out;
  for (const auto& c : run.clusters) out.push_back(100.0 * get(c));
  return out;
}

double mean_words(const SystemRun& run) {
  std::vector<double> words;
  for (const auto& c : run.clusters) words.push_back(c.words);
  return mean(words);
}

void print_header(const Config& c, const std::vector<Cluster>& clusters) {
  std::size_t docs = 0, refs = 0;
  for (const auto& cl : clusters) docs += cl.documents.size(), refs += cl.references.size();
  const double n = static_cast<double>(clusters.size());
  std::printf("data set   %s: %zu clusters, %.1f articles and %.1f references per cluster\n", c.dataset.c_str(),
              clusters.size(), static_cast<double>(docs) / n, static_cast<double>(refs) / n);
  std::printf("scoring    ROUGE-N, -n 2 -a -f A -p 0.5, stopwords kept, %s, ", c.stem ? "Porter-stemmed (-m; Snowball porter, no WordNet exceptions)" : "no stemming");
  if (c.cut > 0) {
    std::printf("-l %d (%s)\n", c.cut, c.cut_references ? "system and references cut, as ROUGE-1.5.5 does" : "system cut only");
  } else {
    std::printf("no length cut\n");
  }
  const auto& o = c.summary;
  std::printf("precis     budget %d words; min-share %g, min-docs %d, lead-bonus %g, restarts %d, redundancy %g, length-exp %g, min-words %d\n",
              c.words, o.concepts.min_document_share, o.concepts.min_documents, o.concepts.lead_bonus, o.selection.restarts,
              o.selection.redundancy_overlap, o.selection.length_exponent, o.min_sentence_words);
  std::printf("baselines  lead = first sentences of the first article by DOCNO, random = random sentences (mean of %d draws); %s\n",
              c.random_draws, c.cut > 0 ? "whole sentences until the budget is reached, the cut trims the last" : "whole sentences within the budget");
  std::printf("intervals  95%% bootstrap over clusters, %d resamples, seed %lu (scores in %%)\n\n", c.bootstrap, c.seed);
}

void print_table(const Config& c, const std::vector<SystemRun>& runs) {
  std::printf("%-8s %6s  %-15s %6s %6s   %6s  %-15s %6s %6s   %6s\n", "system", "R-1", "95% CI", "P-1", "F-1", "R-2",
              "95% CI", "P-2", "F-2", "words");
  for (const auto& r : runs) {
    const auto r1 = column(r, [](const ClusterScore& s) { return s.r1.recall; });
    const auto r2 = column(r, [](const ClusterScore& s) { return s.r2.recall; });
    const Interval i1 = bootstrap_interval(r1, c.bootstrap, 0.95, c.seed);
    const Interval i2 = bootstrap_interval(r2, c.bootstrap, 0.95, c.seed);
    char ci1[32], ci2[32];
    std::snprintf(ci1, sizeof ci1, "[%.2f, %.2f]", i1.low, i1.high);
    std::snprintf(ci2, sizeof ci2, "[%.2f, %.2f]", i2.low, i2.high);
    std::printf("%-8s %6.2f  %-15s %6.2f %6.2f   %6.2f  %-15s %6.2f %6.2f   %6.1f\n", r.name.c_str(), mean(r1), ci1,
                mean(column(r, [](const ClusterScore& s) { return s.r1.precision; })),
                mean(column(r, [](const ClusterScore& s) { return s.r1.f; })), mean(r2), ci2,
                mean(column(r, [](const ClusterScore& s) { return s.r2.precision; })),
                mean(column(r, [](const ClusterScore& s) { return s.r2.f; })),
                mean_words(r));
  }
}

void print_clusters(const std::vector<Cluster>& clusters, const std::vector<SystemRun>& runs) {
  std::printf("\n%-10s", "cluster");
  for (const auto& r : runs) std::printf("  %8s R-1    R-2", r.name.c_str());
  std::printf("\n");
  for (std::size_t i = 0; i < clusters.size(); ++i) {
    std::printf("%-10s", clusters[i].name.c_str());
    for (const auto& r : runs) {
      std::printf("  %8s %5.2f  %5.2f", "", 100 * r.clusters[i].r1.recall, 100 * r.clusters[i].r2.recall);
    }
    std::printf("\n");
  }
}

void print_timing(const SystemRun& run) {
  if (run.milliseconds.empty()) return;
  std::vector<double> ms = run.milliseconds;
  std::sort(ms.begin(), ms.end());
  std::printf("\ntiming     precis::summarize: mean %.2f ms per cluster (median %.2f, max %.2f; %zu clusters)\n",
              mean(ms), ms[ms.size() / 2], ms.back(), ms.size());
}

// One sentence per line: ROUGE-1.5.5's SPL input format.
void write_summary(const Config& c, const std::string& system, const std::string& cluster, const Corpus& corpus,
                   const std::vector<const Sentence*>& sentences) {
  if (c.summaries_dir.empty()) return;
  const std::filesystem::path dir = std::filesystem::path(c.summaries_dir) / system;
  std::filesystem::create_directories(dir);
  std::ofstream out(dir / (cluster + ".txt"), std::ios::binary);
  for (const Sentence* s : sentences) out << sentence_text(corpus, *s) << '\n';
  if (!out) throw std::runtime_error("cannot write " + (dir / (cluster + ".txt")).string());
}

ClusterScore average(const std::vector<ClusterScore>& draws) {
  ClusterScore m;
  auto add = [](RougeScore& a, const RougeScore& b) { a.recall += b.recall, a.precision += b.precision, a.f += b.f; };
  auto div = [](RougeScore& a, double n) { a.recall /= n, a.precision /= n, a.f /= n; };
  for (const auto& d : draws) add(m.r1, d.r1), add(m.r2, d.r2), m.words += d.words;
  const double n = static_cast<double>(draws.size());
  div(m.r1, n), div(m.r2, n), m.words /= n;
  return m;
}

int run(const Config& c) {
  const std::vector<Cluster> clusters = load_dataset(c.dataset);
  LanguageInfo en;
  resolve_language("en", &en);
  const Rouge rouge(c.stem);
  const Fill fill{c.words, c.cut > 0};
  std::mt19937_64 rng(c.seed);
  std::map<std::string, SystemRun> runs;
  auto wants = [&](const char* s) { return std::find(c.systems.begin(), c.systems.end(), s) != c.systems.end(); };

  for (const Cluster& cluster : clusters) {
    std::vector<Tokens> refs;
    for (const auto& r : cluster.references) refs.push_back(rouge.tokens(r, c.cut_references ? c.cut : 0));
    Corpus corpus;
    if (wants("precis")) {
      const auto start = std::chrono::steady_clock::now();
      SummaryResult result = summarize(cluster.documents, en, c.summary);
      const auto stop = std::chrono::steady_clock::now();
      std::vector<const Sentence*> chosen;
      for (const auto& s : result.summary) chosen.push_back(&result.corpus.documents[s.document].sentences[s.index]);
      SystemRun& r = runs["precis"];
      r.clusters.push_back(score_text(rouge, join_sentences(result.corpus, chosen), refs, c.cut));
      r.milliseconds.push_back(std::chrono::duration<double, std::milli>(stop - start).count());
      write_summary(c, "precis", cluster.name, result.corpus, chosen);
      if (chosen.empty()) std::fprintf(stderr, "precis-eval: warning: empty precis summary for %s\n", cluster.name.c_str());
      corpus = std::move(result.corpus);  // the baselines use the very same analysis
    } else {
      corpus = analyze(cluster.documents, en, c.summary.analysis);
    }
    if (wants("lead")) {
      const auto lead = lead_baseline(corpus, fill);
      runs["lead"].clusters.push_back(score_text(rouge, join_sentences(corpus, lead), refs, c.cut));
      write_summary(c, "lead", cluster.name, corpus, lead);
    }
    if (wants("random")) {
      std::vector<ClusterScore> draws;
      for (int d = 0; d < c.random_draws; ++d) {
        const auto drawn = random_baseline(corpus, fill, rng);
        draws.push_back(score_text(rouge, join_sentences(corpus, drawn), refs, c.cut));
        if (d == 0) write_summary(c, "random", cluster.name, corpus, drawn);
      }
      runs["random"].clusters.push_back(average(draws));
    }
  }

  std::vector<SystemRun> ordered;
  for (const auto& s : c.systems) {
    ordered.push_back(runs[s]);
    ordered.back().name = s;
  }
  print_header(c, clusters);
  print_table(c, ordered);
  if (c.per_cluster) print_clusters(clusters, ordered);
  if (wants("precis")) print_timing(runs["precis"]);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  Config config;
  const int status = parse_args(argc, argv, &config);
  if (status != 0) return status < 0 ? 0 : status;
  try {
    return run(config);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "precis-eval: %s\n", e.what());
    return 1;
  }
}
