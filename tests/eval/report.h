// The plain-text report of precis-eval: setting, one row per system, optional rows per cluster,
// summarizer timing.
#pragma once

#include <string>
#include <vector>

#include "eval/dataset.h"
#include "eval/options.h"
#include "eval/rouge.h"

namespace precis::eval {

struct ClusterScore {
  RougeScore r1, r2;
  double words = 0;  // summary length before the cut, counted as the core counts words
};

struct SystemRun {
  std::string name;
  std::vector<ClusterScore> clusters;  // in data set order
  std::vector<double> milliseconds;      // summarizer runs only: wall-clock time
  std::vector<double> cpu_milliseconds;  // ...and processor time of this process (robust on a busy machine)
};

void print_report(const Config& config, const std::vector<Cluster>& clusters, const std::vector<SystemRun>& runs);

}  // namespace precis::eval
