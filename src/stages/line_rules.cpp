#include "stages/line_rules.h"

#include "stages/line_view.h"

namespace declutter {

void LineRuleStage::run(Document& doc, StageScratch& scratch) const {
  if (keep_.empty() && drop_.empty()) return;
  LineWalker walker(doc);
  for (auto& block : doc.blocks) {
    LineView line = walker.view(block, scratch);
    if (block.verdict != Verdict::undecided) continue;
    if (const Rule* rule = keep_.find(line, scratch.regex)) {
      doc.decide(block, Verdict::keep, Decider::rule, rule);
    } else if (const Rule* dropper = drop_.find(line, scratch.regex)) {
      doc.decide(block, Verdict::drop, Decider::rule, dropper);
    }
  }
}

}  // namespace declutter
