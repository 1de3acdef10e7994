#include "stages/stage.h"
#include "text/normalize.h"
#include "text/string_map.h"

namespace declutter {

void KeyCache::build(const Document& doc) {
  arena_.clear();
  ends_.clear();
  ends_.reserve(doc.blocks.size());
  for (const auto& block : doc.blocks) {
    append_phrase_key(block.text, arena_);
    ends_.push_back(static_cast<std::uint32_t>(arena_.size()));
  }
  // Views are made once the arena has stopped growing.
  keys_.clear();
  keys_.reserve(doc.blocks.size());
  const std::string_view all = arena_;
  std::uint32_t begin = 0;
  for (const std::uint32_t end : ends_) {
    const std::string_view text = all.substr(begin, end - begin);
    keys_.push_back(Key{text, hash_string(text)});
    begin = end;
  }
}

}  // namespace declutter
