#include "stages/section_cut.h"

#include "stages/line_view.h"

namespace declutter {
namespace {
void drop_range(Document& doc, std::size_t begin, std::size_t end, const Rule* rule) {
  for (std::size_t i = begin; i < end; ++i) doc.decide(doc.blocks[i], Verdict::drop, Decider::section_cut, rule);
}
}  // namespace

void SectionCutStage::run(Document& doc, StageScratch& scratch) const {
  if (cut_.empty() && cut_block_.empty() && cut_before_.empty()) return;
  LineWalker walker(doc);
  const std::size_t count = doc.blocks.size();
  for (std::size_t i = 0; i < count; ++i) {
    Block& block = doc.blocks[i];
    LineView line = walker.view(block, scratch);
    if (block.verdict == Verdict::keep || block.decider == Decider::dom_rule) continue;
    if (const Rule* rule = cut_before_.find(line, scratch.regex)) {
      drop_range(doc, 0, rule->keep_marker ? i : i + 1, rule);
    }
    if (const Rule* rule = cut_block_.find(line, scratch.regex)) {
      std::size_t end = i + 1;
      while (end < count && !doc.blocks[end].gap_before) ++end;
      drop_range(doc, rule->keep_marker ? i + 1 : i, end, rule);
      continue;
    }
    if (const Rule* rule = cut_.find(line, scratch.regex)) {
      drop_range(doc, rule->keep_marker ? i + 1 : i, count, rule);
      return;
    }
  }
}

}  // namespace declutter
