#include "html/extractor.h"

#include <algorithm>
#include <cstring>
#include <string_view>

#include "clean/boilerplate_vocabulary.h"
#include "clean/line_features.h"
#include "clean/plain_text_cleaner.h"

namespace precis {
namespace {

// ---- class / id hints -----------------------------------------------------------------------

// Class names and the id, each split into lowercase words: "relatedStories sidebar-2" ->
// [[related, stories], [sidebar, 2]]. Taxonomy classes that only carry a site's slug
// ("tag-social-media", "category-comments") are left out: their words say nothing about the element.
std::vector<std::vector<std::string>> hint_tokens(const HtmlElement& e) {
  static const char* const kSlugPrefixes[] = {"tag-", "tags-", "category-", "categories-", "topic-", "term-",
                                              "postid-", "post-template", "page-template", "format-", "single-format",
                                              "section-", "channel-", "vertical-"};
  std::vector<std::vector<std::string>> out;
  for (const std::string* s : {&e.classes, &e.id}) {
    std::size_t i = 0;
    while (i < s->size()) {
      while (i < s->size() && (*s)[i] == ' ') ++i;
      std::size_t j = i;
      while (j < s->size() && (*s)[j] != ' ') ++j;
      const std::string name = s->substr(i, j - i);
      i = j;
      if (name.empty()) continue;
      bool slug = false;
      for (const char* p : kSlugPrefixes) {
        if (s == &e.classes && name.size() > std::strlen(p) && name.compare(0, std::strlen(p), p) == 0) slug = true;
      }
      if (slug) continue;
      std::vector<std::string> words;
      std::string cur;
      char prev = ' ';
      for (char c : name) {
        const bool lower = c >= 'a' && c <= 'z', upper = c >= 'A' && c <= 'Z', digit = c >= '0' && c <= '9';
        if (upper && prev >= 'a' && prev <= 'z' && !cur.empty()) words.push_back(std::move(cur)), cur.clear();
        if (lower || digit) cur.push_back(c);
        else if (upper) cur.push_back(static_cast<char>(c - 'A' + 'a'));
        else if (!cur.empty()) words.push_back(std::move(cur)), cur.clear();
        prev = c;
      }
      if (!cur.empty()) words.push_back(std::move(cur));
      if (!words.empty()) out.push_back(std::move(words));
    }
  }
  return out;
}

struct Hint {
  const char* word;
  const char* reason;
};

// Whole-word hints (a word of class/id equal to it).
constexpr Hint kNegativeWords[] = {
    {"comment", "comments"}, {"comments", "comments"}, {"disqus", "comments"}, {"replies", "comments"},
    {"respond", "comments"}, {"reply", "comments"},
    {"share", "share"}, {"shares", "share"}, {"sharing", "share"}, {"social", "share"}, {"sociable", "share"},
    {"addthis", "share"}, {"sharethis", "share"}, {"sharebar", "share"},
    {"related", "related"}, {"recommended", "related"}, {"recommendations", "related"}, {"recirc", "related"},
    {"recirculation", "related"}, {"trending", "related"}, {"popular", "related"}, {"mostread", "related"},
    {"outbrain", "related"}, {"taboola", "related"}, {"teaser", "related"}, {"teasers", "related"},
    {"readmore", "related"}, {"readnext", "related"}, {"upnext", "related"}, {"promo", "promo"},
    {"promos", "promo"}, {"promoted", "promo"}, {"sponsor", "ad"}, {"sponsored", "ad"}, {"partner", "promo"},
    {"newsletter", "newsletter"}, {"newsletters", "newsletter"}, {"subscribe", "newsletter"},
    {"subscription", "newsletter"}, {"signup", "newsletter"}, {"paywall", "paywall"}, {"regwall", "paywall"},
    {"nav", "navigation"}, {"navbar", "navigation"}, {"navigation", "navigation"}, {"menu", "navigation"},
    {"submenu", "navigation"}, {"breadcrumb", "navigation"}, {"breadcrumbs", "navigation"},
    {"pagination", "navigation"}, {"pager", "navigation"}, {"topnav", "navigation"}, {"subnav", "navigation"},
    {"toolbar", "navigation"}, {"skip", "navigation"},
    {"ad", "ad"}, {"ads", "ad"}, {"adv", "ad"}, {"advert", "ad"}, {"adverts", "ad"}, {"advertisement", "ad"},
    {"advertising", "ad"}, {"adsense", "ad"}, {"adslot", "ad"}, {"adunit", "ad"}, {"dfp", "ad"}, {"gpt", "ad"},
    {"banner", "ad"}, {"commercial", "ad"},
    {"footer", "footer"}, {"masthead", "header"}, {"sidebar", "sidebar"}, {"rail", "sidebar"},
    {"widget", "sidebar"}, {"widgets", "sidebar"}, {"aside", "sidebar"},
    {"cookie", "cookie"}, {"cookies", "cookie"}, {"consent", "cookie"}, {"gdpr", "cookie"},
    {"caption", "caption"}, {"captions", "caption"}, {"credit", "caption"}, {"credits", "caption"},
    {"figcaption", "caption"},
    {"byline", "byline"}, {"author", "byline"}, {"authors", "byline"}, {"dateline", "byline"},
    {"timestamp", "byline"}, {"tags", "tags"}, {"tag", "tags"}, {"keywords", "tags"},
    {"popup", "popup"}, {"modal", "popup"}, {"overlay", "popup"}, {"lightbox", "popup"},
    // de, fr, es, it, pt
    {"werbung", "ad"}, {"anzeige", "ad"}, {"publicite", "ad"}, {"publicidad", "ad"}, {"publicidade", "ad"},
    {"pubblicita", "ad"}, {"anuncio", "ad"}, {"anuncios", "ad"}, {"pub", "ad"},
    {"teilen", "share"}, {"partager", "share"}, {"compartir", "share"}, {"compartilhar", "share"},
    {"condividi", "share"}, {"kommentare", "comments"}, {"comentarios", "comments"}, {"commenti", "comments"},
    {"rodape", "footer"}, {"pie", "footer"}, {"cabecalho", "header"}, {"cabecera", "header"},
    {"relacionadas", "related"}, {"relacionados", "related"}, {"correlati", "related"}, {"verwandte", "related"},
};

// Hints found inside longer words ("relatedposts", "sitefooter", "commentlist").
constexpr Hint kNegativeParts[] = {
    {"comment", "comments"}, {"disqus", "comments"}, {"related", "related"}, {"outbrain", "related"},
    {"taboola", "related"}, {"newsletter", "newsletter"}, {"footer", "footer"}, {"sidebar", "sidebar"},
    {"breadcrumb", "navigation"}, {"navigation", "navigation"}, {"advert", "ad"}, {"sponsor", "ad"},
    {"cookie", "cookie"}, {"social", "share"}, {"sharing", "share"}, {"byline", "byline"},
    {"recommend", "related"}, {"subscribe", "newsletter"}, {"paywall", "paywall"}, {"promo", "promo"},
};

constexpr const char* kPositiveWords[] = {"article", "content", "entry", "post", "story", "body", "text",
                                          "main", "blog", "articlebody", "storybody", "postbody"};

// Words before a hint that negate it: "has-sidebar", "no-comments", "with-ads".
bool negating(const std::string& w) { return w == "has" || w == "no" || w == "with" || w == "without" || w == "show"; }

using HintTokens = std::vector<std::vector<std::string>>;

const char* negative_hint(const HtmlElement& e, const HintTokens& names, bool* positive) {
  *positive = false;
  const std::string& tag = e.tag;
  if (tag == "html" || tag == "body") return nullptr;
  if (tag == "nav" || tag == "menu") return "navigation";
  if (tag == "aside") return "sidebar";
  if (tag == "footer") return "footer";
  if (tag == "header") return "header";
  if (tag == "figcaption") return "caption";
  if (tag == "address") return "byline";
  if (tag == "form") return "form";
  const std::string& role = e.role;
  if (role == "navigation" || role == "menu" || role == "menubar" || role == "toolbar" || role == "search" || role == "tablist") {
    return "navigation";
  }
  if (role == "complementary") return "sidebar";
  if (role == "contentinfo") return "footer";
  if (role == "banner") return "header";
  if (role == "dialog" || role == "alertdialog" || role == "alert" || role == "tooltip") return "popup";
  for (const auto& tokens : names) {
    for (const auto& t : tokens) {
      for (const char* p : kPositiveWords) {
        if (t == p) *positive = true;
      }
    }
  }
  for (const auto& tokens : names) {
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      const std::string& t = tokens[i];
      if (i > 0 && negating(tokens[i - 1])) continue;
      for (const Hint& h : kNegativeWords) {
        if (t == h.word) return h.reason;
      }
      for (const Hint& h : kNegativeParts) {
        if (t.size() > std::strlen(h.word) && t.find(h.word) != std::string::npos) return h.reason;
      }
    }
  }
  return nullptr;
}

// Strong content markers: itemprop=articleBody, "article-body", "entry-content", "story-body"...
int content_marker(const HtmlElement& e, const HintTokens& names) {
  if (e.itemprop == "articleBody" || e.itemprop == "text" || e.itemprop == "reviewBody") return 3;
  int score = 0;
  if (e.tag == "article") score = std::max(score, 1);
  if (e.tag == "main" || e.role == "main") score = std::max(score, 1);
  for (const auto& tokens : names) {
  for (std::size_t i = 0; i + 1 < tokens.size(); ++i) {
    const std::string& a = tokens[i];
    const std::string& b = tokens[i + 1];
    const bool first = a == "article" || a == "entry" || a == "post" || a == "story" || a == "news" || a == "blog" ||
                       a == "text" || a == "page" || a == "main";
    const bool second = b == "body" || b == "content" || b == "text" || b == "copy" || b == "entry";
    if (first && second) score = std::max(score, 2);
  }
  for (const auto& t : tokens) {
    if (t == "articlebody" || t == "storybody" || t == "postbody" || t == "entrycontent" || t == "articletext" ||
        t == "postcontent" || t == "articlecontent" || t == "storycontent" || t == "bodytext" || t == "richtext") {
      score = std::max(score, 2);
    }
  }
  }
  return score;
}

// ---- text features ------------------------------------------------------------------------------

int count_commas(std::string_view t) {
  int n = 0;
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (t[i] == ',') ++n;
    // U+FF0C fullwidth comma (EF BC 8C), U+3001 ideographic comma (E3 80 81)
    if (i + 2 < t.size() && static_cast<unsigned char>(t[i]) == 0xEF && static_cast<unsigned char>(t[i + 1]) == 0xBC &&
        static_cast<unsigned char>(t[i + 2]) == 0x8C) ++n;
    if (i + 2 < t.size() && static_cast<unsigned char>(t[i]) == 0xE3 && static_cast<unsigned char>(t[i + 1]) == 0x80 &&
        static_cast<unsigned char>(t[i + 2]) == 0x81) ++n;
  }
  return n;
}

bool is_heading(std::string_view tag) { return tag.size() == 2 && tag[0] == 'h' && tag[1] >= '1' && tag[1] <= '6'; }

double link_density(const HtmlBlock& b) { return b.chars ? static_cast<double>(b.link_chars) / b.chars : 0.0; }

// Ends like a sentence: . ! ? … or CJK full stops, optionally followed by quotes or brackets.
bool ends_like_sentence(std::string_view t) {
  while (!t.empty()) {
    const unsigned char c = static_cast<unsigned char>(t.back());
    if (c == '"' || c == '\'' || c == ')' || c == ']' || c == ' ') {
      t.remove_suffix(1);
      continue;
    }
    // ” ’ » (E2 80 9D, E2 80 99, C2 BB)
    if (t.size() >= 3 && static_cast<unsigned char>(t[t.size() - 3]) == 0xE2 &&
        static_cast<unsigned char>(t[t.size() - 2]) == 0x80 && (c == 0x9D || c == 0x99)) {
      t.remove_suffix(3);
      continue;
    }
    if (t.size() >= 2 && static_cast<unsigned char>(t[t.size() - 2]) == 0xC2 && c == 0xBB) {
      t.remove_suffix(2);
      continue;
    }
    break;
  }
  if (t.empty()) return false;
  const unsigned char c = static_cast<unsigned char>(t.back());
  if (c == '.' || c == '!' || c == '?' || c == ':' || c == ';') return true;
  if (t.size() >= 3) {
    const auto b0 = static_cast<unsigned char>(t[t.size() - 3]), b1 = static_cast<unsigned char>(t[t.size() - 2]);
    if (b0 == 0xE2 && b1 == 0x80 && c == 0xA6) return true;                 // …
    if (b0 == 0xE3 && b1 == 0x80 && c == 0x82) return true;                 // 。
    if (b0 == 0xEF && b1 == 0xBC && (c == 0x81 || c == 0x9F)) return true;  // ！ ？
  }
  return false;
}

// Tags whose text is one paragraph of its parent (Readability scores the parent of these).
bool is_paragraph_tag(std::string_view tag) {
  return tag == "p" || is_heading(tag) || tag == "li" || tag == "dd" || tag == "dt" || tag == "td" || tag == "th" ||
         tag == "blockquote" || tag == "pre" || tag == "figcaption" || tag == "caption" || tag == "center" || tag == "font";
}

// Hints that describe the element's role loosely: an element with such a hint that holds real
// prose is kept (a "paywall" div often holds the subscriber's article text; an "article-header"
// may hold the standfirst).
bool is_weak_hint(const char* reason) {
  static const char* const kWeak[] = {"paywall", "popup", "header", "form", "tags", "byline", "caption", "promo"};
  for (const char* w : kWeak) {
    if (std::strcmp(reason, w) == 0) return true;
  }
  return false;
}

struct ElementInfo {
  const char* hint = nullptr;  // own negative hint
  bool positive = false;       // own class/id has a content word
  int marker = 0;              // content marker strength
  double weight = 0;           // Readability prose weight of the blocks below
  double prose_chars = 0;      // non-link characters of sentence-like blocks below
  double chars = 0, link_chars = 0;
  double score = 0;            // Readability-style content score
  bool scored = false;
  const char* boiler = nullptr;  // effective: own hint, or the nearest hinted ancestor's
};

constexpr double kPositiveClassWeight = 10;
constexpr double kMarkerWeight = 20;
constexpr double kNegativeClassWeight = 25;

}  // namespace

ExtractedArticle extract_article(const HtmlPage& page) {
  ExtractedArticle out;
  const std::size_t ne = page.elements.size(), nb = page.blocks.size();
  out.verdict.assign(nb, "");
  if (nb == 0) return out;
  auto parent_of = [&](int e) { return page.elements[static_cast<std::size_t>(e)].parent; };
  auto tag_of = [&](int e) -> const std::string& { return page.elements[static_cast<std::size_t>(e)].tag; };
  auto inside = [&](int e, int c) {
    for (; e >= 0; e = parent_of(e)) {
      if (e == c) return true;
    }
    return false;
  };

  // 1. What each element's tag, role, class and id say.
  std::vector<ElementInfo> info(ne);
  for (std::size_t i = 0; i < ne; ++i) {
    const HtmlElement& e = page.elements[i];
    const auto names = hint_tokens(e);
    info[i].hint = negative_hint(e, names, &info[i].positive);
    info[i].marker = content_marker(e, names);
  }

  // 2. Block features, summed over ancestors: characters, link characters, prose.
  std::vector<double> weight(nb, 0.0);
  double total_weight = 0;
  for (std::size_t i = 0; i < nb; ++i) {
    const HtmlBlock& b = page.blocks[i];
    const double ld = link_density(b);
    if (b.chars >= 25 && ld <= 0.5) weight[i] = 1.0 + count_commas(b.text) + std::min(3.0, b.chars / 100.0);
    const bool prose = b.chars >= 80 && ld < 0.3 && ends_like_sentence(b.text);
    total_weight += weight[i];
    for (int e = b.element; e >= 0; e = parent_of(e)) {
      ElementInfo& in = info[static_cast<std::size_t>(e)];
      in.chars += b.chars;
      in.link_chars += b.link_chars;
      in.weight += weight[i];
      if (prose) in.prose_chars += b.chars - b.link_chars;
    }
  }

  // A section that opens with a "Related" / "You may also like" heading lists other stories.
  std::vector<char> seen_element(ne, 0), label_section(ne, 0);
  for (std::size_t i = 0; i < nb; ++i) {
    const HtmlBlock& b = page.blocks[i];
    const int parent = parent_of(b.element);
    bool first_of_parent = parent >= 0 && !seen_element[static_cast<std::size_t>(parent)];
    for (int e = b.element; e >= 0 && !seen_element[static_cast<std::size_t>(e)]; e = parent_of(e)) seen_element[static_cast<std::size_t>(e)] = 1;
    if (!first_of_parent || b.chars > 60) continue;
    const std::string& tag = tag_of(b.element);
    if (!is_heading(tag) && tag != "p" && tag != "div" && tag != "span") continue;
    const std::string& ptag = tag_of(parent);
    if (ptag == "body" || ptag == "html" || info[static_cast<std::size_t>(parent)].marker >= 2) continue;
    if (is_related_label(comparison_key(b.text))) label_section[static_cast<std::size_t>(parent)] = 1;
  }

  // 3. Effective boilerplate. A strong hint counts unless the element holds most of the page's
  // prose (a wrapper such as <body class="has-sidebar">); comment hints always count (threads can
  // out-write the article). A weak hint counts unless the element holds real prose.
  for (std::size_t i = 0; i < ne; ++i) {
    ElementInfo& in = info[i];
    const int p = page.elements[i].parent;
    if (p >= 0 && info[static_cast<std::size_t>(p)].boiler) {
      in.boiler = info[static_cast<std::size_t>(p)].boiler;
      // A block quote inside a "social" element is an embedded post the article quotes (a
      // tweet), not a share bar.
      if (page.elements[i].tag == "blockquote" && std::strcmp(in.boiler, "share") == 0) in.boiler = nullptr;
      else continue;
    }
    if (label_section[i]) {
      in.boiler = "related";
      continue;
    }
    if (!in.hint) continue;
    const bool big = total_weight > 0 && in.weight >= 0.5 * total_weight;
    if (std::strcmp(in.hint, "comments") == 0) {
      in.boiler = in.hint;
    } else if (is_weak_hint(in.hint)) {
      if (in.prose_chars < 400 && !big) in.boiler = in.hint;
    } else if (!big) {
      in.boiler = in.hint;
    }
  }

  // 4. Readability-style candidate scores: each prose block scores the element that holds its
  // paragraph, with decay up to five ancestors.
  auto initial_score = [&](std::size_t e) {
    const std::string& tag = page.elements[e].tag;
    double s = 0;
    if (tag == "div" || tag == "article" || tag == "section" || tag == "main") s = 5;
    else if (tag == "pre" || tag == "td" || tag == "blockquote") s = 3;
    else if (tag == "address" || tag == "ol" || tag == "ul" || tag == "dl" || tag == "dd" || tag == "dt" || tag == "li" || tag == "form") s = -3;
    else if (is_heading(tag) || tag == "th") s = -5;
    if (info[e].positive) s += kPositiveClassWeight;
    if (info[e].hint) s -= kNegativeClassWeight;
    s += kMarkerWeight * info[e].marker;
    return s;
  };
  for (std::size_t i = 0; i < nb; ++i) {
    if (weight[i] <= 0) continue;
    const HtmlBlock& b = page.blocks[i];
    if (info[static_cast<std::size_t>(b.element)].boiler) continue;
    int level = 0;
    const int first = is_paragraph_tag(tag_of(b.element)) ? parent_of(b.element) : b.element;
    for (int e = first; e >= 0 && level < 5; e = parent_of(e), ++level) {
      ElementInfo& in = info[static_cast<std::size_t>(e)];
      if (!in.scored) {
        in.scored = true;
        in.score = initial_score(static_cast<std::size_t>(e));
      }
      in.score += weight[i] / (level == 0 ? 1.0 : level == 1 ? 2.0 : level * 3.0);
    }
  }
  int top = -1;
  double best = 0;
  for (std::size_t i = 0; i < ne; ++i) {
    if (!info[i].scored || info[i].boiler) continue;
    const double ld = info[i].chars > 0 ? info[i].link_chars / info[i].chars : 0;
    info[i].score *= (1.0 - ld);
    if (top < 0 || info[i].score > best) {
      best = info[i].score;
      top = static_cast<int>(i);
    }
  }
  for (std::size_t i = 0; i < ne; ++i) {
    if (info[i].scored && !info[i].boiler) out.candidates.emplace_back(static_cast<int>(i), info[i].score);
  }
  std::sort(out.candidates.begin(), out.candidates.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  if (out.candidates.size() > 8) out.candidates.resize(8);

  // 5. Climb: several strong candidates under one ancestor mean the article is that ancestor; a
  // parent that scores better than the climb so far holds more of the article.
  auto is_root = [&](int e) { return e < 0 || tag_of(e) == "body" || tag_of(e) == "html"; };
  if (top >= 0) {
    std::vector<int> alternatives;
    for (std::size_t k = 1; k < out.candidates.size() && alternatives.size() < 5; ++k) {
      if (out.candidates[k].second >= 0.75 * best) alternatives.push_back(out.candidates[k].first);
    }
    if (alternatives.size() >= 3) {
      for (int p = parent_of(top); !is_root(p); p = parent_of(p)) {
        int contained = 0;
        for (int alt : alternatives) contained += inside(alt, p);
        if (contained >= 3) {
          top = p;
          break;
        }
      }
    }
    double last = info[static_cast<std::size_t>(top)].score;
    const double threshold = last / 3;
    for (int p = parent_of(top); !is_root(p); p = parent_of(p)) {
      const ElementInfo& pi = info[static_cast<std::size_t>(p)];
      if (!pi.scored) continue;
      if (pi.score < threshold) break;
      if (pi.score > last) {
        top = p;
        break;
      }
      last = pi.score;
    }
  }
  out.container = top;

  // 6. The article: the container, its siblings that score well (Readability's sibling pass),
  // and elements of the same kind as the container elsewhere (an article split into several
  // "article-body" chunks).
  std::vector<char> in_article(ne, 0);
  if (top >= 0) {
    in_article[static_cast<std::size_t>(top)] = 1;
    const HtmlElement& te = page.elements[static_cast<std::size_t>(top)];
    const int parent = te.parent;
    const double top_score = info[static_cast<std::size_t>(top)].score;
    const double sibling_threshold = std::max(10.0, 0.2 * top_score);
    for (std::size_t i = 0; i < ne; ++i) {
      const HtmlElement& e = page.elements[i];
      if (static_cast<int>(i) == top || !info[i].scored || info[i].boiler) continue;
      const bool same_kind = !e.classes.empty() && e.classes == te.classes && e.tag == te.tag;
      if (parent >= 0 && e.parent == parent) {
        const double bonus = same_kind ? 0.2 * top_score : 0.0;
        if (info[i].score + bonus >= sibling_threshold) in_article[i] = 1;
      } else if (same_kind && info[i].score >= 0.25 * top_score && !inside(static_cast<int>(i), top) &&
                 !inside(top, static_cast<int>(i))) {
        in_article[i] = 1;
      }
    }
  }
  std::vector<char> block_in(nb, 0);
  for (std::size_t i = 0; i < nb; ++i) {
    const HtmlBlock& b = page.blocks[i];
    if (top < 0) {
      block_in[i] = 1;
      continue;
    }
    for (int e = b.element; e >= 0; e = parent_of(e)) {
      if (in_article[static_cast<std::size_t>(e)]) {
        block_in[i] = 1;
        break;
      }
    }
    if (block_in[i]) continue;
    // Paragraph siblings of the container.
    const HtmlElement& el = page.elements[static_cast<std::size_t>(b.element)];
    if (el.parent == parent_of(top) && el.parent >= 0 && el.tag == "p" && !info[static_cast<std::size_t>(b.element)].boiler) {
      const double ld = link_density(b);
      if ((b.chars > 80 && ld < 0.25) || (b.chars <= 80 && ld == 0 && ends_like_sentence(b.text))) block_in[i] = 1;
    }
  }

  // 7. Inside the article: drop boilerplate blocks, the title and link lists. A link-heavy block
  // on its own between paragraphs is usually part of the text (a product, a cited source); a run
  // of them, or one introduced by "Read more:", is a list of other pages.
  std::vector<const char*> why(nb, nullptr);
  for (std::size_t i = 0; i < nb; ++i) {
    const HtmlBlock& b = page.blocks[i];
    const HtmlElement& el = page.elements[static_cast<std::size_t>(b.element)];
    if (!block_in[i]) why[i] = "outside";
    else if (info[static_cast<std::size_t>(b.element)].boiler) why[i] = info[static_cast<std::size_t>(b.element)].boiler;
    else if (el.tag == "h1") why[i] = "title";
  }
  auto linky = [&](std::size_t i) { return link_density(page.blocks[i]) > 0.7; };
  for (std::size_t i = 0; i < nb; ++i) {
    if (why[i] || !linky(i)) continue;
    // Neighbours among the article's blocks.
    std::size_t prev = i, next = i;
    bool has_prev = false, has_next = false;
    for (std::size_t k = i; k-- > 0;) {
      if (!block_in[k]) continue;
      prev = k; has_prev = true; break;
    }
    for (std::size_t k = i + 1; k < nb; ++k) {
      if (!block_in[k]) continue;
      next = k; has_next = true; break;
    }
    const bool run = (has_prev && linky(prev)) || (has_next && linky(next));
    const HtmlBlock& b = page.blocks[i];
    const std::string key = comparison_key(b.text);
    const auto colon = b.text.find(':');
    const bool labelled = is_related_label(key) || has_interface_phrase(key) ||
                          (colon != std::string::npos && colon < 40 && is_related_label(comparison_key(b.text.substr(0, colon))));
    if (run || labelled) why[i] = "links";
  }
  // Page furniture that gives itself away by its text ("Advertisement", "Share this article",
  // "By Jane Doe", "Photo: Reuters", "12 Comments"), the same rules as for pasted plain text.
  for (std::size_t i = 0; i < nb; ++i) {
    if (why[i]) continue;
    const std::vector<Line> lines = split_lines(page.blocks[i].text);
    if (lines.size() == 1) {
      // Copyright lines and slugs are left to the plain-text cleaner: inside an article body they
      // are mostly the article's own (an agency's notice, a list marker).
      const char* reason = standalone_furniture(lines[0]);
      if (reason && std::strcmp(reason, "footer") != 0 && std::strcmp(reason, "slug") != 0) why[i] = reason;
    }
  }
  // The headline: the last <h1> before the first kept block, else the first <h1> of the page.
  std::size_t first_kept = nb;
  for (std::size_t i = 0; i < nb; ++i) {
    if (!why[i]) {
      first_kept = i;
      break;
    }
  }
  for (std::size_t i = 0; i < nb; ++i) {
    if (tag_of(page.blocks[i].element) != "h1") continue;
    if (i < first_kept || out.title.empty()) out.title = page.blocks[i].text;
    if (i >= first_kept) break;
  }
  for (std::size_t i = 0; i < nb; ++i) {
    if (why[i]) {
      out.verdict[i] = why[i];
      continue;
    }
    if (!out.text.empty()) out.text += "\n\n";
    out.text += page.blocks[i].text;
    out.kept.push_back(static_cast<int>(i));
  }
  return out;
}

}  // namespace precis
