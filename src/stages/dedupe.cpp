#include "stages/dedupe.h"

#include <cstdint>
#include <optional>

namespace declutter {

void DedupeStage::run(Document& doc, StageScratch& scratch) const {
  // 64-bit hashes of the keys seen: no per-line allocation, and a collision between two
  // different lines of one document is vanishingly unlikely.
  HashCounter& seen = scratch.line_counts;
  HashCounter& seen_protected = scratch.seen_protected_keys;
  seen.reset(doc.blocks.size());
  bool any_protected = false;  // most pages have no protected line: no second reset
  // A scraped text page opens with its <title>, which the page prints again as the headline
  // where the article begins. That later copy stays, in place, and the title line goes: kept
  // first, the title would stand far above an article that follows the site's menus, and
  // the scorer, which keeps the headline with its article, would drop it with the menus.
  std::optional<std::uint64_t> title_key;
  for (std::size_t i = 0; i < doc.blocks.size(); ++i) {
    Block& block = doc.blocks[i];
    if (block.dropped()) continue;
    const KeyCache::Key& key = scratch.keys.key(doc, i);
    if (key.text.size() < min_chars_) continue;
    if (i == 0 && doc.format == SourceFormat::text && block.verdict == Verdict::undecided &&
        key.text.size() <= title_max_chars_) {
      title_key = key.hash;
      continue;
    }
    if (title_key == key.hash) {
      doc.decide(doc.blocks[0], Verdict::drop, Decider::dedupe);
      title_key.reset();
    }
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
