#include "stages/dedupe.h"

namespace declutter {

void DedupeStage::run(Document& doc, StageScratch& scratch) const {
  // 64-bit hashes of the keys seen: no per-line allocation, and a collision between two
  // different lines of one document is vanishingly unlikely.
  HashCounter& seen = scratch.seen_keys;
  seen.reset(doc.blocks.size());
  for (std::size_t i = 0; i < doc.blocks.size(); ++i) {
    Block& block = doc.blocks[i];
    if (block.dropped()) continue;
    const KeyCache::Key& key = scratch.keys.key(doc, i);
    if (key.text.size() < min_chars_) continue;
    if (seen.add(key.hash) > 1) doc.decide(block, Verdict::drop, Decider::dedupe);
  }
}

}  // namespace declutter
