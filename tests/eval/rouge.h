// ROUGE-N recall, precision and F as ROUGE-1.5.5 computes them with `-n N -m -a -f A -p 0.5 -l L`
// (no stopword removal), so that scores here can be compared with published ones.
//
// What ROUGE-1.5.5 actually does, read from its readText / createNGram / ngramScore:
//   - keep the first L white-space words of the text (L = 0: all). Words are split on ASCII white
//     space only, so punctuation tokens such as "--" or "," count as words;
//   - lowercase ASCII letters and turn every character other than [a-z0-9] (including any byte of a
//     non-ASCII character) into a separator;
//   - with -m, stem tokens longer than 3 characters (ROUGE maps irregular forms through WordNet
//     first, then Porter; we use Snowball's "porter" only, worth about -0.5 R-1 on DUC data);
//   - per reference, clip each n-gram's count to the reference's count; sum hits and counts over
//     the references: R = hits / reference n-grams, P = hits / (references x system n-grams).
// Note: despite its usage text ("first n words in the system/peer summary"), ROUGE-1.5.5 passes the
// -l limit to readText for the model (reference) summaries too; callers choose whether to follow.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "text/stemmer.h"

namespace precis::eval {

using Tokens = std::vector<std::string>;

struct RougeScore {
  double recall = 0;
  double precision = 0;
  double f = 0;  // 2PR / (P + R), ROUGE's alpha = 0.5
};

class Rouge {
 public:
  explicit Rouge(bool stem);

  // The text as ROUGE sees it: cut to `max_words` white-space words (0 = no cut), lowercased,
  // split on non-alphanumerics, stemmed when enabled.
  Tokens tokens(std::string_view text, int max_words) const;

  // ROUGE-N of `system` against all `references` at once (ROUGE's -f A). All zero when there is
  // nothing to count, never NaN.
  static RougeScore score(const Tokens& system, const std::vector<Tokens>& references, int n);

 private:
  bool stem_;
  Stemmer stemmer_;
};

}  // namespace precis::eval
