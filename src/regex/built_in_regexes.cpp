#include "regex/built_in_regexes.h"

namespace declutter {

const BuiltInRegex* find_built_in_regex(std::string_view pattern, bool caseless, bool extended, bool dotall) {
  for (const BuiltInRegex& entry : built_in_regexes())
    if (entry.caseless == caseless && entry.extended == extended && entry.dotall == dotall && entry.pattern == pattern)
      return &entry;
  return nullptr;
}

}  // namespace declutter
