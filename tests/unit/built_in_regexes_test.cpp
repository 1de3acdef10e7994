#include <catch2/catch.hpp>

#include <string>

#include "regex/built_in_regexes.h"
#include "regex/pcre.h"
#include "rules/catalog.h"
#include "rules/parser.h"

using namespace declutter;

TEST_CASE("the built-in regexes' facts are what the analysis gives today", "[regex][built-in]") {
  // The table is generated when the library is built; this catches a table that a change
  // to the analysis (or to the build) left behind.
  REQUIRE_FALSE(built_in_regexes().empty());
  for (const BuiltInRegex& entry : built_in_regexes()) {
    INFO(std::string(entry.pattern));
    CHECK(analyse_pattern(entry.pattern, entry.caseless, entry.extended) == entry.facts());
    CHECK(entry.code == serialized_code(entry.pattern, RegexFlags{entry.caseless, entry.extended, entry.dotall}));
  }
}

TEST_CASE("every regex of the built-in rules is in the build-time table", "[regex][built-in]") {
  std::size_t regexes = 0;
  for (const SourceFile& source : embedded_sources()) {
    if (!source.relative.ends_with(".rules")) continue;
    Diagnostics diagnostics;
    const RuleFile file = parse_rule_file(&source.display, source.content, diagnostics);
    for (const Rule& rule : file.rules) {
      if (rule.match != MatchKind::regex) continue;
      ++regexes;
      INFO(source.relative << ": " << rule.pattern);
      CHECK(find_built_in_regex(rule.pattern, rule.caseless, rule.extended, rule.dotall) != nullptr);
    }
  }
  CHECK(regexes > 0);
  CHECK(find_built_in_regex("^no rule file has this pattern$", false, false, false) == nullptr);
}

TEST_CASE("a built-in pattern compiled from the table matches as one compiled now", "[regex][built-in]") {
  const BuiltInRegex& entry = built_in_regexes().front();
  const RegexFlags flags{entry.caseless, entry.extended, entry.dotall};
  RegexError error;
  const auto from_table = Regex::compile(entry.pattern, flags, error);
  REQUIRE(from_table);
  CHECK(Regex::valid(entry.pattern, flags, error));
  // The same pattern with a flag the table does not hold for it is compiled afresh.
  const auto fresh = Regex::compile(entry.pattern, RegexFlags{entry.caseless, entry.extended, !entry.dotall}, error);
  REQUIRE(fresh);
  MatchScratch scratch;
  for (const std::string& subject : {std::string(entry.pattern), std::string("plain words"), std::string()})
    CHECK(from_table->match(subject, scratch) == fresh->match(subject, scratch));
}
