#pragma once
// What Regex::compile reads off a pattern's syntax: its shape (required bytes, first bytes,
// subject limits) and its literal requirement (regex/pattern_analysis.h).
#include <string_view>

#include "regex/pattern_analysis.h"

namespace declutter {

struct RegexFacts {
  PatternShape shape;
  LiteralRequirement literals;
  bool operator==(const RegexFacts&) const = default;
};

RegexFacts analyse_pattern(std::string_view pattern, bool caseless, bool extended);

}  // namespace declutter
