// Learned concept weights (after Li, Qian and Liu 2013, "Using supervised bigram-based ILP for
// extractive summarization"): a linear model of a concept's features (concept_feature_vector)
// fitted by least squares to the share of the human summaries that contain the concept.
//
// Header-only: used by precis-eval's --learn (leave-one-cluster-out cross-validation, so that the
// scores it prints are never in-sample) and --fit-model (coefficients to ship) and by unit tests.
#pragma once

#include <array>
#include <cmath>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "eval/dataset.h"
#include "summarize/concept_weights.h"
#include "summarize/summarizer.h"

namespace precis::eval {

struct ConceptExample {
  std::array<int, kConceptFeatureCount> x;
  double y = 0;  // share of the references containing the concept
  std::string text;  // its stems, for inspection
};

// NIST's tokenized references ("Pinochet 's", "do n't", ``quotes'') put back the way articles
// write them, so that their word pairs match the articles' pairs.
inline std::string detokenize(std::string text) {
  const std::pair<const char*, const char*> fixes[] = {{" 's", "'s"}, {" n't", "n't"}, {" 're", "'re"}, {" 've", "'ve"},
                                                       {" 'll", "'ll"}, {" 'd", "'d"}, {" 'm", "'m"}, {"`` ", "\""},
                                                       {" ''", "\""}, {" ,", ","}, {" .", "."}};
  for (const auto& [from, to] : fixes) {
    const std::string f(from);
    for (std::size_t at = text.find(f); at != std::string::npos; at = text.find(f, at)) {
      text.replace(at, f.size(), to);
      at += std::string(to).size();
    }
  }
  return text;
}

// The word pairs of the cluster's articles stated by at least min_share_milli / 1000 of them, with
// their features and their share of references (with `words`: the single-word concepts instead).
inline std::vector<ConceptExample> concept_examples(const Cluster& cluster, const LanguageInfo& language,
                                                    const AnalysisOptions& analysis, int min_share_milli = 250,
                                                    bool words = false) {
  AnalysisOptions with_vocabulary = analysis;
  with_vocabulary.keep_vocabulary = true;
  const Corpus corpus = analyze(cluster.documents, language, with_vocabulary);
  std::vector<InputDocument> refs;
  for (std::size_t i = 0; i < cluster.references.size(); ++i) {
    refs.push_back(InputDocument{"ref" + std::to_string(i), "", "", detokenize(cluster.references[i]), false, {}});
  }
  const Corpus ref_corpus = analyze(refs, language, with_vocabulary);
  auto key = [](const Corpus& c, uint32_t concept) {
    const auto& [a, b] = c.concept_terms[concept];
    if (c.concept_is_word[concept]) return c.term_text[b];
    return c.term_text[a] + ' ' + c.term_text[b];
  };
  std::unordered_map<std::string, int> in_refs;
  for (const auto& d : ref_corpus.documents) {
    std::unordered_set<std::string> seen;
    for (const auto& s : d.sentences) {
      for (uint32_t c : s.concepts) {
        if (ref_corpus.concept_is_word[c] == words) seen.insert(key(ref_corpus, c));
      }
    }
    for (const auto& k : seen) ++in_refs[k];
  }
  const ConceptFeatures f = concept_features(corpus);
  std::vector<ConceptExample> out;
  const double nrefs = static_cast<double>(std::max<std::size_t>(cluster.references.size(), 1));
  for (uint32_t c = 0; c < corpus.concept_count; ++c) {
    if (f.document_count[c] == 0 || corpus.concept_is_word[c] != words) continue;  // word pairs only (or words only)
    ConceptExample e;
    e.x = concept_feature_vector(f, corpus, c);
    // Fitted where the weights compete: concepts that at least a quarter of the articles state.
    // (The rest keep a tenth of their weight, or none: fitting them too, nine in ten of all pairs,
    // mostly teaches the model that rare pairs are rare.)
    if (e.x[1] < min_share_milli) continue;
    const auto it = in_refs.find(key(corpus, c));
    e.y = it == in_refs.end() ? 0.0 : it->second / nrefs;
    e.text = key(corpus, c);
    out.push_back(e);
  }
  return out;
}

// Least squares with a small ridge (features scaled to 0..1), by Gaussian elimination on the
// normal equations. `use` says which example sets take part.
inline std::vector<double> fit_least_squares(const std::vector<std::vector<ConceptExample>>& sets,
                                             const std::vector<bool>& use, double ridge) {
  constexpr int K = kConceptFeatureCount;
  std::array<std::array<double, K + 1>, K> a{};  // [X'X + ridge I | X'y]
  for (std::size_t s = 0; s < sets.size(); ++s) {
    if (!use[s]) continue;
    for (const auto& e : sets[s]) {
      double x[K];
      for (int k = 0; k < K; ++k) x[k] = e.x[k] / 1000.0;
      for (int i = 0; i < K; ++i) {
        for (int j = 0; j < K; ++j) a[i][j] += x[i] * x[j];
        a[i][K] += x[i] * e.y;
      }
    }
  }
  for (int i = 0; i < K; ++i) a[i][i] += ridge;
  for (int col = 0; col < K; ++col) {
    int pivot = col;
    for (int r = col + 1; r < K; ++r) {
      if (std::fabs(a[r][col]) > std::fabs(a[pivot][col])) pivot = r;
    }
    std::swap(a[col], a[pivot]);
    if (std::fabs(a[col][col]) < 1e-12) continue;  // feature never varies: coefficient stays 0
    for (int r = 0; r < K; ++r) {
      if (r == col) continue;
      const double m = a[r][col] / a[col][col];
      for (int j = col; j <= K; ++j) a[r][j] -= m * a[col][j];
    }
  }
  std::vector<double> beta(K, 0.0);
  for (int i = 0; i < K; ++i) beta[i] = std::fabs(a[i][i]) < 1e-12 ? 0.0 : a[i][K] / a[i][i];
  return beta;
}

// Coefficients as ConceptWeightOptions::model wants them: a predicted share of 1 weighs 100000.
inline std::vector<int> to_model(const std::vector<double>& beta) {
  std::vector<int> m;
  for (double b : beta) m.push_back(static_cast<int>(std::lround(b * 100000.0)));
  return m;
}

}  // namespace precis::eval
