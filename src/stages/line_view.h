#pragma once
// Walks a document's blocks with what the rule matchers need for each: the regex subject,
// its phrase key and its position (share of the document's text before it).
#include "core/document.h"
#include "rules/matcher_set.h"
#include "stages/stage.h"
#include "text/normalize.h"

namespace declutter {

class LineWalker {
 public:
  explicit LineWalker(const Document& doc) {
    for (const auto& block : doc.blocks) total_ += block.text.size();
  }
  // Call once per block, in order.
  LineView view(const Document& doc, std::size_t index, StageScratch& scratch) {
    LineView line = make(doc, index, scratch);
    next_ = index + 1;
    seen_ += doc.blocks[index].text.size();
    return line;
  }
  // The view of a block at or past the next one, for a stage that skips most blocks.
  LineView view_at(const Document& doc, std::size_t index, StageScratch& scratch) {
    for (; next_ < index; ++next_) seen_ += doc.blocks[next_].text.size();
    return make(doc, index, scratch);
  }

 private:
  LineView make(const Document& doc, std::size_t index, StageScratch& scratch) const {
    LineView line;
    KeyCache::Key& key = scratch.keys.key(doc, index);
    line.trimmed = key.subject;
    line.key = key.text;
    line.key_hash = key.hash;
    line.classes_cache = &key.classes;
    line.position = total_ == 0 ? 0.0 : static_cast<double>(seen_) / static_cast<double>(total_);
    return line;
  }

  std::size_t total_ = 0;
  std::size_t seen_ = 0;   // bytes of the blocks before next_
  std::size_t next_ = 0;
};

}  // namespace declutter
