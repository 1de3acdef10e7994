#pragma once
// keep and drop rules, line by line. A keep decides first and protects the line from every
// later stage; a drop rule decides lines no keep rule matched.
#include <span>

#include "rules/matcher_set.h"
#include "stages/stage.h"

namespace declutter {

class LineRuleStage final : public Stage {
 public:
  LineRuleStage(std::span<const Rule* const> keep_rules, std::span<const Rule* const> drop_rules, RegexCache& cache)
      : keep_(keep_rules, cache), drop_(drop_rules, cache) {}
  std::string_view name() const override { return "line-rules"; }
  void run(Document& doc, StageScratch& scratch) const override;

 private:
  // The keep rule matching the line, else the drop rule; null when neither does.
  const Rule* find(const LineView& line, StageScratch& scratch) const;

  MatcherSet keep_;
  MatcherSet drop_;
};

}  // namespace declutter
