#include "stages/stage.h"
#include "text/normalize.h"

namespace declutter {

std::string_view KeyCache::key(const Document& doc, std::size_t index) {
  if (ends_.size() != doc.blocks.size()) {
    arena_.clear();
    ends_.clear();
    ends_.reserve(doc.blocks.size());
    for (const auto& block : doc.blocks) {
      append_phrase_key(block.text, arena_);
      ends_.push_back(static_cast<std::uint32_t>(arena_.size()));
    }
  }
  std::size_t begin = index == 0 ? 0 : ends_[index - 1];
  return std::string_view(arena_).substr(begin, ends_[index] - begin);
}

}  // namespace declutter
