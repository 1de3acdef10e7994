// Hostile and broken input (issue 7): every class of bad input in docs/bad-input.md has a
// test here that shows what declutter does with it. "Finishes" bounds are generous on
// purpose: they catch hangs and blow-ups, not slow machines.
#include <catch2/catch.hpp>

#include <random>
#include <string>

#include "cli_support.h"
#include "robustness_support.h"

using namespace declutter;
using namespace declutter::testing;

namespace {

std::string random_bytes(std::size_t size, std::uint32_t seed) {
  std::mt19937 generator(seed);
  std::uniform_int_distribution<int> byte(0, 255);
  std::string out(size, '\0');
  for (auto& c : out) c = static_cast<char>(byte(generator));
  return out;
}

}  // namespace

TEST_CASE("robustness: NUL bytes in text mode are kept, not a line end", "[robustness]") {
  auto engine = engine_for(InputFormat::text);
  REQUIRE(engine);
  const std::string page = std::string("Hello world, this is a sentence.\0with a NUL inside.\n", 52) +
                           "Second line of the text here.\n";
  CHECK(extract_with(*engine, page) == page);
}

TEST_CASE("robustness: binary garbage in text mode finishes and yields something", "[robustness]") {
  auto engine = engine_for(InputFormat::text);
  REQUIRE(engine);
  for (std::uint32_t seed : {1U, 2U, 3U}) {
    Stopwatch clock;
    std::string out = extract_with(*engine, random_bytes(1 << 20, seed));
    CHECK(clock.seconds() < kFinishesWithinSeconds);
    CHECK_FALSE(out.empty());
  }
}

TEST_CASE("robustness: CRLF and lone CR end lines; no CR reaches the output", "[robustness]") {
  auto engine = engine_for(InputFormat::text);
  REQUIRE(engine);
  CHECK(extract_with(*engine, "First line is a sentence.\rSecond line after lone CR.\r\nThird line after CRLF.\r\n") ==
        "First line is a sentence.\nSecond line after lone CR.\nThird line after CRLF.\n");
  CHECK(extract_with(*engine, "A paragraph of text here.\r\n\r\nAnother paragraph of text.\r\r") ==
        "A paragraph of text here.\n\nAnother paragraph of text.\n");
}

TEST_CASE("robustness: empty and blank input give empty output", "[robustness]") {
  auto engine = engine_for(InputFormat::text);
  REQUIRE(engine);
  CHECK(extract_with(*engine, "").empty());
  CHECK(extract_with(*engine, "\n\n  \t \r\n\r\r\n").empty());
}

TEST_CASE("robustness: a single line of several MB is kept whole", "[robustness]") {
  auto engine = engine_for(InputFormat::text);
  REQUIRE(engine);
  std::string words;
  while (words.size() < (4U << 20)) words += "lorem ipsum dolor sit amet, ";
  words += "end.";
  Stopwatch clock;
  CHECK(extract_with(*engine, words) == words + "\n");
  const std::string letters(4U << 20, 'a');  // no space, no newline, no sentence end
  CHECK(extract_with(*engine, letters + "\n\nA sentence after the long line.\n").size() > letters.size());
  CHECK(clock.seconds() < kFinishesWithinSeconds);
}

TEST_CASE("robustness: a catastrophically backtracking rule is bounded, reported once, and the page survives",
          "[robustness][regex]") {
  TempDir dir;
  write_file(dir.path / "common.rules", "set edge-trim off\nset dedupe off\ndrop /^(a+)+$/\ndrop \"Menu\"\n");
  std::string page = "Menu\n";
  for (int i = 0; i < 200; ++i) page += std::string(40 + static_cast<std::size_t>(i % 50), 'a') + "b\n";
  page += "aaaa\nA real sentence stays in the output.\n";
  Stopwatch clock;
  RunResult r = run_declutter("--rules " + shell_quote(dir.path.string()), page);
  CHECK(clock.seconds() < kFinishesWithinSeconds);
  CHECK(r.status == 0);
  // Every 'aaa…b' line hit the limit, so it counts as not matching and stays; the short
  // line the pattern can decide does match; the other rules still work.
  CHECK(r.out.find("Menu") == std::string::npos);
  CHECK(r.out.find("\naaaa\n") == std::string::npos);
  CHECK(r.out.find(std::string(40, 'a') + "b\n") != std::string::npos);
  CHECK(r.out.find("A real sentence stays in the output.\n") != std::string::npos);
  const std::string warning = "common.rules:3:6: warning: regex gave up at its backtracking limit";
  auto first = r.err.find(warning);
  CHECK(first != std::string::npos);
  CHECK(r.err.find(warning, first + 1) == std::string::npos);  // once, not once a line
}

TEST_CASE("robustness: a backtracking rule on one huge line gives up quickly", "[robustness][regex]") {
  const std::string rules = "set edge-trim off\ndrop /(a|aa)*c/\n";
  auto engine = engine_for(InputFormat::text, &rules);
  REQUIRE(engine);
  const std::string line(1U << 20, 'a');
  Stopwatch clock;
  CHECK(extract_with(*engine, line) == line + "\n");
  CHECK(clock.seconds() < kFinishesWithinSeconds);
}

TEST_CASE("robustness: a rule file of binary garbage is reported, not run", "[robustness][rules]") {
  TempDir dir;
  write_file(dir.path / "common.rules", random_bytes(4096, 7) + "\ndrop \"Menu\"\n");
  RunResult r = run_declutter("--rules " + shell_quote(dir.path.string()), "Menu\nText of the page.\n");
  CHECK(r.status == 2);
  CHECK(r.out.empty());
  CHECK(r.err.find("common.rules:1:") != std::string::npos);
  CHECK(r.err.find("error:") != std::string::npos);
}
