#include "core/cost_profile.h"

#include <algorithm>

namespace declutter {

void CostCounter::add_step(std::string_view step, std::uint64_t nanoseconds) {
  auto entry = std::find_if(steps_.begin(), steps_.end(), [step](const StepCost& s) { return s.step == step; });
  if (entry == steps_.end()) entry = steps_.insert(steps_.end(), StepCost{step, 0, 0});
  entry->nanoseconds += nanoseconds;
  ++entry->runs;
}

void CostCounter::add_regex(const Rule& rule, bool matched, std::uint64_t nanoseconds) {
  RegexCost& cost = regexes_[&rule];
  cost.rule = &rule;
  cost.nanoseconds += nanoseconds;
  ++cost.calls;
  cost.matches += matched ? 1 : 0;
}

std::shared_ptr<CostCounter> CostProfile::new_counter() {
  auto counter = std::make_shared<CostCounter>();
  std::lock_guard lock(mutex_);
  counters_.push_back(counter);
  return counter;
}

CostProfile::Totals CostProfile::totals() const {
  Totals totals;
  std::unordered_map<const Rule*, RegexCost> regexes;
  std::lock_guard lock(mutex_);
  for (const auto& counter : counters_) {
    totals.documents += counter->documents_;
    if (counter->steps_.empty()) continue;
    ++totals.threads;
    for (const StepCost& step : counter->steps_) {
      auto entry = std::find_if(totals.steps.begin(), totals.steps.end(),
                                [&step](const StepCost& s) { return s.step == step.step; });
      if (entry == totals.steps.end()) entry = totals.steps.insert(totals.steps.end(), StepCost{step.step, 0, 0});
      entry->nanoseconds += step.nanoseconds;
      entry->runs += step.runs;
      totals.nanoseconds += step.nanoseconds;
    }
    for (const auto& [rule, cost] : counter->regexes_) {
      RegexCost& sum = regexes[rule];
      sum.rule = rule;
      sum.nanoseconds += cost.nanoseconds;
      sum.calls += cost.calls;
      sum.matches += cost.matches;
    }
  }
  for (const auto& entry : regexes) totals.regexes.push_back(entry.second);
  std::sort(totals.regexes.begin(), totals.regexes.end(), [](const RegexCost& a, const RegexCost& b) {
    return a.nanoseconds != b.nanoseconds ? a.nanoseconds > b.nanoseconds : a.calls > b.calls;
  });
  return totals;
}

}  // namespace declutter
