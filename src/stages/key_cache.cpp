#include "stages/stage.h"
#include "text/normalize.h"
#include "text/string_map.h"

namespace declutter {

void KeyCache::build(const Document& doc) {
  // One buffer for every key, sized once: a key is never longer than its line.
  std::size_t room = kPhraseKeySlack;
  for (const auto& block : doc.blocks) room += block.text.size();
  if (arena_.size() < room) arena_.resize(room);
  ends_.clear();
  ends_.reserve(doc.blocks.size());
  std::size_t end = 0;
  for (const auto& block : doc.blocks) {
    end += write_phrase_key(block.text, arena_.data() + end);
    ends_.push_back(static_cast<std::uint32_t>(end));
  }
  // Views are made once the arena is written.
  keys_.clear();
  keys_.reserve(doc.blocks.size());
  const std::string_view all = arena_;
  std::uint32_t begin = 0;
  for (const std::uint32_t key_end : ends_) {
    const std::string_view text = all.substr(begin, key_end - begin);
    keys_.push_back(Key{text, hash_string(text)});
    begin = key_end;
  }
}

}  // namespace declutter
