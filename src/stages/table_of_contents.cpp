#include "stages/table_of_contents.h"

#include <algorithm>

namespace declutter {

void TableOfContentsStage::run(Document& doc, StageScratch& scratch) const {
  const std::size_t n = doc.blocks.size();
  if (min_entries_ == 0 || n < 2 * min_entries_) return;
  // A line that may be an entry or a heading: undecided, and not blank once normalised.
  const auto line_key = [&](std::size_t i) -> const KeyCache::Key* {
    if (doc.blocks[i].verdict != Verdict::undecided) return nullptr;
    const KeyCache::Key& key = scratch.keys.key(doc, i);
    return key.text.empty() ? nullptr : &key;
  };
  // Counted from the end, a key's position is its last copy: for a line printed twice, the
  // heading its entry points to.
  HashCounter& copies = scratch.line_counts;
  copies.reset(n);
  for (std::size_t i = n; i-- > 0;)
    if (const KeyCache::Key* key = line_key(i)) copies.add(key->hash, static_cast<std::uint32_t>(i));
  // The heading of the entry at block i, or i itself when block i is no entry: a line
  // printed exactly twice, this its first copy. In HTML an entry is a link (to its section):
  // the cells of a comparison table, whose product names come back as the headings of the
  // reviews below, are none.
  const auto heading_of = [&](std::size_t i) -> std::size_t {
    const KeyCache::Key* key = line_key(i);
    if (key == nullptr || copies.count(key->hash) != 2) return i;
    if (!mostly_link_text(doc, i)) return i;
    return copies.position(key->hash);
  };

  // How many undecided lines precede each block, worked out for the first list long enough.
  std::vector<std::uint32_t>& undecided_before = scratch.undecided_before;
  undecided_before.clear();
  const auto undecided_between = [&](std::size_t from, std::size_t to) {
    if (undecided_before.empty()) {
      undecided_before.assign(n + 1, 0);
      for (std::size_t k = 0; k < n; ++k)
        undecided_before[k + 1] = undecided_before[k] + (doc.blocks[k].verdict == Verdict::undecided ? 1 : 0);
    }
    return undecided_before[to] - undecided_before[from + 1];
  };

  // A text page's first line is its title, no entry of a list. The list ends where its
  // entries' copies begin: a first section heading may follow it directly.
  const std::size_t first = doc.format == SourceFormat::text ? 1 : 0;
  for (std::size_t begin = first; begin < n;) {
    std::size_t end = begin;
    while (end < n && heading_of(end) > end) ++end;
    // Each entry's copy lies further down than the one before it, and most of them past a
    // line that is no copy (the section the heading opens; a subheading may follow its
    // heading directly).
    bool in_order = end - begin >= min_entries_;
    std::size_t sections = 0;
    for (std::size_t i = begin, previous = end - 1; i < end && in_order; ++i) {
      const std::size_t heading = heading_of(i);
      in_order = heading > previous;
      if (i > begin && in_order && undecided_between(previous, heading) > 0) ++sections;
      previous = heading;
    }
    if (in_order && 2 * sections >= end - begin - 1)
      for (std::size_t i = begin; i < end; ++i) doc.decide(doc.blocks[i], Verdict::drop, Decider::contents);
    begin = end + 1;
  }
}

}  // namespace declutter
