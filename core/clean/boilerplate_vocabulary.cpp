#include "clean/boilerplate_vocabulary.h"

#include <algorithm>
#include <initializer_list>
#include <iterator>
#include <string_view>
#include <vector>

#include "clean/line_features.h"
#include "text/split.h"

namespace precis {
namespace {

constexpr const char* kPaywall[] = {
    // en
    "reached your limit", "reached the limit", "free articles", "free article", "articles remaining",
    "already subscribed", "already a subscriber", "already have an account", "subscribe to read",
    "subscribe to continue", "subscribe now", "subscribe today", "subscribe for unlimited",
    "unlimited access", "unlimited digital access", "to continue reading", "continue reading with",
    "subscribers only", "for subscribers", "exclusive to subscribers", "digital subscription",
    "subscription plans", "start your free trial", "start free trial", "log in to continue",
    "sign in to continue", "register to continue", "create a free account", "cancel anytime",
    "renews automatically", "become a member", "support our journalism", "this article is for",
    "paywall",
    // de
    "jetzt abonnieren", "bereits abonnent", "weiterlesen mit", "abo abschließen", "zugang zu allen",
    "exklusiv für abonnenten", "testen sie jetzt",
    // fr
    "abonnez vous", "déjà abonné", "réservé aux abonnés", "article réservé", "pour lire la suite",
    // es
    "suscríbete", "ya eres suscriptor", "exclusivo para suscriptores", "contenido exclusivo",
    "has alcanzado el límite",
    // it
    "abbonati", "sei già abbonato", "riservato agli abbonati",
    // pt
    "assine já", "já é assinante", "exclusivo para assinantes"};

constexpr const char* kInterface[] = {
    "share this", "share on", "share via", "share article", "share story", "share the story",
    "click here", "tap here", "follow us", "follow on", "sign up for", "sign up to", "newsletter",
    "subscribe to our", "download our app", "download the app", "get the app", "read more",
    "continue reading", "show more", "load more", "see more", "skip to", "accept cookies",
    "we use cookies", "cookie policy", "cookie settings", "privacy policy", "terms of use",
    "terms of service", "all rights reserved", "advertisement", "sponsored content",
    "story continues below", "article continues below", "scroll to continue", "listen to this article",
    "min read", "minute read", "minutes read", "copy link", "link copied", "leave a comment",
    "view comments", "comments", "print this", "email this", "send us a tip", "report an error",
    "back to top", "jump to", "most read", "most popular", "trending now", "top stories",
    "you may also like", "recommended for you", "more from", "watch now", "watch live",
    "get the latest", "delivered to your inbox", "to your inbox", "notifications",
    // de / fr / es / it / pt
    "teilen", "artikel teilen", "anzeige", "werbung", "newsletter abonnieren", "partager",
    "publicité", "inscrivez vous", "compartir", "publicidad", "condividi", "pubblicità",
    "compartilhe", "publicidade"};

constexpr std::string_view kRelatedLabels[] = {
    "related", "related stories", "related articles", "related content", "related coverage",
    "related news", "read more", "read also", "also read", "see also", "more", "more stories",
    "more on this story", "more on this", "recommended", "recommended stories", "you may also like",
    "you might also like", "most read", "most popular", "trending", "trending now", "top stories",
    "read next", "up next", "what to read next", "further reading", "more from", "latest news",
    "lesen sie auch", "mehr zum thema", "das könnte sie auch interessieren", "à lire aussi",
    "lire aussi", "sur le même sujet", "lee también", "te puede interesar", "leggi anche",
    "leia também", "veja também", "related posts", "related reading", "recommended reading",
    "more news", "more headlines", "popular posts", "recent posts", "latest posts", "editors picks",
    "you might be interested in", "you may be interested in", "more stories from", "more in",
    "vous aimerez aussi", "à découvrir aussi", "dans la même rubrique", "también te puede interesar",
    "noticias relacionadas", "ti potrebbe interessare", "potrebbe interessarti", "articoli correlati",
    "você pode gostar", "você também pode gostar", "notícias relacionadas", "weitere artikel",
    "auch interessant", "das könnte sie interessieren"};

constexpr std::string_view kCreditStarts[] = {"photo", "photos", "photograph", "image", "images", "picture",
                                         "credit", "credits", "foto", "bild", "source", "file photo",
                                         "image copyright", "image caption", "illustration"};

constexpr std::string_view kAgencies[] = {
    "reuters", "ap", "afp", "getty images", "getty", "epa", "bloomberg", "associated press",
    "shutterstock", "xinhua", "aap", "pa", "alamy", "corbis", "dpa", "ansa", "efe", "ap photo",
    "file photo", "afp via getty images", "upi", "sipa", "anadolu", "istock", "istockphoto",
    "tass", "pa wire", "pa images", "nurphoto", "zuma", "zuma press", "rex", "rex features"};

// A fixed list of words, sorted once and looked up by binary search on views: no std::string is
// built per word looked up (nor per word listed).
class WordList {
 public:
  WordList(std::initializer_list<std::string_view> words) : words_(words) { std::sort(words_.begin(), words_.end()); }
  bool contains(std::string_view w) const { return std::binary_search(words_.begin(), words_.end(), w); }

 private:
  std::vector<std::string_view> words_;
};

// Words that name a page control or a channel: a short line made of them is an interface line.
const WordList& interface_words() {
  static const WordList words = {
      "share", "shares", "shared", "tweet", "email", "print", "facebook", "twitter", "whatsapp", "linkedin",
      "pinterest", "reddit", "telegram", "messenger", "flipboard", "copy", "link", "comments", "comment",
      "save", "saved", "bookmark", "listen", "audio", "video", "watch", "subscribe", "follow", "like", "menu",
      "search", "close", "home", "login", "logout", "register", "advertisement", "advertising", "ad", "ads",
      "sponsored", "gift", "toggle", "options", "app", "newsletter", "newsletters", "alerts", "caption",
      "expand", "collapse", "fullscreen", "enlarge", "zoom", "gallery", "slideshow", "instagram", "youtube"};
  return words;
}

// Small words that often go with them ("Share on Facebook", "Sign up", "Read more", "12 Comments").
const WordList& interface_glue() {
  static const WordList words = {
      "x", "e", "mail", "log", "in", "sign", "up", "out", "more", "next", "previous", "prev", "back", "top",
      "show", "hide", "this", "on", "via", "min", "read", "article", "story", "open", "to", "the", "our", "us",
      "and", "or", "a", "an", "of", "for", "with", "your", "now", "here", "click", "tap", "page", "image",
      "photo", "photos", "view", "all"};
  return words;
}

}  // namespace

std::vector<std::string_view> paywall_phrases() { return {std::begin(kPaywall), std::end(kPaywall)}; }

bool has_interface_phrase(const std::string& key) {
  static const PhraseSet index(kInterface);
  return index.found_in(key);
}

// Longest entry of a list, in bytes: keys longer than it cannot equal any entry (most lines are
// prose, far longer), so they skip the comparisons.
template <std::size_t N>
constexpr std::size_t longest(const std::string_view (&list)[N]) {
  std::size_t n = 0;
  for (const std::string_view p : list) n = std::max(n, p.size());
  return n;
}

bool is_related_label(const std::string& key) {
  static constexpr std::size_t kLongest = longest(kRelatedLabels);
  if (key.size() > kLongest) return false;
  for (const std::string_view p : kRelatedLabels) {  // a size comparison first (no strlen)
    if (key == p) return true;
  }
  return false;
}

bool has_credit_marker(const std::string& key) {
  if (key.empty()) return false;
  // The lists are string_views (no strlen per entry); the first (last) byte is compared first.
  for (const std::string_view sv : kCreditStarts) {
    if (key[0] == sv[0] && key.compare(0, sv.size(), sv) == 0 && (key.size() == sv.size() || key[sv.size()] == ' ')) return true;
  }
  for (const std::string_view av : kAgencies) {
    if (key.back() == av.back() && key.size() >= av.size() && key.compare(key.size() - av.size(), av.size(), av) == 0 &&
        (key.size() == av.size() || key[key.size() - av.size() - 1] == ' ')) return true;
  }
  static const PhraseSet kCredits{"ap photo", "photo by", "via getty images", "image copyright", "photo credit"};
  return kCredits.found_in(key);
}

bool is_comment_marker(const std::string& key, std::string_view text) {
  static constexpr std::string_view kLabels[] = {
      "comments", "comment", "reader comments", "leave a reply", "leave a comment", "add a comment",
      "post a comment", "add comment", "post comment", "join the discussion", "join the conversation",
      "show comments", "view comments", "load comments", "comments are closed",
      "reply", "log in to reply", "login to reply", "reply to this comment", "cancel reply",
      "kommentare", "kommentar schreiben", "commentaires", "laisser un commentaire", "comentarios",
      "deja un comentario", "deja una respuesta", "commenti", "lascia un commento", "comentários",
      "deixe um comentário", "deixe uma resposta", "комментарии", "отзывы", "добавить отзыв"};
  static constexpr std::size_t kLongest = longest(kLabels);
  if (key.size() <= kLongest) {
    for (const std::string_view l : kLabels) {  // a size comparison first (no strlen)
      if (key == l) return true;
    }
  }
  // "12 comments", "3 responses to ...", "one thought on ..."
  std::size_t i = 0;
  while (i < key.size() && key[i] >= '0' && key[i] <= '9') ++i;
  const std::string_view rest = std::string_view(key).substr(i);
  if (i > 0 && (rest == " comments" || rest == " comment" || rest.rfind(" responses to", 0) == 0 ||
                rest.rfind(" replies to", 0) == 0 || rest.rfind(" thoughts on", 0) == 0 || rest == " replies")) {
    return true;
  }
  if (key.rfind("one thought on", 0) == 0 || key.rfind("one response to", 0) == 0) return true;
  // "Jane Doe on September 12, 2018 at 4:47 pm said:", "bob says:": a name, maybe a date, and the
  // verb with a colon (a prose lead-in to a quote has more words and no date).
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  if (text.empty() || text.back() != ':' || key.size() < 5) return false;  // cheap test first: most lines
  const std::size_t words = static_cast<std::size_t>(std::count(key.begin(), key.end(), ' ')) + 1;
  const bool dated = key.find_first_of("0123456789") != std::string::npos;
  if (words <= 4 || (dated && words <= 14)) {
    const std::string_view k(key);
    if (k.substr(k.size() - 5) == " said" || k.substr(k.size() - 5) == " says" ||
        (k.size() >= 6 && k.substr(k.size() - 6) == " wrote")) {
      return true;
    }
  }
  return false;
}

double interface_word_share(const std::string& key) {
  int total = 0, strong = 0, glue = 0;
  for (const std::string_view w : split_spaces(key)) {
    ++total;
    if (interface_words().contains(w)) ++strong;
    else if (interface_glue().contains(w) || w.find_first_not_of("0123456789") == std::string_view::npos) ++glue;
  }
  // Without one real interface word, numbers and small words are just a short line ("Score 4.5 out of 5").
  if (total == 0 || strong == 0) return 0.0;
  return static_cast<double>(strong + glue) / total;
}

}  // namespace precis
