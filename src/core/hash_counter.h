#pragma once
// Counts how often each 64-bit hash occurs in one document (repeated lines for the scorer,
// repeated phrase keys for dedupe). Open addressing in one flat array that keeps its
// capacity from document to document: no allocation per key, as a node-based
// std::unordered_map would make, and none per document once the largest has been seen.
#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace declutter {

class HashCounter {
 public:
  // Forgets every count; room for `keys` distinct keys with the table at most half full.
  void reset(std::size_t keys) {
    const std::size_t slots = std::bit_ceil(std::max<std::size_t>(16, 2 * keys));
    slots_.assign(slots, Slot{});
    shift_ = 64 - static_cast<unsigned>(std::countr_zero(slots));
    size_ = 0;
    capacity_ = keys;
  }

  // Counts one more `key` and returns its count so far (1 the first time). More distinct
  // keys than reset() made room for double the table. `position` is kept with the key the
  // first time it is added (where it was first seen, for a caller that walks a document).
  std::uint32_t add(std::uint64_t key, std::uint32_t position = 0) {
    Slot& slot = slots_[index_of(key)];
    if (slot.count == 0) {
      slot.key = key;
      slot.position = position;
      if (++size_ > capacity_) {
        ++slot.count;
        grow();
        return 1;
      }
    }
    return ++slot.count;
  }

  // How often `key` was added.
  std::uint32_t count(std::uint64_t key) const { return slots_[index_of(key)].count; }
  // The position `key` was first added with (0 if it never was).
  std::uint32_t position(std::uint64_t key) const { return slots_[index_of(key)].position; }

 private:
  struct Slot {
    std::uint64_t key = 0;
    std::uint32_t count = 0;     // 0: empty
    std::uint32_t position = 0;  // fills what would be padding: a slot stays 16 bytes
  };

  // The slot holding `key`, or the empty one where it would go.
  std::size_t index_of(std::uint64_t key) const {
    const std::size_t mask = slots_.size() - 1;
    // The multiply spreads keys that differ only in their low bits over the whole table.
    for (std::size_t i = (key * 0x9E3779B97F4A7C15ULL) >> shift_;; i = (i + 1) & mask)
      if (slots_[i].count == 0 || slots_[i].key == key) return i;
  }

  void grow() {
    std::vector<Slot> old;
    old.swap(slots_);
    reset(2 * capacity_);
    for (const Slot& slot : old) {
      if (slot.count == 0) continue;
      slots_[index_of(slot.key)] = slot;
      ++size_;
    }
  }

  std::vector<Slot> slots_ = std::vector<Slot>(16);
  unsigned shift_ = 60;
  std::size_t size_ = 0;
  std::size_t capacity_ = 8;
};

}  // namespace declutter
