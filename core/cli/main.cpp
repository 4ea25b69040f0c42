// precis: summarize news articles from files or standard input.
//
//   precis [--words N | --sentences N] [--language L] [--key N] [--json] FILE...
//
// Each FILE is one article ("-" or no FILE: standard input). Prints the summary, one sentence
// per line; --json prints the full response (schema in README.md).
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
#include "api/limits.h"

namespace {

constexpr const char* kUsage =
    "usage: precis [options] [FILE...]\n"
    "Summarize several news articles about one event into one short summary.\n"
    "Each FILE is one article (plain text, UTF-8); with no FILE, or FILE '-', reads standard input.\n"
    "\n"
    "options:\n"
    "  --words N        summary budget in words (default 100)\n"
    "  --sentences N    summary budget in sentences instead of words\n"
    "  --language L     language of the articles, e.g. en, de, fr (default en)\n"
    "  --key N          key sentences reported per article with --json (default 3)\n"
    "  --json           print the full JSON response (summary, provenance, key sentences,\n"
    "                   removed boilerplate, warnings)\n"
    "  --request FILE   read a complete JSON request instead of articles ('-' = stdin)\n"
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

}  // namespace

int main(int argc, char** argv) {
  using nlohmann::json;
  int words = 100, sentences = 0, key = 3;
  bool as_json = false;
  std::string language = "en", request_file;
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
      request["documents"].push_back({{"id", base_name(f)}, {"text", std::move(text)}});
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
