#pragma once
// Within one parsed document, an element or attribute name's pointer identifies the name
// (libxml2 interns names in the document's dictionary, and no string is freed while the
// tree lives), so a small direct-mapped cache keyed by the pointer saves a string hash
// per element. Clear it for every new document.
#include <libxml/tree.h>

#include <array>
#include <cstddef>
#include <cstdint>

namespace declutter {

template <typename Value>
class NameCache {
 public:
  void clear() { keys_.fill(nullptr); }

  template <typename Lookup>
  Value get(const xmlChar* name, Lookup&& lookup) {
    const std::size_t slot = (reinterpret_cast<std::uintptr_t>(name) >> 3) % kSlots;
    if (keys_[slot] != name || name == nullptr) {
      keys_[slot] = name;
      values_[slot] = lookup();
    }
    return values_[slot];
  }

 private:
  static constexpr std::size_t kSlots = 128;
  std::array<const xmlChar*, kSlots> keys_{};
  std::array<Value, kSlots> values_{};
};

}  // namespace declutter
