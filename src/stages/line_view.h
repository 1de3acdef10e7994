#pragma once
// Walks a document's blocks with what the rule matchers need for each: the trimmed text,
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
  LineView view(const Block& block, StageScratch& scratch) {
    LineView line;
    line.trimmed = trim_space(block.text);
    phrase_key(line.trimmed, scratch.key);
    line.key = scratch.key;
    line.position = total_ == 0 ? 0.0 : static_cast<double>(seen_) / static_cast<double>(total_);
    seen_ += block.text.size();
    return line;
  }

 private:
  std::size_t total_ = 0;
  std::size_t seen_ = 0;
};

}  // namespace declutter
