#include "eval/options.h"

#include <cstdio>
#include <cstdlib>
#include <utility>

#include "summarize/compression.h"

namespace precis::eval {
namespace {

constexpr const char* kUsage =
    "usage: precis-eval DATASET_DIR [options]\n"
    "Scores the summarizer and the lead and random baselines with ROUGE-1/2 (ROUGE-1.5.5 -n 2 -m -a\n"
    "-f A -p 0.5 -l CUT semantics) on DATASET_DIR/clusters.txt, <cluster>/docs/*.txt, <cluster>/refs/*.txt.\n"
    "\n"
    "evaluation:\n"
    "  --words N          summary budget in words (default 100)\n"
    "  --cut N            ROUGE -l: score only the first N words, 0 = no cut (default: --words)\n"
    "  --peer-cut-only    do not cut the references (ROUGE-1.5.5 cuts them too, whatever its usage says)\n"
    "  --no-stem          no Porter stemming (ROUGE without -m)\n"
    "  --bootstrap N      resamples of the clusters for the 95% interval on recall (default 1000)\n"
    "  --seed N           seed of the bootstrap and of the random baseline (default 1)\n"
    "  --random-draws N   random summaries averaged per cluster (default 20)\n"
    "  --per-cluster      also print one row per cluster\n"
    "  --systems LIST     comma-separated subset of precis,lead,random (default all)\n"
    "  --write-summaries DIR\n"
    "                     write DIR/<system>/<cluster>.txt, one sentence per line (random: first draw),\n"
    "                     e.g. to score them with ROUGE-1.5.5 itself\n"
    "summarizer tuning (fields of precis::SummaryOptions; defaults are the engine's):\n"
    "  --min-share X      concepts.min_document_share\n"
    "  --min-docs N       concepts.min_documents\n"
    "  --lead-bonus X     concepts.lead_bonus (counting model only)\n"
    "  --restarts N       selection.restarts\n"
    "  --fill-swaps N     selection.fill_swaps\n"
    "  --redundancy X     selection.redundancy_overlap\n"
    "  --below X          concepts.below_threshold\n"
    "  --unigrams X       concepts.word_factor; 0 = analysis.unigram_concepts off\n"
    "  --max-position N   max_position\n"
    "  --min-words N      min_sentence_words\n"
    "  --skip-quotes      skip_quotes\n"
    "  --skip-dangling    skip_dangling\n"
    "  --keep-fragments   skip_fragments = false\n"
    "  --model LIST       concepts.model: comma-separated integer coefficients of a learned model\n"
    "                     (default: the engine's, fitted on all of DUC 2003: in-sample there)\n"
    "  --counting         concepts.model empty: the counting model (articles + lead bonus)\n"
    "  --learn            learned concept weights, each cluster scored with a model fitted on the\n"
    "                     other clusters (leave-one-cluster-out: honest scores)\n"
    "  --ridge X          ridge of the least-squares fit (default 10)\n"
    "  --fit-min-share X  fit only the word pairs stated by at least this share of the articles\n"
    "                     (default 0.25; 0 = all pairs)\n"
    "  --features LIST    fit only these features (indices of concept_feature_vector; default all)\n"
    "  --oracle N         diagnostic: weigh concepts by their true share of the references (cheating):\n"
    "                     1 word pairs, 2 single words, 3 both;\n"
    "                     + 4: only concepts a quarter of the articles state, + 8: only the others\n"
    "  --target-power X   fit the share of references to this power (default 1)\n"
    "  --fit-model        print the model fitted on all clusters of DATASET_DIR and exit\n"
    "  --dump-sentences FILE\n"
    "                     write every analysed sentence with its flags, to check cleaning\n"
    "  --dump-examples FILE\n"
    "                     write every concept's stems, share of references and features, and exit\n"
    "  --omit LIST        analysis.omission_rules: the compression rules offered, comma-separated among\n"
    "                     connective, time, attribution, said-that, parenthetical, appositive, relative,\n"
    "                     weekday; or all, none; -NAME takes one out (\"all,-weekday\"); default all\n"
    "  --dump-omissions FILE\n"
    "                     write every span a rule would leave out, with its rule and the sentence\n"
    "                     without it, to check that compressed sentences read well\n"
    "  --overflow         selection.allow_last_sentence_overflow: the last sentence may run past the\n"
    "                     budget (only meaningful with a --cut at the budget; never in the product)\n";

bool int_arg(const std::string& flag, const char* v, long lo, long hi, int* out) {
  char* end = nullptr;
  const long x = v ? std::strtol(v, &end, 10) : 0;
  if (!v || *v == '\0' || *end != '\0' || x < lo || x > hi) {
    std::fprintf(stderr, "precis-eval: %s takes a whole number from %ld to %ld\n", flag.c_str(), lo, hi);
    return false;
  }
  *out = static_cast<int>(x);
  return true;
}

bool real_arg(const std::string& flag, const char* v, double lo, double hi, double* out) {
  char* end = nullptr;
  const double x = v ? std::strtod(v, &end) : 0;
  if (!v || *v == '\0' || *end != '\0' || !(x >= lo && x <= hi)) {
    std::fprintf(stderr, "precis-eval: %s takes a number from %g to %g\n", flag.c_str(), lo, hi);
    return false;
  }
  *out = x;
  return true;
}

bool systems_arg(const char* v, std::vector<std::string>* out) {
  out->clear();
  std::string list = v ? v : "";
  for (std::size_t start = 0; start <= list.size();) {
    std::size_t comma = list.find(',', start);
    if (comma == std::string::npos) comma = list.size();
    const std::string name = list.substr(start, comma - start);
    if (name != "precis" && name != "lead" && name != "random") {
      std::fputs("precis-eval: --systems takes a comma-separated list of precis, lead, random\n", stderr);
      return false;
    }
    out->push_back(name);
    start = comma + 1;
  }
  return true;
}

constexpr std::pair<unsigned, const char*> kRuleNames[] = {
    {kOmitConnective, "connective"},     {kOmitLeadingTime, "time"},       {kOmitAttribution, "attribution"},
    {kOmitSaidThat, "said-that"},        {kOmitParenthetical, "parenthetical"}, {kOmitAppositive, "appositive"},
    {kOmitRelative, "relative"},         {kOmitWeekday, "weekday"}};

bool rules_arg(const char* v, unsigned* out) {
  std::string list = v ? v : "";
  *out = 0;
  for (std::size_t start = 0; start <= list.size();) {
    std::size_t comma = list.find(',', start);
    if (comma == std::string::npos) comma = list.size();
    std::string name = list.substr(start, comma - start);
    start = comma + 1;
    const bool minus = !name.empty() && name[0] == '-';
    if (minus) name.erase(0, 1);
    unsigned bits = name == "all" ? kAllOmissionRules : 0;
    for (const auto& [bit, rule] : kRuleNames) bits |= name == rule ? bit : 0;
    if (bits == 0 && name != "none") {
      std::fprintf(stderr, "precis-eval: --omit: unknown rule '%s' (see --help)\n", name.c_str());
      return false;
    }
    *out = minus ? *out & ~bits : *out | bits;
  }
  return true;
}

}  // namespace

const char* omission_rule_name(unsigned rule) {
  for (const auto& [bit, name] : kRuleNames) {
    if (bit == rule) return name;
  }
  return "?";
}

int parse_args(int argc, char** argv, Config* c) {
  bool cut_given = false;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    const char* v = i + 1 < argc ? argv[i + 1] : nullptr;
    bool ok = true;
    if (a == "-h" || a == "--help") {
      std::fputs(kUsage, stdout);
      return 0;
    } else if (a == "--no-stem") {
      c->stem = false;
      continue;
    } else if (a == "--peer-cut-only") {
      c->cut_references = false;
      continue;
    } else if (a == "--per-cluster") {
      c->per_cluster = true;
      continue;
    } else if (a == "--skip-quotes") {
      c->summary.skip_quotes = true;
      continue;
    } else if (a == "--keep-fragments") {
      c->summary.skip_fragments = false;
      continue;
    } else if (a == "--skip-dangling") {
      c->summary.skip_dangling = true;
      continue;
    } else if (a == "--counting") {
      c->summary.concepts.model.clear();
      continue;
    } else if (a == "--learn") {
      c->learn = true;
      continue;
    } else if (a == "--fit-model") {
      c->fit_model = true;
      continue;
    } else if (a == "--fit-min-share") {
      double x = 0;
      ok = real_arg(a, v, 0, 1, &x);
      c->fit_min_share = static_cast<int>(x * 1000 + 0.5);
    } else if (a == "--ridge") {
      ok = real_arg(a, v, 0, 1e9, &c->ridge);
    } else if (a == "--dump-sentences") {
      if (!(ok = v != nullptr)) std::fputs("precis-eval: --dump-sentences needs a file\n", stderr);
      else c->dump_sentences = v;
    } else if (a == "--dump-examples") {
      if (!(ok = v != nullptr)) std::fputs("precis-eval: --dump-examples needs a file\n", stderr);
      else c->dump_examples = v;
    } else if (a == "--model") {
      c->summary.concepts.model.clear();
      std::string list = v ? v : "";
      for (std::size_t start = 0; ok && start <= list.size();) {
        std::size_t comma = list.find(',', start);
        if (comma == std::string::npos) comma = list.size();
        const std::string item = list.substr(start, comma - start);
        int x = 0;
        ok = int_arg(a, item.c_str(), -100000000L, 100000000L, &x);
        c->summary.concepts.model.push_back(x);
        start = comma + 1;
      }
    } else if (a == "--features") {
      c->features.clear();
      std::string list = v ? v : "";
      for (std::size_t start = 0; ok && start <= list.size();) {
        std::size_t comma = list.find(',', start);
        if (comma == std::string::npos) comma = list.size();
        int x = 0;
        ok = int_arg(a, list.substr(start, comma - start).c_str(), 0, kConceptFeatureCount - 1, &x);
        c->features.push_back(x);
        start = comma + 1;
      }
    } else if (a == "--oracle") {
      ok = int_arg(a, v, 1, 15, &c->oracle);
    } else if (a == "--target-power") {
      ok = real_arg(a, v, 0.1, 10, &c->target_power);
    } else if (a == "--omit") {
      ok = rules_arg(v, &c->summary.analysis.omission_rules);
    } else if (a == "--dump-omissions") {
      if (!(ok = v != nullptr)) std::fputs("precis-eval: --dump-omissions needs a file\n", stderr);
      else c->dump_omissions = v;
    } else if (a == "--overflow") {
      c->summary.selection.allow_last_sentence_overflow = true;
      continue;
    } else if (a == "--words") {
      ok = int_arg(a, v, 1, 100000, &c->words);
    } else if (a == "--cut") {
      ok = cut_given = int_arg(a, v, 0, 100000, &c->cut);
    } else if (a == "--bootstrap") {
      ok = int_arg(a, v, 0, 1000000, &c->bootstrap);
    } else if (a == "--seed") {
      ok = int_arg(a, v, 0, 2147483647L, &c->seed);
    } else if (a == "--random-draws") {
      ok = int_arg(a, v, 1, 100000, &c->random_draws);
    } else if (a == "--systems") {
      ok = systems_arg(v, &c->systems);
    } else if (a == "--write-summaries") {
      if (!(ok = v != nullptr)) std::fputs("precis-eval: --write-summaries needs a directory\n", stderr);
      else c->summaries_dir = v;
    } else if (a == "--min-share") {
      ok = real_arg(a, v, 0, 1, &c->summary.concepts.min_document_share);
    } else if (a == "--min-docs") {
      ok = int_arg(a, v, 1, 1000, &c->summary.concepts.min_documents);
    } else if (a == "--lead-bonus") {
      ok = real_arg(a, v, 0, 100, &c->summary.concepts.lead_bonus);
    } else if (a == "--fill-swaps") {
      ok = int_arg(a, v, 0, 1000, &c->summary.selection.fill_swaps);
    } else if (a == "--restarts") {
      ok = int_arg(a, v, 0, 100000, &c->summary.selection.restarts);
    } else if (a == "--redundancy") {
      ok = real_arg(a, v, 0, 1, &c->summary.selection.redundancy_overlap);
    } else if (a == "--unigrams") {
      ok = real_arg(a, v, 0, 100, &c->summary.concepts.word_factor);
      c->summary.analysis.unigram_concepts = c->summary.concepts.word_factor > 0;
    } else if (a == "--max-position") {
      ok = int_arg(a, v, 0, 100000, &c->summary.max_position);
    } else if (a == "--below") {
      ok = real_arg(a, v, 0, 100, &c->summary.concepts.below_threshold);
    } else if (a == "--min-words") {
      ok = int_arg(a, v, 1, 1000, &c->summary.min_sentence_words);
    } else if (!a.empty() && a[0] != '-' && c->dataset.empty()) {
      c->dataset = a;
      continue;
    } else {
      std::fprintf(stderr, "precis-eval: unexpected argument '%s' (see --help)\n", a.c_str());
      return 2;
    }
    if (!ok) return 2;
    ++i;  // every option that reaches here took a value
  }
  if (c->dataset.empty()) {
    std::fputs(kUsage, stderr);
    return 2;
  }
  if (!cut_given) c->cut = c->words;
  c->summary.budget = Budget{c->words, 0};
  return -1;
}

}  // namespace precis::eval
