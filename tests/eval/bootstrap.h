// Confidence intervals for a mean over clusters, by bootstrap resampling of the clusters (what
// ROUGE-1.5.5's -c 95 -r 1000 does over its evaluation items).
#pragma once

#include <cstdint>
#include <vector>

namespace precis::eval {

struct Interval {
  double low = 0;
  double high = 0;
};

double mean(const std::vector<double>& values);

// Percentile interval of the resampled means. The same seed draws the same resamples, so systems
// scored on the same clusters are compared on identical samples.
Interval bootstrap_interval(const std::vector<double>& values, int resamples, double level, uint64_t seed);

}  // namespace precis::eval
