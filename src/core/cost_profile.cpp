#include "core/cost_profile.h"

#include <algorithm>

namespace declutter {
namespace {
// The entry of `steps` for `step`, added at the end when it has none.
StepCost& entry_for(std::vector<StepCost>& steps, std::string_view step) {
  auto entry = std::find_if(steps.begin(), steps.end(), [step](const StepCost& s) { return s.step == step; });
  return entry != steps.end() ? *entry : steps.emplace_back(StepCost{step, 0, 0});
}
}  // namespace

void CostCounter::add_step(std::string_view step, std::uint64_t nanoseconds) {
  StepCost& entry = entry_for(steps_, step);
  entry.nanoseconds += nanoseconds;
  ++entry.runs;
}

void CostCounter::add_regex(const Rule& rule, bool matched, std::uint64_t nanoseconds) {
  RegexCost& cost = regexes_[&rule];
  cost.rule = &rule;
  cost.add(RegexCost{&rule, nanoseconds, 1, matched ? 1U : 0U});
}

CostProfile::Totals CostProfile::totals() const {
  Totals totals;
  std::unordered_map<const Rule*, RegexCost> regexes;
  counters_.for_each([&](const CostCounter& counter) {
    totals.documents += counter.documents_;
    if (counter.steps_.empty()) return;
    ++totals.threads;
    for (const StepCost& step : counter.steps_) {
      StepCost& entry = entry_for(totals.steps, step.step);
      entry.nanoseconds += step.nanoseconds;
      entry.runs += step.runs;
      totals.nanoseconds += step.nanoseconds;
    }
    for (const auto& [rule, cost] : counter.regexes_) {
      RegexCost& sum = regexes[rule];
      sum.rule = rule;
      sum.add(cost);
    }
  });
  for (const auto& entry : regexes) totals.regexes.push_back(entry.second);
  std::sort(totals.regexes.begin(), totals.regexes.end(), [](const RegexCost& a, const RegexCost& b) {
    return a.nanoseconds != b.nanoseconds ? a.nanoseconds > b.nanoseconds : a.calls > b.calls;
  });
  return totals;
}

}  // namespace declutter
