#include "stages/edge_trim.h"

#include "text/normalize.h"

namespace declutter {

bool EdgeTrimStage::trimmable(const Block& block) const {
  if (block.verdict == Verdict::keep || block.kind == BlockKind::title) return false;
  return count_words(block.text) <= max_words_ && count_chars(block.text) <= max_chars_ && !ends_sentence(block.text);
}

void EdgeTrimStage::run(Document& doc, StageScratch& /*scratch*/) const {
  auto& blocks = doc.blocks;
  for (auto& block : blocks) {
    if (block.dropped()) continue;
    if (!trimmable(block)) break;
    doc.decide(block, Verdict::drop, Decider::edge_trim);
  }
  for (auto it = blocks.rbegin(); it != blocks.rend(); ++it) {
    if (it->dropped()) continue;
    if (!trimmable(*it)) break;
    doc.decide(*it, Verdict::drop, Decider::edge_trim);
  }
}

}  // namespace declutter
