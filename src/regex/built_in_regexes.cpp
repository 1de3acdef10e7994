#include "regex/built_in_regexes.h"

#include <algorithm>
#include <vector>

namespace declutter {

LiteralRequirement BuiltInRegex::literals() const {
  return LiteralRequirement{{literal_prefixes.begin(), literal_prefixes.end()},
                            {literal_infixes.begin(), literal_infixes.end()}};
}

const BuiltInRegex* find_built_in_regex(std::string_view pattern, bool caseless, bool extended, bool dotall) {
  // Every regex rule of a start-up is looked up twice (checked, then compiled): sorted by
  // pattern once, a lookup is a binary search instead of a scan of the table (a one-line
  // run: 21.60M instructions with the scan, 21.35M without).
  static const std::vector<const BuiltInRegex*> by_pattern = [] {
    std::vector<const BuiltInRegex*> entries;
    for (const BuiltInRegex& entry : built_in_regexes()) entries.push_back(&entry);
    std::sort(entries.begin(), entries.end(),
              [](const BuiltInRegex* a, const BuiltInRegex* b) { return a->pattern < b->pattern; });
    return entries;
  }();
  auto at = std::lower_bound(by_pattern.begin(), by_pattern.end(), pattern,
                             [](const BuiltInRegex* entry, std::string_view p) { return entry->pattern < p; });
  for (; at != by_pattern.end() && (*at)->pattern == pattern; ++at)
    if ((*at)->caseless == caseless && (*at)->extended == extended && (*at)->dotall == dotall) return *at;
  return nullptr;
}

}  // namespace declutter
