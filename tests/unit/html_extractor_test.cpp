// Article extraction from HTML (core/html/extractor.h, blocks from Gumbo): short real-looking
// pages, one per kind of boilerplate, checked against the exact expected article text.
#include "html/extractor.h"

#include <gtest/gtest.h>

#include "html/gumbo_blocks.h"

namespace precis {
namespace {

const std::string kP1 =
    "The city council voted on Tuesday to approve a $40 million budget for new schools, ending months of debate.";
const std::string kP2 =
    "Mayor Ana Ruiz said construction of the first two buildings would begin in the spring, with a third to follow in 2026.";
const std::string kP3 =
    "Opponents argued that the plan, which raises property taxes by two percent, leaves too little for road repairs.";
const std::string kArticle = kP1 + "\n\n" + kP2 + "\n\n" + kP3;

std::string body3() { return "<p>" + kP1 + "</p>\n<p>" + kP2 + "</p>\n<p>" + kP3 + "</p>\n"; }

// A page skeleton: site header and navigation, the article, a sidebar and the site footer.
std::string page(const std::string& article_inner, const std::string& after_article = "") {
  return "<!doctype html><html><head><title>Council approves school budget | Daily Courier</title></head><body>"
         "<header class='site-header'><a href='/' class='logo'>Daily Courier</a>"
         "<nav class='main-nav'><ul><li><a href='/news'>News</a></li><li><a href='/sport'>Sport</a></li>"
         "<li><a href='/business'>Business</a></li><li><a href='/opinion'>Opinion</a></li></ul></nav></header>"
         "<main><article class='story'><h1>Council approves school budget</h1>" +
         article_inner + "</article>" + after_article +
         "</main><aside class='sidebar'><h3>Most read</h3><ol><li><a href='/1'>Storm closes highway for a day</a></li>"
         "<li><a href='/2'>Local team wins the cup after a long wait</a></li></ol></aside>"
         "<footer class='site-footer'><p>© 2024 Daily Courier. All rights reserved.</p>"
         "<a href='/privacy'>Privacy policy</a> <a href='/terms'>Terms of use</a></footer></body></html>";
}

std::string extract(const std::string& html) { return extract_article(blocks_from_html(html)).text; }

TEST(HtmlExtractor, PlainArticleWithoutHeaderNavSidebarAndFooter) {
  const ExtractedArticle a = extract_article(blocks_from_html(page("<div class='story-body'>" + body3() + "</div>")));
  EXPECT_EQ(a.text, kArticle);
  EXPECT_EQ(a.title, "Council approves school budget");
}

TEST(HtmlExtractor, BylineDatelineAndTimestampAreLeftOut) {
  EXPECT_EQ(extract(page("<div class='byline'>By <a href='/staff/jane'>Jane Doe</a>, Staff Writer</div>"
                         "<time datetime='2024-03-05'>March 5, 2024</time><address class='author'>Jane Doe</address>"
                         "<div class='article-body'>" + body3() + "</div>")),
            kArticle);
}

TEST(HtmlExtractor, CaptionsAndPhotoCreditsAreLeftOut) {
  EXPECT_EQ(extract(page("<div class='article-body'><p>" + kP1 + "</p>"
                         "<figure><img src='a.jpg' alt='The council chamber'><figcaption>Council members vote on the budget "
                         "on Tuesday. <span class='credit'>Photo: John Smith/Daily Courier</span></figcaption></figure>"
                         "<p>" + kP2 + "</p><div class='wp-caption'><img src='b.jpg'><p class='wp-caption-text'>The site "
                         "of the new school.</p></div><p>" + kP3 + "</p></div>")),
            kArticle);
}

TEST(HtmlExtractor, ShareBarIsLeftOut) {
  EXPECT_EQ(extract(page("<div class='share-tools'><a href='#'>Facebook</a><a href='#'>Twitter</a><a href='#'>Email</a>"
                         "<button>Copy link</button></div><div class='article-body'>" + body3() + "</div>"
                         "<ul class='social-share'><li><a href='#'>Share on Facebook</a></li><li><a href='#'>Tweet</a></li></ul>")),
            kArticle);
}

TEST(HtmlExtractor, RelatedStoriesInsideTheArticleAreLeftOut) {
  EXPECT_EQ(extract(page("<div class='article-body'><p>" + kP1 + "</p>"
                         "<div class='related-stories'><h4>Related</h4><ul><li><a href='/r1'>School board picks new "
                         "superintendent</a></li><li><a href='/r2'>Tax rise planned for next year</a></li></ul></div>"
                         "<p>" + kP2 + "</p><p><strong>Read more:</strong> <a href='/r3'>Why the budget took so long</a></p>"
                         "<p>" + kP3 + "</p></div>"
                         "<section><h2>More stories</h2><article><h3><a href='/s1'>Bridge repairs start next week</a></h3>"
                         "<p>Drivers should expect delays.</p></article></section>")),
            kArticle);
}

TEST(HtmlExtractor, UnlabelledRelatedSectionIsLeftOutByItsHeading) {
  EXPECT_EQ(extract(page("<div class='article-body'>" + body3() + "</div>"
                         "<div class='x1'><h3>You may also like</h3><div class='x2'><p>Another long story about another "
                         "subject that happens to be written in full sentences, as teasers are.</p></div></div>")),
            kArticle);
}

TEST(HtmlExtractor, ALabelAtTheTopOfThePageDoesNotHideThePage) {
  EXPECT_EQ(extract("<html><body><h3>Trending</h3>" + body3() + "</body></html>"), kArticle);
}

TEST(HtmlExtractor, PaywallPromptAndNewsletterSignupAreLeftOut) {
  EXPECT_EQ(extract(page("<div class='article-body'>" + body3() + "</div>"
                         "<div class='paywall-prompt'><h3>Subscribe to keep reading</h3><p>You have reached your limit of "
                         "free articles.</p><a href='/subscribe'>Subscribe now</a></div>"
                         "<div class='newsletter-signup'><h3>Get the morning briefing</h3><p>Sign up for our newsletter.</p>"
                         "<form><input type='email'><button>Sign up</button></form></div>")),
            kArticle);
}

TEST(HtmlExtractor, SubscriberTextInAPaywallContainerIsKept) {
  // Sites put the article text itself in a "paywall" element for subscribers: real prose is kept.
  EXPECT_EQ(extract(page("<div class='article-body'><p>" + kP1 + "</p><div class='paywall'><p>" + kP2 + "</p><p>" + kP3 +
                         "</p></div></div>")),
            kArticle);
}

TEST(HtmlExtractor, CommentsAreLeftOut) {
  EXPECT_EQ(extract(page("<div class='article-body'>" + body3() + "</div>",
                         "<section id='comments' class='comments-area'><h2>12 Comments</h2><ol class='comment-list'>"
                         "<li class='comment'><div class='comment-author'>Bob</div><div class='comment-content'><p>This is "
                         "the worst decision the council has made in years, and everybody knows it.</p></div></li>"
                         "<li class='comment'><div class='comment-author'>Sue</div><div class='comment-content'><p>I think "
                         "the schools are needed, but the taxes are too high for families like mine.</p></div></li></ol>"
                         "<div id='respond'><h3>Leave a Reply</h3><form><textarea></textarea></form></div></section>")),
            kArticle);
}

TEST(HtmlExtractor, CookieBannerAndAdsAreLeftOut) {
  const std::string html =
      "<div id='cookie-consent' class='cookie-banner'><p>We use cookies to improve your experience on our site. By "
      "continuing to browse, you agree to our use of cookies.</p><button>Accept</button></div>" +
      page("<div class='article-body'><p>" + kP1 + "</p><div class='ad-slot'><span>Advertisement</span></div><p>" + kP2 +
           "</p><div id='div-gpt-ad-123' class='ad'><p>Sponsored: Try our new app.</p></div><p>" + kP3 + "</p></div>");
  EXPECT_EQ(extract(html), kArticle);
}

TEST(HtmlExtractor, TagsAndAuthorBoxAreLeftOut) {
  EXPECT_EQ(extract(page("<div class='article-body'>" + body3() + "</div><div class='tags'><span>Tags:</span> "
                         "<a href='/t/schools'>schools</a> <a href='/t/budget'>budget</a></div>"
                         "<div class='author-bio'><p>Jane Doe covers city hall for the Daily Courier.</p></div>")),
            kArticle);
}

TEST(HtmlExtractor, SubheadingsListsAndQuotesInTheArticleAreKept) {
  const std::string inner = "<div class='article-body'><p>" + kP1 + "</p><h2>What the money buys</h2><ul>"
                            "<li>Two new elementary schools</li><li>A renovated library</li></ul><blockquote><p>" + kP2 +
                            "</p></blockquote><p>" + kP3 + "</p></div>";
  EXPECT_EQ(extract(page(inner)), kP1 + "\n\nWhat the money buys\n\nTwo new elementary schools\n\nA renovated library\n\n" +
                                      kP2 + "\n\n" + kP3);
}

TEST(HtmlExtractor, EmbeddedPostsAreQuotedContent) {
  EXPECT_EQ(extract(page("<div class='article-body'><p>" + kP1 + "</p><div class='social-embed'><blockquote "
                         "class='twitter-tweet'><p>Big win for our kids today.</p></blockquote></div><p>" + kP2 + "</p><p>" +
                         kP3 + "</p></div>")),
            kP1 + "\n\nBig win for our kids today.\n\n" + kP2 + "\n\n" + kP3);
}

TEST(HtmlExtractor, ArticleSplitIntoSeveralContainersIsJoined) {
  const std::string inner = "<div class='body-chunk'><p>" + kP1 + "</p><p>" + kP2 + "</p></div>"
                            "<div class='ad-wrapper'><p>Advertisement</p></div>"
                            "<div class='body-chunk'><p>" + kP3 + "</p><p>" + kP1 + "</p></div>";
  EXPECT_EQ(extract(page(inner)), kP1 + "\n\n" + kP2 + "\n\n" + kP3 + "\n\n" + kP1);
}

TEST(HtmlExtractor, PageWithoutAnyMarkupHints) {
  // Only tags, no classes: the densest text wins, the link lists go.
  const std::string html = "<html><body><div><a href='/'>Home</a> | <a href='/a'>About</a></div><table><tr><td>"
                           "<a href='/x'>Archive</a><br><a href='/y'>Links</a></td><td>" + body3() +
                           "</td></tr></table><div><a href='/c'>Contact</a></div></body></html>";
  EXPECT_EQ(extract(html), kArticle);
}

TEST(HtmlExtractor, EmptyAndTextlessPages) {
  EXPECT_EQ(extract(""), "");
  EXPECT_EQ(extract("<html><body><nav><a href='/'>Home</a></nav></body></html>"), "");
  // A tiny page of one short paragraph keeps it.
  EXPECT_EQ(extract("<p>Short note.</p>"), "Short note.");
}

}  // namespace
}  // namespace precis
