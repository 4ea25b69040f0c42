#include "eval/bootstrap.h"

#include <algorithm>
#include <cmath>
#include <random>

namespace precis::eval {

double mean(const std::vector<double>& values) {
  if (values.empty()) return 0;
  double sum = 0;
  for (double v : values) sum += v;
  return sum / static_cast<double>(values.size());
}

Interval bootstrap_interval(const std::vector<double>& values, int resamples, double level, uint64_t seed) {
  if (values.empty() || resamples <= 0) return Interval{mean(values), mean(values)};
  std::mt19937_64 rng(seed);
  std::uniform_int_distribution<std::size_t> pick(0, values.size() - 1);
  std::vector<double> means(static_cast<std::size_t>(resamples));
  for (double& m : means) {
    double sum = 0;
    for (std::size_t i = 0; i < values.size(); ++i) sum += values[pick(rng)];
    m = sum / static_cast<double>(values.size());
  }
  std::sort(means.begin(), means.end());
  // Linear interpolation between order statistics, as ROUGE-1.5.5 does.
  auto quantile = [&](double q) {
    const double pos = q * static_cast<double>(means.size() - 1);
    const auto lo = static_cast<std::size_t>(std::floor(pos));
    const std::size_t hi = std::min(lo + 1, means.size() - 1);
    return means[lo] + (means[hi] - means[lo]) * (pos - static_cast<double>(lo));
  };
  const double tail = (1.0 - level) / 2.0;
  return Interval{quantile(tail), quantile(1.0 - tail)};
}

}  // namespace precis::eval
