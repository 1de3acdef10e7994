#include "stages/line_rules.h"

#include <algorithm>

#include "stages/line_view.h"

namespace declutter {
namespace {

constexpr std::size_t kMaxLinesBetween = 1;  // other lines that may stand between two of a run

std::vector<const Rule*> without_runs(std::span<const Rule* const> rules) {
  std::vector<const Rule*> plain;
  for (const Rule* rule : rules)
    if (rule->min_run <= 1) plain.push_back(rule);
  return plain;
}

bool any_run(std::span<const Rule* const> rules) {
  return std::any_of(rules.begin(), rules.end(), [](const Rule* rule) { return rule->min_run > 1; });
}

}  // namespace

LineRuleStage::LineRuleStage(std::span<const Rule* const> keep_rules, std::span<const Rule* const> drop_rules,
                             RegexCache& cache)
    : keep_(keep_rules, cache), drop_(drop_rules, cache) {
  if (any_run(keep_rules)) plain_keep_.emplace(without_runs(keep_rules), cache);
  if (any_run(drop_rules)) plain_drop_.emplace(without_runs(drop_rules), cache);
}

void LineRuleStage::run(Document& doc, StageScratch& scratch) const {
  if (keep_.empty() && drop_.empty()) return;
  scratch.run_matches.clear();
  LineWalker walker(doc);
  for (std::size_t i = 0; i < doc.blocks.size(); ++i) {
    Block& block = doc.blocks[i];
    LineView line = walker.view(doc, i, scratch);
    if (block.verdict == Verdict::undecided) {
      if (const Rule* rule = find(line, scratch)) {
        if (rule->min_run > 1) {
          scratch.run_matches.push_back(RunMatch{i, rule, line});
        } else {
          doc.decide(block, line_verdict(*rule), Decider::rule, rule);
        }
      }
    } else if (block.decider == Decider::dom_rule && block.rule != nullptr && block.rule->from_common) {
      block.line_rule = find_outside_runs(line, scratch);
    }
  }
  if (!scratch.run_matches.empty()) decide_runs(doc, scratch);
}

void LineRuleStage::decide_runs(Document& doc, StageScratch& scratch) const {
  std::vector<RunMatch>& matches = scratch.run_matches;
  // Each rule's lines in page order.
  std::stable_sort(matches.begin(), matches.end(),
                   [](const RunMatch& a, const RunMatch& b) { return std::less<const Rule*>{}(a.rule, b.rule); });
  const auto close_enough = [&](std::size_t from, std::size_t to) {
    std::size_t others = 0;
    for (std::size_t i = from + 1; i < to && others <= kMaxLinesBetween; ++i)
      if (!scratch.keys.key(doc, i).text.empty()) ++others;
    return others <= kMaxLinesBetween;
  };
  for (std::size_t begin = 0; begin < matches.size();) {
    std::size_t end = begin + 1;
    while (end < matches.size() && matches[end].rule == matches[begin].rule &&
           close_enough(matches[end - 1].block, matches[end].block))
      ++end;
    const bool is_run = end - begin >= matches[begin].rule->min_run;
    for (std::size_t k = begin; k < end; ++k) {
      Block& block = doc.blocks[matches[k].block];
      if (const Rule* rule = is_run ? matches[k].rule : find_outside_runs(matches[k].line, scratch))
        doc.decide(block, line_verdict(*rule), Decider::rule, rule);
    }
    begin = end;
  }
}

const Rule* LineRuleStage::find(const LineView& line, StageScratch& scratch) const {
  if (const Rule* rule = keep_.find(line, scratch.regex)) return rule;
  return drop_.find(line, scratch.regex);
}

const Rule* LineRuleStage::find_outside_runs(const LineView& line, StageScratch& scratch) const {
  if (const Rule* rule = (plain_keep_ ? *plain_keep_ : keep_).find(line, scratch.regex)) return rule;
  return (plain_drop_ ? *plain_drop_ : drop_).find(line, scratch.regex);
}

}  // namespace declutter
