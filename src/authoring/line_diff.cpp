#include "authoring/line_diff.h"

#include <algorithm>

namespace declutter {

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    std::size_t next = end == std::string_view::npos ? text.size() : end + 1;
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    start = next;
  }
  return lines;
}

std::vector<DiffLine> diff_lines(const std::vector<std::string_view>& from, const std::vector<std::string_view>& to) {
  // Common prefix and suffix need no search; Myers runs on the middle only.
  std::size_t prefix = 0;
  while (prefix < from.size() && prefix < to.size() && from[prefix] == to[prefix]) ++prefix;
  std::size_t suffix = 0;
  while (suffix < from.size() - prefix && suffix < to.size() - prefix &&
         from[from.size() - 1 - suffix] == to[to.size() - 1 - suffix])
    ++suffix;
  const auto n = static_cast<long>(from.size() - prefix - suffix);
  const auto m = static_cast<long>(to.size() - prefix - suffix);
  auto a = [&](long i) { return from[prefix + static_cast<std::size_t>(i)]; };
  auto b = [&](long j) { return to[prefix + static_cast<std::size_t>(j)]; };

  // v[k + offset] is the furthest x reached on diagonal k; trace keeps v before each round.
  const long max = n + m;
  const long offset = max + 1;
  std::vector<long> v(static_cast<std::size_t>(2 * max + 3), 0);
  auto at = [&](std::vector<long>& vec, long k) -> long& { return vec[static_cast<std::size_t>(k + offset)]; };
  std::vector<std::vector<long>> trace;
  long rounds = 0;
  for (long d = 0; d <= max; ++d) {
    trace.push_back(v);
    bool reached = false;
    for (long k = -d; k <= d; k += 2) {
      long x = (k == -d || (k != d && at(v, k - 1) < at(v, k + 1))) ? at(v, k + 1) : at(v, k - 1) + 1;
      long y = x - k;
      while (x < n && y < m && a(x) == b(y)) ++x, ++y;
      at(v, k) = x;
      if (x >= n && y >= m) {
        reached = true;
        break;
      }
    }
    if (reached) {
      rounds = d;
      break;
    }
  }

  // Walk the trace back from (n, m), collecting the script in reverse.
  std::vector<DiffLine> middle;
  long x = n;
  long y = m;
  for (long d = rounds; d > 0; --d) {
    std::vector<long>& prev = trace[static_cast<std::size_t>(d)];
    long k = x - y;
    long prev_k = (k == -d || (k != d && at(prev, k - 1) < at(prev, k + 1))) ? k + 1 : k - 1;
    long prev_x = at(prev, prev_k);
    long prev_y = prev_x - prev_k;
    while (x > prev_x && y > prev_y) middle.push_back(DiffLine{' ', a(--x)}), --y;
    if (prev_k == k + 1) {
      middle.push_back(DiffLine{'+', b(--y)});
    } else {
      middle.push_back(DiffLine{'-', a(--x)});
    }
  }
  while (x > 0 && y > 0) middle.push_back(DiffLine{' ', a(--x)}), --y;

  std::vector<DiffLine> script;
  script.reserve(prefix + middle.size() + suffix);
  for (std::size_t i = 0; i < prefix; ++i) script.push_back(DiffLine{' ', from[i]});
  script.insert(script.end(), middle.rbegin(), middle.rend());
  for (std::size_t i = from.size() - suffix; i < from.size(); ++i) script.push_back(DiffLine{' ', from[i]});
  return script;
}

namespace {
std::string range(std::size_t first, std::size_t count) {
  // diff -u numbers lines from 1; an empty range names the line before it.
  std::string out = std::to_string(count == 0 ? first : first + 1);
  if (count != 1) out += ',' + std::to_string(count);
  return out;
}
}  // namespace

std::string unified_diff(std::string_view from, std::string_view to, std::string_view from_name,
                         std::string_view to_name, std::size_t context) {
  std::vector<std::string_view> a = split_lines(from);
  std::vector<std::string_view> b = split_lines(to);
  std::vector<DiffLine> script = diff_lines(a, b);
  std::vector<std::size_t> changes;
  for (std::size_t i = 0; i < script.size(); ++i)
    if (script[i].op != ' ') changes.push_back(i);
  if (changes.empty()) return {};

  std::string out = "--- " + std::string(from_name) + "\n+++ " + std::string(to_name) + "\n";
  // Line numbers in both texts before each script entry.
  std::vector<std::size_t> line_a(script.size() + 1, 0);
  std::vector<std::size_t> line_b(script.size() + 1, 0);
  for (std::size_t i = 0; i < script.size(); ++i) {
    line_a[i + 1] = line_a[i] + (script[i].op != '+' ? 1 : 0);
    line_b[i + 1] = line_b[i] + (script[i].op != '-' ? 1 : 0);
  }
  std::size_t c = 0;
  while (c < changes.size()) {
    std::size_t begin = changes[c] > context ? changes[c] - context : 0;
    std::size_t end = std::min(script.size(), changes[c] + 1 + context);
    // Changes closer than two contexts apart share one hunk.
    while (c + 1 < changes.size() && changes[c + 1] <= end + context) {
      ++c;
      end = std::min(script.size(), changes[c] + 1 + context);
    }
    ++c;
    out += "@@ -" + range(line_a[begin], line_a[end] - line_a[begin]) + " +" +
           range(line_b[begin], line_b[end] - line_b[begin]) + " @@\n";
    for (std::size_t i = begin; i < end; ++i) {
      out += script[i].op;
      out += script[i].text;
      out += '\n';
    }
  }
  return out;
}

}  // namespace declutter
