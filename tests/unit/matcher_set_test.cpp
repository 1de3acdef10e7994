#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <deque>
#include <string>
#include <vector>

#include "regex/pcre.h"
#include "rules/matcher_set.h"
#include "test_support.h"

using namespace declutter;
using declutter::testing::regex_rule;

TEST_CASE("a rule set of many regexes finds what trying each in turn finds", "[rules][regex]") {
  // Past 64 and 128 regexes the gates (first and last byte, length, byte classes) and the
  // literal prefilter hold their masks in further words: every regex must stay reachable.
  std::deque<Rule> rules;
  const char* const templates[] = {
      "^(?=.{0,40}$)item %d\\b",          // a length bound and a prefix
      "\\bcode-%d/[a-z]+$",               // a slash, a last byte class, a contained literal
      "^\\d+ notes? on topic %d$",        // digits, anchored at both ends
      "(?i:label %d):",                    // a colon, caseless
      "^(alpha|beta) %d [|] \\w+",        // a bar, an alternation
      "^page %d of [0-9]+$",              // a range of digits last: any of its digits ends a line
  };
  for (int i = 0; i < 150; ++i) {
    char pattern[64];
    std::snprintf(pattern, sizeof pattern, templates[i % 6], i);
    rules.push_back(regex_rule(pattern, i % 3 == 0));
  }
  std::vector<const Rule*> pointers;
  for (const Rule& rule : rules) pointers.push_back(&rule);
  RegexCache cache;
  const MatcherSet set(pointers, cache);

  std::vector<std::string> lines;
  for (int i = 0; i < 150; ++i) {
    const std::string n = std::to_string(i);
    lines.push_back("item " + n + " and more");
    lines.push_back("ITEM " + n);
    lines.push_back("see code-" + n + "/abc");
    lines.push_back("see code-" + n + "/abc1");
    lines.push_back("12 notes on topic " + n);
    lines.push_back("1 note on topic " + n + "!");
    lines.push_back("LABEL " + n + ": x");
    lines.push_back("beta " + n + " | rest");
    lines.push_back("gamma " + n + " | rest");
    lines.push_back("page " + n + " of 37");
  }
  lines.push_back("");
  lines.push_back("item 1 " + std::string(60, 'x'));  // past the length bound

  MatchScratch scratch;
  std::size_t matched = 0;
  std::size_t last_matched_rule = 0;
  for (const std::string& text : lines) {
    LineView line;
    line.trimmed = text;
    const Rule* expected = nullptr;
    for (const Rule& rule : rules) {
      RegexError error;
      const auto regex = Regex::compile(rule.pattern, RegexFlags{rule.caseless, false, false}, error);
      REQUIRE(regex);
      if (regex->match(text, scratch) == MatchOutcome::match) {
        expected = &rule;
        break;
      }
    }
    INFO(text);
    CHECK(set.find(line, scratch) == expected);
    if (expected == nullptr) continue;
    ++matched;
    for (std::size_t i = 0; i < rules.size(); ++i)
      if (&rules[i] == expected) last_matched_rule = std::max(last_matched_rule, i);
  }
  // Each line built for a rule of another template matches nothing: a sixth of them match.
  CHECK(matched >= 150);
  CHECK(last_matched_rule >= 128);
}

TEST_CASE("prefix and suffix phrases of every length find what comparing each finds", "[rules]") {
  // Phrases of four bytes or more are looked up only when the line's key starts (ends) with
  // the first (last) four bytes of one of them; shorter ones always.
  std::deque<Rule> rules;
  const std::vector<std::string> phrases = {"ad", "a b", "read", "read more:", "see also", "lire aussi :",
                                            "читайте также:", "фото:", "xem thêm:", "»", "via", "(photo)"};
  for (const std::string& phrase : phrases)
    for (const MatchKind kind : {MatchKind::starts, MatchKind::ends}) {
      Rule rule;
      rule.match = kind;
      rule.pattern = phrase;
      rules.push_back(rule);
    }
  std::vector<const Rule*> pointers;
  for (const Rule& rule : rules) pointers.push_back(&rule);
  RegexCache cache;
  const MatcherSet set(pointers, cache);

  const std::vector<std::string> keys = {"", "a", "ad", "ads", "a b c", "rea", "read", "readers", "read more: x",
                                         "see als", "see also the rest", "x see also", "lire aussi : y",
                                         "читайте также: новость", "фото: иван", "фото", "xem thêm: tin",
                                         "title »", "» title", "photo via", "a caption (photo)", "(photo",
                                         "nothing at all here"};
  MatchScratch scratch;
  for (const std::string& key : keys) {
    LineView line;
    line.trimmed = key;
    line.key = key;
    line.key_hash = hash_string(key);
    const Rule* expected = nullptr;
    // In the set's order of kinds: exact phrases (none here), then prefixes, then suffixes.
    for (const MatchKind kind : {MatchKind::starts, MatchKind::ends})
      for (const Rule& rule : rules) {
        if (expected != nullptr || rule.match != kind) continue;
        const std::string_view k = key;
        if (kind == MatchKind::starts ? k.starts_with(rule.pattern) : k.ends_with(rule.pattern)) expected = &rule;
      }
    INFO(key);
    const Rule* found = set.find(line, scratch);
    REQUIRE((found == nullptr) == (expected == nullptr));
    if (found == nullptr) continue;
    CHECK(found->match == expected->match);
    const std::string_view k = key;
    CHECK((found->match == MatchKind::starts ? k.starts_with(found->pattern) : k.ends_with(found->pattern)));
  }
}
