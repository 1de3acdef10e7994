#include "stages/section_cut.h"

#include "stages/line_view.h"

namespace declutter {
namespace {
void drop_range(Document& doc, std::size_t begin, std::size_t end, const Rule* rule) {
  for (std::size_t i = begin; i < end; ++i) doc.decide(doc.blocks[i], Verdict::drop, Decider::section_cut, rule);
}

// A line a keep rule protects is no marker, nor is text a DOM rule removed.
bool may_be_marker(const Block& block) {
  return block.verdict != Verdict::keep && block.decider != Decider::dom_rule;
}
}  // namespace

void SectionCutStage::run(Document& doc, StageScratch& scratch) const {
  if (cut_.empty() && cut_block_.empty() && cut_before_.empty()) return;
  LineWalker walker(doc);
  const std::size_t count = doc.blocks.size();
  for (std::size_t i = 0; i < count; ++i) {
    const LineView line = walker.view(doc, i, scratch);
    if (!may_be_marker(doc.blocks[i])) continue;
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
      cut_to_end(doc, walker, i, rule, scratch);
      return;
    }
  }
}

void SectionCutStage::cut_to_end(Document& doc, LineWalker& walker, std::size_t marker, const Rule* rule,
                                 StageScratch& scratch) const {
  const std::size_t count = doc.blocks.size();
  std::size_t begin = rule->keep_marker ? marker + 1 : marker;
  for (std::size_t i = marker + 1; i < count; ++i) {
    const LineView line = walker.view(doc, i, scratch);
    if (!may_be_marker(doc.blocks[i])) continue;
    const Rule* next = cut_.find(line, scratch.regex);
    if (next == nullptr) continue;
    // The next section starts here; a marker its rule keeps still goes with the section
    // before it, which it stands in.
    const std::size_t next_begin = next->keep_marker ? i + 1 : i;
    drop_range(doc, begin, next_begin, rule);
    begin = next_begin;
    rule = next;
  }
  drop_range(doc, begin, count, rule);
}

}  // namespace declutter
