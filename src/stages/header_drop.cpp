#include "stages/header_drop.h"

#include <algorithm>

#include "rules/rule.h"
#include "stages/line_view.h"

namespace declutter {
namespace {

bool in_header(const Block& block) {
  return block.verdict == Verdict::keep && block.decider == Decider::score && block.score_reason == ScoreReason::header;
}

}  // namespace

HeaderDropStage::HeaderDropStage(std::span<const Rule* const> rules, RegexCache& cache,
                                 std::shared_ptr<const PersonNames> names)
    : matchers_(rules, cache), names_(std::move(names)) {
  for (const Rule* rule : rules)
    if (rule->match == MatchKind::name) name_rules_.push_back(rule);
}

const Rule* HeaderDropStage::find(const LineView& line, StageScratch& scratch) const {
  if (const Rule* rule = matchers_.find(line, scratch.regex)) return rule;
  if (name_rules_.empty() || names_ == nullptr || !names_->names_only(line.trimmed)) return nullptr;
  for (const Rule* rule : name_rules_)
    if (position_admits(*rule, line.position)) return rule;
  return nullptr;
}

void HeaderDropStage::run(Document& doc, StageScratch& scratch) const {
  // A header is a few lines of a page: only those are looked at, past the others.
  const auto first = std::find_if(doc.blocks.begin(), doc.blocks.end(), in_header);
  if (first == doc.blocks.end()) return;
  LineWalker walker(doc);
  for (auto i = static_cast<std::size_t>(first - doc.blocks.begin()); i < doc.blocks.size(); ++i) {
    Block& block = doc.blocks[i];
    if (!in_header(block)) continue;
    const LineView line = walker.view_at(doc, i, scratch);
    if (const Rule* rule = find(line, scratch)) doc.overrule_score(block, Verdict::drop, Decider::rule, rule);
  }
}

}  // namespace declutter
