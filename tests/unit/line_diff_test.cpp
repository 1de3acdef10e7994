// The Myers line diff behind `declutter test` failures.
#include <catch2/catch.hpp>

#include "authoring/line_diff.h"

using namespace declutter;

namespace {
std::string script_of(std::string_view a, std::string_view b) {
  std::string out;
  for (const auto& line : diff_lines(split_lines(a), split_lines(b))) {
    out += line.op;
    out += line.text;
    out += '\n';
  }
  return out;
}
}  // namespace

TEST_CASE("split_lines ends lines at LF and CRLF without an empty last line", "[diff]") {
  CHECK(split_lines("a\r\nb\n") == std::vector<std::string_view>{"a", "b"});
  CHECK(split_lines("a\n\nb") == std::vector<std::string_view>{"a", "", "b"});
  CHECK(split_lines("").empty());
}

TEST_CASE("diff_lines finds a shortest edit script", "[diff]") {
  CHECK(script_of("a\nb\nc\n", "a\nb\nc\n") == " a\n b\n c\n");
  CHECK(script_of("a\nb\nc\n", "a\nc\n") == " a\n-b\n c\n");
  CHECK(script_of("a\nc\n", "a\nb\nc\n") == " a\n+b\n c\n");
  CHECK(script_of("", "x\n") == "+x\n");
  CHECK(script_of("x\n", "") == "-x\n");
  // The classic example: 5 edits turn ABCABBA into CBABAC.
  std::string script = script_of("A\nB\nC\nA\nB\nB\nA\n", "C\nB\nA\nB\nA\nC\n");
  std::size_t edits = 0;
  for (std::size_t i = 0; i < script.size(); ++i)
    if ((i == 0 || script[i - 1] == '\n') && script[i] != ' ') ++edits;
  CHECK(edits == 5);
}

TEST_CASE("unified_diff prints hunks with context like diff -u", "[diff]") {
  std::string a = "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n";
  std::string b = "1\n2\n3\n4\nfive\n6\n7\n8\n9\n10\n11\n12\nthirteen\n";
  CHECK(unified_diff(a, b, "expected", "actual") ==
        "--- expected\n+++ actual\n"
        "@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n"
        "@@ -10,3 +10,4 @@\n 10\n 11\n 12\n+thirteen\n");
}

TEST_CASE("unified_diff is empty when only line endings differ", "[diff]") {
  CHECK(unified_diff("a\r\nb\r\n", "a\nb\n", "x", "y").empty());
  CHECK(unified_diff("same\n", "same\n", "x", "y").empty());
}

TEST_CASE("unified_diff names an empty range by the line before it", "[diff]") {
  CHECK(unified_diff("", "new\n", "expected", "actual") == "--- expected\n+++ actual\n@@ -0,0 +1 @@\n+new\n");
}
