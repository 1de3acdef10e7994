#pragma once
// A line diff (Myers' O(ND) algorithm) and its unified-diff rendering, for `declutter test`
// failures: expected and actual output side by side as `diff -u` would show them.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace declutter {

struct DiffLine {
  char op;                 // ' ' in both, '-' only in the first text, '+' only in the second
  std::string_view text;
};

// Lines of `text` without their terminators (LF or CRLF); a final terminator ends the last
// line rather than starting an empty one.
std::vector<std::string_view> split_lines(std::string_view text);

// A shortest edit script turning `from` into `to`, as the lines of both in order.
std::vector<DiffLine> diff_lines(const std::vector<std::string_view>& from, const std::vector<std::string_view>& to);

// `diff -u` style: ---/+++ headers, then hunks with `context` lines around each change.
// Empty when the texts have the same lines (they may still differ in line endings).
std::string unified_diff(std::string_view from, std::string_view to, std::string_view from_name,
                         std::string_view to_name, std::size_t context = 3);

}  // namespace declutter
