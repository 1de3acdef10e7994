#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "regex/pcre.h"
#include "regex/pattern_analysis.h"

using namespace declutter;

namespace {
std::string bytes_of(const RequiredBytes& required) {
  return std::string(reinterpret_cast<const char*>(required.bytes), required.count);
}
}  // namespace

TEST_CASE("required bytes: a class or literal every match contains", "[regex]") {
  CHECK(bytes_of(required_bytes(R"(^.{0,200}\s[\/|]\s*(reuters|afp)$)", false)) == "/|");
  CHECK(bytes_of(required_bytes(R"(^\w+(\s+[>»›]\s+\w+){2,6}$)", false)) == ">\xBB\xBA");  // last bytes of » and ›
  CHECK(bytes_of(required_bytes(R"(^(tags|topics)\s*:\s*\S+$)", false)) == ":");
  CHECK(bytes_of(required_bytes(R"(^did you (make|bake) this\?)", false)) == "?");
  // Letters count in both cases (the analysis holds with or without (?i)).
  CHECK(bytes_of(required_bytes("^(?i:welcome)", false)).size() == 2);
}

TEST_CASE("required bytes: nothing concluded where a match may avoid every byte", "[regex]") {
  CHECK(required_bytes("a|b", false).count == 0);                 // alternation
  CHECK(required_bytes("(x:|y)", false).count == 0);              // alternation inside the group
  CHECK(bytes_of(required_bytes("(x:|y)-", false)) == "-");       // ... but what follows it is required
  CHECK(required_bytes("^\\d+(,)?$", false).count == 0);          // optional
  CHECK(required_bytes("^(:){0,3}$", false).count == 0);          // zero repeats allowed
  CHECK(required_bytes("^(?!:)\\w+$", false).count == 0);         // lookahead
  CHECK(required_bytes("^[^:]+$", false).count == 0);             // negated class
  CHECK(required_bytes("^[a-c]$", false).count == 0);             // range
  CHECK(required_bytes("^sk$", false).count == 0);                // caseless k and s have non-ASCII twins
  CHECK(required_bytes("^é$", false).count == 0);                 // a non-ASCII letter has another case
  CHECK(required_bytes("^\\x3A$", false).count == 0);             // escapes not understood end the analysis
  CHECK(required_bytes("^(?<name>:)$", false).count == 0);
  CHECK(required_bytes("^(?x) : $", false).count == 0);
  CHECK(required_bytes("^ : $", true).count == 0);                // extended mode
  CHECK(required_bytes("^[[:punct:]]$", false).count == 0);
  CHECK(required_bytes("^\\Q:\\E$", false).count == 0);
  CHECK(required_bytes("a{,3}:", false).count == 0);
  CHECK(required_bytes("((", false).count == 0);
}

TEST_CASE("regex prefilters never reject a subject the matcher accepts", "[regex]") {
  const std::vector<std::string> patterns{
      R"(^.{0,200}\s[\/|]\s*(reuters|afp)$)", R"(^(Home|Start)\s*[>»›\/|]\s*\S.{0,120}$)",
      R"(^\w+(\s+[>»›]\s+\w+){2,6}$)", R"(^(tags|topics)\s*:\s*\S+$)", R"(^(?i:welcome to) [\p{Lu}]\w*[!.]?$)",
      R"(^\|\s*\w+(\s*\|\s*\w+)*\s*\|?$)", R"(\bvia Wikimedia Commons\b)", R"(^(©|\(c\)|copyright)\s*\d{4})",
      R"(^\d+\s+(comments?|replies)$)", R"(^(\d+ min read)$|^(reading time)\s*:)", R"(^kg\b)"};
  const std::vector<std::string> subjects{
      "Photo / Reuters", "photo | AFP", "home > news > world", "Home » News",
      "News › World › Europe", "TAGS: storm, coast", "Welcome to Harbour!", "WELCOME TO Harbour",
      "| Home | News |", "Image via Wikimedia Commons", "© 2024 Example", "(c) 2024", "Copyright 1999",
      "plain text with no markers", "12 comments", "\xD9\xA3 replies", "3 min read", "Reading time: 4",
      "\xE2\x84\xAAg", ""};
  MatchScratch scratch;
  for (const auto& pattern : patterns) {
    for (bool caseless : {false, true}) {
      RegexError error;
      const auto regex = Regex::compile(pattern, RegexFlags{caseless, false, false}, error);
      REQUIRE(regex);
      const RequiredBytes required = required_bytes(pattern, false);
      for (const auto& subject : subjects) {
        if (regex->match(subject, scratch) != MatchOutcome::match) continue;
        INFO(pattern << " on " << subject);
        CHECK(required.admits(subject));
        CHECK(regex->may_match(subject));
        CHECK(subject.size() >= regex->min_length());
        if (!subject.empty()) CHECK(regex->may_start_with(static_cast<unsigned char>(subject.front())));
      }
    }
  }
}

TEST_CASE("anchored regexes know their possible first bytes", "[regex]") {
  RegexError error;
  const auto caseless = Regex::compile("^(?i:welcome)", RegexFlags{}, error);
  REQUIRE(caseless);
  CHECK(caseless->may_start_with('w'));
  CHECK(caseless->may_start_with('W'));
  CHECK_FALSE(caseless->may_start_with('x'));
  const auto unanchored = Regex::compile("welcome", RegexFlags{}, error);
  REQUIRE(unanchored);
  CHECK(unanchored->may_start_with('x'));  // a match may start anywhere
  CHECK(unanchored->min_length() == 7);
}

TEST_CASE("first bytes from the syntax: digits and letters at the start of an anchored pattern", "[regex]") {
  const auto has = [](const std::optional<FirstByteSet>& set, unsigned char byte) {
    return ((set->at(byte / 64U) >> (byte % 64U)) & 1U) != 0;
  };
  const auto digits = first_bytes(R"(^\d+\s+(comments?|replies)$)", false);
  REQUIRE(digits);
  CHECK(has(digits, '7'));
  CHECK(has(digits, 0xD9));  // a lead byte: UCP digits of other scripts
  CHECK_FALSE(has(digits, 'C'));
  const auto alternatives = first_bytes(R"(^(\d+ min read)$|^(reading time)\s*:)", false);
  REQUIRE(alternatives);
  CHECK(has(alternatives, '3'));
  CHECK(has(alternatives, 'r'));
  CHECK(has(alternatives, 'R'));
  CHECK_FALSE(has(alternatives, 'x'));
  const auto kelvin = first_bytes("^kg", false);
  REQUIRE(kelvin);
  CHECK(has(kelvin, 0xE2));  // caseless k also matches the Kelvin sign
  const auto ascii_digits = first_bytes(R"(^[1-3][0-9½]* g)", false);  // a range of digits is its digits
  REQUIRE(ascii_digits);
  CHECK(has(ascii_digits, '2'));
  CHECK_FALSE(has(ascii_digits, '5'));
  CHECK_FALSE(has(ascii_digits, 0xD9));
  const auto fractions = first_bytes(R"(^[0-9½⅓])", false);  // fractions have no case
  REQUIRE(fractions);
  CHECK(has(fractions, 0xC2));
  CHECK(has(fractions, 0xE2));
  CHECK_FALSE(has(fractions, 'a'));
  CHECK_FALSE(first_bytes("^[0-9a-f]", false));       // a range of letters is not read
  CHECK_FALSE(first_bytes(R"(^\d*x)", false));       // the first item may be absent
  CHECK_FALSE(first_bytes("^(|a)b", false));         // an empty alternative
  CHECK_FALSE(first_bytes(R"(^\p{L}+)", false));
  CHECK_FALSE(first_bytes("^.x", false));
  CHECK(first_bytes(R"(^\b(?=a)a)", false));         // assertions are looked through
  RegexError error;
  const auto regex = Regex::compile(R"(^\d+\s+(comments?|replies)$)", RegexFlags{true, false, false}, error);
  REQUIRE(regex);
  CHECK(regex->may_start_with('1'));
  CHECK_FALSE(regex->may_start_with('C'));
}
