#include "stages/stage.h"

#include <cstring>

#include "text/normalize.h"
#include "text/string_map.h"

namespace declutter {

void KeyCache::build(const Document& doc) {
  // One buffer for every key, sized first (a key is never longer than its line) so that it
  // does not move while the views into it are made.
  std::size_t room = kPhraseKeySlack;
  for (const auto& block : doc.blocks) room += block.text.size();
  char* at = arena_.reserve(room);
  char* subject_at = subjects_.reserve(room);
  keys_.clear();
  keys_.reserve(doc.blocks.size());
  for (const auto& block : doc.blocks) {
    const std::string_view text(at, write_phrase_key(block.text, at));
    at += text.size();
    std::string_view subject = trim_space(block.text);
    // The part before the first character to change is copied as it is, not scanned again.
    if (const std::size_t first = find_unplain(subject); first != std::string_view::npos) {
      std::memcpy(subject_at, subject.data(), first);
      const std::size_t size = first + write_plain(subject.substr(first), subject_at + first);
      subject = std::string_view(subject_at, size);
      subject_at += size;
    }
    keys_.push_back(Key{text, hash_string(text), subject, 0});
  }
}

}  // namespace declutter
