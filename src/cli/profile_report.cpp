#include "cli/profile_report.h"

#include <cstdarg>
#include <cstdio>

#include "rules/rule.h"

namespace declutter {
namespace {
// A rule's text beyond this many bytes is cut (at a character boundary) and ends in "…".
constexpr std::size_t kRuleTextBytes = 90;

double seconds(std::uint64_t nanoseconds) { return static_cast<double>(nanoseconds) / 1e9; }

double share(std::uint64_t part, std::uint64_t whole) {
  return whole == 0 ? 0.0 : 100.0 * static_cast<double>(part) / static_cast<double>(whole);
}

std::string shortened(std::string text) {
  if (text.size() <= kRuleTextBytes) return text;
  std::size_t cut = kRuleTextBytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0U) == 0x80U) --cut;  // not inside a character
  text.resize(cut);
  return text + "…";
}

[[gnu::format(printf, 2, 3)]] void append(std::string& out, const char* format, ...) {
  char line[256];
  std::va_list args;
  va_start(args, format);
  std::vsnprintf(line, sizeof line, format, args);
  va_end(args);
  out += line;
}
}  // namespace

std::string format_profile(const CostProfile::Totals& totals, std::size_t regexes) {
  if (totals.steps.empty()) return "";
  std::string out;
  append(out,
         "declutter: profile: %.3f s of processing in %llu documents (%zu %s; reading input and writing output "
         "not counted)\n",
         seconds(totals.nanoseconds), static_cast<unsigned long long>(totals.documents), totals.threads,
         totals.threads == 1 ? "thread" : "threads, times added up");
  append(out, "  %-14s %10s %7s %14s\n", "step", "seconds", "share", "ms/document");
  for (const StepCost& step : totals.steps) {
    const std::string name(step.step);
    append(out, "  %-14s %10.3f %6.1f%% %14.3f\n", name.c_str(), seconds(step.nanoseconds),
           share(step.nanoseconds, totals.nanoseconds),
           step.runs == 0 ? 0.0 : static_cast<double>(step.nanoseconds) / 1e6 / static_cast<double>(step.runs));
  }
  if (totals.regexes.empty()) return out;
  std::uint64_t regex_nanoseconds = 0;
  std::uint64_t calls = 0;
  for (const RegexCost& cost : totals.regexes) {
    regex_nanoseconds += cost.nanoseconds;
    calls += cost.calls;
  }
  append(out,
         "declutter: profile: %zu regex rules ran %.3f s (%.1f%%) inside PCRE2 in %llu calls; their prefilters' "
         "time is their stage's\n",
         totals.regexes.size(), seconds(regex_nanoseconds), share(regex_nanoseconds, totals.nanoseconds),
         static_cast<unsigned long long>(calls));
  append(out, "  %10s %7s %10s %9s  %s\n", "seconds", "share", "calls", "matches", "rule");
  for (std::size_t i = 0; i < totals.regexes.size() && i < regexes; ++i) {
    const RegexCost& cost = totals.regexes[i];
    append(out, "  %10.4f %6.1f%% %10llu %9llu  ", seconds(cost.nanoseconds),
           share(cost.nanoseconds, totals.nanoseconds), static_cast<unsigned long long>(cost.calls),
           static_cast<unsigned long long>(cost.matches));
    out += cost.rule->origin.to_string() + ' ' + shortened(canonical_text(*cost.rule)) + '\n';
  }
  return out;
}

}  // namespace declutter
