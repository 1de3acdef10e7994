// `declutter report`: the HTML page's content (the browser test checks how it renders).
#include <catch2/catch.hpp>

#include <string_view>

#include "authoring/html_report.h"
#include "authoring_support.h"

using namespace declutter;
using namespace declutter::authoring_testing;

TEST_CASE("append_html_escaped escapes markup and quotes", "[report]") {
  std::string out;
  append_html_escaped("<a href=\"x\">Tom & Jerry's</a>", out);
  CHECK(out == "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;");
}

TEST_CASE("declutter report marks dropped blocks with their stage and rule", "[report][cli]") {
  TempDir dir;
  write_test_rules(dir);
  std::string page = dir.write("page.txt",
                               "Menu\n\nA <script>alert(1)</script> sentence & more.\n\nRelated\nTeaser one\n");
  auto result = run_declutter({"--rules", dir.file("rules"), "report", page});
  // `report` must come first to be a command; as a later word it is a file name.
  CHECK(result.status == 2);
  result = run_declutter({"report", "--rules", dir.file("rules"), page});
  REQUIRE(result.status == 0);
  const std::string& html = result.out;
  CHECK(html.starts_with("<!DOCTYPE html>"));
  // Self-contained: no external resources, no scripts of its own.
  CHECK(html.find("<link") == std::string::npos);
  CHECK(html.find("src=") == std::string::npos);
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt; sentence &amp; more.") != std::string::npos);
  std::string rules = dir.file("rules/common.rules");
  CHECK(html.find("<div class=\"block drop d-rule\" data-decider=\"rule\" title=\"dropped by " + rules +
                  ":2 drop &quot;menu&quot;\"") != std::string::npos);
  CHECK(html.find("class=\"block drop d-cut\" data-decider=\"cut\"") != std::string::npos);
  CHECK(html.find("text-decoration: line-through") != std::string::npos);
  // The summary table: the cut fired on two blocks, the menu rule on one.
  CHECK(html.find("<td class=\"n\">2</td><td class=\"n\">17</td><td><span class=\"swatch\"></span><code>cut "
                  "&quot;related&quot;</code></td><td><code>" + rules + ":4:5</code>") != std::string::npos);
}

TEST_CASE("declutter report says why the scorer kept or dropped a block", "[report][cli]") {
  const auto result =
      run_declutter({"report", std::string(DECLUTTER_SOURCE_DIR) + "/fixtures/common/html-article-closing-lines.in.html"});
  REQUIRE(result.status == 0);
  // Line 12, a row of the results table after the article's last paragraph.
  const std::size_t row = result.out.find("<span class=\"ln\">12</span>");
  REQUIRE(row != std::string::npos);
  const std::string_view tip = std::string_view(result.out).substr(result.out.rfind(" title=\"", row));
  CHECK(tip.starts_with(" title=\"kept by score -"));
  CHECK(tip.substr(0, tip.find('>')).find(" article-tail words=4 &lt;p&gt;\"") != std::string_view::npos);
  CHECK(result.out.find(" article-run words=37 &lt;p&gt;") != std::string::npos);
}

TEST_CASE("declutter report reads standard input and several files", "[report][cli]") {
  TempDir dir;
  write_test_rules(dir);
  std::string page = dir.write("page.txt", "Share\nText.\n");
  auto result = run_declutter({"report", "--rules", dir.file("rules"), "-", page}, page);
  REQUIRE(result.status == 0);
  CHECK(result.out.find(">standard input</h2>") != std::string::npos);
  CHECK(result.out.find(">" + page + "</h2>") != std::string::npos);
  CHECK(result.out.find("2 documents, 4 blocks, 2 dropped") != std::string::npos);
  CHECK(run_declutter({"report", dir.file("missing.txt")}).status == 2);
}
