#include "clean/plain_text_cleaner.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <tuple>

#include "test_data.h"

namespace precis {
namespace {

std::string kept_text(const std::string& text, const CleanedText& c) {
  std::string out;
  for (const Span& b : c.blocks) out += std::string(b.of(text)) + "\n";
  return out;
}

std::string removed_with(const std::string& text, const CleanedText& c, const std::string& reason) {
  std::string out;
  for (const auto& r : c.removed) {
    if (r.reason == reason) out += std::string(r.span.of(text)) + "\n";
  }
  return out;
}

bool contains(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }

// Every paragraph of the article body (lines ending like a sentence and long enough to be prose)
// must survive cleaning, untouched.
void expect_body_kept(const std::string& text, const CleanedText& c, const std::vector<std::string>& body_lines) {
  const std::string kept = kept_text(text, c);
  for (const auto& line : body_lines) EXPECT_TRUE(contains(kept, line)) << "lost article text: " << line;
}

TEST(PlainTextCleaner, Seed1RepeatedTitlesAndRelatedHeadlines) {
  const std::string text = testing::seed(1);
  const CleanedText c = clean_plain_text(text, {});
  EXPECT_EQ(c.title, "John Kerry's Proposed 7-Day Gaza Truce in Limbo");
  const std::string kept = kept_text(text, c);
  EXPECT_FALSE(contains(kept, "Truce in Limbo"));
  EXPECT_FALSE(contains(kept, "(ABC News)"));
  EXPECT_TRUE(contains(removed_with(text, c, "repeated_title"), "(ABC News)"));
  const std::string related = removed_with(text, c, "related_links");
  EXPECT_TRUE(contains(related, "Inside the Gaza Tunnels That Israel Is Trying to Destroy"));
  EXPECT_TRUE(contains(related, "Officials: 4 Palestinians Killed in West Bank"));
  EXPECT_TRUE(contains(related, "FAA Lifts Flight Restrictions to Israel"));
  EXPECT_FALSE(contains(kept, "FAA Lifts"));
  expect_body_kept(text, c, {"The \"seven days of peace\" that Secretary of State John Kerry",
                             "He's now headed to Paris for another round of talks.",
                             "Hundreds of Palestinians and dozens of Israelis, mostly soldiers, have died in the conflict."});
}

TEST(PlainTextCleaner, Seed2PhotoCredit) {
  const std::string text = testing::seed(2);
  const CleanedText c = clean_plain_text(text, {});
  EXPECT_TRUE(contains(removed_with(text, c, "caption_credit"), "John Kerry Reuters"));
  const std::string kept = kept_text(text, c);
  EXPECT_FALSE(contains(kept, "Reuters"));
  expect_body_kept(text, c, {"U.S.-led efforts to end the conflict between Israel and Hamas",
                             "An Egyptian official confirmed that diplomatic efforts have shifted to a humanitarian truce."});
}

TEST(PlainTextCleaner, Seed3PaywallToTheEnd) {
  const std::string text = testing::seed(3);
  const CleanedText c = clean_plain_text(text, {});
  const auto start = text.find("You’ve reached your limit of {{free_limit}} free articles");
  ASSERT_NE(start, std::string::npos);
  ASSERT_FALSE(c.removed.empty());
  const RemovedSpan& pay = c.removed.back();
  EXPECT_EQ(pay.reason, "paywall");
  EXPECT_EQ(pay.span.begin, start);
  // Through the end of the text (trailing white space aside).
  EXPECT_EQ(text.find_first_not_of(" \t\r\n", pay.span.end), std::string::npos);
  const std::string kept = kept_text(text, c);
  EXPECT_FALSE(contains(kept, "Subscribe"));
  EXPECT_FALSE(contains(kept, "{{"));
  expect_body_kept(text, c, {"Kerry returned to Washington early today",
                             "but backed Israel's calls for action on tunnels."});
  // All eight article paragraphs remain.
  EXPECT_EQ(c.blocks.size(), 8u);
}

TEST(PlainTextCleaner, EveryByteIsKeptOrReported) {
  for (int n = 1; n <= 3; ++n) {
    const std::string text = testing::seed(n);
    const CleanedText c = clean_plain_text(text, {});
    std::vector<Span> all = c.blocks;
    for (const auto& r : c.removed) all.push_back(r.span);
    std::sort(all.begin(), all.end(), [](const Span& a, const Span& b) { return a.begin < b.begin; });
    std::size_t pos = 0;
    for (const Span& s : all) {
      ASSERT_GE(s.begin, pos) << "overlapping spans in seed " << n;
      // Gaps may only be white space.
      for (std::size_t i = pos; i < s.begin; ++i) {
        ASSERT_TRUE(text[i] == ' ' || text[i] == '\n' || text[i] == '\r' || text[i] == '\t')
            << "seed " << n << " lost byte " << i;
      }
      pos = s.end;
    }
  }
}

// Found by fuzz_clean: a paragraph that began with an en quad (U+2000) kept it as its block's first
// character, although sentences were already trimmed of it. Lines are trimmed as sentences are.
TEST(PlainTextCleaner, BlocksAreTrimmedOfUnicodeSpaces) {
  const std::string text =
      "The company said on Monday that it was pleased with the results so far.\n\n"
      "\u2000\u00A0 \u201CWe have never had demand like that,\u201D Mayer said on Tuesday.\u3000\u200B\n\n"
      "\u00A0The streaming service represents a shift for the company and its plans.\u2009\n";
  const CleanedText c = clean_plain_text(text, {});
  ASSERT_EQ(c.blocks.size(), 3u);
  EXPECT_EQ(c.blocks[1].of(text), "\u201CWe have never had demand like that,\u201D Mayer said on Tuesday.");
  EXPECT_EQ(c.blocks[2].of(text), "The streaming service represents a shift for the company and its plans.");
}

TEST(PlainTextCleaner, BylinesSharePromptsAndTemplates) {
  const std::string text =
      "Storm hits the coast\n"
      "By Jane Doe and Max Mustermann, Associated Press\n"
      "Updated 3:45 PM EDT, July 25, 2014\n"
      "Share this article\n"
      "The storm reached the coast on Tuesday night and cut power to thousands of homes, officials said.\n"
      "Advertisement\n"
      "Rescue teams worked through the night to reach people trapped by the rising water in low districts.\n"
      "Sign up for our daily newsletter\n"
      "Welcome back, {{user_name}}\n"
      "(AP Photo/Evan Vucci)\n";
  const CleanedText c = clean_plain_text(text, {});
  EXPECT_EQ(c.blocks.size(), 2u);
  EXPECT_TRUE(contains(removed_with(text, c, "byline"), "By Jane Doe"));
  EXPECT_TRUE(contains(removed_with(text, c, "byline"), "Updated 3:45 PM"));
  EXPECT_TRUE(contains(removed_with(text, c, "share_prompt"), "Share this article"));
  EXPECT_TRUE(contains(removed_with(text, c, "share_prompt"), "Advertisement"));
  EXPECT_TRUE(contains(removed_with(text, c, "share_prompt"), "Sign up for our daily newsletter"));
  EXPECT_TRUE(contains(removed_with(text, c, "template"), "{{user_name}}"));
  EXPECT_TRUE(contains(removed_with(text, c, "caption_credit"), "(AP Photo/Evan Vucci)"));
}

TEST(PlainTextCleaner, WireDatelineIsStripped) {
  const std::string text = "LONDON (AP) _ An influential lawmaker backed Spanish requests on Saturday.\n\nMore text here, said he.\n";
  const CleanedText c = clean_plain_text(text, {});
  ASSERT_FALSE(c.blocks.empty());
  EXPECT_EQ(std::string(c.blocks[0].of(text)).rfind("An influential lawmaker", 0), 0u);
  EXPECT_EQ(dateline_prefix_length("WASHINGTON _ The Senate voted."), std::string("WASHINGTON _ ").size());
  EXPECT_EQ(dateline_prefix_length("BUENOS AIRES, Argentina _ Gen. Pinochet"), std::string("BUENOS AIRES, Argentina _ ").size());
  EXPECT_EQ(dateline_prefix_length("CAIRO, July 25 (Reuters) - Talks resumed."), std::string("CAIRO, July 25 (Reuters) - ").size());
  EXPECT_EQ(dateline_prefix_length("U.S.-led efforts to end the conflict"), 0u);
  EXPECT_EQ(dateline_prefix_length("The man - who was there - left."), 0u);
}

// Found by fuzz_clean: the block after a dateline began with the blanks after its spaces (a vertical
// tab, an NBSP). The block is trimmed as lines are, and so is its end before an editing note.
TEST(PlainTextCleaner, BlockAfterADatelineIsTrimmedOfEveryBlank) {
  for (const std::string blank : {"\v", "\t", "\u00A0", "\u2009\u00A0"}) {
    const std::string text = "LONDON (AP) _ " + blank + "An influential lawmaker backed Spanish requests on Saturday." + blank +
                             "\n\nMore text here, said he.\n";
    const CleanedText c = clean_plain_text(text, {});
    ASSERT_FALSE(c.blocks.empty());
    EXPECT_EQ(c.blocks[0].of(text), "An influential lawmaker backed Spanish requests on Saturday.");
  }
}

TEST(PlainTextCleaner, WireDatelineWithRegionIsStripped) {
  // DUC 2003 (AP): a city in capitals, then a region or country in title case.
  EXPECT_EQ(dateline_prefix_length("ZURICH, Switzerland (AP) _ Swissair lawyers are looking at procedures."),
            std::string("ZURICH, Switzerland (AP) _ ").size());
  EXPECT_EQ(dateline_prefix_length("THE HAGUE, Netherlands (AP) _ The president of the U.N. war crimes tribunal"),
            std::string("THE HAGUE, Netherlands (AP) _ ").size());
  EXPECT_EQ(dateline_prefix_length("PORT-AU-PRINCE, Haiti (AP) _ Searchers recovered more bodies"),
            std::string("PORT-AU-PRINCE, Haiti (AP) _ ").size());
  EXPECT_EQ(dateline_prefix_length("SEOUL, South Korea (AP) _ Despite catastrophic hunger at home"),
            std::string("SEOUL, South Korea (AP) _ ").size());
  // Capitals first, then ordinary words: a sentence, not a place.
  EXPECT_EQ(dateline_prefix_length("NATO, which leads the alliance - and others - agreed."), 0u);
  EXPECT_EQ(dateline_prefix_length("USA, Canada and Mexico - together - signed."), 0u);
  EXPECT_EQ(dateline_prefix_length("WASHINGTON-based groups - and others - agreed."), 0u);
}

TEST(PlainTextCleaner, WireEditingNotesAreRemoved) {
  // Operator initials after the last sentence of a line (DUC 2003 AP articles).
  const std::string gm = "The lawsuit claims the companies did little to correct them. (gm)";
  EXPECT_EQ(wire_note_start(gm), gm.find(" (gm)"));
  const std::string mslm = "Several African leaders have ignored the sanctions since the vote. ms-lm";
  EXPECT_EQ(wire_note_start(mslm), mslm.find(" ms-lm"));
  const std::string vj = "And people can only be won over by \"sowing the seeds of trust.\" he said. vj/mae";
  EXPECT_EQ(wire_note_start(vj), vj.find(" vj/mae"));
  EXPECT_EQ(wire_note_start("nn"), 0u);
  // Pick-up lines: alone, or after the last sentence of a line.
  EXPECT_EQ(wire_note_start("Turkey amassed troops, pick up 4th graf pvs"), 0u);
  EXPECT_EQ(wire_note_start("The plane, 5th graf pvs. (gm)"), 0u);
  EXPECT_EQ(wire_note_start("The tribunal, graf 5 pvs"), 0u);
  const std::string pickup = "ANC members must do the same. \"No member, 5th graf, 1st Ld-Writethru";
  EXPECT_EQ(wire_note_start(pickup), pickup.find(" \"No member"));
  // Ordinary endings stay.
  for (const std::string keep : {std::string("The meeting ended on Tuesday. ok"), std::string("He said it was over."),
                                 std::string("Officials met (again) in the capital"), std::string("and"),
                                 std::string("The count bought the estate from the 5th graf in 1820 and left.")}) {
    EXPECT_EQ(wire_note_start(keep), keep.size()) << keep;
  }

  const std::string text =
      "BONN, Germany (AP) _ German police raided several locations near Bonn, officials said Wednesday.\n\n"
      "The raids followed a warning of a terrorist threat against the U.S. Embassy, but no explosives were found.\n\n"
      "In September, German police stepped up security at the U.S. consulate in Hamburg. (tc-pfg-dkt)\n\n"
      "Turkey amassed troops, pick up 4th graf pvs\n\n"
      "(STORY CAN END HERE. OPTIONAL MATERIAL FOLLOWS)\n\nnn\n\n"
      "The embassy remained open on Thursday, a spokesman said, and no evidence of a planned attack was found by the police.\n\n"
      "Officials declined to say where the warning had come from or how many officers took part in the searches.\n";
  const CleanedText c = clean_plain_text(text, {});
  EXPECT_EQ(kept_text(text, c),
            "German police raided several locations near Bonn, officials said Wednesday.\n"
            "The raids followed a warning of a terrorist threat against the U.S. Embassy, but no explosives were found.\n"
            "In September, German police stepped up security at the U.S. consulate in Hamburg.\n"
            "The embassy remained open on Thursday, a spokesman said, and no evidence of a planned attack was found by the police.\n"
            "Officials declined to say where the warning had come from or how many officers took part in the searches.\n");
  const std::string slugs = removed_with(text, c, "slug");
  EXPECT_TRUE(contains(slugs, "(tc-pfg-dkt)\n"));
  EXPECT_TRUE(contains(slugs, "Turkey amassed troops, pick up 4th graf pvs\n"));
  EXPECT_TRUE(contains(slugs, "(STORY CAN END HERE"));
  EXPECT_TRUE(contains(slugs, "nn\n"));
  EXPECT_TRUE(contains(removed_with(text, c, "dateline"), "BONN, Germany (AP) _ "));
}

TEST(PlainTextCleaner, LineAfterAnEditingNoteStartsANewBlock) {
  // Found by fuzz_pipeline: a lowercase line after a line whose editing note was cut used to
  // continue that line's block, which then ran over the removed note (hidden text counted twice).
  const std::string text =
      "Security was stepped up at the consulate after a tip about a possible threat. (tc-pfg-dkt)\n"
      "enate resolves to observe a minute of silence.\n";
  const CleanedText c = clean_plain_text(text, {});
  ASSERT_EQ(c.blocks.size(), 2u);
  EXPECT_EQ(c.blocks[0].of(text), "Security was stepped up at the consulate after a tip about a possible threat.");
  EXPECT_EQ(c.blocks[1].of(text), "enate resolves to observe a minute of silence.");
  EXPECT_TRUE(contains(removed_with(text, c, "slug"), "(tc-pfg-dkt)"));
  for (const RemovedSpan& r : c.removed) {
    for (const Span& b : c.blocks) EXPECT_TRUE(r.span.end <= b.begin || b.end <= r.span.begin) << r.span.of(text);
  }
}

TEST(PlainTextCleaner, WrappedLinesFormOneParagraph) {
  const std::string text = "The delegation arrived in Cairo on\nthe morning of Thursday for talks.\n";
  const CleanedText c = clean_plain_text(text, {});
  ASSERT_EQ(c.blocks.size(), 1u);
  EXPECT_EQ(c.blocks[0].of(text), "The delegation arrived in Cairo on\nthe morning of Thursday for talks.");
}

TEST(PlainTextCleaner, ShortLinesSharedAcrossArticlesAreFurniture) {
  const std::string a = "Officials met on Monday to discuss the plan in detail with the mediators.\nMost Viewed Stories Today\n";
  const std::string b = "Most Viewed Stories Today\nThe plan was rejected on Tuesday by the cabinet after a long meeting.\n";
  const SharedLines shared = count_shared_lines({a, b});
  CleanOptions o;
  o.shared_lines = &shared;
  const CleanedText ca = clean_plain_text(a, o);
  EXPECT_EQ(ca.blocks.size(), 1u);
  EXPECT_TRUE(contains(removed_with(a, ca, "repeated_across_articles"), "Most Viewed"));
}

TEST(PlainTextCleaner, EmptyAndBlankInput) {
  EXPECT_TRUE(clean_plain_text("", {}).blocks.empty());
  EXPECT_TRUE(clean_plain_text(" \n\n\t\n", {}).blocks.empty());
  const CleanedText one = clean_plain_text("Just one line without a full stop", {});
  EXPECT_EQ(one.blocks.size(), 1u);  // a single line is never taken as a title of nothing
}

// ---- Text copied from a whole web page: menus, other stories, comments and footers around the
// article (what the region selection removes) ----

std::string copied_page(const std::string& after_article) {
  return "Skip to content\nHome\nNews\nSport\nBusiness\nOpinion\nWeather\nSubscribe\nSign in\n"
         "Council approves school budget\n"
         "By Jane Doe\nMarch 5, 2024\n"
         "The city council voted on Tuesday to approve a $40 million budget for new schools, ending months of debate.\n\n"
         "Mayor Ana Ruiz said construction of the first two buildings would begin in the spring, with a third to follow.\n\n"
         "Opponents argued that the plan, which raises property taxes by two percent, leaves too little for road repairs.\n\n" +
         after_article;
}

const std::vector<std::string> kCopiedBody = {
    "The city council voted on Tuesday to approve a $40 million budget for new schools, ending months of debate.",
    "Mayor Ana Ruiz said construction of the first two buildings would begin in the spring, with a third to follow.",
    "Opponents argued that the plan, which raises property taxes by two percent, leaves too little for road repairs."};

TEST(PlainTextCleaner, CopiedPageMenusAndFooterAreRemoved) {
  const std::string text = copied_page(
      "Most Read\nStorm Closes Highway for a Day\nLocal Team Wins the Cup\n"
      "© 2024 Daily Courier. All rights reserved.\nPrivacy Policy\nTerms of Use\n"
      "Daily Courier is the oldest newspaper of the county, founded in 1887, and it is proud of it.\n");
  const CleanedText c = clean_plain_text(text, {});
  expect_body_kept(text, c, kCopiedBody);
  EXPECT_EQ(c.blocks.size(), 3u) << kept_text(text, c);
  EXPECT_TRUE(contains(removed_with(text, c, "outside_article"), "Sport"));
  EXPECT_TRUE(contains(removed_with(text, c, "footer"), "All rights reserved"));
  EXPECT_FALSE(contains(kept_text(text, c), "oldest newspaper"));
}

TEST(PlainTextCleaner, CommentThreadAfterTheArticleIsRemoved) {
  const std::string text = copied_page(
      "12 Comments\n"
      "Bob on March 5, 2024 at 4:47 pm said:\n"
      "This is the worst decision the council has made in years, and everybody in this town knows it.\n"
      "Reply\n"
      "Sue on March 5, 2024 at 6:02 pm said:\n"
      "I think the schools are needed, but the taxes are simply too high for families like mine to pay.\n"
      "Reply\n"
      "Leave a Reply\n");
  const CleanedText c = clean_plain_text(text, {});
  expect_body_kept(text, c, kCopiedBody);
  EXPECT_EQ(c.blocks.size(), 3u) << kept_text(text, c);
  EXPECT_TRUE(contains(removed_with(text, c, "comments"), "12 Comments"));
  EXPECT_FALSE(contains(kept_text(text, c), "worst decision"));
}

TEST(PlainTextCleaner, CommentsWithTimestampsButNoLabelAreRemoved) {
  const std::string text = copied_page(
      "bob_1987\n2 days ago at 07:50 am\n"
      "This is the worst decision the council has made in years, and everybody in this town knows it.\n"
      "sue.k\n2 days ago at 08:12 am\n"
      "I think the schools are needed, but the taxes are simply too high for families like mine to pay.\n"
      "tom\n2 days ago at 09:30 am\n"
      "Roads first. The potholes on Main Street have been there since I was a kid, and nobody fixes them.\n");
  const CleanedText c = clean_plain_text(text, {});
  expect_body_kept(text, c, kCopiedBody);
  EXPECT_FALSE(contains(kept_text(text, c), "worst decision")) << kept_text(text, c);
}

TEST(PlainTextCleaner, CookieNoticeIsRemovedHoweverLong) {
  const std::string text = copied_page(
      "This website uses cookies to improve your experience while you navigate through the website. Out of these, the "
      "cookies that are categorized as necessary are stored on your browser as they are essential.\nAccept\n");
  const CleanedText c = clean_plain_text(text, {});
  expect_body_kept(text, c, kCopiedBody);
  EXPECT_TRUE(contains(removed_with(text, c, "cookie_notice"), "This website uses cookies"));
}

TEST(PlainTextCleaner, ExcerptsOfOtherStoriesAfterTheArticleAreRemoved) {
  const std::string text = copied_page(
      "More from Daily Courier\n"
      "Bridge Repairs Start Next Week\n"
      "Drivers on the river road should expect delays of up to an hour while the old bridge is repaired.\n"
      "Library Reopens After Flood\n"
      "The main library opened its doors again on Monday, three months after the river flooded its basement.\n");
  const CleanedText c = clean_plain_text(text, {});
  expect_body_kept(text, c, kCopiedBody);
  EXPECT_FALSE(contains(kept_text(text, c), "Drivers on the river road")) << kept_text(text, c);
  EXPECT_FALSE(contains(kept_text(text, c), "library opened its doors"));
}

TEST(PlainTextCleaner, ArticleWithSubheadingsAndShortLinesStaysWhole) {
  // Short lines inside the article (a subheading, a one-line paragraph) are not cut out of it.
  const std::string text =
      "Menu\nNews\nSport\n"
      "The city council voted on Tuesday to approve a $40 million budget for new schools, ending months of debate.\n\n"
      "What the money buys\n\n"
      "Two new elementary schools and a renovated library are the largest items in the plan approved this week.\n\n"
      "It passed 7-2.\n\n"
      "Opponents argued that the plan, which raises property taxes by two percent, leaves too little for road repairs.\n";
  const CleanedText c = clean_plain_text(text, {});
  const std::string kept = kept_text(text, c);
  EXPECT_TRUE(contains(kept, "It passed 7-2.")) << kept;
  EXPECT_TRUE(contains(kept, "Two new elementary schools"));
  EXPECT_TRUE(contains(kept, "Opponents argued"));
  EXPECT_FALSE(contains(kept, "Sport"));
}

TEST(PlainTextCleaner, RepeatedLineRemovedAfterItsFirst) {
  const std::string text =
      "The first paragraph of the article says something long enough to count as prose here.\n\n"
      "A short note\n\n"
      "The second paragraph says something else that is also long enough to be prose.\n\n"
      "A SHORT NOTE!\n\n"
      "The third paragraph closes the article with one more sentence of some length.\n";
  const CleanedText c = clean_plain_text(text, {});
  std::vector<std::size_t> repeats;
  for (const auto& r : c.removed) {
    if (r.reason == std::string("repeated_line")) repeats.push_back(r.span.begin);
  }
  EXPECT_EQ(repeats, std::vector<std::size_t>{text.find("A SHORT NOTE!")});
}

TEST(LineFeatures, ComparisonKey) {
  EXPECT_EQ(comparison_key("Kerry’s 'Big' DEAL!  (AP)"), "kerrys big deal ap");
  EXPECT_EQ(comparison_key("İstanbul ẞ"), "istanbul ß");
  // Lowercasing lengthens these letters (two bytes -> three): the key outgrows its text.
  EXPECT_EQ(comparison_key("ȺȾ ȺȾ"), "ⱥⱦ ⱥⱦ");
  EXPECT_EQ(comparison_key("a\xC3"), "a");  // a truncated sequence separates nothing
}

TEST(LineFeatures, PhraseSetFindsPhrasesOnWordBoundaries) {
  const PhraseSet one{"all rights reserved", "ap", "x"};
  EXPECT_TRUE(one.found_in("2019 all rights reserved"));
  EXPECT_FALSE(one.found_in("all rights reservedly"));
  EXPECT_TRUE(one.found_in("photo ap"));     // shorter than three bytes, at the end
  EXPECT_TRUE(one.found_in("ap photo"));
  EXPECT_FALSE(one.found_in("apt photo"));
  EXPECT_TRUE(one.found_in("a x b"));
  EXPECT_FALSE(one.found_in(""));
  // Several lists, one pass: a bit per list found.
  const PhraseSet lists(std::vector<std::vector<std::string_view>>{{"cookie", "cookies"}, {"subscribe now"}, {"paywall"}});
  EXPECT_EQ(lists.lists_in("we use cookies subscribe now"), 3u);
  EXPECT_EQ(lists.lists_in("the paywall"), 4u);
  EXPECT_EQ(lists.lists_in("subscribe nowhere"), 0u);
}

TEST(LineFeatures, TitleCaseSkipsMinorWords) {
  const auto features = [](const char* text) {
    const Line l = split_lines(text).at(0);
    return std::make_tuple(l.words, l.title_case, l.starts_lower);
  };
  EXPECT_EQ(features("The Fall of the House of Usher"), std::make_tuple(7, 1.0, false));
  EXPECT_EQ(features("“The” Rise (of) The Vs. Empire"), std::make_tuple(6, 1.0, false));
  EXPECT_EQ(features("the state of the Union"), std::make_tuple(5, 1.0 / 3, true));
  EXPECT_EQ(features("Über die Brücke 2019"), std::make_tuple(4, 1.0, false));
}

}  // namespace
}  // namespace precis
