// `declutter check` warnings: unmatchable, duplicate, slow and costly rules.
#include <catch2/catch.hpp>

#include "authoring/rule_lint.h"
#include "authoring_support.h"
#include "test_support.h"

using namespace declutter;
using declutter::testing::regex_rule;
using namespace declutter::authoring_testing;

TEST_CASE("regex_never_matches finds impossible anchors", "[lint]") {
  for (const char* pattern : {"$^x", "foo$bar", "a$.", "x^y", "^ +Menu", "^\\tMenu", "Menu +$", "a\\zb"}) {
    INFO(pattern);
    CHECK(regex_never_matches(regex_rule(pattern)).has_value());
  }
}

TEST_CASE("regex_never_matches stays quiet on rules that can match", "[lint]") {
  for (const char* pattern : {"^Menu$", "^\\s*Menu$", "^ *Menu", "Menu ?$", "a$|^b", "[$^]x", "\\$x", "x$\\b",
                              "^(?:a|b)$", "(?m)a$\\nb", "x(?=y)$", "^Read more: .+$", "$", "^"}) {
    INFO(pattern);
    CHECK_FALSE(regex_never_matches(regex_rule(pattern)).has_value());
  }
  Rule phrase;
  phrase.pattern = "menu";
  CHECK_FALSE(regex_never_matches(phrase).has_value());
}

TEST_CASE("regex_is_slow flags nested quantifiers without a literal start, and leading .*", "[lint]") {
  for (const char* pattern : {"(\\w+\\s?)*$", "(a*)*b", "([a-z]+)+:", "(?:x|\\d+)+y", ".*foo", ".+bar", "(\\w{2,})+z"}) {
    INFO(pattern);
    CHECK(regex_is_slow(regex_rule(pattern)).has_value());
  }
  for (const char* pattern : {"^(\\w+\\s?)*$", "(a+)+b", "Read (more)+", "(\\w++)+x", "(ab)+", "^.*foo",
                              "(?:\\d+)?x", "\\.*foo"}) {
    INFO(pattern);
    CHECK_FALSE(regex_is_slow(regex_rule(pattern)).has_value());
  }
}

TEST_CASE("regex_runs_on_every_line flags regexes the prefilter cannot rule a line out for", "[lint]") {
  // A backreference hides the whole pattern from the analysis, the length bound included.
  for (const char* pattern : {"^(\\p{L}{5,}) \\1$", "^(?=.{0,40}$)(\\w+) \\1$", "^\\p{Lu}+$", "\\p{L}+$"}) {
    INFO(pattern);
    CHECK(regex_runs_on_every_line(regex_rule(pattern)).has_value());
  }
  for (const char* pattern : {"\\bvia Wikimedia\\b", "^(read more|continue reading)", "^\\d+ comments$",
                              "^(?=.{0,80}$)\\p{Lu}+$", "^\\p{L}+:$", "\\s[\\/|]\\s", "(getty|reuters)$"}) {
    INFO(pattern);
    CHECK_FALSE(regex_runs_on_every_line(regex_rule(pattern)).has_value());
  }
  Rule phrase;
  phrase.pattern = "menu";
  CHECK_FALSE(regex_runs_on_every_line(phrase).has_value());
}

TEST_CASE("caseless regexes in Cyrillic or Greek text are flagged: the prefilter cannot use them", "[lint]") {
  for (const char* pattern : {"^(?=.{0,300}+$).*(используем файлы)", "^(читайте также|похожие статьи)$",
                              "^(?=.{0,160}+$)(εγγραφείτε|подпишитесь)"}) {
    INFO(pattern);
    CHECK(caseless_text_hides_literals(regex_rule(pattern, true)).has_value());
    CHECK_FALSE(caseless_text_hides_literals(regex_rule(pattern, false)).has_value());  // spelt as written
  }
  // A literal the prefilter can use remains (ASCII "cookie"), the letters are Latin-1 (both
  // cases known) or have no case (Arabic): nothing to say.
  for (const char* pattern : {"используем (файлы )?cookie", "^à lire aussi", "^(لا|نعم) شكرا", "^menu$"}) {
    INFO(pattern);
    CHECK_FALSE(caseless_text_hides_literals(regex_rule(pattern, true)).has_value());
  }
}

TEST_CASE("declutter check warns in file:line:col form and still exits 0", "[lint][cli]") {
  TempDir dir;
  dir.write("rules/common.rules",
            "drop \"Menu\"\n"
            "drop /$^x/\n"
            "drop /(\\w+\\s?)*$/\n"
            "drop \"  MENU |\"\n"
            "keep \"Menu\"\n");
  dir.write("rules/publishers/ex.com.rules", "site ex.com\ndrop /$^x/\n");
  auto result = run_declutter({"check", dir.file("rules")});
  CHECK(result.status == 0);
  std::string common = dir.file("rules/common.rules");
  std::string publisher = dir.file("rules/publishers/ex.com.rules");
  CHECK(result.err.find(common + ":2:6: warning: this regex can never match: it requires a character after `$`") !=
        std::string::npos);
  CHECK(result.err.find(common + ":3:6: warning: slow regex:") != std::string::npos);
  CHECK(result.err.find(common + ":3:6: warning: costly regex: the prefilter finds nothing") != std::string::npos);
  CHECK(result.err.find(common + ":4:6: warning: duplicate rule: `drop` with the same pattern is already at " +
                        common + ":1:6") != std::string::npos);
  CHECK(result.err.find(publisher + ":2:6: warning: duplicate rule: `drop` with the same regex is already at " +
                        common + ":2:6") != std::string::npos);
  // A keep with the same phrase is no duplicate, and each problem is reported once.
  CHECK(result.err.find(common + ":5:") == std::string::npos);
  CHECK(result.out.find("0 errors, 6 warnings") != std::string::npos);
}

TEST_CASE("declutter check warns of XPath rules evaluated over the whole page", "[lint][cli]") {
  TempDir dir;
  dir.write("rules/common.rules",
            "html-drop xpath://*[contains(@class, 'teaser')][.//a]\n"
            "html-drop xpath://div[contains(@class, 'teaser')][.//a]\n"
            "html-drop xpath://p[1]\n"
            "html-drop .teaser:has(a)\n");
  auto result = run_declutter({"check", dir.file("rules")});
  CHECK(result.status == 0);
  const std::string common = dir.file("rules/common.rules");
  CHECK(result.err.find(common + ":1:17: warning: costly XPath: it is not of the form //tag[...]") != std::string::npos);
  CHECK(result.err.find(common + ":3:17: warning: costly XPath:") != std::string::npos);  // positional: whole page
  CHECK(result.err.find(common + ":2:") == std::string::npos);  // tried per <div> in the walk
  CHECK(result.err.find(common + ":4:") == std::string::npos);
  CHECK(result.out.find("0 errors, 2 warnings") != std::string::npos);
}

TEST_CASE("the shipped rules load without warnings", "[lint][cli]") {
  auto result = run_declutter({"check", DECLUTTER_SOURCE_DIR "/rules"});
  CHECK(result.status == 0);
  CHECK(result.err == "");
}
