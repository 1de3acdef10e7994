#include "stages/dedupe.h"

#include <functional>

#include "text/normalize.h"

namespace declutter {

void DedupeStage::run(Document& doc, StageScratch& scratch) const {
  // 64-bit hashes of the keys seen: no per-line allocation, and a collision between two
  // different lines of one document is vanishingly unlikely.
  auto& seen = scratch.seen_hashes;
  seen.clear();
  for (auto& block : doc.blocks) {
    if (block.dropped()) continue;
    phrase_key(block.text, scratch.key);
    if (scratch.key.size() < min_chars_) continue;
    std::size_t hash = std::hash<std::string_view>{}(scratch.key);
    if (!seen.insert(hash).second) doc.decide(block, Verdict::drop, Decider::dedupe);
  }
}

}  // namespace declutter
