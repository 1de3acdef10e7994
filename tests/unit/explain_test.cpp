// --explain: the text and JSON renderings of a decided document, and the flag end to end.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "authoring/explain.h"
#include "authoring_support.h"
#include "rules/parser.h"
#include "text/segment.h"

using namespace declutter;
using namespace declutter::authoring_testing;

namespace {
struct DecidedDocument {
  DecidedDocument() : path("site.rules") {
    file = parse_rule_file(&path, "drop \"Subscribe\"\n", diagnostics);
    doc.source = "Subscribe\nHeadline\nHeadline\n\nBody\tline\n";
    segment_lines(doc);
    doc.decide(doc.blocks[0], Verdict::drop, Decider::rule, &file.rules[0]);
    doc.decide(doc.blocks[2], Verdict::drop, Decider::dedupe);
  }
  std::string path;
  Diagnostics diagnostics;
  RuleFile file;
  Document doc;
};
}  // namespace

TEST_CASE("explain_text prints one line per block with verdict, line and decider", "[explain]") {
  DecidedDocument d;
  std::string out;
  explain_text(d.doc, out);
  CHECK(out ==
        "# declutter explain: 4 blocks, 2 kept, 2 dropped\n"
        "- 1 site.rules:1 drop \"subscribe\" | Subscribe\n"
        "+ 2 kept | Headline\n"
        "- 3 dedupe | Headline\n"
        "+ 5 kept | Body\\tline\n");
}

TEST_CASE("explain_reason names the stage when no rule decided", "[explain]") {
  Block block;
  block.decider = Decider::score;
  block.score = -1.254F;
  block.text = "Home News Sport";
  BlockElement element;
  element.link_chars = 12;
  element.tag = "li";
  CHECK(explain_reason(block, element) == "score -1.25 links=80% words=3 <li>");
  // The scorer says why it labelled the block so.
  block.score_reason = ScoreReason::link_text;
  CHECK(explain_reason(block, element) == "score -1.25 link-text links=80% words=3 <li>");
  block.score_reason = ScoreReason::tail;
  element.link_chars = 0;
  CHECK(explain_reason(block, element) == "score -1.25 article-tail words=3 <li>");
  block.decider = Decider::safety;
  CHECK(explain_reason(block, element) == "safety");
  // Restored over a rule's drop: both are named.
  const std::string file = "site.rules";
  Rule rule;
  rule.origin.file = &file;
  rule.origin.line = 3;
  rule.pattern = "menu";
  block.rule = &rule;
  CHECK(explain_reason(block, element) == "safety over site.rules:3 drop \"menu\"");
  block.rule = nullptr;
  block.decider = Decider::edge_trim;
  CHECK(explain_reason(block, element) == "edge-trim");
}

TEST_CASE("explain says how the bytes were decoded when they were not plain UTF-8", "[explain]") {
  DecidedDocument d;
  d.doc.decoding = Decoding{"WINDOWS-1252", false, true};
  std::string out;
  explain_text(d.doc, out);
  CHECK(out.substr(0, out.find('\n')) ==
        "# declutter explain: 4 blocks, 2 kept, 2 dropped, read as WINDOWS-1252 (not UTF-8)");
  d.doc.decoding = Decoding{"UTF-8", true, false};
  out.clear();
  explain_text(d.doc, out);
  CHECK(out.substr(0, out.find('\n')) ==
        "# declutter explain: 4 blocks, 2 kept, 2 dropped, invalid UTF-8 replaced by U+FFFD");
  d.doc.decoding = Decoding{"WINDOWS-1250", false, false};
  out.clear();
  explain_json(d.doc, out);
  const auto json = nlohmann::json::parse(out);
  CHECK(json["encoding"] == "WINDOWS-1250");
  CHECK(json["encoding_guessed"] == false);
  CHECK(json["utf8_repaired"] == false);
}

TEST_CASE("explain_json is one JSON document per line with the rule's origin", "[explain]") {
  DecidedDocument d;
  std::string out;
  explain_json(d.doc, out);
  REQUIRE(out.back() == '\n');
  CHECK(out.find('\n') == out.size() - 1);
  auto json = nlohmann::json::parse(out);
  CHECK(json["blocks_total"] == 4);
  CHECK(json["blocks_dropped"] == 2);
  const auto& first = json["blocks"][0];
  CHECK(first["kept"] == false);
  CHECK(first["decider"] == "rule");
  CHECK(first["rule"]["file"] == "site.rules");
  CHECK(first["rule"]["line"] == 1);
  CHECK(first["rule"]["text"] == "drop \"subscribe\"");
  CHECK(json["blocks"][2]["decider"] == "dedupe");
  CHECK(json["blocks"][3]["gap_before"] == true);
  CHECK_FALSE(json["blocks"][3].contains("score_reason"));
  d.doc.blocks[3].decider = Decider::score;
  d.doc.blocks[3].score_reason = ScoreReason::article;
  out.clear();
  explain_json(d.doc, out);
  CHECK(nlohmann::json::parse(out)["blocks"][3]["score_reason"] == "article-run");
}

TEST_CASE("explain_json survives invalid UTF-8", "[explain]") {
  Document doc;
  doc.source = "bad \xFF byte\n";
  segment_lines(doc);
  std::string out;
  REQUIRE_NOTHROW(explain_json(doc, out));
  CHECK(nlohmann::json::parse(out)["blocks"][0]["text"] == "bad \xEF\xBF\xBD byte");
}

TEST_CASE("declutter --explain names the language the scorer detected", "[explain][cli]") {
  TempDir dir;
  const std::string german = dir.write(
      "de.txt", "Der Rat hat beschlossen, dass die neue Brücke im Frühjahr eröffnet wird und die alte bis auf "
                "Weiteres für den Verkehr gesperrt bleibt, weil sie nicht mehr sicher ist und weil sich die "
                "Reparatur nach dem Gutachten der Stadt nicht mehr lohnt.\n");
  auto text = run_declutter({"--explain", german});
  CHECK(text.out.substr(0, text.out.find('\n')) == "# declutter explain: 1 blocks, 1 kept, 0 dropped, language de");
  auto json = run_declutter({"--explain=json", german});
  CHECK(nlohmann::json::parse(json.out)["language"] == "de");
  const std::string menu = dir.write("menu.txt", "Home\nNews\nSport\n");
  auto unsure = run_declutter({"--explain", menu});
  CHECK(unsure.out.find("language") == std::string::npos);
}

TEST_CASE("declutter --explain names the publication date and the rule that found it", "[explain][cli]") {
  TempDir dir;
  const std::string page = dir.write(
      "page.html", R"(<html><head><meta property="article:published_time" content="2021-04-26T10:00:00Z"></head>)"
                   "<body><p>The harbour board met on Tuesday evening.</p></body></html>");
  auto text = run_declutter({"--explain", page});
  const std::string header = text.out.substr(0, text.out.find('\n'));
  CHECK(header.find(", published 2021-04-26 (<embedded>/html.rules:") != std::string::npos);
  auto json = nlohmann::json::parse(run_declutter({"--explain=json", page}).out);
  CHECK(json["published"] == "2021-04-26");
  CHECK(json["published_rule"].get<std::string>().starts_with("<embedded>/html.rules:"));
  const std::string undated = dir.write("undated.html", "<html><body><p>No date here.</p></body></html>");
  CHECK(run_declutter({"--explain", undated}).out.find("published") == std::string::npos);
  CHECK(nlohmann::json::parse(run_declutter({"--explain=json", undated}).out)["published"].is_null());
}

TEST_CASE("declutter --explain prints the deciding rule of every line", "[explain][cli]") {
  TempDir dir;
  write_test_rules(dir);
  std::string page = dir.write("page.txt", "Menu\n\nA real sentence of the article.\n\nRelated\nTeaser one\n");
  auto result = run_declutter({"--rules", dir.file("rules"), "--explain", page});
  REQUIRE(result.status == 0);
  CHECK(result.out.find("- 1 " + dir.file("rules/common.rules") + ":2 drop \"menu\" | Menu\n") != std::string::npos);
  CHECK(result.out.find("+ 3 kept | A real sentence of the article.\n") != std::string::npos);
  CHECK(result.out.find("- 6 " + dir.file("rules/common.rules") + ":4 cut \"related\" | Teaser one\n") !=
        std::string::npos);
}

TEST_CASE("declutter --explain shows a publisher's keep rule overriding a common drop", "[explain][cli]") {
  TempDir dir;
  write_test_rules(dir);
  std::string page = dir.write("page.txt", "Share\n\nBody text here.\n");
  auto result = run_declutter({"--rules", dir.file("rules"), "--publisher", "example-news.com", "--explain", page});
  REQUIRE(result.status == 0);
  CHECK(result.out.find("+ 1 " + dir.file("rules/publishers/example-news.com.rules") + ":3 keep \"share\" | Share") !=
        std::string::npos);
}

TEST_CASE("declutter --explain=json writes one document per input file", "[explain][cli]") {
  TempDir dir;
  write_test_rules(dir);
  std::string a = dir.write("a.txt", "Menu\nFirst page.\n");
  std::string b = dir.write("b.txt", "Second page.\n");
  auto result = run_declutter({"--rules", dir.file("rules"), "--explain=json", a, b});
  REQUIRE(result.status == 0);
  auto newline = result.out.find('\n');
  REQUIRE(newline != std::string::npos);
  auto first = nlohmann::json::parse(result.out.substr(0, newline));
  auto second = nlohmann::json::parse(result.out.substr(newline + 1));
  CHECK(first["blocks"][0]["rule"]["text"] == "drop \"menu\"");
  CHECK(second["blocks"][0]["text"] == "Second page.");
}

TEST_CASE("declutter --explain rejects unknown formats and commands", "[explain][cli]") {
  auto bad_format = run_declutter({"--explain=xml"});
  CHECK(bad_format.status == 2);
  CHECK(bad_format.err.find("--explain takes text or json") != std::string::npos);
  auto with_command = run_declutter({"check", "--explain"});
  CHECK(with_command.status == 2);
}
