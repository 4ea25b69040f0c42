#include "summarize/selector.h"

#include <algorithm>
#include <cmath>

namespace precis {
namespace {

// x and y (distinct, sorted) have at least `need` ids in common. Stops as soon as the answer is
// known: most pairs of sentences share few words and fall short long before either list ends.
bool shares_at_least(IdRange<uint32_t> x, IdRange<uint32_t> y, std::size_t need) {
  std::size_t i = 0, j = 0;
  while (need > 0) {
    if (x.size() - i < need || y.size() - j < need) return false;  // not enough ids left to match
    if (x[i] == y[j]) {
      --need;
      ++i;
      ++j;
    } else if (x[i] < y[j]) {
      ++i;
    } else {
      ++j;
    }
  }
  return true;
}

int64_t to_milli(double x) { return static_cast<int64_t>(std::llround(x * 1000.0)); }

// The content words of `a` and `b` (Sentence::terms: distinct and sorted) overlap by at least
// `overlap_milli` thousandths of the shorter one: common * 1000 >= overlap_milli * shorter, exact.
bool repeats_terms(const Sentence& a, const Sentence& b, int64_t overlap_milli) {
  const std::size_t shorter = std::min(a.terms.size(), b.terms.size());
  if (shorter == 0) return false;
  const int64_t bound = overlap_milli * static_cast<int64_t>(shorter);
  const int64_t need = bound <= 0 ? 0 : (bound + 999) / 1000;  // the least such common count
  return shares_at_least(a.terms, b.terms, static_cast<std::size_t>(need));
}

// Two forms (as written, compressed) of one sentence: a summary quotes a sentence once.
bool same_sentence(const Sentence& a, const Sentence& b) { return a.document == b.document && a.index == b.index; }

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

int64_t gain_of(const Sentence& s, const ConceptWeights& w, const CoverSet& covered, int word_limit = -1) {
  int64_t g = 0;
  for (std::size_t k = 0; k < s.concepts.size(); ++k) {
    const uint32_t c = s.concepts[k];
    if (word_limit >= 0 && s.concept_word[k] >= word_limit) continue;
    if (!covered.has(c)) g += w.weight[c];
  }
  return g;
}

// Gain per unit of length, compared exactly: per word (g1 / w1 > g2 / w2), or per square root of
// words (g1^2 / w1 > g2^2 / w2, gains never negative).
class Ratio {
 public:
  explicit Ratio(bool per_word) : per_word_(per_word) {}
  // 1 if (g1, w1) is better than (g2, w2), -1 if worse, 0 if equal.
  int compare(int64_t g1, int w1, int64_t g2, int w2) const {
    // Usual gains and lengths fit 64-bit products (wasm has no 128-bit multiply: a library call).
    constexpr int64_t kSmall = int64_t{1} << 20;
    if (g1 < kSmall && g2 < kSmall && w1 < kSmall && w2 < kSmall) {
      const int64_t a = per_word_ ? g1 * std::max(w2, 1) : g1 * g1 * std::max(w2, 1);
      const int64_t b = per_word_ ? g2 * std::max(w1, 1) : g2 * g2 * std::max(w1, 1);
      return a > b ? 1 : (a < b ? -1 : 0);
    }
    using Wide = __int128;
    const Wide a = per_word_ ? Wide(g1) * std::max(w2, 1) : Wide(g1) * g1 * std::max(w2, 1);
    const Wide b = per_word_ ? Wide(g2) * std::max(w1, 1) : Wide(g2) * g2 * std::max(w1, 1);
    return a > b ? 1 : (a < b ? -1 : 0);
  }

 private:
  bool per_word_;
};

// The lazy greedy's priority queue: entries ranked once, best first, and a small heap of those
// re-queued with a lower (true) value. Pops exactly what a heap of all of them would, in the same
// order (`Worse` is a strict total order), without copying and heapifying every candidate per run:
// most runs pop a few dozen entries of hundreds.
template <typename Entry, typename Worse>
class LazyQueue {
 public:
  LazyQueue(const std::vector<Entry>& ranked, const Worse& worse, std::vector<Entry>* requeued)
      : ranked_(ranked), worse_(worse), requeued_(*requeued) {
    requeued_.clear();
  }
  bool empty() const { return next_ == ranked_.size() && requeued_.empty(); }
  // The best entry; the queue must not be empty.
  const Entry& top() const { return from_ranked() ? ranked_[next_] : requeued_.front(); }
  Entry pop() {
    if (from_ranked()) return ranked_[next_++];
    std::pop_heap(requeued_.begin(), requeued_.end(), worse_);
    const Entry e = requeued_.back();
    requeued_.pop_back();
    return e;
  }
  void push(const Entry& e) {
    requeued_.push_back(e);
    std::push_heap(requeued_.begin(), requeued_.end(), worse_);
  }

 private:
  // The next ranked entry is the best: there is one, and no re-queued entry beats it.
  bool from_ranked() const {
    if (next_ == ranked_.size()) return false;
    return requeued_.empty() || worse_(requeued_.front(), ranked_[next_]);
  }

  const std::vector<Entry>& ranked_;
  const Worse& worse_;
  std::vector<Entry>& requeued_;
  std::size_t next_ = 0;
};

// Whether two candidates repeat each other (two forms of one sentence, or redundant terms),
// remembered for pairs of the kSide best-ranked candidates: the greedy restarts and the fill swaps
// test the same pairs again and again. Only with at most kMaxCompetingCandidates candidates (news
// clusters), so that the slot index, one entry per candidate, stays small; beyond, every test runs.
class RepeatMemo {
 public:
  static constexpr std::size_t kSide = 128;  // remembered: pairs among this many best candidates

  // `best_first`: candidate indices in rank order.
  RepeatMemo(const std::vector<const Sentence*>& candidates, int64_t overlap_milli, const std::vector<uint32_t>& best_first)
      : candidates_(candidates), overlap_milli_(overlap_milli) {
    if (candidates.size() > kMaxCompetingCandidates) return;
    side_ = std::min(best_first.size(), kSide);
    slot_.assign(candidates.size(), kNoSlot);
    for (std::size_t r = 0; r < side_; ++r) slot_[best_first[r]] = static_cast<uint16_t>(r);
    known_.assign(side_ * side_, kUnknown);
  }

  bool operator()(std::size_t i, std::size_t j) {
    if (slot_.empty() || slot_[i] == kNoSlot || slot_[j] == kNoSlot) return test(i, j);
    uint8_t& known = known_[slot_[i] * side_ + slot_[j]];
    if (known == kUnknown) {
      known = test(i, j) ? kYes : kNo;
      known_[slot_[j] * side_ + slot_[i]] = known;  // the test is symmetric
    }
    return known == kYes;
  }

 private:
  static constexpr uint16_t kNoSlot = 0xFFFF;
  enum : uint8_t { kUnknown, kNo, kYes };

  bool test(std::size_t i, std::size_t j) const {
    const Sentence& a = *candidates_[i];
    const Sentence& b = *candidates_[j];
    return same_sentence(a, b) || repeats_terms(a, b, overlap_milli_);
  }

  const std::vector<const Sentence*>& candidates_;
  int64_t overlap_milli_;
  std::size_t side_ = 0;
  std::vector<uint16_t> slot_;  // by candidate index: its row and column in known_, or kNoSlot
  std::vector<uint8_t> known_;
};

// One selection. Runs are cleared and refilled rather than made anew: the restarts and the fill
// swaps build dozens of them per request, and their vectors' growth was a third of a one-article
// request's allocations.
struct Run {
  std::vector<Selected> chosen;
  std::vector<std::size_t> index;  // candidate index of each chosen sentence
  int64_t total = 0;
  int words = 0;

  void clear() {
    chosen.clear();
    index.clear();
    total = 0;
    words = 0;
  }
};

}  // namespace

bool redundant(const Sentence& a, const Sentence& b, double overlap) {
  return repeats_terms(a, b, to_milli(overlap));
}

std::vector<Selected> select_sentences(const std::vector<const Sentence*>& candidates, const ConceptWeights& weights,
                                       const Budget& budget, const SelectionOptions& options) {
  const std::size_t n = candidates.size();
  if (n == 0) return {};
  const Ratio ratio(budget.max_words > 0);
  const int64_t overlap_milli = to_milli(options.redundancy_overlap);

  auto fits = [&](const Run& r, const Sentence& s) {
    if (budget.max_words > 0 && r.words + s.words > budget.max_words) return false;
    if (budget.max_sentences > 0 && static_cast<int>(r.chosen.size()) + 1 > budget.max_sentences) return false;
    return true;
  };
  CoverSet covered(weights.weight.size());
  // Standalone value of each sentence: an upper bound of its gain at any later point.
  std::vector<int64_t> standalone(n);
  for (std::size_t i = 0; i < n; ++i) standalone[i] = gain_of(*candidates[i], weights, covered);

  auto add = [&](Run* r, std::size_t i, int64_t gain) {
    r->chosen.push_back(Selected{candidates[i], gain});
    r->index.push_back(i);
    r->total += gain;
    r->words += candidates[i]->words;
    for (uint32_t c : candidates[i]->concepts) covered.add(c);
  };

  // Heap entry: an upper bound of the candidate's gain. Best ratio on top; ties: earlier candidate.
  // The length is kept in the entry: heap sifts compare entries without touching the sentences.
  struct Entry {
    int64_t gain;
    uint32_t i;
    int32_t words;
  };
  auto entry = [&](int64_t gain, std::size_t i) { return Entry{gain, static_cast<uint32_t>(i), candidates[i]->words}; };
  auto worse = [&](const Entry& a, const Entry& b) {
    const int c = ratio.compare(a.gain, a.words, b.gain, b.words);
    return c != 0 ? c < 0 : a.i > b.i;
  };

  // Every candidate worth anything (heap-ordered: the order in which the fill swaps below try
  // them, and so break ties).
  std::vector<Entry> initial;
  for (std::size_t i = 0; i < n; ++i) {
    if (standalone[i] > 0) initial.push_back(entry(standalone[i], i));
  }
  // Very large inputs (thousands of articles): only the best candidates by standalone value per
  // length compete. Each greedy run pops candidates until the budget is full, so without a cap the
  // restarts cost restarts x n log n; a 100-word summary never needs its 200,000th best sentence.
  if (initial.size() > kMaxCompetingCandidates) {
    std::nth_element(initial.begin(), initial.begin() + kMaxCompetingCandidates, initial.end(),
                     [&](const Entry& a, const Entry& b) { return worse(b, a); });
    initial.resize(kMaxCompetingCandidates);
  }
  std::make_heap(initial.begin(), initial.end(), worse);
  // The same entries best first: a fresh heap would pop them in this order (`worse` is a strict
  // total order, ties broken by index), so each run walks this list instead of rebuilding a heap.
  std::vector<Entry> ranked = initial;
  std::sort(ranked.begin(), ranked.end(), [&](const Entry& a, const Entry& b) { return worse(b, a); });

  std::vector<uint32_t> best_first(ranked.size());
  for (std::size_t r = 0; r < ranked.size(); ++r) best_first[r] = ranked[r].i;
  RepeatMemo pair_repeats(candidates, overlap_milli, best_first);
  auto repeats = [&](const Run& r, std::size_t i) {
    for (std::size_t j : r.index) {
      if (pair_repeats(i, j)) return true;
    }
    return false;
  };

  // The shortest candidate: once fewer words are left than it has, no candidate fits any more.
  int shortest = 1 << 30;
  for (std::size_t i = 0; i < n; ++i) shortest = std::min(shortest, candidates[i]->words);
  auto full = [&](const Run& r) {
    return (budget.max_words > 0 && budget.max_words - r.words < shortest) ||
           (budget.max_sentences > 0 && static_cast<int>(r.chosen.size()) >= budget.max_sentences);
  };

  // One lazy-greedy run, optionally forced to start with sentence `first`.
  std::vector<Entry> requeued;  // the runs' re-queued entries (one buffer for all of them)
  auto greedy = [&](long first, Run* out) {
    Run& r = *out;
    r.clear();
    covered.reset();
    if (first >= 0) add(&r, static_cast<std::size_t>(first), standalone[first]);
    // (`first` stays in the heap; it is skipped as a repeat of itself, or adds nothing.)
    LazyQueue<Entry, decltype(worse)> queue(ranked, worse, &requeued);
    while (!queue.empty() && !full(r)) {  // a full summary takes nothing more: stop popping
      const Entry top = queue.pop();
      const Sentence& s = *candidates[top.i];
      if (!fits(r, s) || repeats(r, top.i)) continue;  // budgets only tighten and redundancy only grows
      const int64_t g = gain_of(s, weights, covered);
      if (g <= 0) continue;
      if (g < top.gain && !queue.empty() && worse(entry(g, top.i), queue.top())) {
        queue.push(entry(g, top.i));  // stale bound: re-queue with the true value
        continue;
      }
      add(&r, top.i, g);
    }
  };

  Run best, run;
  greedy(-1, &best);
  std::vector<std::size_t> order(n);
  for (std::size_t i = 0; i < n; ++i) order[i] = i;
  const std::size_t starts = std::min<std::size_t>(static_cast<std::size_t>(std::max(options.restarts, 0)), n);
  std::partial_sort(order.begin(), order.begin() + static_cast<long>(starts), order.end(), [&](std::size_t a, std::size_t b) {
    return standalone[a] != standalone[b] ? standalone[a] > standalone[b] : a < b;
  });
  for (std::size_t k = 0; k < starts; ++k) {
    const std::size_t i = order[k];
    if (standalone[i] <= 0) break;
    if (!fits(Run{}, *candidates[i])) continue;
    greedy(static_cast<long>(i), &run);
    if (run.total > best.total) std::swap(best, run);
  }

  // Filling the budget: the greedy ranks by value per word, so its last picks are the best ratios
  // that fit, not the most value that fits the words left. Swap one chosen sentence (or none) for
  // the candidate that adds most within the words this frees (often a compressed form, whose
  // lengths come finer), while the total grows.
  if (options.fill_swaps > 0 && budget.max_words > 0) {
    for (int round = 0; round < options.fill_swaps; ++round) {
      int64_t best_total = best.total;
      long drop = -2, take = -1;
      Run& kept = run;  // (the restarts are done with it)
      for (long k = -1; k < static_cast<long>(best.index.size()); ++k) {  // -1: drop nothing
        kept.clear();
        covered.reset();
        for (std::size_t m = 0; m < best.index.size(); ++m) {
          if (static_cast<long>(m) == k) continue;
          kept.index.push_back(best.index[m]);
          kept.words += candidates[best.index[m]]->words;
        }
        int64_t base = 0;
        for (std::size_t j : kept.index) {
          for (uint32_t c : candidates[j]->concepts) {
            if (!covered.has(c)) base += weights.weight[c], covered.add(c);
          }
        }
        if (budget.max_sentences > 0 && static_cast<int>(kept.index.size()) >= budget.max_sentences) continue;
        for (const Entry& e : initial) {  // the competing candidates (kMaxCompetingCandidates)
          const std::size_t i = e.i;
          if (kept.words + candidates[i]->words > budget.max_words || standalone[i] + base <= best_total) continue;
          if (repeats(kept, i)) continue;
          const int64_t g = gain_of(*candidates[i], weights, covered);
          if (base + g > best_total) best_total = base + g, drop = k, take = static_cast<long>(i);
        }
      }
      if (take < 0) break;
      Run& next = run;
      next.clear();
      covered.reset();
      for (std::size_t m = 0; m < best.index.size(); ++m) {
        if (static_cast<long>(m) == drop) continue;
        add(&next, best.index[m], gain_of(*candidates[best.index[m]], weights, covered));
      }
      add(&next, static_cast<std::size_t>(take), gain_of(*candidates[take], weights, covered));
      std::swap(best, next);
    }
  }

  if (options.allow_last_sentence_overflow && budget.max_words > 0 && best.words < budget.max_words &&
      (budget.max_sentences <= 0 || static_cast<int>(best.chosen.size()) < budget.max_sentences)) {
    // What each remaining sentence adds within the words left; the cut drops the rest of it.
    covered.reset();
    for (std::size_t j : best.index) {
      for (uint32_t c : candidates[j]->concepts) covered.add(c);
    }
    const int left = budget.max_words - best.words;
    long pick = -1;
    int64_t pick_gain = 0;
    for (std::size_t i = 0; i < n; ++i) {
      if (candidates[i]->words <= left) continue;  // would have fitted: the greedy had its chance
      if (std::find(best.index.begin(), best.index.end(), i) != best.index.end() || repeats(best, i)) continue;
      const int64_t g = gain_of(*candidates[i], weights, covered, left);
      if (g > pick_gain) pick = static_cast<long>(i), pick_gain = g;
    }
    if (pick >= 0) {
      add(&best, static_cast<std::size_t>(pick), pick_gain);
      best.chosen.back().overflows = true;
    }
  }
  return best.chosen;
}

}  // namespace precis
