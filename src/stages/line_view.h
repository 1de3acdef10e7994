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
    const Block& block = doc.blocks[index];
    LineView line;
    KeyCache::Key& key = scratch.keys.key(doc, index);
    line.trimmed = key.subject;
    line.key = key.text;
    line.key_hash = key.hash;
    line.classes_cache = &key.classes;
    line.position = total_ == 0 ? 0.0 : static_cast<double>(seen_) / static_cast<double>(total_);
    seen_ += block.text.size();
    return line;
  }

 private:
  std::size_t total_ = 0;
  std::size_t seen_ = 0;
};

}  // namespace declutter
