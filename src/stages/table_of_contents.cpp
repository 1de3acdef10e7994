#include "stages/table_of_contents.h"

#include <algorithm>

#include "text/normalize.h"

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
  HashCounter& counts = scratch.line_copies;
  counts.reset(n);
  for (std::size_t i = 0; i < n; ++i)
    if (const KeyCache::Key* key = line_key(i)) counts.add(key->hash);
  const auto printed_twice = [&](std::size_t i) {
    const KeyCache::Key* key = line_key(i);
    return key != nullptr && counts.count(key->hash) == 2;
  };
  // In HTML an entry is a link (to its section): the cells of a comparison table, whose
  // product names come back as the headings of the reviews below, are none.
  const auto entry = [&](std::size_t i) {
    return printed_twice(i) &&
           (doc.elements.empty() || 2 * doc.elements[i].link_chars >= count_chars(doc.blocks[i].text));
  };
  // Most pages have no min_entries entries in a row: nothing more to do.
  std::size_t longest = 0;
  for (std::size_t i = 0, row = 0; i < n && longest < min_entries_; ++i) {
    row = entry(i) ? row + 1 : 0;
    longest = std::max(longest, row);
  }
  if (longest < min_entries_) return;

  // Where each line printed twice has its other copy, and how many undecided lines precede
  // each block (so that what lies between two headings is counted at once).
  auto& copies = scratch.copy_positions;
  copies.clear();
  auto& undecided_before = scratch.undecided_before;
  undecided_before.assign(n + 1, 0);
  for (std::size_t i = 0; i < n; ++i) {
    undecided_before[i + 1] = undecided_before[i] + (doc.blocks[i].verdict == Verdict::undecided ? 1 : 0);
    if (printed_twice(i)) copies.emplace_back(line_key(i)->hash, i);
  }
  std::sort(copies.begin(), copies.end());
  const auto other_copy = [&](std::size_t i) {
    const auto first = std::lower_bound(copies.begin(), copies.end(), std::make_pair(line_key(i)->hash, std::size_t{0}));
    return first->second == i ? std::next(first)->second : first->second;
  };
  const auto undecided_between = [&](std::size_t from, std::size_t to) {
    return undecided_before[to] - undecided_before[from + 1];
  };

  // A text page's first line is its title, no entry of a list. The list ends where its
  // entries' copies begin: a first section heading may follow it directly.
  const std::size_t first = doc.format == SourceFormat::text ? 1 : 0;
  for (std::size_t begin = first; begin < n;) {
    std::size_t end = begin;
    while (end < n && entry(end) && other_copy(end) > end) ++end;
    // Each entry's copy lies further down than the one before it, and most of them past a
    // line that is no copy (the section the heading opens; a subheading may follow its
    // heading directly).
    bool in_order = end - begin >= min_entries_;
    std::size_t sections = 0;
    for (std::size_t i = begin, previous = end - 1; i < end && in_order; ++i) {
      const std::size_t heading = other_copy(i);
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
