// Robustness: every class of input people paste (issue 6), through the JSON API
// (handle_request_json) and the CLI path (handle_request on raw file bytes), checked against the
// invariants of tests/fuzz/invariants.h:
//   no crash; the response is valid UTF-8; a failure is a typed error; every summary sentence,
//   key sentence and removed span is exactly the (repaired) input at its UTF-8 and UTF-16
//   offsets; nothing is silently dropped (every non-blank byte is in a sentence or a removed span).
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "api/json_api.h"
#include "api/limits.h"
#include "fuzz/invariants.h"
#include "summarize/analysis.h"
#include "text/language.h"
#include "text/utf8.h"

namespace precis {
namespace {

using nlohmann::json;

// Under AddressSanitizer (the native-sanitize preset) everything runs several times slower; the
// megabyte cases shrink by 4x there (memory errors do not need the full size; the plain Debug and
// Release runs use the full sizes).
#if defined(__SANITIZE_ADDRESS__)
constexpr std::size_t kScale = 4;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr std::size_t kScale = 4;
#else
constexpr std::size_t kScale = 1;
#endif
#else
constexpr std::size_t kScale = 1;
#endif

struct Outcome {
  json response;          // of the CLI path
  std::string error;      // error code, empty when ok
  std::vector<std::string> warnings;
  Corpus corpus;          // the analysis behind it (when checked)
  bool has_warning(const std::string& code) const {
    for (const auto& w : warnings) {
      if (w == code) return true;
    }
    return false;
  }
};

std::vector<std::string> repaired(const std::vector<std::string>& texts) {
  std::vector<std::string> out;
  out.reserve(texts.size());
  for (const auto& t : texts) out.push_back(repair_utf8(t).text);
  return out;
}

Outcome outcome_of(const std::string& response) {
  Outcome o;
  o.response = json::parse(response);
  if (!o.response["ok"].get<bool>()) o.error = o.response["errors"][0]["code"].get<std::string>();
  for (const auto& w : o.response.value("warnings", json::array())) o.warnings.push_back(w["code"].get<std::string>());
  return o;
}

// Runs `texts` through the CLI path and (unless `json_path` is false) the JSON API, checks every
// invariant of both responses, and of the analysis behind them (nothing dropped).
Outcome check_all(const std::vector<std::string>& texts, const std::string& language = "en", bool json_path = true,
                  bool analysis = true) {
  // CLI path: exactly what core/cli/main.cpp builds from files (raw bytes, maybe invalid UTF-8).
  json request = {{"version", 1}, {"documents", json::array()}};
  for (std::size_t i = 0; i < texts.size(); ++i) request["documents"].push_back({{"id", "file" + std::to_string(i)}, {"text", texts[i]}});
  request["options"] = {{"budget", {{"words", 100}}}, {"language", language}, {"key_sentences", 3}};
  const std::vector<std::string> fixed = repaired(texts);
  const std::string cli_response = handle_request(request);
  EXPECT_EQ(invariants::check_response(cli_response, fixed), "") << "CLI path";
  Outcome cli = outcome_of(cli_response);

  if (json_path) {
    // JSON API: the request as a browser sends it (the serializer replaces invalid UTF-8).
    const std::string wire = request.dump(-1, ' ', false, json::error_handler_t::replace);
    const std::string api_response = handle_request_json(wire);
    std::vector<std::string> sent;
    invariants::request_texts(json::parse(wire), &sent);
    EXPECT_EQ(invariants::check_response(api_response, repaired(sent)), "") << "JSON API";
    const Outcome api = outcome_of(api_response);
    EXPECT_EQ(api.error, cli.error);
  }

  if (analysis && cli.error.empty()) {
    LanguageInfo info;
    EXPECT_TRUE(resolve_language(language, &info));
    std::vector<InputDocument> inputs;
    for (std::size_t i = 0; i < texts.size(); ++i) inputs.push_back(InputDocument{std::to_string(i), "", "", texts[i]});
    AnalysisOptions options;
    options.max_sentence_words = limits::kMaxSentenceWords;
    cli.corpus = analyze(std::move(inputs), info, options);
    EXPECT_EQ(invariants::check_analysis(cli.corpus, fixed), "");
  }
  return cli;
}

std::string random_bytes(std::size_t n, uint32_t seed) {
  std::mt19937 rng(seed);
  std::string s(n, '\0');
  for (char& c : s) c = static_cast<char>(rng() & 0xFF);
  return s;
}

const char* const kArticle =
    "Officials said on Monday that a strong earthquake struck the coastal city overnight.\n\n"
    "Rescue teams searched collapsed buildings for survivors, the regional governor told reporters.\n\n"
    "The quake had a magnitude of 6.1 and was felt hundreds of kilometres away, seismologists said.\n";

// ---- the input classes of issue 6 ------------------------------------------------------------

TEST(Robustness, EmptyInputIsATypedError) {
  EXPECT_EQ(check_all({""}).error, "empty_input");
  EXPECT_EQ(check_all({"", " \n\t\r\n  "}).error, "empty_input");
  EXPECT_EQ(check_all({}).error, "empty_input");
  for (const char* raw : {"", " ", "{}", "[]", "null", "\"\"", "{\"documents\":[]}", "{\"documents\":[\"\"]}"}) {
    const std::string r = handle_request_json(raw);
    EXPECT_EQ(invariants::check_response(r, {}), "") << raw;
    EXPECT_FALSE(json::parse(r)["ok"].get<bool>()) << raw;
  }
}

TEST(Robustness, BinaryJunkWithNuls) {
  for (uint32_t seed = 1; seed <= 4; ++seed) {
    const std::string junk = random_bytes(seed == 1 ? 200000 : 20000, seed);
    const Outcome o = check_all({junk, std::string(kArticle) + junk.substr(0, 3000)});
    EXPECT_EQ(o.error, "") << o.response.dump();
    EXPECT_TRUE(o.has_warning("invalid_utf8"));
  }
  // NUL bytes alone, and a valid text with NULs inside.
  check_all({std::string(5000, '\0')});
  std::string with_nuls = kArticle;
  for (std::size_t i = 10; i < with_nuls.size(); i += 37) with_nuls[i] = '\0';
  check_all({with_nuls});
}

TEST(Robustness, InvalidUtf8IsRepairedAndReported) {
  const std::vector<std::string> bad = {
      "Caf\xE9 au lait is served here every day, the owner said on Monday.",  // Latin-1
      "Truncated \xE2\x82 euro sign and \xF0\x9F\x98 emoji in this sentence, officials said.",
      "Overlong \xC0\xAF slash, surrogate \xED\xA0\x80 half and \xF4\x90\x80\x80 beyond U+10FFFF, they said.",
      "\xFF\xFE" "B\0O\0M\0 UTF-16 text pasted as bytes.",
      "Lone continuation \x80\x81\x82 bytes \xBF and a final lead \xC3",
  };
  const Outcome o = check_all(bad);
  EXPECT_EQ(o.error, "");
  EXPECT_TRUE(o.has_warning("invalid_utf8"));
  for (const auto& d : o.response["documents"]) EXPECT_GT(d["invalid_utf8"].get<int>(), 0);
}

TEST(Robustness, TwoMegabyteLineWithoutPunctuation) {
  std::string line;
  const std::size_t size = (2u << 20) / kScale;
  line.reserve(size);
  const char* const words[] = {"alpha ", "bravo ", "charlie ", "delta ", "echo ", "foxtrot ", "golf "};
  for (std::size_t i = 0; line.size() < size; ++i) line += words[(i * 7 + i / 5) % 7];
  const Outcome o = check_all({line, kArticle}, "en", /*json_path=*/false);  // JSON API: below
  EXPECT_EQ(o.error, "");
  EXPECT_TRUE(o.has_warning("long_sentences"));  // beyond kMaxSentenceWords: reported, never summarised
  for (const auto& s : o.response["summary"]) EXPECT_EQ(s["document"].get<int>(), 1);
  // Through the JSON API too, on a tenth of it (the two paths differ only in parsing).
  EXPECT_TRUE(check_all({line.substr(0, 200000 / kScale), kArticle}).has_warning("long_sentences"));
}

TEST(Robustness, HtmlWithScriptsIsPlainText) {
  const std::string html =
      "<html><head><script>alert('x')</script><style>body{}</style></head><body>\n"
      "<img src=x onerror=alert(1)>\n"
      "<a href=\"javascript:alert(2)\">Click here</a>\n"
      "<svg onload=alert(3)><iframe src=\"javascript:alert(4)\"></iframe>\n"
      "<p onclick=\"steal()\">Officials said on Monday that the bridge will reopen next week after repairs.</p>\n"
      "<!-- comment --> &lt;b&gt; &amp; &#x27; {{template}} ${injection}\n"
      "</body></html>\n";
  const Outcome o = check_all({html, kArticle});
  EXPECT_EQ(o.error, "");
  // Markup is text: each tag is kept verbatim in a sentence or a removed span, never dropped
  // (check_all verified that of every byte; here: the dangerous ones by name).
  const AnalyzedDocument& d = o.corpus.documents.at(0);
  for (const char* needle : {"<script>alert('x')</script>", "onerror=alert(1)", "javascript:alert(2)", "<svg onload=alert(3)>"}) {
    const std::size_t at = d.text.find(needle);
    ASSERT_NE(at, std::string::npos);
    bool found = false;
    for (const auto& s : d.sentences) found |= s.span.begin <= at && at < s.span.end;
    for (const auto& r : d.cleaned.removed) found |= r.span.begin <= at && at < r.span.end;
    EXPECT_TRUE(found) << needle;
  }
}

TEST(Robustness, RightToLeftAndMixedScripts) {
  const std::string arabic =
      "قال مسؤولون يوم الاثنين إن زلزالا قويا ضرب المدينة الساحلية خلال الليل.\n\n"
      "وبحثت فرق الإنقاذ عن ناجين بين المباني المنهارة، وفقا للحاكم.\n";
  const std::string hebrew =
      "פקידים אמרו ביום שני כי רעידת אדמה חזקה פגעה בעיר החוף במהלך הלילה.\n\n"
      "צוותי חילוץ חיפשו ניצולים בין הבניינים שקרסו.\n";
  const std::string mixed =
      "The minister said \xE2\x80\x8F\"שלום\"\xE2\x80\x8E and «مرحبا» in Paris, Москва and 東京 today.\n"
      "Bidi overrides \xE2\x80\xAE reversed \xE2\x80\xAC and isolates \xE2\x81\xA6 نص \xE2\x81\xA9 in one line, he said.\n";
  EXPECT_EQ(check_all({arabic, arabic}, "ar").error, "");
  EXPECT_EQ(check_all({hebrew, hebrew}, "he").error, "");
  EXPECT_EQ(check_all({mixed, arabic, hebrew}, "en").error, "");
}

TEST(Robustness, EmojiAndCombiningMarks) {
  const std::string text =
      "Fans cheered 👍🏽 as the team 🇫🇷 won the final 🏆 on Sunday, the club said.\n\n"
      "Family emoji 👨‍👩‍👧‍👦 and keycaps 1️⃣ appear in the message posted online.\n\n"
      "Combining marks: e\xCC\x81 n\xCC\x83 a\xCC\x8A and Z\xCC\xB5\xCD\x87\xCC\x9B" "a\xCC\xB8\xCD\x95l\xCC\xB7g\xCC\xB6o text, she said.\n\n"
      "Astral letters 𝐁𝐨𝐥𝐝 and 𝔉𝔯𝔞𝔨𝔱𝔲𝔯 and variation selectors ☺️ stay intact in the summary.\n";
  const Outcome o = check_all({text, text + kArticle});
  EXPECT_EQ(o.error, "");
  EXPECT_FALSE(o.response["summary"].empty());
}

TEST(Robustness, CjkWithoutSpaces) {
  const std::string chinese = "东京都政府周一宣布了一项新的防灾计划。该计划将于明年开始实施。官员表示预算将增加百分之二十。";
  const std::string japanese = "東京都は月曜日に新しい防災計画を発表した。計画は来年から実施される。予算は二割増える見通しだ。";
  std::string unpunctuated;
  while (unpunctuated.size() < 300000) unpunctuated += "东京都政府周一宣布了一项新的防灾计划该计划将于明年开始实施";
  EXPECT_EQ(check_all({chinese, chinese}, "zh").error, "");
  EXPECT_EQ(check_all({japanese, japanese}, "ja").error, "");
  EXPECT_EQ(check_all({unpunctuated, chinese}, "zh").error, "");
}

TEST(Robustness, FiveThousandTinyDocuments) {
  std::vector<std::string> docs;
  for (int i = 0; i < 5000; ++i) {
    docs.push_back(i % 3 == 0 ? "Doc " + std::to_string(i) + "."
                              : "The council approved budget " + std::to_string(i % 17) + " on Monday, officials said.");
  }
  const Outcome o = check_all(docs);
  EXPECT_EQ(o.error, "");
  EXPECT_EQ(o.response["documents"].size(), 5000u);
  // The document limit: one more than allowed is a typed error, not a crash.
  json request = {{"documents", json::array()}};
  for (std::size_t i = 0; i <= limits::kMaxDocuments; ++i) request["documents"].push_back("x");
  const std::string r = handle_request_json(request.dump());
  EXPECT_EQ(invariants::check_response(r, {}), "");
  EXPECT_EQ(outcome_of(r).error, "too_large");
}

TEST(Robustness, OneHugeDocument) {
  // ~20 MB pasted at once: a server log (long tokens, so the Debug build stays quick), a few
  // hundred distinct lines repeated. Cleaning reports the repeats (hidden, not deleted); all of
  // it must come back as sentences or removed spans.
  std::vector<std::string> lines;
  const char* const hex = "0123456789abcdef";
  for (int i = 0; i < 300; ++i) {
    std::string id;
    for (int k = 0; k < 64; ++k) id += hex[(i * 31 + k * 7 + k * k) % 16];
    lines.push_back("2024-05-0" + std::to_string(i % 9 + 1) + "T12:" + std::to_string(10 + i % 50) +
                    ":00Z server-" + std::to_string(i) + " request_id=" + id +
                    " path=/api/v1/articles/" + std::to_string(i * 7919 % 10007) +
                    "/comments?page=" + std::to_string(i % 13) + "&sort=newest status=200 duration_ms=" +
                    std::to_string(i * 13 % 997) + " user_agent=Mozilla/5.0_(X11;_Linux_x86_64)_Gecko/20100101_Firefox/126.0");
  }
  std::string huge;
  const std::size_t size = (20u << 20) / kScale;
  huge.reserve(size);
  for (std::size_t i = 0; huge.size() < size; ++i) {
    huge += lines[i % lines.size()];
    huge += (i % 4 == 3) ? "\n\n" : "\n";
  }
  const auto start = std::chrono::steady_clock::now();
  const Outcome o = check_all({huge}, "en", /*json_path=*/false);
  EXPECT_TRUE(o.error.empty() || o.error == "too_large" || o.error == "out_of_memory") << o.error;
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  RecordProperty("huge_document_seconds", std::to_string(seconds));
}

TEST(Robustness, OverTheLimitIsTooLarge) {
  // More than kMaxTotalTextBytes of text in total: refused before any analysis. Built as a request
  // object (the CLI path) so the test does not spend its time serialising 64 MiB of JSON.
  json request = {{"documents", json::array()}};
  const std::size_t part = limits::kMaxTotalTextBytes / 2 + 1;
  request["documents"].push_back(std::string(part, 'a'));
  request["documents"].push_back(std::string(part, 'b'));
  const std::string r = handle_request(request);
  EXPECT_EQ(invariants::check_response(r, {}), "");
  EXPECT_EQ(outcome_of(r).error, "too_large");
  // A request larger than kMaxRequestBytes is refused before parsing.
  const std::string big(limits::kMaxRequestBytes + 1, ' ');
  const std::string r2 = handle_request_json(big);
  EXPECT_EQ(invariants::check_response(r2, {}), "");
  EXPECT_EQ(outcome_of(r2).error, "too_large");
}

TEST(Robustness, HostileJson) {
  const std::vector<std::string> requests = {
      std::string(100000, '['),
      std::string(100000, '{'),
      "{\"documents\":" + std::string(70, '[') + std::string(70, ']') + "}",
      "{\"documents\":[\"a\"],\"options\":{\"budget\":{\"words\":1e309}}}",
      "{\"documents\":[\"a b c. d e f.\"],\"options\":{\"budget\":{\"words\":18446744073709551616}}}",
      "{\"documents\":[\"a b c. d e f.\"],\"options\":{\"budget\":{\"sentences\":-9223372036854775809}}}",
      "{\"documents\":[\"a b c. d e f.\"],\"options\":{\"key_sentences\":2.5}}",
      "{\"documents\":[\"a b c. d e f.\"],\"options\":{\"language\":\"\\u0000\"}}",
      "{\"documents\":[{\"text\":\"\\ud800\"}]}",
      "{\"documents\":[{\"text\":5}]}",
      "{\"documents\":[{\"text\":\"x\",\"id\":1e400}]}",
      "{\"documents\":[{\"text\":\"x\",\"id\":-99999999999999999999}]}",
      "{\"version\":1e10,\"documents\":[]}",
      "{\"documents\":\"text\"}",
      "{\"documents\":[\"\\u0000\\u0001\\u001f text with control characters. More text here.\"]}",
      "{\"documents\":[\"a\"]}garbage",
      "\xEF\xBB\xBF{\"documents\":[\"BOM first. Then text.\"]}",
      "{\"documents\":[\"\xFF\xFE invalid bytes inside a JSON string\"]}",
  };
  for (const std::string& req : requests) {
    const std::string r = handle_request_json(req);
    std::vector<std::string> texts;
    const json parsed = json::parse(req, nullptr, false);
    if (!parsed.is_discarded() && invariants::request_texts(parsed, &texts)) {
      for (auto& t : texts) t = repair_utf8(t).text;
    }
    EXPECT_EQ(invariants::check_response(r, texts), "") << req.substr(0, 120);
  }
}

// Regression (found by this suite): a number beyond double range made nlohmann::json throw
// out_of_range, which surfaced as an untyped "internal" error instead of invalid_json.
TEST(Robustness, NumberOverflowIsInvalidJson) {
  for (const char* req : {"{\"documents\":[\"a\"],\"options\":{\"budget\":{\"words\":1e309}}}",
                          "{\"documents\":[{\"text\":\"x\",\"id\":-1e400}]}", "[1e999]"}) {
    EXPECT_EQ(outcome_of(handle_request_json(req)).error, "invalid_json") << req;
  }
}

// Regression: integer ids above 2^63 - 1 were read as long long and came back negative.
TEST(Robustness, IntegerIdsAreKeptExactly) {
  const std::string text = kArticle;
  const json request = {{"documents", {{{"id", 18446744073709551615ull}, {"text", text}},
                                       {{"id", -5}, {"text", text}},
                                       {{"id", 7}, {"text", text}}}}};
  const Outcome o = outcome_of(handle_request_json(request.dump()));
  ASSERT_EQ(o.error, "");
  EXPECT_EQ(o.response["documents"][0]["id"], "18446744073709551615");
  EXPECT_EQ(o.response["documents"][1]["id"], "-5");
  EXPECT_EQ(o.response["documents"][2]["id"], "7");
}

}  // namespace
}  // namespace precis
