#include "eval/baselines.h"

#include "summarize/compression.h"

#include <algorithm>

namespace precis::eval {
namespace {

// Appends sentences in the given order until the budget is filled. Without overflow a sentence that
// does not fit is skipped and later (shorter) ones may still be taken; `stop_at_first_misfit`
// keeps a lead a lead instead.
std::vector<const Sentence*> fill_from(const std::vector<const Sentence*>& order, const Fill& fill,
                                       bool stop_at_first_misfit) {
  std::vector<const Sentence*> out;
  int words = 0;
  for (const Sentence* s : order) {
    if (fill.words > 0 && words >= fill.words) break;
    if (s->words == 0) continue;
    if (!fill.overflow && fill.words > 0 && words + s->words > fill.words) {
      if (stop_at_first_misfit) break;
      continue;
    }
    out.push_back(s);
    words += s->words;
  }
  return out;
}

}  // namespace

std::string sentence_text(const Corpus& corpus, const Sentence& s) {
  std::string text = precis::sentence_text(corpus.documents[s.document], s);  // compressed when it is a form
  std::replace_if(text.begin(), text.end(), [](char c) { return c == '\n' || c == '\r' || c == '\t'; }, ' ');
  return text;
}

std::string join_sentences(const Corpus& corpus, const std::vector<const Sentence*>& sentences) {
  std::string out;
  for (const Sentence* s : sentences) {
    if (!out.empty()) out += ' ';
    out += sentence_text(corpus, *s);
  }
  return out;
}

std::vector<const Sentence*> lead_baseline(const Corpus& corpus, const Fill& fill) {
  std::vector<const Sentence*> order;
  for (const auto& d : corpus.documents) {
    for (const auto& s : d.sentences) order.push_back(&s);
  }
  return fill_from(order, fill, true);
}

std::vector<const Sentence*> random_baseline(const Corpus& corpus, const Fill& fill, std::mt19937_64& rng) {
  std::vector<const Sentence*> order;
  for (const auto& d : corpus.documents) {
    for (const auto& s : d.sentences) order.push_back(&s);
  }
  std::shuffle(order.begin(), order.end(), rng);
  return fill_from(order, fill, false);
}

}  // namespace precis::eval
