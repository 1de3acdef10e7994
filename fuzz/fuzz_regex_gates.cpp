// The gates in front of PCRE2, differentially: a regex rule's first- and last-byte sets,
// length bound, byte classes and literal prefilter must never turn away a line that PCRE2
// itself matches. Any input where they do aborts.
//
// Input layout: the first byte's low bit makes the pattern caseless; the first line after it
// is the pattern, each further line a subject.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "regex/pcre.h"
#include "rules/matcher_set.h"
#include "rules/rule.h"

using namespace declutter;

namespace {
constexpr std::size_t kMaxPatternBytes = 512;
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 2) return 0;
  const bool caseless = (data[0] & 1U) != 0;
  std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);
  const std::size_t end = rest.find('\n');
  const std::string_view pattern = rest.substr(0, end);
  if (pattern.empty() || pattern.size() > kMaxPatternBytes || end == std::string_view::npos) return 0;
  rest.remove_prefix(end + 1);

  RegexError error;
  const auto regex = Regex::compile(pattern, RegexFlags{caseless, false, false}, error);
  if (!regex) return 0;
  Rule rule;
  rule.action = Action::drop;
  rule.match = MatchKind::regex;
  rule.pattern = std::string(pattern);
  rule.caseless = caseless;
  const std::vector<const Rule*> pointers{&rule};
  RegexCache cache;
  const MatcherSet set(pointers, cache);

  MatchScratch scratch;
  while (true) {
    const std::size_t line_end = rest.find('\n');
    const std::string_view subject = rest.substr(0, line_end);
    if (regex->match(subject, scratch) == MatchOutcome::match) {
      LineView line;
      line.trimmed = subject;
      if (set.find(line, scratch) != &rule) {
        std::fprintf(stderr, "gates turned away a match: /%.*s/%s on \"%.*s\"\n", static_cast<int>(pattern.size()),
                     pattern.data(), caseless ? "i" : "", static_cast<int>(subject.size()), subject.data());
        std::abort();
      }
    }
    if (line_end == std::string_view::npos) break;
    rest.remove_prefix(line_end + 1);
  }
  return 0;
}
