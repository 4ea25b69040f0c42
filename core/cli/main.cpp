// precis: summarize news articles from files or standard input.
//
//   precis [--words N | --sentences N] [--language L] [--key N] [--json] FILE...
//   precis --clean [--json] FILE
//
// Each FILE is one article ("-" or no FILE: standard input), plain text or an HTML page (recognised
// by its content). Prints the summary, one sentence per line; --json prints the full response
// (schema in README.md). --clean prints the cleaned article text of one file instead.
#include <nlohmann/json.hpp>

#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "api/json_api.h"
#include "api/json_writer.h"
#include "api/limits.h"
#include "clean/plain_text_cleaner.h"
#include "html/block.h"
#include "html/block_json.h"
#include "html/extractor.h"
#include "html/gumbo_blocks.h"
#include "text/utf8.h"

namespace {

constexpr const char* kUsage =
    "usage: precis [options] [FILE...]\n"
    "Summarize several news articles about one event into one short summary.\n"
    "Each FILE is one article: plain text or an HTML page (UTF-8; HTML is recognised by its content);\n"
    "with no FILE, or FILE '-', reads standard input.\n"
    "\n"
    "options:\n"
    "  --words N        summary budget in words (default 100)\n"
    "  --sentences N    summary budget in sentences instead of words\n"
    "  --language L     language of the articles, e.g. en, de, fr (default en)\n"
    "  --key N          key sentences reported per article with --json (default 3)\n"
    "  --json           print the full JSON response (summary, provenance, key sentences,\n"
    "                   removed boilerplate, warnings)\n"
    "  --request FILE   read a complete JSON request instead of articles ('-' = stdin)\n"
    "  --clean FILE     print the cleaned article text of one file and exit: for HTML the article\n"
    "                   body the extractor finds, for plain text the paragraphs the cleaner keeps;\n"
    "                   with --json, the details (HTML: the page's blocks and elements too)\n"
    "  -h, --help       show this help\n"
    "\n"
    "exit status: 0 summary printed, 1 the input could not be summarized, 2 usage or file error\n";

bool read_all(const std::string& path, std::string* out) {
  if (path == "-") {
    std::ostringstream ss;
    ss << std::cin.rdbuf();
    *out = ss.str();
    return !std::cin.bad();
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  out->assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return !in.bad();
}

std::string base_name(const std::string& path) {
  if (path == "-") return "stdin";
  const auto slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

bool parse_count(const char* flag, const char* value, int lo, int hi, int* out) {
  if (!value) {
    std::fprintf(stderr, "precis: %s needs a number\n", flag);
    return false;
  }
  char* end = nullptr;
  const long v = std::strtol(value, &end, 10);
  if (*value == '\0' || *end != '\0' || v < lo || v > hi) {
    std::fprintf(stderr, "precis: %s takes a whole number from %d to %d, not '%s'\n", flag, lo, hi, value);
    return false;
  }
  *out = static_cast<int>(v);
  return true;
}

// --clean FILE: the cleaned article text of one file, as the summarizer would read it.
int clean_file(const std::string& path, bool as_json) {
  using nlohmann::json;
  std::string raw;
  if (!read_all(path, &raw)) {
    std::fprintf(stderr, "precis: cannot read '%s': %s\n", path.c_str(), std::strerror(errno));
    return 2;
  }
  const std::string text = precis::repair_utf8(raw).text;
  if (precis::looks_like_html(text)) {
    std::string error;
    const precis::HtmlPage page = precis::blocks_from_html(text, &error);
    if (!error.empty()) {
      std::fprintf(stderr, "precis: %s: %s\n", path.c_str(), error.c_str());
      return 1;
    }
    const precis::ExtractedArticle a = precis::extract_article(page);
    if (as_json) {
      json kept = json::array();
      for (int k : a.kept) kept.push_back(k);
      const json out{{"kind", "html"}, {"page_title", page.title}, {"title", a.title}, {"text", a.text}, {"kept", kept},
                     {"elements", precis::elements_to_json(page)}, {"blocks", precis::blocks_to_json(page)}};
      std::cout << precis::dump_json(out) << "\n";
    } else if (!a.text.empty()) {
      std::cout << a.text << "\n";
    } else {
      std::fprintf(stderr, "precis: %s: no article text found in this page\n", path.c_str());
    }
    return a.text.empty() ? 1 : 0;
  }
  const precis::CleanedText c = precis::clean_plain_text(text, {});
  std::string kept;
  for (const precis::Span& b : c.blocks) {
    if (!kept.empty()) kept += "\n\n";
    kept += b.of(text);
  }
  if (as_json) {
    json removed = json::array();
    for (const auto& r : c.removed) {
      removed.push_back({{"reason", r.reason}, {"detail", r.detail}, {"text", std::string(r.span.of(text))},
                         {"utf8", {{"begin", r.span.begin}, {"end", r.span.end}}}});
    }
    const json out{{"kind", "text"}, {"title", c.title}, {"text", kept}, {"removed", removed}};
    std::cout << precis::dump_json(out) << "\n";
  } else if (!kept.empty()) {
    std::cout << kept << "\n";
  } else {
    std::fprintf(stderr, "precis: %s: no article text left after cleaning\n", path.c_str());
  }
  return kept.empty() ? 1 : 0;
}

}  // namespace

int main(int argc, char** argv) {
  using nlohmann::json;
  int words = 100, sentences = 0, key = 3;
  bool as_json = false;
  std::string language = "en", request_file, clean_path;
  bool clean = false;
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    const char* next = i + 1 < argc ? argv[i + 1] : nullptr;
    if (a == "-h" || a == "--help") {
      std::fputs(kUsage, stdout);
      return 0;
    } else if (a == "--json") {
      as_json = true;
    } else if (a == "--words") {
      if (!parse_count("--words", next, 1, precis::limits::kMaxBudgetWords, &words)) return 2;
      sentences = 0;
      ++i;
    } else if (a == "--sentences") {
      if (!parse_count("--sentences", next, 1, precis::limits::kMaxBudgetSentences, &sentences)) return 2;
      ++i;
    } else if (a == "--key") {
      if (!parse_count("--key", next, 0, precis::limits::kMaxKeySentences, &key)) return 2;
      ++i;
    } else if (a == "--language") {
      if (!next) { std::fputs("precis: --language needs a code such as en\n", stderr); return 2; }
      language = next;
      ++i;
    } else if (a == "--clean") {
      clean = true;
      if (next && (next[0] != '-' || std::strcmp(next, "-") == 0)) {
        clean_path = next;
        ++i;
      }
    } else if (a == "--request") {
      if (!next) { std::fputs("precis: --request needs a file\n", stderr); return 2; }
      request_file = next;
      ++i;
    } else if (a.size() > 1 && a[0] == '-' && a != "-") {
      std::fprintf(stderr, "precis: unknown option '%s' (see precis --help)\n", a.c_str());
      return 2;
    } else {
      files.push_back(a);
    }
  }

  if (clean) {
    if (clean_path.empty() && files.size() == 1) clean_path = files[0];
    if (clean_path.empty() || (!files.empty() && files[0] != clean_path)) {
      std::fputs("precis: --clean takes exactly one FILE\n", stderr);
      return 2;
    }
    return clean_file(clean_path, as_json);
  }

  std::string response;
  if (!request_file.empty()) {
    std::string text;
    if (!read_all(request_file, &text)) {
      std::fprintf(stderr, "precis: cannot read '%s': %s\n", request_file.c_str(), std::strerror(errno));
      return 2;
    }
    response = precis::handle_request_json(text);
  } else {
    if (files.empty()) files.push_back("-");
    json request;
    request["version"] = precis::kSchemaVersion;
    request["documents"] = json::array();
    for (const auto& f : files) {
      std::string text;
      if (!read_all(f, &text)) {
        std::fprintf(stderr, "precis: cannot read '%s': %s\n", f.c_str(), std::strerror(errno));
        return 2;
      }
      // An HTML page goes to the extractor ("html"); anything else is plain text.
      const bool html = precis::looks_like_html(text);
      request["documents"].push_back({{"id", base_name(f)}, {html ? "html" : "text", std::move(text)}});
    }
    json budget = sentences > 0 ? json{{"sentences", sentences}} : json{{"words", words}};
    request["options"] = {{"budget", budget}, {"language", language}, {"key_sentences", key}};
    response = precis::handle_request(request);
  }

  const json r = json::parse(response);
  for (const auto& w : r.value("warnings", json::array())) {
    std::fprintf(stderr, "precis: warning: %s\n", w.value("message", "").c_str());
  }
  if (!r.value("ok", false)) {
    for (const auto& e : r["errors"]) {
      std::fprintf(stderr, "precis: error (%s): %s\n", e.value("code", "").c_str(), e.value("message", "").c_str());
    }
    if (as_json) std::cout << response << "\n";
    return 1;
  }
  if (as_json) {
    std::cout << response << "\n";
  } else {
    for (const auto& s : r["summary"]) {
      // A sentence may span wrapped lines in the source; print it on one line.
      std::string line = s["text"].get<std::string>();
      for (char& c : line) {
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
      }
      std::cout << line << "\n";
    }
  }
  return 0;
}
