#include <catch2/catch.hpp>

#include <string>
#include <thread>
#include <vector>

#include "regex/pcre.h"

using namespace declutter;

TEST_CASE("Regex::valid reports what compile reports", "[regex]") {
  for (const std::string pattern : {"(unclosed", "a{3,1}", "[z-a]", "\\", "(?<=a+)b", "x**"}) {
    RegexError checked;
    RegexError compiled;
    CHECK_FALSE(Regex::valid(pattern, RegexFlags{}, checked));
    CHECK_FALSE(Regex::compile(pattern, RegexFlags{}, compiled));
    CHECK(checked.offset == compiled.offset);
    CHECK(checked.message == compiled.message);
    CHECK_FALSE(checked.message.empty());
  }
  RegexError error;
  CHECK(Regex::valid(R"(^(?i:read more)\s*[»›]$)", RegexFlags{true, false, false}, error));
  CHECK(Regex::valid("^ a # comment\n b$", RegexFlags{false, true, false}, error));
}

TEST_CASE("a regex first used by many threads at once matches on each of them", "[regex]") {
  // A regex is interpreted for its first matches and then JIT-compiled into a copy of its
  // code, in the middle of these loops: threads racing to the switch, and threads still
  // interpreting while another compiles, must all get the right answers, on the regex and
  // on copies sharing its code.
  for (int round = 0; round < 20; ++round) {
    RegexError error;
    auto regex = Regex::compile(R"(^\d+\s+(comments?|replies)$)", RegexFlags{true, false, false}, error);
    REQUIRE(regex);
    const Regex copy = *regex;
    std::vector<int> wrong(8, 0);
    std::vector<std::thread> threads;
    for (int t = 0; t < 8; ++t) {
      threads.emplace_back([&, t] {
        const Regex& mine = t % 2 == 0 ? *regex : copy;
        MatchScratch scratch;
        for (int i = 0; i < 50; ++i) {
          const std::string yes = std::to_string(i) + " Comments";
          const std::string no = std::to_string(i) + " comments and more";
          if (mine.match(yes, scratch) != MatchOutcome::match) ++wrong[t];
          if (mine.match(no, scratch) != MatchOutcome::no_match) ++wrong[t];
        }
      });
    }
    for (auto& thread : threads) thread.join();
    CHECK(wrong == std::vector<int>(8, 0));
  }
}

TEST_CASE("a regex is JIT-compiled after its first matches, or at once for a long line", "[regex]") {
  std::uint32_t has_jit = 0;
  pcre2_config(PCRE2_CONFIG_JIT, &has_jit);
  if (has_jit == 0) return;  // nothing is ever compiled: every match interprets
  RegexError error;
  const auto compile = [&] { return *Regex::compile(R"(\bvia wikimedia commons\b)", RegexFlags{true, false, false}, error); };
  MatchScratch scratch;
  const Regex short_lines = compile();
  for (int i = 0; i < 3; ++i) CHECK(short_lines.match("Photo: Ana Costa", scratch) == MatchOutcome::no_match);
  CHECK_FALSE(short_lines.jit_compiled());
  for (int i = 0; i < 100; ++i) CHECK(short_lines.match("Photo: Ana Costa", scratch) == MatchOutcome::no_match);
  CHECK(short_lines.jit_compiled());
  // The interpreter costs several times the compiled code per byte: one line of a page
  // without line breaks is reason enough to compile.
  const Regex long_line = compile();
  std::string page;
  while (page.size() < 100'000) page += "The harbour opened again on Monday. ";
  CHECK(long_line.match(page + "Image via Wikimedia Commons", scratch) == MatchOutcome::match);
  CHECK(long_line.jit_compiled());
  CHECK(long_line.match(page, scratch) == MatchOutcome::no_match);
}

TEST_CASE("a catastrophically backtracking regex gives up the same way interpreted and JIT-compiled", "[regex]") {
  RegexError error;
  auto regex = Regex::compile(R"(^(a+)+$)", RegexFlags{}, error);
  REQUIRE(regex);
  MatchScratch scratch;
  const std::string almost = std::string(40, 'a') + "!";
  // Enough tries to pass the switch from the interpreter to the JIT code.
  for (int i = 0; i < 100; ++i) {
    INFO(i);
    CHECK(regex->match(almost, scratch) == MatchOutcome::limit_exceeded);
    CHECK(regex->match("aaaa", scratch) == MatchOutcome::match);
  }
}
