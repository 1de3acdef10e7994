#include "stages/dedupe.h"

namespace declutter {

void DedupeStage::run(Document& doc, StageScratch& scratch) const {
  // 64-bit hashes of the keys seen: no per-line allocation, and a collision between two
  // different lines of one document is vanishingly unlikely.
  HashCounter& seen = scratch.seen_keys;
  HashCounter& seen_protected = scratch.seen_protected_keys;
  seen.reset(doc.blocks.size());
  bool any_protected = false;  // most pages have no protected line: no second reset
  for (std::size_t i = 0; i < doc.blocks.size(); ++i) {
    Block& block = doc.blocks[i];
    if (block.dropped()) continue;
    const KeyCache::Key& key = scratch.keys.key(doc, i);
    if (key.text.size() < min_chars_) continue;
    const bool repeat = seen.add(key.hash) > 1;
    // A keep or html-keep rule protects a line from being taken for chrome, not its second
    // copy from dedupe: the repeat of a line such a rule also protected goes (an ingredient
    // list printed twice). A protected line that only repeats an unprotected one stays, since
    // the scorer may yet drop the first.
    if (block.verdict == Verdict::keep) {
      if (!any_protected) seen_protected.reset(doc.blocks.size());
      any_protected = true;
      if (seen_protected.add(key.hash) > 1) doc.drop_protected_repeat(block);
    } else if (repeat) {
      doc.decide(block, Verdict::drop, Decider::dedupe);
    }
  }
}

}  // namespace declutter
