// Sentence compression by deletion (English): spans of a news sentence that can be left out so that
// what remains is still a grammatical sentence saying the same main thing: an attribution
// (", officials said Tuesday."), an opening connective ("But ", "However, ") or time phrase
// ("On Tuesday, "), a parenthetical (" (0745 GMT)"), an age, appositive or non-restrictive relative
// clause set off by commas (", 82,", ", the Palestinian leader,", ", which peaks every 33 years,"), a
// bare weekday (" on Friday"). A summary cut at 100 words gains room for content by dropping them.
//
// The rules only find candidates; the selector decides, per sentence, whether a compressed form
// (and which) is worth more per word than the sentence as written (analysis.h: Sentence::variant).
// Rules are deliberately narrow: each must leave a sentence a reader would accept, and any doubt
// (quotes, an unexpected word after the closing comma) means no span.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "summarize/analysis.h"
#include "text/span.h"

namespace precis {

enum CompressionRule : unsigned {
  kOmitConnective = 1u << 0,     // "But ", "However, ", "In addition, " opening the sentence
  kOmitLeadingTime = 1u << 1,    // "On Tuesday, ", "Late last week, ", "In 1992, " opening it
  kOmitAttribution = 1u << 2,    // ", officials said Tuesday." / ", according to police." closing it
  kOmitSaidThat = 1u << 3,       // "Officials said Tuesday that " opening it
  kOmitParenthetical = 1u << 4,  // " (0745 GMT)", " _ aside _ ", " -- aside -- "
  kOmitAppositive = 1u << 5,     // ", 82," or ", the Palestinian leader," after a name
  kOmitRelative = 1u << 6,       // ", which peaks every 33 years," / ", who ..." to the end
  kOmitWeekday = 1u << 7,        // " on Friday", " Tuesday night" after a word
};
constexpr unsigned kAllOmissionRules = 0xFFu;

struct Omission {
  Span span;  // document offsets
  unsigned rule = 0;
};

// Spans of `sentence` (whose first byte is at document offset `base`) that may be left out, found
// by `rules`, in text order and disjoint (a span overlapping an earlier rule's is dropped). Leaving
// all of them out still leaves a sentence of at least four words.
std::vector<Omission> find_omissions(std::string_view sentence, std::size_t base, unsigned rules);

// The compressed forms worth offering for a sentence with these omissions: every non-empty subset
// when there are at most three (so that a useful span is never tied to a costly one), otherwise each
// span alone and all of them together. Each set in text order.
std::vector<std::vector<Span>> omission_sets(const std::vector<Omission>& found);

// The sentence with `omitted` (document offsets, sorted, disjoint, inside the sentence) left out:
// the kept pieces joined as they are (each rule's span carries exactly the spacing and punctuation
// that must go with it), and, when the sentence's start was left out, its new first letter
// capitalised if it is an ASCII lowercase letter (the rules never open a sentence on another one).
std::string omit_spans(std::string_view sentence, std::size_t base, IdRange<Span> omitted);

// A sentence of `d` as a summary quotes it: as written, or its compressed form.
std::string sentence_text(const AnalyzedDocument& d, const Sentence& s);

}  // namespace precis
