#pragma once
// A hash map from byte strings to values for the hot lookups (stopwords, phrase rules):
// open addressing with linear probing, at most half full, keys stored back to back in one
// buffer, a 64-bit hash per slot so that a probe compares bytes only on a real hit. A
// lookup allocates nothing and a key longer than every stored key returns at once.
#include <algorithm>
#include <cstdint>
#include <cstring>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

namespace declutter {

// The 64-bit hash StringMap files its keys under: one multiply per eight bytes. Exposed so
// that a key looked up in many maps (a line's phrase key) is hashed once.
inline std::uint64_t hash_string(std::string_view bytes) {
  const auto mix = [](std::uint64_t x) {
    x *= 0xFF51AFD7ED558CCDULL;
    return x ^ (x >> 32U);
  };
  std::uint64_t hash = 0x9E3779B97F4A7C15ULL ^ bytes.size();
  std::size_t i = 0;
  for (; i + 8 <= bytes.size(); i += 8) {
    std::uint64_t chunk = 0;
    std::memcpy(&chunk, bytes.data() + i, 8);
    hash = mix(hash ^ chunk);
  }
  if (i < bytes.size() && bytes.size() >= 8) {
    // The tail as the top bytes of the last eight, shifted down: the same value the
    // byte-by-byte loop below builds, in one load.
    std::uint64_t last = 0;
    std::memcpy(&last, bytes.data() + bytes.size() - 8, 8);
    return mix(hash ^ (last >> (8 * (8 - (bytes.size() - i)))));
  }
  if (i < bytes.size()) {  // a short key's bytes, one by one: no library call for a short word
    std::uint64_t chunk = 0;
    for (unsigned shift = 0; i < bytes.size(); ++i, shift += 8)
      chunk |= std::uint64_t{static_cast<unsigned char>(bytes[i])} << shift;
    hash = mix(hash ^ chunk);
  }
  return hash;
}

template <typename Value>
class StringMap {
 public:
  // The value stored under `key`, or null.
  const Value* find(std::string_view key) const {
    if (key.size() > max_key_size_ || values_.empty()) return nullptr;
    return find_hashed(key, hash_bytes(key));
  }
  // The same, for a caller that already has hash_bytes(key): one line's key is looked up
  // in several tables, hashed once.
  const Value* find(std::string_view key, std::uint64_t hash) const {
    if (key.size() > max_key_size_ || values_.empty()) return nullptr;
    return find_hashed(key, hash);
  }

  // The value under `key`, inserted as Value{} when absent.
  Value& operator[](std::string_view key) {
    const std::uint64_t hash = hash_bytes(key);
    for (std::size_t i = hash & slot_mask_;; i = (i + 1) & slot_mask_) {
      Slot& slot = slots_[i];
      if (slot.value == kEmpty) {
        slot = Slot{hash, static_cast<std::uint32_t>(keys_.size()), static_cast<std::uint32_t>(key.size()),
                    static_cast<std::uint32_t>(values_.size())};
        keys_.append(key);
        values_.emplace_back();
        max_key_size_ = std::max(max_key_size_, key.size());
        Value& inserted = values_.back();
        if (2 * values_.size() > slots_.size()) grow();
        return inserted;
      }
      if (slot.hash == hash && same_key(slot, key)) return values_[slot.value];
    }
  }

  std::size_t size() const { return values_.size(); }
  // The longest key, in bytes.
  std::size_t max_key_size() const { return max_key_size_; }

  static std::uint64_t hash_bytes(std::string_view bytes) { return hash_string(bytes); }

 private:
  static constexpr std::uint32_t kEmpty = std::numeric_limits<std::uint32_t>::max();
  struct Slot {
    std::uint64_t hash = 0;
    std::uint32_t offset = 0;  // into keys_
    std::uint32_t length = 0;
    std::uint32_t value = kEmpty;  // index into values_
  };

  const Value* find_hashed(std::string_view key, std::uint64_t hash) const {
    for (std::size_t i = hash & slot_mask_;; i = (i + 1) & slot_mask_) {
      const Slot& slot = slots_[i];
      if (slot.value == kEmpty) return nullptr;
      if (slot.hash == hash && same_key(slot, key)) return &values_[slot.value];
    }
  }
  bool same_key(const Slot& slot, std::string_view key) const {
    if (slot.length != key.size()) return false;
    const char* stored = keys_.data() + slot.offset;
    for (std::size_t i = 0; i < key.size(); ++i)
      if (stored[i] != key[i]) return false;
    return true;
  }

  void grow() {
    std::vector<Slot> old(slots_.size() * 2);
    old.swap(slots_);
    slot_mask_ = slots_.size() - 1;
    for (const Slot& slot : old) {
      if (slot.value == kEmpty) continue;
      std::size_t i = slot.hash & slot_mask_;
      while (slots_[i].value != kEmpty) i = (i + 1) & slot_mask_;
      slots_[i] = slot;
    }
  }

  std::string keys_;
  std::vector<Value> values_;
  std::vector<Slot> slots_ = std::vector<Slot>(16);
  std::size_t slot_mask_ = 15;
  std::size_t max_key_size_ = 0;
};

}  // namespace declutter
