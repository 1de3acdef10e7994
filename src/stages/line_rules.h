#pragma once
// keep and drop rules, line by line. A keep decides first and protects the line from every
// later stage; a drop rule decides lines no keep rule matched.
//
// A rule written with run=N describes one line of a list (an ingredient, a menu entry): a
// line it matches waits until the page is read, and is decided by it only as one of a run
// of at least N lines it matches, each at most one other line after the last (blank lines
// aside). A line left out of a run goes to the other rules. So a lone line that looks like
// an item of such a list is not taken for one.
#include <optional>
#include <span>
#include <vector>

#include "rules/matcher_set.h"
#include "stages/stage.h"

namespace declutter {

class LineRuleStage final : public Stage {
 public:
  LineRuleStage(std::span<const Rule* const> keep_rules, std::span<const Rule* const> drop_rules, RegexCache& cache);
  std::string_view name() const override { return "line-rules"; }
  void run(Document& doc, StageScratch& scratch) const override;

 private:
  // The keep rule matching the line, else the drop rule; null when neither does.
  const Rule* find(const LineView& line, StageScratch& scratch) const;
  // The same among the rules without run=.
  const Rule* find_outside_runs(const LineView& line, StageScratch& scratch) const;
  // Decides the lines run rules matched (scratch.run_matches): by their rule where they form
  // a run, else by the other rules.
  void decide_runs(Document& doc, StageScratch& scratch) const;

  MatcherSet keep_;
  MatcherSet drop_;
  // The same without the rules with run=, where there are some.
  std::optional<MatcherSet> plain_keep_;
  std::optional<MatcherSet> plain_drop_;
};

}  // namespace declutter
