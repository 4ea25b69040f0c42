#include "clean/boilerplate_vocabulary.h"

#include <sstream>
#include <string_view>
#include <unordered_set>

#include "clean/line_features.h"

namespace precis {
namespace {

template <std::size_t N>
bool any_phrase(const std::string& key, const char* const (&phrases)[N]) {
  for (const char* p : phrases) {
    if (key_has_phrase(key, p)) return true;
  }
  return false;
}

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

constexpr const char* kRelatedLabels[] = {
    "related", "related stories", "related articles", "related content", "related coverage",
    "related news", "read more", "read also", "also read", "see also", "more", "more stories",
    "more on this story", "more on this", "recommended", "recommended stories", "you may also like",
    "you might also like", "most read", "most popular", "trending", "trending now", "top stories",
    "read next", "up next", "what to read next", "further reading", "more from", "latest news",
    "lesen sie auch", "mehr zum thema", "das könnte sie auch interessieren", "à lire aussi",
    "lire aussi", "sur le même sujet", "lee también", "te puede interesar", "leggi anche",
    "leia também", "veja também"};

constexpr const char* kCreditStarts[] = {"photo", "photos", "photograph", "image", "images", "picture",
                                         "credit", "credits", "foto", "bild", "source", "file photo",
                                         "image copyright", "image caption", "illustration"};

constexpr const char* kAgencies[] = {
    "reuters", "ap", "afp", "getty images", "getty", "epa", "bloomberg", "associated press",
    "shutterstock", "xinhua", "aap", "pa", "alamy", "corbis", "dpa", "ansa", "efe", "ap photo",
    "file photo", "afp via getty images", "upi", "sipa", "anadolu", "istock", "istockphoto",
    "tass", "pa wire", "pa images", "nurphoto", "zuma", "zuma press", "rex", "rex features"};

const std::unordered_set<std::string>& interface_words() {
  static const std::unordered_set<std::string> words = {
      "share", "shares", "tweet", "email", "e", "mail", "print", "facebook", "twitter", "x",
      "whatsapp", "linkedin", "pinterest", "reddit", "telegram", "messenger", "copy", "link",
      "comments", "comment", "save", "saved", "bookmark", "listen", "audio", "video", "watch",
      "subscribe", "follow", "like", "menu", "search", "close", "home", "login", "log", "in",
      "sign", "up", "out", "register", "advertisement", "ad", "ads", "sponsored", "more", "next",
      "previous", "prev", "back", "top", "show", "hide", "gift", "article", "this", "on", "via",
      "min", "read", "toggle", "options", "open", "app", "newsletter", "newsletters", "alerts"};
  return words;
}

}  // namespace

bool has_paywall_phrase(const std::string& key) { return any_phrase(key, kPaywall); }

bool has_interface_phrase(const std::string& key) { return any_phrase(key, kInterface); }

bool is_related_label(const std::string& key) {
  for (const char* p : kRelatedLabels) {
    if (key == p) return true;
  }
  return false;
}

bool has_credit_marker(const std::string& key) {
  for (const char* s : kCreditStarts) {
    const std::string_view sv(s);
    if (key.compare(0, sv.size(), sv) == 0 && (key.size() == sv.size() || key[sv.size()] == ' ')) return true;
  }
  for (const char* a : kAgencies) {
    const std::string_view av(a);
    if (key.size() >= av.size() && key.compare(key.size() - av.size(), av.size(), av) == 0 &&
        (key.size() == av.size() || key[key.size() - av.size() - 1] == ' ')) return true;
  }
  return key_has_phrase(key, "ap photo") || key_has_phrase(key, "photo by") ||
         key_has_phrase(key, "via getty images") || key_has_phrase(key, "image copyright") ||
         key_has_phrase(key, "photo credit");
}

double interface_word_share(const std::string& key) {
  std::istringstream in(key);
  std::string w;
  int total = 0, ui = 0;
  while (in >> w) {
    ++total;
    if (interface_words().count(w) || (!w.empty() && w.find_first_not_of("0123456789") == std::string::npos)) ++ui;
  }
  return total ? static_cast<double>(ui) / total : 0.0;
}

}  // namespace precis
