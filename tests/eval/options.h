// Command line of precis-eval.
#pragma once

#include <string>
#include <vector>

#include "summarize/summarizer.h"

namespace precis::eval {

struct Config {
  std::string dataset;
  int words = 100;              // summary budget
  int cut = 100;                // ROUGE -l; 0 = no cut (defaults to `words`)
  bool cut_references = true;   // ROUGE-1.5.5 applies -l to the references too
  bool stem = true;
  int bootstrap = 1000;
  int seed = 1;
  int random_draws = 20;
  bool per_cluster = false;
  std::string summaries_dir;    // empty: do not write the summaries
  std::vector<std::string> systems{"precis", "lead", "random"};
  SummaryOptions summary;       // the engine's defaults unless a tuning flag says otherwise
  bool learn = false;           // learned concept weights, leave-one-cluster-out (eval/learn.h)
  bool fit_model = false;       // print the model fitted on all clusters, and exit
  double ridge = 10.0;          // of the least-squares fit
  int fit_min_share = 250;      // the fit uses the pairs stated by this share of the articles (thousandths)
  std::vector<int> features;     // the features the fit may use (empty: all)
  int oracle = 0;               // diagnostic: true reference shares as weights (1 pairs, 2 words, 3 both)
  std::string dump_examples;    // write every concept's features and share of references, and exit
  double target_power = 1.0;    // the fit predicts the share of references to this power
  std::string dump_sentences;   // write every analysed sentence here (cleaning and segmentation check)
  std::string dump_omissions;   // write every span a compression rule finds here (grammar check)
};

// The --omit name of one CompressionRule bit.
const char* omission_rule_name(unsigned rule);

// Returns -1 to run with `config` filled in, otherwise the exit status (0 after --help, 2 after
// a usage error, reported on stderr).
int parse_args(int argc, char** argv, Config* config);

}  // namespace precis::eval
