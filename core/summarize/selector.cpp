#include "summarize/selector.h"

#include <algorithm>
#include <cmath>
#include <queue>

namespace precis {
namespace {

std::vector<uint32_t> distinct(const std::vector<uint32_t>& v) {
  std::vector<uint32_t> d = v;
  std::sort(d.begin(), d.end());
  d.erase(std::unique(d.begin(), d.end()), d.end());
  return d;
}

// Concepts covered so far, reset in O(1) between runs by bumping a generation number.
class CoverSet {
 public:
  explicit CoverSet(std::size_t n) : stamp_(n, 0) {}
  void reset() { ++generation_; }
  bool has(uint32_t c) const { return stamp_[c] == generation_; }
  void add(uint32_t c) { stamp_[c] = generation_; }

 private:
  std::vector<uint32_t> stamp_;
  uint32_t generation_ = 1;
};

double gain_of(const Sentence& s, const ConceptWeights& w, const CoverSet& covered) {
  double g = 0;
  for (uint32_t c : s.concepts) {
    if (!covered.has(c)) g += w.weight[c];
  }
  return g;
}

struct Run {
  std::vector<Selected> chosen;
  double total = 0;
};

}  // namespace

bool redundant(const Sentence& a, const Sentence& b, double overlap) {
  const std::vector<uint32_t> x = distinct(a.terms), y = distinct(b.terms);
  if (x.empty() || y.empty()) return false;
  std::size_t common = 0;
  for (std::size_t i = 0, j = 0; i < x.size() && j < y.size();) {
    if (x[i] == y[j]) { ++common; ++i; ++j; }
    else if (x[i] < y[j]) ++i;
    else ++j;
  }
  return static_cast<double>(common) >= overlap * static_cast<double>(std::min(x.size(), y.size()));
}

std::vector<Selected> select_sentences(const std::vector<const Sentence*>& candidates, const ConceptWeights& weights,
                                       const Budget& budget, const SelectionOptions& options) {
  const std::size_t n = candidates.size();
  if (n == 0) return {};
  const double exponent = budget.max_words > 0 ? options.length_exponent : 0.5;
  auto cost = [&](const Sentence& s) { return std::pow(std::max(s.words, 1), exponent); };
  auto fits = [&](const Run& r, const Sentence& s) {
    int words = s.words;
    for (const auto& c : r.chosen) words += c.sentence->words;
    if (budget.max_words > 0 && words > budget.max_words) return false;
    if (budget.max_sentences > 0 && static_cast<int>(r.chosen.size()) + 1 > budget.max_sentences) return false;
    return true;
  };
  auto acceptable = [&](const Run& r, const Sentence& s) {
    if (!fits(r, s)) return false;
    for (const auto& c : r.chosen) {
      if (redundant(*c.sentence, s, options.redundancy_overlap)) return false;
    }
    return true;
  };

  CoverSet covered(weights.weight.size());
  // Standalone value of each sentence: an upper bound of its gain at any later point.
  std::vector<double> standalone(n);
  for (std::size_t i = 0; i < n; ++i) standalone[i] = gain_of(*candidates[i], weights, covered);

  auto add = [&](Run* r, std::size_t i, double gain) {
    r->chosen.push_back(Selected{candidates[i], gain});
    r->total += gain;
    for (uint32_t c : candidates[i]->concepts) covered.add(c);
  };

  // One lazy-greedy run, optionally forced to start with sentence `first`.
  auto greedy = [&](long first) {
    Run r;
    covered.reset();
    if (first >= 0) add(&r, static_cast<std::size_t>(first), standalone[first]);
    using Entry = std::pair<double, std::size_t>;  // (upper bound of gain per cost, candidate)
    std::priority_queue<Entry> heap;
    for (std::size_t i = 0; i < n; ++i) {
      if (standalone[i] > 0 && static_cast<long>(i) != first) heap.emplace(standalone[i] / cost(*candidates[i]), i);
    }
    while (!heap.empty()) {
      const auto [bound, i] = heap.top();
      heap.pop();
      const Sentence& s = *candidates[i];
      if (!acceptable(r, s)) continue;  // budgets only tighten and redundancy only grows
      const double g = gain_of(s, weights, covered);
      if (g <= 0) continue;
      const double ratio = g / cost(s);
      if (!heap.empty() && ratio < heap.top().first) {
        heap.emplace(ratio, i);  // stale bound: re-queue with the true value
        continue;
      }
      add(&r, i, g);
    }
    return r;
  };

  Run best = greedy(-1);
  std::vector<std::size_t> order(n);
  for (std::size_t i = 0; i < n; ++i) order[i] = i;
  const std::size_t starts = std::min<std::size_t>(static_cast<std::size_t>(std::max(options.restarts, 0)), n);
  std::partial_sort(order.begin(), order.begin() + static_cast<long>(starts), order.end(),
                    [&](std::size_t a, std::size_t b) { return standalone[a] > standalone[b]; });
  for (std::size_t k = 0; k < starts; ++k) {
    const std::size_t i = order[k];
    if (standalone[i] <= 0) break;
    Run probe;
    if (!fits(probe, *candidates[i])) continue;
    Run r = greedy(static_cast<long>(i));
    if (r.total > best.total + 1e-9) best = std::move(r);
  }
  return best.chosen;
}

}  // namespace precis
