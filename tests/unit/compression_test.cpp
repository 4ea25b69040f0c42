// Sentence compression rules (summarize/compression.h) on news sentences written for these tests in
// wire style (not taken from the evaluation data): what each rule leaves out, the sentence that
// remains, and sentences where a rule must not fire because the result would not read or would
// say something else.
#include "summarize/compression.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "summarize/summarizer.h"

namespace precis {
namespace {

// The sentence without each span `rules` find in it, one result per span, as "rule: text".
std::vector<std::string> each(const std::string& sentence, unsigned rules = kAllOmissionRules) {
  std::vector<std::string> out;
  const std::size_t base = 100;  // spans are document offsets: the sentence need not start at 0
  for (const Omission& o : find_omissions(sentence, base, rules)) {
    const std::vector<Span> one{o.span};
    out.push_back(std::to_string(o.rule) + ": " + omit_spans(sentence, base, one));
  }
  return out;
}

// The sentence without every span the rules find.
std::string all(const std::string& sentence, unsigned rules = kAllOmissionRules) {
  std::vector<Span> spans;
  for (const Omission& o : find_omissions(sentence, 0, rules)) spans.push_back(o.span);
  return omit_spans(sentence, 0, spans);
}

std::string r(unsigned rule, const std::string& text) { return std::to_string(rule) + ": " + text; }

using Texts = std::vector<std::string>;

TEST(Compression, OpeningConnective) {
  EXPECT_EQ(each("However, the talks resumed on schedule after a short delay."),
            Texts{r(kOmitConnective, "The talks resumed on schedule after a short delay.")});
  EXPECT_EQ(each("But the army denied any role in the attack on the convoy."),
            Texts{r(kOmitConnective, "The army denied any role in the attack on the convoy.")});
  EXPECT_EQ(each("In addition, the bank cut its forecast for next year.", kOmitConnective),
            Texts{r(kOmitConnective, "The bank cut its forecast for next year.")});
  // "However" without its comma is not the connective; too few words would remain after "But".
  EXPECT_TRUE(each("However much it costs the city will rebuild the bridge.", kOmitConnective).empty());
  EXPECT_TRUE(each("But it failed again.", kOmitConnective).empty());
  // The rest must open on a letter: not on a quotation.
  EXPECT_TRUE(each("But \"we will not give up,\" the mayor told the crowd.", kOmitConnective).empty());
}

TEST(Compression, OpeningTimePhrase) {
  EXPECT_EQ(each("On Tuesday, rescuers pulled three more survivors from the rubble."),
            Texts{r(kOmitLeadingTime, "Rescuers pulled three more survivors from the rubble.")});
  EXPECT_EQ(each("Late last week, the government sent 10,000 troops to the border.", kOmitLeadingTime),
            Texts{r(kOmitLeadingTime, "The government sent 10,000 troops to the border.")});
  EXPECT_EQ(each("In 1992, voters elected her to the Senate with 48 percent.", kOmitLeadingTime),
            Texts{r(kOmitLeadingTime, "Voters elected her to the Senate with 48 percent.")});
  // Without a word that names a time, an opening phrase is not a time phrase.
  EXPECT_TRUE(each("On the advice of his doctors, the senator withdrew from the race.", kOmitLeadingTime).empty());
  // Connective and time phrase together: both go, and the sentence still opens with a capital.
  EXPECT_EQ(all("But on Sunday, the rebels freed all of the hostages."), "The rebels freed all of the hostages.");
}

TEST(Compression, ClosingAttribution) {
  EXPECT_EQ(each("The plane crashed shortly after takeoff from the capital, officials said Tuesday."),
            Texts{r(kOmitAttribution, "The plane crashed shortly after takeoff from the capital.")});
  EXPECT_EQ(each("Four people were killed in the blast, according to police.", kOmitAttribution),
            Texts{r(kOmitAttribution, "Four people were killed in the blast.")});
  EXPECT_EQ(each("The talks will resume next month in Geneva, said a spokesman for the ministry.", kOmitAttribution),
            Texts{r(kOmitAttribution, "The talks will resume next month in Geneva.")});
  EXPECT_EQ(each("The company will cut 2,000 jobs by next year, it said in a statement on Monday.", kOmitAttribution),
            Texts{r(kOmitAttribution, "The company will cut 2,000 jobs by next year.")});
  // Two attributions in a row: two spans, either or both left out.
  EXPECT_EQ(each("Talks will focus on a week-long truce, officials said on Thursday, according to AFP.", kOmitAttribution),
            (Texts{r(kOmitAttribution, "Talks will focus on a week-long truce, according to AFP."),
                   r(kOmitAttribution, "Talks will focus on a week-long truce, officials said on Thursday.")}));
  EXPECT_EQ(all("Talks will focus on a week-long truce, officials said on Thursday, according to AFP."),
            "Talks will focus on a week-long truce.");
  // Quoted speech: without "he said" only a bare quotation would remain.
  EXPECT_TRUE(each("\"We will not give up on the peace process,\" he said.", kOmitAttribution).empty());
  // More than an attribution after the comma: what was said or believed, a clause.
  EXPECT_TRUE(each("The minister resigned after the vote, the newspaper said he believed.", kOmitAttribution).empty());
  EXPECT_TRUE(each("The bridge collapsed in the storm, which officials said was expected.", kOmitAttribution).empty());
}

TEST(Compression, SaidThat) {
  EXPECT_EQ(each("Police said Tuesday that the suspect had fled the country.", kOmitSaidThat),
            Texts{r(kOmitSaidThat, "The suspect had fled the country.")});
  // "insisted that they serve": the clause is a demand, not a fact.
  EXPECT_TRUE(each("The government insisted that the suspects serve their sentences at home.", kOmitSaidThat).empty());
  // "said that X and that Y": X alone would misquote.
  EXPECT_TRUE(each("He said that the plan was sound and that talks would resume soon.", kOmitSaidThat).empty());
  // "that" as the subject of what follows.
  EXPECT_TRUE(each("He said that would cover only the worst-hit areas.", kOmitSaidThat).empty());
  // A speaker is a name, not a clause.
  EXPECT_TRUE(each("When the judge said that the trial was over, the crowd cheered.", kOmitSaidThat).empty());
}

TEST(Compression, ParentheticalsAndDashAsides) {
  EXPECT_EQ(each("The storm packed winds of 130 kph (81 mph) as it moved north."),
            Texts{r(kOmitParenthetical, "The storm packed winds of 130 kph as it moved north.")});
  EXPECT_EQ(each("The Kurdistan Workers Party (PKK), which wants autonomy, denied it.", kOmitParenthetical),
            Texts{r(kOmitParenthetical, "The Kurdistan Workers Party, which wants autonomy, denied it.")});
  EXPECT_EQ(each("The hostages _ two Britons and a New Zealander _ were seized in October.", kOmitParenthetical),
            Texts{r(kOmitParenthetical, "The hostages were seized in October.")});
  // After an abbreviation, and before the final period: one period remains.
  EXPECT_EQ(each("The first plane landed in Gaza at 8:30 a.m. (0630 GMT).", kOmitParenthetical),
            Texts{r(kOmitParenthetical, "The first plane landed in Gaza at 8:30 a.m.")});
  EXPECT_TRUE(each("(Reuters) The market fell sharply in early trading.", kOmitParenthetical).empty());
  EXPECT_TRUE(each("The index fell (by most measures the most in a decade.", kOmitParenthetical).empty());  // never closed
}

TEST(Compression, AgesAndAppositives) {
  EXPECT_EQ(each("Pinochet, 82, was arrested in London on a Spanish warrant."),
            Texts{r(kOmitAppositive, "Pinochet was arrested in London on a Spanish warrant.")});
  EXPECT_EQ(each("Yasser Arafat, the Palestinian leader, promised to crack down on militants.", kOmitAppositive),
            Texts{r(kOmitAppositive, "Yasser Arafat promised to crack down on militants.")});
  EXPECT_EQ(each("Troops fired on protesters in Dili, the East Timor capital.", kOmitAppositive),
            Texts{r(kOmitAppositive, "Troops fired on protesters in Dili.")});
  // A second aside follows the age: leaving the age out would leave "Pinochet in London ..., was".
  EXPECT_TRUE(each("Pinochet, 82, in London for surgery, was held by police.", kOmitAppositive).empty());
  // A list, not an appositive.
  EXPECT_TRUE(each("Flights came from Egypt, Morocco, Jordan, Spain, the European Union and Japan.", kOmitAppositive).empty());
  EXPECT_TRUE(each("Britain, the United States and France, the council members, voted for it.", kOmitAppositive).empty());
  // "one from X, the other from Y": the second item is no aside.
  EXPECT_TRUE(each("He received two calls: one from Albright, the other from a Norwegian official.", kOmitAppositive).empty());
}

TEST(Compression, RelativeClauses) {
  EXPECT_EQ(each("The shower, which peaks every 33 years, is caused by comet debris."),
            Texts{r(kOmitRelative, "The shower is caused by comet debris.")});
  EXPECT_EQ(each("He urged an end to the sanctions, which were imposed in 1992.", kOmitRelative),
            Texts{r(kOmitRelative, "He urged an end to the sanctions.")});
  EXPECT_EQ(each("The airlines began a meeting in Long Beach, Calif., where the planes were made.", kOmitRelative),
            Texts{r(kOmitRelative, "The airlines began a meeting in Long Beach, Calif.")});
  // The clause's end is uncertain (a comma inside it): nothing.
  EXPECT_TRUE(each("He urged an end to the sanctions, which were imposed over the bombing of a jet over Lockerbie, "
                   "Scotland, that killed 270 people.", kOmitRelative).empty());
  // After an appositive ("The minister, Pedro Malan, who ...,"): its closing comma would be lost.
  EXPECT_TRUE(each("The finance minister, Pedro Malan, who was greeted with cheers, pledged new cuts.", kOmitRelative).empty());
}

TEST(Compression, BareWeekdays) {
  EXPECT_EQ(each("The rebels released the hostages Friday in a remote village."),
            Texts{r(kOmitWeekday, "The rebels released the hostages in a remote village.")});
  EXPECT_EQ(each("The president said on Monday he would veto the bill.", kOmitWeekday),
            Texts{r(kOmitWeekday, "The president said he would veto the bill.")});
  EXPECT_EQ(each("The blast Friday morning was the second this month.", kOmitWeekday),
            Texts{r(kOmitWeekday, "The blast was the second this month.")});
  EXPECT_TRUE(each("Talks between the two sides will continue until Friday.", kOmitWeekday).empty());
  EXPECT_TRUE(each("Tuesday's vote on the budget was postponed again.", kOmitWeekday).empty());
  EXPECT_TRUE(each("Flights to the island resumed Monday and Tuesday.", kOmitWeekday).empty());
  EXPECT_TRUE(each("Mubarak was expected in Ankara, possibly on Monday.", kOmitWeekday).empty());
}

TEST(Compression, SpansAreDisjointAndLeaveASentence) {
  const std::string s =
      "The Islamic group Hamas, which opposes the accord, claimed the 9:45 a.m. (0745 GMT) attack, police said Friday.";
  const std::vector<Omission> found = find_omissions(s, 0, kAllOmissionRules);
  ASSERT_EQ(found.size(), 3u);  // the relative clause, the parenthetical, the attribution (its weekday with it)
  for (std::size_t i = 1; i < found.size(); ++i) EXPECT_LE(found[i - 1].span.end, found[i].span.begin);
  EXPECT_EQ(all(s), "The Islamic group Hamas claimed the 9:45 a.m. attack.");
  // Every non-empty subset of up to three spans is offered; beyond, each alone and all together.
  EXPECT_EQ(omission_sets(found).size(), 7u);
  std::vector<Omission> five(5);
  for (std::size_t i = 0; i < five.size(); ++i) five[i].span = Span{i * 10, i * 10 + 5};
  EXPECT_EQ(omission_sets(five).size(), 6u);
  // Short sentences keep at least four words, whatever the rules find.
  EXPECT_TRUE(find_omissions("Pinochet, 82, was held.", 0, kAllOmissionRules).empty());
  EXPECT_TRUE(find_omissions("", 0, kAllOmissionRules).empty());
  EXPECT_TRUE(find_omissions(s, 0, 0).empty());
}

TEST(Compression, CapitalisesOnlyWhenTheStartIsLeftOut) {
  const std::string s = "But the army denied it, officials said.";
  const std::vector<Span> start{{0, 4}}, end{{22, 38}}, none;
  EXPECT_EQ(omit_spans(s, 0, start), "The army denied it, officials said.");
  EXPECT_EQ(omit_spans(s, 0, end), "But the army denied it.");
  EXPECT_EQ(omit_spans(s, 0, none), s);
}

// The analysis offers compressed forms of English sentences as variants: fewer words, the concepts
// of what they keep, never part of the article's counts; the summary may quote one.
TEST(Compression, VariantsInTheAnalysisAndTheSummary) {
  const std::string a =
      "Rescuers pulled three more survivors from the collapsed hotel in the capital, officials said Tuesday. "
      "The hotel collapsed after a gas explosion in its kitchen.";
  const std::string b =
      "Rescuers pulled three more survivors from the collapsed hotel in the capital, the fire brigade said. "
      "A gas explosion in the kitchen caused the hotel collapse.";
  LanguageInfo en;
  ASSERT_TRUE(resolve_language("en", &en));
  std::vector<InputDocument> docs = {{"a", "", "", a, false, {}}, {"b", "", "", b, false, {}}};
  const Corpus corpus = analyze(docs, en, AnalysisOptions{});
  const AnalyzedDocument& d = corpus.documents[0];
  ASSERT_EQ(d.sentences.size(), 2u);
  ASSERT_FALSE(d.variants.empty());
  const Sentence& v = d.variants[0];
  EXPECT_EQ(v.index, 0);
  EXPECT_EQ(v.span, d.sentences[0].span);  // the whole sentence's span, the omitted part listed
  ASSERT_EQ(v.omitted.size(), 1u);
  EXPECT_EQ(sentence_text(d, v), "Rescuers pulled three more survivors from the collapsed hotel in the capital.");
  EXPECT_EQ(v.words, d.sentences[0].words - 3);
  EXPECT_LT(v.concepts.size(), d.sentences[0].concepts.size());
  EXPECT_EQ(corpus.documents[1].variants.size(), 1u);

  SummaryOptions o;
  o.budget = Budget{14, 0};  // room for the compressed sentence only
  const SummaryResult r = summarize(docs, en, o);
  ASSERT_EQ(r.summary.size(), 1u);
  EXPECT_GE(r.summary[0].variant, 0);
  EXPECT_EQ(sentence_text(r.corpus.documents[r.summary[0].document], sentence_of(r.corpus, r.summary[0])),
            "Rescuers pulled three more survivors from the collapsed hotel in the capital.");
  // Without compression the same budget fits none of the agreed sentences' full forms.
  o.analysis.omission_rules = 0;
  const SummaryResult plain = summarize(docs, en, o);
  for (const SentenceRef& ref : plain.summary) EXPECT_EQ(ref.variant, -1);
  EXPECT_TRUE(r.corpus.documents[0].variants.size() > plain.corpus.documents[0].variants.size());
}

}  // namespace
}  // namespace precis
