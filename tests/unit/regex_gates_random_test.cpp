#include <catch2/catch.hpp>

#include <array>
#include <deque>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "regex/pcre.h"
#include "rules/matcher_set.h"
#include "test_support.h"
#include "text/string_map.h"

using namespace declutter;
using declutter::testing::regex_rule;

namespace {
// A random pattern built from the pieces rules are made of, with a subject it matches drawn
// alongside: the gates in front of PCRE2 (first and last byte, length, byte classes, the
// literal prefilter) must never turn away a line PCRE2 would match.
class PatternGenerator {
 public:
  explicit PatternGenerator(std::uint32_t seed) : random_(seed) {}

  struct Sample {
    std::string pattern;
    std::string subject;  // a string the pattern matches (as a whole, when anchored)
  };

  Sample next() {
    Sample sample;
    const bool anchor_start = chance(60);
    const bool anchor_end = chance(50);
    if (anchor_start) sample.pattern += '^';
    sequence(sample, 2);
    if (anchor_end) sample.pattern += '$';
    if (chance(15)) {
      // A second alternative at the top, which the drawn subject may not need.
      Sample other;
      if (chance(50)) other.pattern += '^';
      sequence(other, 1);
      sample.pattern += '|' + other.pattern;
    }
    return sample;
  }

  // Random text over the characters the pieces use, both cases, and a few others.
  std::string noise() {
    static const std::string alphabet = "abcABC0123456789 -.:xyz\xC3\xA9";
    std::string out;
    const int length = pick(0, 12);
    for (int i = 0; i < length; ++i) out += alphabet[static_cast<std::size_t>(pick(0, static_cast<int>(alphabet.size()) - 1))];
    return out;
  }

 private:
  bool chance(int percent) { return pick(0, 99) < percent; }
  int pick(int low, int high) { return std::uniform_int_distribution<int>(low, high)(random_); }

  void sequence(Sample& out, int depth) {
    const int items = pick(1, 4);
    for (int i = 0; i < items; ++i) quantified(out, depth);
  }

  void quantified(Sample& out, int depth) {
    Sample atom_sample;
    atom(atom_sample, depth);
    int times = 1;
    switch (pick(0, 9)) {
      case 0: atom_sample.pattern += '?'; times = pick(0, 1); break;
      case 1: atom_sample.pattern += '*'; times = pick(0, 2); break;
      case 2: atom_sample.pattern += '+'; times = pick(1, 3); break;
      case 3: atom_sample.pattern += "{1,3}"; times = pick(1, 3); break;
      case 4: atom_sample.pattern += "{2}"; times = 2; break;
      case 5: atom_sample.pattern += "{0,2}"; times = pick(0, 2); break;
      case 6: atom_sample.pattern += "*?"; times = pick(0, 2); break;
      default: break;
    }
    out.pattern += atom_sample.pattern;
    // Each repetition may draw another member of the atom; one drawn string repeated is a
    // member as well, which is all the check needs.
    for (int i = 0; i < times; ++i) out.subject += atom_sample.subject;
  }

  void atom(Sample& out, int depth) {
    struct Piece {
      const char* pattern;
      std::vector<std::string> members;
    };
    static const std::vector<Piece> pieces{
        // Members in the other case match only caseless patterns: the others skip them.
        {"a", {"a", "A"}},     {"b", {"b", "B"}},     {"x", {"x", "X"}},  {"5", {"5"}},
        {" ", {" "}},          {"-", {"-"}},          {"\\.", {"."}},     {":", {":"}},
        {"[0-9]", {"0", "3", "7", "9"}}, {"[3-5]", {"3", "4", "5"}},      {"[ab]", {"a", "b"}},
        {"[a-c]", {"a", "b", "c"}},      {"[^a]", {"b", "1", " "}},       {"\\d", {"2", "8"}},
        {"\\w", {"a", "Z", "4"}},        {"\\s", {" "}},                  {".", {"q", "7", "-"}},
        {"[0-9a-f]", {"0", "c", "9"}},   {"[.:]", {".", ":"}},            {"é", {"\xC3\xA9"}},
        {"[0-35-9]", {"0", "2", "6", "9"}},
        {"\\p{L}", {"a", "\xD0\xB4", "\xC3\xA9"}},  {"\xD0\xB4", {"\xD0\xB4"}},  // д
        {"[\xD0\xB4\xD0\xB1]", {"\xD0\xB1"}},        {"k", {"k", "\xE2\x84\xAA"}},  // the Kelvin sign
        {"s", {"s", "\xC5\xBF"}},  // the long s
        {"\xC3\x9F", {"\xC3\x9F"}},  // ß
        {"\xC3\xB6", {"\xC3\xB6", "\xC3\x96"}},  // ö, Ö
        {"\\bx", {"x"}},     {"(?=a)a", {"a"}},     {"(?!b)c", {"c"}},
    };
    if (depth > 0 && chance(20)) {
      // A group: one alternative chosen for the subject.
      const bool capturing = chance(50);
      out.pattern += capturing ? "(" : "(?:";
      const int alternatives = pick(1, 3);
      const int chosen = pick(0, alternatives - 1);
      for (int k = 0; k < alternatives; ++k) {
        if (k > 0) out.pattern += '|';
        Sample branch;
        sequence(branch, depth - 1);
        out.pattern += branch.pattern;
        if (k == chosen) out.subject += branch.subject;
      }
      out.pattern += ')';
      return;
    }
    const Piece& piece = pieces[static_cast<std::size_t>(pick(0, static_cast<int>(pieces.size()) - 1))];
    out.pattern += piece.pattern;
    out.subject += piece.members[static_cast<std::size_t>(pick(0, static_cast<int>(piece.members.size()) - 1))];
  }

  std::mt19937 random_;
};
}  // namespace

TEST_CASE("the gates in front of PCRE2 never turn away a line it matches, for random patterns", "[rules][regex]") {
  PatternGenerator generator(20261206);
  MatchScratch scratch;
  std::size_t matched = 0;
  for (int n = 0; n < 6000; ++n) {
    const PatternGenerator::Sample sample = generator.next();
    const bool caseless = n % 3 == 0;
    std::deque<Rule> rules;
    rules.push_back(regex_rule(sample.pattern, caseless));
    const Rule* const rule = &rules.front();
    const std::vector<const Rule*> pointers{rule};
    RegexCache cache;
    const MatcherSet set(pointers, cache);
    RegexError error;
    const auto regex = Regex::compile(sample.pattern, RegexFlags{caseless, false, false}, error);
    REQUIRE(regex);
    std::vector<std::string> subjects{sample.subject, "zz " + sample.subject, sample.subject + " zz"};
    for (int k = 0; k < 6; ++k) subjects.push_back(generator.noise());
    for (const std::string& subject : subjects) {
      if (regex->match(subject, scratch) != MatchOutcome::match) continue;
      ++matched;
      LineView line;
      line.trimmed = subject;
      INFO("/" << sample.pattern << "/" << (caseless ? "i" : "") << " on \"" << subject << "\"");
      CHECK(set.find(line, scratch) == rule);
    }
  }
  CHECK(matched >= 6000);  // each pattern matches at least its own drawn subject
}

TEST_CASE("phrase, prefix, suffix and substring rules find what comparing each in turn finds", "[rules]") {
  // Random keys over a small alphabet, so that lengths, first and last four bytes and whole
  // keys collide often: the per-length probes and the edge filter must miss none.
  std::mt19937 random(20261207);
  // Keys as the normaliser leaves them: no space at either end, none doubled.
  const auto normalised = [](std::string key) {
    std::string out;
    for (const char c : key)
      if (c != ' ' || (!out.empty() && out.back() != ' ')) out += c;
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
  };
  const auto text = [&](int low, int high) {
    static const std::vector<std::string> pieces{"a", "b", " ", ":", "\xC3\xA9"};
    std::string out;
    const int length = std::uniform_int_distribution<int>(low, high)(random);
    for (int i = 0; i < length; ++i) out += pieces[std::uniform_int_distribution<std::size_t>(0, pieces.size() - 1)(random)];
    return normalised(out);
  };
  for (int round = 0; round < 200; ++round) {
    std::deque<Rule> rules;
    for (int i = 0; i < 12; ++i) {
      Rule rule;
      rule.match = std::array{MatchKind::phrase, MatchKind::starts, MatchKind::ends, MatchKind::contains}[i % 4];
      rule.pattern = text(1, 7);
      if (rule.pattern.empty()) rule.pattern = "a";
      rules.push_back(rule);
    }
    std::vector<const Rule*> pointers;
    for (const Rule& rule : rules) pointers.push_back(&rule);
    RegexCache cache;
    const MatcherSet set(pointers, cache);
    for (int k = 0; k < 60; ++k) {
      const std::string& some_pattern = rules[static_cast<std::size_t>(k) % rules.size()].pattern;
      const std::string key = normalised(k % 3 == 0   ? some_pattern + text(0, 3)
                                         : k % 3 == 1 ? text(0, 3) + some_pattern
                                                      : text(0, 10));
      bool expected = false;
      for (const Rule& rule : rules) {
        const std::string_view p = rule.pattern;
        switch (rule.match) {
          case MatchKind::phrase:
            // A label's colon does not make it another line ("Mehr Themen:").
            expected = expected || key == p || (key.ends_with(':') && normalised(key.substr(0, key.size() - 1)) == p);
            break;
          case MatchKind::starts: expected = expected || key.starts_with(p); break;
          case MatchKind::ends: expected = expected || key.ends_with(p); break;
          default: expected = expected || key.find(p) != std::string::npos; break;
        }
      }
      LineView line;
      line.trimmed = key;
      line.key = key;
      line.key_hash = hash_string(key);
      MatchScratch scratch;
      INFO("\"" << key << "\"");
      CHECK((set.find(line, scratch) != nullptr) == expected);
    }
  }
}
