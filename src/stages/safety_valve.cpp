#include "stages/safety_valve.h"

#include "rules/rule.h"

namespace declutter {
namespace {
bool generic_drop(const Block& block) {
  if (!block.dropped()) return false;
  switch (block.decider) {
    case Decider::rule:
    case Decider::section_cut:
      return block.rule != nullptr && block.rule->from_common;
    case Decider::contents:
    case Decider::dedupe:
    case Decider::edge_trim:
      return true;
    default:
      return false;
  }
}
}  // namespace

void SafetyValveStage::run(Document& doc, StageScratch& /*scratch*/) const {
  std::size_t total = 0;
  std::size_t removed = 0;
  for (const auto& block : doc.blocks) {
    total += block.text.size();
    if (generic_drop(block)) removed += block.text.size();
  }
  if (total == 0 || static_cast<double>(removed) <= max_removed_ * static_cast<double>(total)) return;
  for (auto& block : doc.blocks) {
    if (!generic_drop(block)) continue;
    block.verdict = Verdict::undecided;
    block.decider = Decider::safety;
  }
}

}  // namespace declutter
