// precis-clean-eval: measures Précis' cleaning on the Article Extraction Benchmark (181 real news
// and blog pages with the article body a person marked), with that benchmark's metric
// (eval/clean_eval_metric.h).
//
//   precis-clean-eval DATA/aeb [--mode html|text|both] [--per-page] [--dump DIR] [--page ID]
//
// Modes:
//   html  the page's HTML -> Gumbo blocks -> article extractor (what `precis --clean page.html` does);
//   text  "plain text as a person would copy it": the page's visible text (one line per block, no
//         tags) -> the plain-text cleaner (what happens to pasted text).
// Each mode is printed with its "no cleaning" baseline (all visible text of the page).
#include <nlohmann/json.hpp>
#include <zlib.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <string>
#include <vector>

#include "clean/plain_text_cleaner.h"
#include "eval/clean_eval_metric.h"
#include "html/block.h"
#include "html/block_json.h"
#include "html/extractor.h"
#include "html/gumbo_blocks.h"

namespace fs = std::filesystem;
using namespace precis;
using namespace precis::eval;

namespace {

constexpr const char* kUsage =
    "usage: precis-clean-eval DIR [--mode html|text|both] [--per-page] [--dump DIR] [--page ID]\n"
    "DIR holds html/<id>.html.gz and gold/<id>.txt (the Article Extraction Benchmark).\n"
    "  --mode M     html (HTML in), text (pasted plain text in), or both (default)\n"
    "  --per-page   also print precision and recall of every page\n"
    "  --dump DIR   write each page's cleaned text to DIR/<mode>/<id>.txt\n"
    "  --page ID    evaluate only pages whose id starts with ID (repeatable)\n"
    "  --explain    with --page: print every block of the page with its ancestry, whether the\n"
    "               gold text has it, and the extractor's verdict\n";

bool read_file(const fs::path& p, std::string* out) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return false;
  out->assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return true;
}

bool read_gzip(const fs::path& p, std::string* out) {
  gzFile f = gzopen(p.c_str(), "rb");
  if (!f) return false;
  out->clear();
  char buf[1 << 16];
  int n;
  while ((n = gzread(f, buf, sizeof buf)) > 0) out->append(buf, static_cast<std::size_t>(n));
  const bool ok = n == 0;
  gzclose(f);
  return ok;
}

std::string join_blocks(std::string_view text, const CleanedText& c) {
  std::string out;
  for (const Span& b : c.blocks) {
    if (!out.empty()) out += "\n\n";
    out += b.of(text);
  }
  return out;
}

struct Page {
  std::string id;
  std::string gold;
  std::string html;
};

struct System {
  std::string mode, name;
  std::vector<ShingleMatch> matches;
  double seconds = 0;
};

void dump(const std::string& dir, const std::string& sub, const std::string& id, const std::string& text) {
  if (dir.empty()) return;
  const fs::path d = fs::path(dir) / sub;
  fs::create_directories(d);
  std::ofstream(d / (id + ".txt"), std::ios::binary) << text;
}

// Share of the block's 4-token shingles that the gold text has.
double gold_share(const std::string& text, const std::set<std::vector<std::string>>& gold) {
  const auto t = word_tokens(text);
  if (t.empty()) return 0;
  if (t.size() < 4) return gold.count(t) ? 1.0 : 0.0;  // rarely meaningful
  int in = 0, all = 0;
  for (std::size_t i = 0; i + 4 <= t.size(); ++i, ++all) in += gold.count(std::vector<std::string>(t.begin() + i, t.begin() + i + 4)) > 0;
  return static_cast<double>(in) / all;
}

std::string ancestry(const HtmlPage& page, int e) {
  std::string out;
  for (int depth = 0; e >= 0 && depth < 6; e = page.elements[static_cast<std::size_t>(e)].parent, ++depth) {
    const HtmlElement& el = page.elements[static_cast<std::size_t>(e)];
    std::string s = el.tag;
    if (!el.id.empty()) s += "#" + el.id;
    if (!el.classes.empty()) s += "." + el.classes.substr(0, 30);
    if (!el.role.empty()) s += "[role=" + el.role + "]";
    if (!el.itemprop.empty()) s += "[itemprop=" + el.itemprop + "]";
    out = out.empty() ? s : s + " > " + out;
  }
  return out;
}

void explain_page(const HtmlPage& page, const ExtractedArticle& a, const std::string& gold_text) {
  std::set<std::vector<std::string>> gold;
  const auto t = word_tokens(gold_text);
  for (std::size_t i = 0; i + 4 <= t.size(); ++i) gold.insert(std::vector<std::string>(t.begin() + i, t.begin() + i + 4));
  std::printf("title: %s\ncontainer: %d\n", page.title.c_str(), a.container);
  for (const auto& [e, score] : a.candidates) std::printf("candidate e%d %.1f %s\n", e, score, ancestry(page, e).c_str());
  for (std::size_t i = 0; i < page.blocks.size(); ++i) {
    const HtmlBlock& b = page.blocks[i];
    const double g = gold_share(b.text, gold);
    const std::string& v = a.verdict[i];
    const char* mark = g >= 0.5 ? (v.empty() ? "  ok " : "LOST ") : (v.empty() ? "EXTRA" : "  -  ");
    std::printf("%s %4zu gold %.2f e%-4d %4d/%-4d %-14s %s\n      | %.160s\n", mark, i, g, b.element, b.link_chars, b.chars,
                v.c_str(), ancestry(page, b.element).c_str(), b.text.c_str());
  }
}

void explain_text(const std::string& text, const CleanedText& c, const std::string& gold_text) {
  std::set<std::vector<std::string>> gold;
  const auto t = word_tokens(gold_text);
  for (std::size_t i = 0; i + 4 <= t.size(); ++i) gold.insert(std::vector<std::string>(t.begin() + i, t.begin() + i + 4));
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t nl = text.find('\n', start);
    if (nl == std::string::npos) nl = text.size();
    const std::string line = text.substr(start, nl - start);
    if (!line.empty()) {
      std::string why = "";
      for (const auto& r : c.removed) {
        if (r.span.begin <= start + line.size() && r.span.end > start) why = r.reason;
      }
      const double g = gold_share(line, gold);
      const char* mark = g >= 0.5 ? (why.empty() ? "  ok " : "LOST ") : (why.empty() ? "EXTRA" : "  -  ");
      std::printf("%s %.2f %-16s %.150s\n", mark, g, why.c_str(), line.c_str());
    }
    start = nl + 1;
  }
}

}  // namespace

int main(int argc, char** argv) {
  std::string data_dir, mode = "both", dump_dir;
  std::vector<std::string> only;
  bool per_page = false, explain = false;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    const char* next = i + 1 < argc ? argv[i + 1] : nullptr;
    if (a == "-h" || a == "--help") {
      std::fputs(kUsage, stdout);
      return 0;
    } else if (a == "--mode" && next) {
      mode = next;
      ++i;
      if (mode != "html" && mode != "text" && mode != "both") {
        std::fprintf(stderr, "precis-clean-eval: --mode takes html, text or both\n");
        return 2;
      }
    } else if (a == "--explain") {
      explain = true;
    } else if (a == "--per-page") {
      per_page = true;
    } else if (a == "--dump" && next) {
      dump_dir = next;
      ++i;
    } else if (a == "--page" && next) {
      only.push_back(next);
      ++i;
    } else if (!a.empty() && a[0] == '-') {
      std::fprintf(stderr, "precis-clean-eval: unknown option '%s'\n%s", a.c_str(), kUsage);
      return 2;
    } else {
      data_dir = a;
    }
  }
  if (data_dir.empty()) {
    std::fputs(kUsage, stderr);
    return 2;
  }

  std::vector<Page> pages;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(fs::path(data_dir) / "gold", ec)) {
    const std::string name = entry.path().filename().string();
    if (name.size() < 5 || name.substr(name.size() - 4) != ".txt") continue;
    Page p;
    p.id = name.substr(0, name.size() - 4);
    if (!only.empty() && std::none_of(only.begin(), only.end(), [&](const std::string& o) { return p.id.rfind(o, 0) == 0; })) continue;
    if (!read_file(entry.path(), &p.gold)) {
      std::fprintf(stderr, "precis-clean-eval: cannot read %s\n", entry.path().c_str());
      return 2;
    }
    const fs::path html = fs::path(data_dir) / "html" / (p.id + ".html.gz");
    if (!read_gzip(html, &p.html)) {
      std::fprintf(stderr, "precis-clean-eval: cannot read %s\n", html.c_str());
      return 2;
    }
    pages.push_back(std::move(p));
  }
  if (ec || pages.empty()) {
    std::fprintf(stderr, "precis-clean-eval: no pages under %s/gold\n", data_dir.c_str());
    return 2;
  }
  std::sort(pages.begin(), pages.end(), [](const Page& a, const Page& b) { return a.id < b.id; });

  const bool html_mode = mode != "text", text_mode = mode != "html";
  System html_sys{"html", "precis extractor", {}, 0}, text_sys{"text", "precis plain-text cleaner", {}, 0};
  System none{"both", "no cleaning (all visible text)", {}, 0};
  // What the summarizer reads from an HTML document: the extracted article after the plain-text
  // cleaner that every document goes through.
  System html_then_text{"html", "extractor + plain-text cleaner", {}, 0};
  System html_then_lines{"html", "extractor + cleaner, no region", {}, 0};
  double parse_seconds = 0;
  using clock = std::chrono::steady_clock;
  for (const Page& p : pages) {
    auto t0 = clock::now();
    const HtmlPage blocks = blocks_from_html(p.html);
    auto t1 = clock::now();
    parse_seconds += std::chrono::duration<double>(t1 - t0).count();
    const std::string visible = visible_text(blocks);
    none.matches.push_back(match_shingles(p.gold, visible));
    dump(dump_dir, "visible", p.id, visible);
    if (!dump_dir.empty()) {
      std::set<std::vector<std::string>> gold;
      const auto t = word_tokens(p.gold);
      for (std::size_t i = 0; i + 4 <= t.size(); ++i) gold.insert(std::vector<std::string>(t.begin() + i, t.begin() + i + 4));
      nlohmann::json j{{"title", blocks.title}, {"elements", elements_to_json(blocks)}, {"blocks", blocks_to_json(blocks)}};
      for (std::size_t i = 0; i < blocks.blocks.size(); ++i) j["blocks"][i]["gold"] = gold_share(blocks.blocks[i].text, gold);
      dump(dump_dir, "blocks", p.id, j.dump());
    }
    std::string line = p.id.substr(0, 12);
    char buf[96];
    bool c;
    std::snprintf(buf, sizeof buf, "  none P %.3f R %.3f", page_precision(none.matches.back(), &c),
                  page_recall(none.matches.back(), &c));
    line += buf;
    if (html_mode) {
      t0 = clock::now();
      const ExtractedArticle a = extract_article(blocks);
      html_sys.seconds += std::chrono::duration<double>(clock::now() - t0).count();
      if (explain) explain_page(blocks, a, p.gold);
      html_sys.matches.push_back(match_shingles(p.gold, a.text));
      const CleanedText again = clean_plain_text(a.text, {});
      html_then_text.matches.push_back(match_shingles(p.gold, join_blocks(a.text, again)));
      CleanOptions lines_only;
      lines_only.select_region = false;
      const CleanedText again_lines = clean_plain_text(a.text, lines_only);
      html_then_lines.matches.push_back(match_shingles(p.gold, join_blocks(a.text, again_lines)));
      dump(dump_dir, "html", p.id, a.text);
      std::snprintf(buf, sizeof buf, "  html P %.3f R %.3f", page_precision(html_sys.matches.back(), &c),
                    page_recall(html_sys.matches.back(), &c));
      line += buf;
    }
    if (text_mode) {
      t0 = clock::now();
      const CleanedText cleaned = clean_plain_text(visible, {});
      text_sys.seconds += std::chrono::duration<double>(clock::now() - t0).count();
      const std::string kept = join_blocks(visible, cleaned);
      if (explain) explain_text(visible, cleaned, p.gold);
      text_sys.matches.push_back(match_shingles(p.gold, kept));
      dump(dump_dir, "text", p.id, kept);
      std::snprintf(buf, sizeof buf, "  text P %.3f R %.3f", page_precision(text_sys.matches.back(), &c),
                    page_recall(text_sys.matches.back(), &c));
      line += buf;
    }
    if (per_page) std::printf("%s\n", line.c_str());
  }

  const double n = static_cast<double>(pages.size());
  std::printf("%zu pages from %s (metric: aeb README: \\w+ tokens, 4-token shingles, mean per-page P and R)\n",
              pages.size(), data_dir.c_str());
  std::printf("%-5s %-32s %9s %9s %9s %12s\n", "mode", "system", "precision", "recall", "F1", "ms/page");
  auto row = [&](const System& s, double extra_seconds) {
    const Scores sc = aggregate(s.matches);
    const double ms = 1000.0 * (s.seconds + extra_seconds) / n;
    std::printf("%-5s %-32s %9.4f %9.4f %9.4f %12s\n", s.mode.c_str(), s.name.c_str(), sc.precision, sc.recall, sc.f1,
                ms > 0 ? std::to_string(ms).substr(0, std::to_string(ms).find('.') + 3).c_str() : "-");
  };
  if (html_mode) row(html_sys, parse_seconds);
  if (html_mode) row(html_then_text, 0);
  if (html_mode) row(html_then_lines, 0);
  if (text_mode) row(text_sys, 0);
  row(none, 0);
  std::printf("(html ms/page includes Gumbo parsing and block building: %.2f ms/page)\n", 1000.0 * parse_seconds / n);
  return 0;
}
