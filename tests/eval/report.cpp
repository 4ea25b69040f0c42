#include "eval/report.h"

#include <algorithm>
#include <cstdio>
#include <functional>

#include "eval/bootstrap.h"

namespace precis::eval {
namespace {

std::vector<double> column(const SystemRun& run, const std::function<double(const ClusterScore&)>& get) {
  std::vector<double> out;
  for (const auto& c : run.clusters) out.push_back(get(c));
  return out;
}

void print_setting(const Config& c, const std::vector<Cluster>& clusters) {
  std::size_t docs = 0, refs = 0;
  for (const auto& cl : clusters) docs += cl.documents.size(), refs += cl.references.size();
  const double n = static_cast<double>(clusters.size());
  std::printf("data set   %s: %zu clusters, %.1f articles and %.1f references per cluster\n", c.dataset.c_str(),
              clusters.size(), static_cast<double>(docs) / n, static_cast<double>(refs) / n);
  std::printf("scoring    ROUGE-1.5.5 -n 2 -a -f A -p 0.5 semantics, stopwords kept, %s, ",
              c.stem ? "stemmed (-m; Snowball porter, no WordNet exceptions)" : "no stemming");
  if (c.cut > 0) {
    std::printf("-l %d (%s)\n", c.cut, c.cut_references ? "system and references cut, as ROUGE-1.5.5 does" : "system cut only");
  } else {
    std::printf("no length cut\n");
  }
  const auto& o = c.summary;
  const bool default_model = o.concepts.model == default_concept_model();
  const char* weights = c.learn ? "learned, refitted leaving each scored cluster out (honest)"
                        : o.concepts.model.empty() ? "counting"
                        : default_model ? "learned, the engine's model (fitted on DUC 2003: in-sample there)"
                                        : "learned, --model";
  std::printf("precis     budget %d words; concept weights %s;\n           min-share %g, min-docs %d, ", c.words, weights,
              o.concepts.min_document_share, o.concepts.min_documents);
  if (o.concepts.model.empty() && !c.learn) std::printf("lead-bonus %g, ", o.concepts.lead_bonus);
  std::printf("below %g, unigrams %g, restarts %d, redundancy %g, min-words %d%s%s%s%s%s\n", o.concepts.below_threshold,
              o.analysis.unigram_concepts ? o.concepts.word_factor : 0.0, o.selection.restarts,
              o.selection.redundancy_overlap, o.min_sentence_words, o.skip_quotes ? ", skip quotes" : "",
              o.skip_dangling ? ", skip dangling" : "", o.skip_fragments ? "" : ", keep fragments",
              o.max_position > 0 ? ", first sentences only" : "",
              o.selection.allow_last_sentence_overflow ? ", LAST SENTENCE MAY OVERFLOW THE BUDGET" : "");
  std::printf("baselines  lead = first sentences of the first article by DOCNO; random = random sentences, mean of %d "
              "draws;\n           %s\n",
              c.random_draws,
              c.cut > 0 ? "whole sentences until the budget is reached, the cut trims the last"
                        : "whole sentences within the budget");
  std::printf("intervals  95%% bootstrap over clusters on recall, %d resamples, seed %d; scores in %%, words = mean "
              "summary length before the cut\n\n",
              c.bootstrap, c.seed);
}

std::string interval(const std::vector<double>& values, const Config& c) {
  const Interval i = bootstrap_interval(values, c.bootstrap, 0.95, static_cast<uint64_t>(c.seed));
  char text[40];
  std::snprintf(text, sizeof text, "[%.2f, %.2f]", i.low, i.high);
  return text;
}

void print_systems(const Config& c, const std::vector<SystemRun>& runs) {
  std::printf("%-8s %6s  %-15s %6s %6s   %6s  %-15s %6s %6s   %6s\n", "system", "R-1", "95% CI", "P-1", "F-1", "R-2",
              "95% CI", "P-2", "F-2", "words");
  for (const auto& r : runs) {
    const auto r1 = column(r, [](const ClusterScore& s) { return 100 * s.r1.recall; });
    const auto r2 = column(r, [](const ClusterScore& s) { return 100 * s.r2.recall; });
    std::printf("%-8s %6.2f  %-15s %6.2f %6.2f   %6.2f  %-15s %6.2f %6.2f   %6.1f\n", r.name.c_str(), mean(r1),
                interval(r1, c).c_str(), mean(column(r, [](const ClusterScore& s) { return 100 * s.r1.precision; })),
                mean(column(r, [](const ClusterScore& s) { return 100 * s.r1.f; })), mean(r2), interval(r2, c).c_str(),
                mean(column(r, [](const ClusterScore& s) { return 100 * s.r2.precision; })),
                mean(column(r, [](const ClusterScore& s) { return 100 * s.r2.f; })),
                mean(column(r, [](const ClusterScore& s) { return s.words; })));
  }
}

void print_clusters(const std::vector<Cluster>& clusters, const std::vector<SystemRun>& runs) {
  std::printf("\n%-10s", "cluster");
  for (const auto& r : runs) std::printf("  %-8s %5s  %5s  %5s", r.name.c_str(), "R-1", "R-2", "words");
  std::printf("\n");
  for (std::size_t i = 0; i < clusters.size(); ++i) {
    std::printf("%-10s", clusters[i].name.c_str());
    for (const auto& r : runs) {
      const ClusterScore& s = r.clusters[i];
      std::printf("  %8s %5.2f  %5.2f  %5.0f", "", 100 * s.r1.recall, 100 * s.r2.recall, s.words);
    }
    std::printf("\n");
  }
}

void print_timing(const SystemRun& run) {
  std::vector<double> ms = run.milliseconds, cpu = run.cpu_milliseconds;
  if (ms.empty()) return;
  std::sort(ms.begin(), ms.end());
  std::sort(cpu.begin(), cpu.end());
  std::printf("\ntiming     precis::summarize (analysis + selection): mean %.2f ms per cluster, median %.2f, max %.2f "
              "(%zu clusters)\n",
              mean(ms), ms[ms.size() / 2], ms.back(), ms.size());
  if (!cpu.empty()) {
    std::printf("           processor time: mean %.2f ms per cluster, median %.2f, max %.2f\n", mean(cpu),
                cpu[cpu.size() / 2], cpu.back());
  }
}

}  // namespace

void print_report(const Config& config, const std::vector<Cluster>& clusters, const std::vector<SystemRun>& runs) {
  print_setting(config, clusters);
  print_systems(config, runs);
  if (config.per_cluster) print_clusters(clusters, runs);
  for (const auto& r : runs) print_timing(r);
}

}  // namespace precis::eval
