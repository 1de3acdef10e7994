#include <catch2/catch.hpp>

#include <string>

#include "rules/parser.h"

using namespace declutter;

namespace {
struct Parsed {
  RuleFile file;
  Diagnostics diagnostics;
};

Parsed parse(const std::string& text) {
  static const std::string path = "test.rules";
  Parsed parsed;
  parsed.file = parse_rule_file(&path, text, parsed.diagnostics);
  return parsed;
}

// The first diagnostic as "line:col: message".
std::string first_error(const std::string& text) {
  Parsed parsed = parse(text);
  REQUIRE(parsed.diagnostics.has_errors());
  const Diagnostic& d = parsed.diagnostics.items().front();
  return std::to_string(d.line) + ":" + std::to_string(d.column) + ": " + d.message;
}
}  // namespace

TEST_CASE("each verb parses to its action and canonical text", "[parser]") {
  struct Case {
    const char* line;
    Action action;
    MatchKind match;
    const char* canonical;
  };
  const Case cases[] = {
      {"drop \"Menu\"", Action::drop, MatchKind::phrase, "drop \"menu\""},
      {"keep \"Popular science\"", Action::keep, MatchKind::phrase, "keep \"popular science\""},
      {"keep /^\\d+ g \\w/ run=3", Action::keep, MatchKind::regex, "keep /^\\d+ g \\w/ run=3"},
      {"cut \"Related\" after=40%", Action::cut, MatchKind::phrase, "cut \"related\" after=40%"},
      {"cut-block /^Sign up/i", Action::cut_block, MatchKind::regex, "cut-block /^Sign up/i"},
      {"cut-before \"Skip to content\" marker=keep", Action::cut_before, MatchKind::phrase,
       "cut-before \"skip to content\" marker=keep"},
      {"cut-list /^(read also|related)$/i", Action::cut_list, MatchKind::regex, "cut-list /^(read also|related)$/i"},
      {"drop-header name", Action::drop_header, MatchKind::name, "drop-header name"},
      {"drop-header \"Redaktion\" before=20%", Action::drop_header, MatchKind::phrase,
       "drop-header \"redaktion\" before=20%"},
      {"drop starts \"Read more:\"", Action::drop, MatchKind::starts, "drop starts \"read more:\""},
      {"drop ends \"/ Video Screenshot\"", Action::drop, MatchKind::ends, "drop ends \"video screenshot\""},
      {"drop contains \"cc by\" mode=precision", Action::drop, MatchKind::contains,
       "drop contains \"cc by\" mode=precision"},
      {"html-drop nav, .share, #comments", Action::html_drop, MatchKind::selector, "html-drop nav, .share, #comments"},
      {"html-keep article", Action::html_keep, MatchKind::selector, "html-keep article"},
      {"html-root xpath://main", Action::html_root, MatchKind::xpath, "html-root xpath://main"},
      {"html-date meta[name=date], time[pubdate]", Action::html_date, MatchKind::selector,
       "html-date meta[name=date], time[pubdate]"},
      {"html-date script[type=\"application/ld+json\"] key=datePublished", Action::html_date, MatchKind::selector,
       "html-date script[type=\"application/ld+json\"] key=datePublished"},
  };
  for (const auto& c : cases) {
    INFO(c.line);
    Parsed parsed = parse(c.line);
    CHECK_FALSE(parsed.diagnostics.has_errors());
    REQUIRE(parsed.file.rules.size() == 1);
    const Rule& rule = parsed.file.rules.front();
    CHECK(rule.action == c.action);
    CHECK(rule.match == c.match);
    CHECK(canonical_text(rule) == c.canonical);
    CHECK(rule.origin.line == 1);
  }
}

TEST_CASE("several matchers on one line become several rules sharing the options", "[parser]") {
  Parsed parsed = parse("drop \"Facebook\" \"Twitter\" starts \"Share on\" /^X$/ after=50%\n");
  REQUIRE(parsed.file.rules.size() == 4);
  CHECK(parsed.file.rules[0].pattern == "facebook");
  CHECK(parsed.file.rules[1].origin.column == 17);
  CHECK(parsed.file.rules[2].match == MatchKind::starts);
  CHECK(parsed.file.rules[3].match == MatchKind::regex);
  for (const auto& rule : parsed.file.rules) CHECK(rule.after == Approx(0.5));
  Parsed runs = parse("drop \"A\" \"B\" run=4\n");
  REQUIRE(runs.file.rules.size() == 2);
  for (const auto& rule : runs.file.rules) CHECK(rule.min_run == 4);
}

TEST_CASE("phrases are normalised like the lines they match", "[parser]") {
  Parsed parsed = parse("drop \"  •  MAIN   Menu |\"");
  REQUIRE(parsed.file.rules.size() == 1);
  CHECK(parsed.file.rules[0].pattern == "main menu");
}

TEST_CASE("comments: whole lines and ' # ' after white space, but not #id in selectors", "[parser]") {
  Parsed parsed = parse(
      "# a comment\n"
      "   # an indented comment\n"
      "drop \"Menu\" # trailing comment\n"
      "drop \"# not a comment\"\n"
      "drop /a#b/\n"
      "html-drop #comments, div#share # a comment\n");
  CHECK_FALSE(parsed.diagnostics.has_errors());
  REQUIRE(parsed.file.rules.size() == 4);
  CHECK(parsed.file.rules[1].pattern == "# not a comment");
  CHECK(parsed.file.rules[2].pattern == "a#b");
  CHECK(parsed.file.rules[3].pattern == "#comments, div#share");
}

TEST_CASE("escapes in phrases and regexes", "[parser]") {
  Parsed parsed = parse("drop \"say \\\"hi\\\"\" /a\\/b\\d/\n");
  REQUIRE(parsed.file.rules.size() == 2);
  CHECK(parsed.file.rules[0].pattern == "say \"hi\"");
  CHECK(parsed.file.rules[1].pattern == "a/b\\d");
  CHECK(canonical_text(parsed.file.rules[1]) == "drop /a\\/b\\d/");
}

TEST_CASE("header directives", "[parser]") {
  Parsed parsed = parse(
      "site Example.com www.example.org ~shop.example.com\n"
      "inherit none\n"
      "include groups/wordpress.rules\n"
      "set dedupe-min-chars 20\n"
      "disable drop \"Popular\"\n");
  CHECK_FALSE(parsed.diagnostics.has_errors());
  CHECK(parsed.file.sites == std::vector<std::string>{"example.com", "www.example.org"});
  CHECK(parsed.file.excluded == std::vector<std::string>{"shop.example.com"});
  CHECK_FALSE(parsed.file.inherit_common);
  REQUIRE(parsed.file.includes.size() == 1);
  CHECK(parsed.file.includes[0].path == "groups/wordpress.rules");
  REQUIRE(parsed.file.settings.size() == 1);
  CHECK(parsed.file.settings[0].value == "20");
  REQUIRE(parsed.file.disabled.size() == 1);
  CHECK(parsed.file.disabled[0].pattern == "popular");
  CHECK(parsed.file.rules.empty());
}

TEST_CASE("set takes format=text or format=html, and nothing else after the value", "[parser]") {
  Parsed parsed = parse("set dedupe-min-chars 30 format=text  # text dumps repeat short lines\nset dedupe off\n");
  CHECK_FALSE(parsed.diagnostics.has_errors());
  REQUIRE(parsed.file.settings.size() == 2);
  CHECK(parsed.file.settings[0].format == SourceFormat::text);
  CHECK_FALSE(parsed.file.settings[1].format.has_value());

  CHECK(first_error("set dedupe off format=pdf\n") == "1:23: format= takes text or html");
  CHECK(first_error("set dedupe off mode=precision\n") ==
        "1:16: unexpected 'mode=precision' after the value (set takes one option, format=)");
  CHECK(first_error("set dedupe off format=text html\n") == "1:28: unexpected text after the setting");
  CHECK(parse("set dedupe off format=pdf\n").file.settings.empty());
}

TEST_CASE("windows line endings and a BOM are accepted", "[parser]") {
  Parsed parsed = parse("\xEF\xBB\xBF" "drop \"Menu\"\r\ndrop \"Search\"\r\n");
  CHECK_FALSE(parsed.diagnostics.has_errors());
  CHECK(parsed.file.rules.size() == 2);
}

TEST_CASE("every error says where, and parsing goes on", "[parser]") {
  CHECK(first_error("frobnicate \"x\"") ==
        "1:1: unknown verb 'frobnicate' (expected drop, keep, cut, cut-block, cut-before, cut-list, drop-header, html-drop, "
        "html-keep, html-root, html-date, html-author, site, inherit, include, set or disable)");
  CHECK(first_error("drop") == "1:5: drop needs a \"phrase\" or a /regex/");
  CHECK(first_error("drop \"Menu") == "1:6: unterminated string: add the closing \"");
  CHECK(first_error("drop /^(Related|More/") == "1:21: bad regex: missing closing parenthesis");
  CHECK(first_error("drop /abc") == "1:6: unterminated regex: add the closing /");
  CHECK(first_error("drop /abc/q") == "1:11: unknown regex flag 'q' (use i, x or s)");
  CHECK(first_error("drop Menu") ==
        "1:6: unexpected 'Menu': phrases go in double quotes, regexes between slashes (/.../i)");
  CHECK(first_error("drop-header") == "1:12: drop-header needs a \"phrase\" or a /regex/ or name");
  CHECK(first_error("drop name") == "1:6: 'name' matches a byline in the article's header: use it with drop-header");
  CHECK(first_error("drop-header starts name") == "1:13: starts/ends/contains take a quoted phrase, not name");
  CHECK(first_error("drop \"•\"") == "1:6: the phrase is empty once white space and decoration are stripped");
  CHECK(first_error("drop starts") == "1:6: starts/ends/contains need a quoted phrase after them");
  CHECK(first_error("drop starts /x/") == "1:6: starts/ends/contains take a quoted phrase, not a regex");
  CHECK(first_error("drop \"a\"\"b\"") == "1:9: put white space between a matcher and what follows it");
  CHECK(first_error("cut \"x\" after=lots") == "1:15: after= takes a share of the document such as 40% or 0.4");
  CHECK(first_error("cut \"x\" after=60% before=50%") == "1:5: after= must be smaller than before=");
  CHECK(first_error("drop \"x\" mode=fast") == "1:15: mode= takes balanced, precision or recall (comma-separated)");
  CHECK(first_error("drop \"x\" marker=keep") == "1:10: marker= applies to cut, cut-block and cut-before only");
  CHECK(first_error("drop \"x\" colour=red") ==
        "1:10: unknown option 'colour' (expected after=, before=, mode=, marker=, run= or key=)");
  CHECK(first_error("keep \"x\" run=1") == "1:14: run= takes a number of lines from 2 to 50");
  CHECK(first_error("keep \"x\" run=51") == "1:14: run= takes a number of lines from 2 to 50");
  CHECK(first_error("keep \"x\" run=3x") == "1:14: run= takes a number of lines from 2 to 50");
  CHECK(first_error("cut \"x\" run=3") == "1:9: run= applies to keep and drop only");
  CHECK(first_error("html-drop li run=3") == "1:14: run= applies to keep and drop only");
  CHECK(first_error("drop after=10% \"x\"") == "1:6: options come after the matchers");
  CHECK(first_error("site") == "1:5: site needs at least one domain, e.g. site example.com");
  CHECK(first_error("site exa_mple.com") == "1:6: 'exa_mple.com' is not a domain name");
  CHECK(first_error("inherit everything") == "1:9: inherit takes 'common' or 'none'");
  CHECK(first_error("include ../etc/passwd") == "1:9: include paths stay inside the rules directory");
  CHECK(first_error("set colour red") == "1:5: unknown setting 'colour'");
  CHECK(first_error("set dedupe maybe") == "1:12: bad value for dedupe: expected on or off");
  CHECK(first_error("set score-topic-word-bytes 1e30") == "1:28: bad value for score-topic-word-bytes: expected a whole number from 0 to 1000000000");
  CHECK(first_error("set dedupe") == "1:11: set dedupe needs a value");
  CHECK(first_error("disable \"Popular\"") ==
        "1:9: disable needs a rule, e.g. disable drop \"Popular\"; '\"Popular\"' is not an action");
  CHECK(first_error("html-drop") == "1:10: html-drop needs a CSS selector or xpath:EXPR");
  CHECK(first_error("html-drop xpath:") == "1:17: xpath: needs an expression");

  Parsed parsed = parse("drop \"ok\"\ndrop Menu\ndrop \"fine\"\nbogus\n");
  CHECK(parsed.diagnostics.error_count() == 2);
  CHECK(parsed.file.rules.size() == 2);
  CHECK(parsed.diagnostics.items()[1].line == 4);
}

TEST_CASE("diagnostics print in compiler format with a caret", "[parser]") {
  Parsed parsed = parse("drop /^(Related|More/");
  REQUIRE(parsed.diagnostics.items().size() == 1);
  CHECK(parsed.diagnostics.items()[0].format() ==
        "test.rules:1:21: error: bad regex: missing closing parenthesis\n"
        " 1 | drop /^(Related|More/\n"
        "   |                     ^\n");
}

TEST_CASE("key= names a JSON member, for html-date and html-author only", "[parser]") {
  Parsed parsed = parse("html-date script key=datePublished\nhtml-author meta[name=author i], .byline\n");
  REQUIRE(parsed.file.rules.size() == 2);
  CHECK(parsed.file.rules.front().json_key == "datePublished");
  CHECK(parsed.file.rules.front().pattern == "script");
  CHECK(parsed.file.rules[1].action == Action::html_author);
  CHECK(parsed.file.rules[1].match == MatchKind::selector);
  CHECK(parse("html-author script key=author\n").file.rules.front().json_key == "author");
  CHECK(first_error("html-drop script key=datePublished") == "1:18: key= applies to html-date and html-author only");
  CHECK(first_error("html-date script key=") == "1:22: key= takes the name of a JSON member, e.g. key=datePublished");
  CHECK(first_error("drop \"x\" key=a").find("key= applies to html-date and html-author only") != std::string::npos);
}
