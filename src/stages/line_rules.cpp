#include "stages/line_rules.h"

#include "stages/line_view.h"

namespace declutter {

void LineRuleStage::run(Document& doc, StageScratch& scratch) const {
  if (keep_.empty() && drop_.empty()) return;
  LineWalker walker(doc);
  for (std::size_t i = 0; i < doc.blocks.size(); ++i) {
    Block& block = doc.blocks[i];
    LineView line = walker.view(doc, i, scratch);
    if (block.verdict == Verdict::undecided) {
      if (const Rule* rule = find(line, scratch))
        doc.decide(block, line_verdict(*rule), Decider::rule, rule);
    } else if (block.decider == Decider::dom_rule && block.rule != nullptr && block.rule->from_common) {
      block.line_rule = find(line, scratch);
    }
  }
}

const Rule* LineRuleStage::find(const LineView& line, StageScratch& scratch) const {
  if (const Rule* rule = keep_.find(line, scratch.regex)) return rule;
  return drop_.find(line, scratch.regex);
}

}  // namespace declutter
