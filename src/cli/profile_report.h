#pragma once
// --profile's report: where the processing time went, by step and by regex rule.
#include <cstddef>
#include <string>

#include "core/cost_profile.h"

namespace declutter {

// How many regex rules the report lists, costliest first.
constexpr std::size_t kProfiledRegexes = 15;

// Lines for stderr, each starting "declutter: profile:" or indented under one; "" when
// nothing was timed (no document ran).
std::string format_profile(const CostProfile::Totals& totals, std::size_t regexes = kProfiledRegexes);

}  // namespace declutter
