// `declutter suggest`: recurring, uncovered lines as ready-to-paste rules.
#include <catch2/catch.hpp>

#include "authoring/suggest.h"
#include "authoring_support.h"
#include "rules/parser.h"
#include "text/segment.h"
#include "warc_support.h"

using namespace declutter;
using namespace declutter::authoring_testing;

namespace {
Document page(std::string text) {
  Document doc;
  doc.source = std::move(text);
  segment_lines(doc);
  return doc;
}
}  // namespace

TEST_CASE("phrase_rule quotes and escapes", "[suggest]") {
  CHECK(phrase_rule("Menu") == "drop \"Menu\"");
  CHECK(phrase_rule("Say \"hi\" \\ bye") == "drop \"Say \\\"hi\\\" \\\\ bye\"");
  // The escaped rule parses back to the same phrase.
  std::string path = "x.rules";
  Diagnostics diagnostics;
  RuleFile file = parse_rule_file(&path, phrase_rule("Say \"hi\" \\ bye # not a comment"), diagnostics);
  REQUIRE_FALSE(diagnostics.has_errors());
  REQUIRE(file.rules.size() == 1);
  CHECK(file.rules[0].pattern == "say \"hi\" \\ bye # not a comment");
}

TEST_CASE("default_min_pages is half the pages, at least two", "[suggest]") {
  CHECK(default_min_pages(2) == 2);
  CHECK(default_min_pages(3) == 2);
  CHECK(default_min_pages(5) == 3);
  CHECK(default_min_pages(10) == 5);
}

TEST_CASE("RecurrenceCounter ranks by pages, then by closeness to an edge", "[suggest]") {
  RecurrenceCounter counter;
  Document a = page("Site Logo\nStory A first line.\nStory A second.\nStory A third.\nNewsletter pitch\nFooter Links\n");
  Document b = page("Site Logo\nStory B.\nStory B again.\nNewsletter pitch\nFooter Links\n");
  Document c = page("SITE LOGO |\nStory C.\nFooter Links\n");
  counter.add_page(a);
  counter.add_page(b);
  counter.add_page(c);
  auto suggestions = counter.suggestions(2);
  REQUIRE(suggestions.size() == 3);
  CHECK(suggestions[0].text == "Site Logo");      // 3 pages, at the very top
  CHECK(suggestions[0].pages == 3);
  CHECK(suggestions[0].near_top);
  CHECK(suggestions[1].text == "Footer Links");   // 3 pages, at the bottom
  CHECK_FALSE(suggestions[1].near_top);
  CHECK(suggestions[2].text == "Newsletter pitch");
  CHECK(suggestions[2].pages == 2);
  CHECK(counter.suggestions(3).size() == 2);
}

TEST_CASE("RecurrenceCounter skips lines a rule already decides", "[suggest]") {
  std::string path = "x.rules";
  Diagnostics diagnostics;
  RuleFile file = parse_rule_file(&path, "drop \"Menu\"\n", diagnostics);
  RecurrenceCounter counter;
  Document a = page("Menu\nBody A.\n");
  Document b = page("Menu\nBody B.\n");
  a.decide(a.blocks[0], Verdict::drop, Decider::rule, &file.rules[0]);
  counter.add_page(a);
  counter.add_page(b);
  CHECK(counter.suggestions(2).empty());
}

TEST_CASE("RecurrenceCounter counts a line once per page", "[suggest]") {
  RecurrenceCounter counter;
  Document a = page("Top\nTop\nTop\nText a.\n");
  Document b = page("Text b.\n");
  counter.add_page(a);
  counter.add_page(b);
  CHECK(counter.suggestions(2).empty());
}

TEST_CASE("declutter suggest prints ranked rules that parse", "[suggest][cli]") {
  TempDir dir;
  write_test_rules(dir);
  std::string a = dir.write("a.txt", "Example News Daily\nMenu\nWorld | Politics\nA story about rain.\nGet the \"Daily\" brief\n");
  std::string b = dir.write("b.txt", "Example News Daily\nMenu\nWorld | Politics\nA story about sun.\nGet the \"Daily\" brief\n");
  std::string c = dir.write("c.txt", "Example News Daily\nA story about snow.\n");
  auto result = run_declutter({"suggest", "--rules", dir.file("rules"), a, b, c});
  REQUIRE(result.status == 0);
  CHECK(result.out.find("# declutter suggest: 3 pages; 3 lines recur on at least 2 of them") == 0);
  CHECK(result.out.find("\n# on 3 of 3 pages, near the top (0% from it)\ndrop \"Example News Daily\"\n") !=
        std::string::npos);
  CHECK(result.out.find("drop \"Get the \\\"Daily\\\" brief\"\n") != std::string::npos);
  CHECK(result.out.find("drop \"Menu\"") == std::string::npos);  // the common rules drop it already
  CHECK(result.out.find("story") == std::string::npos);
  // The output is a valid rule file.
  dir.write("rules/publishers/example-news.com.rules", "site example-news.com\n" + result.out);
  auto check = run_declutter({"check", dir.file("rules")});
  CHECK(check.status == 0);
  // With the publisher's rules the masthead is covered; --min-pages raises the bar.
  auto covered = run_declutter({"suggest", "--rules", dir.file("rules"), "--publisher", "example-news.com", a, b, c});
  CHECK(covered.out.find("Example News Daily") == std::string::npos);
  auto strict = run_declutter({"suggest", "--min-pages", "3", "--rules", dir.file("rules") + "/../rules", a, b, c});
  CHECK(strict.status == 0);
}

TEST_CASE("declutter suggest --warc reads the pages of a crawl", "[suggest][cli][warc]") {
  TempDir dir;
  write_test_rules(dir);
  const auto crawl_of = [](const std::string& host) {
    std::string warc;
    for (const char* story : {"rain", "sun", "snow"}) {
      const std::string url = "https://" + host + "/" + story;
      warc += testing::warc_record("request", url, "application/http; msgtype=request", "GET / HTTP/1.1\r\n\r\n");
      warc += testing::html_response_record(
          url, std::string("<p>Example News Daily</p><p>A story about ") + story + ".</p><p>Get the brief</p>");
    }
    return warc;
  };
  const std::string warc = crawl_of("daily.example");
  const std::string crawl = dir.write("crawl.warc", warc);
  auto result = run_declutter({"suggest", "--warc", "--rules", dir.file("rules"), crawl});
  REQUIRE(result.status == 0);
  CHECK(result.out.find("# declutter suggest: 3 pages; 2 lines recur on at least 2 of them") == 0);
  CHECK(result.out.find("drop \"Example News Daily\"\n") != std::string::npos);
  CHECK(result.out.find("drop \"Get the brief\"\n") != std::string::npos);
  // Each page's URL picks its publisher file, whose rule decides the masthead already.
  const std::string publisher_crawl = dir.write("publisher.warc", crawl_of("example-news.com"));
  auto publisher = run_declutter({"suggest", "--warc", "--rules", dir.file("rules"), publisher_crawl});
  CHECK(publisher.out.find("# declutter suggest: 3 pages; 1 lines recur") == 0);
  CHECK(publisher.out.find("Example News Daily") == std::string::npos);

  auto report = run_declutter({"report", "--warc", "--rules", dir.file("rules"), publisher_crawl});
  REQUIRE(report.status == 0);
  CHECK(report.out.find(">https://example-news.com/snow</h2>") != std::string::npos);
  CHECK(report.out.find("example-news.com (") != std::string::npos);  // the publisher file it used

  // One page is not enough to see what recurs; a damaged file stops with where it broke.
  const std::string one = dir.write("one.warc", testing::html_response_record("https://a.example/", "<p>x</p>"));
  auto too_few = run_declutter({"suggest", "--warc", "--rules", dir.file("rules"), one});
  CHECK(too_few.status == 2);
  CHECK(too_few.err == "declutter: suggest needs at least two pages of one publisher; the WARC input holds 1\n");
  const std::string cut = dir.write("cut.warc", warc.substr(0, warc.size() - 30));
  auto damaged = run_declutter({"suggest", "--warc", "--rules", dir.file("rules"), cut});
  CHECK(damaged.status == 2);
  CHECK(damaged.err.find("cut.warc: record 6: the file ends inside the record's block") != std::string::npos);
  CHECK(run_declutter({"check", "--warc", dir.file("rules")}).status == 2);
}

TEST_CASE("declutter suggest usage errors exit 2", "[suggest][cli]") {
  TempDir dir;
  std::string a = dir.write("a.txt", "x\n");
  CHECK(run_declutter({"suggest", a}).status == 2);
  CHECK(run_declutter({"suggest", a, dir.file("missing.txt")}).status == 2);
  CHECK(run_declutter({"suggest", "--min-pages", "0", a, a}).status == 2);
  CHECK(run_declutter({"suggest", "--min-pages", "x", a, a}).status == 2);
}
