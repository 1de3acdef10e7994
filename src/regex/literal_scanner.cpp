#include "regex/literal_scanner.h"

#include <deque>
#include <string>

namespace declutter {
namespace {

unsigned char fold(unsigned char byte) { return byte >= 'A' && byte <= 'Z' ? static_cast<unsigned char>(byte | 0x20U) : byte; }

void set_bit(LiteralScanner::Mask& mask, std::size_t index) { mask[index / 64U] |= 1ULL << (index % 64U); }

void merge(LiteralScanner::Mask& into, const LiteralScanner::Mask& from) {
  for (std::size_t i = 0; i < into.size(); ++i) into[i] |= from[i];
}

// A trie of literals over symbol classes, with the regexes each literal stands for.
struct Trie {
  explicit Trie(std::uint32_t class_count) : classes(class_count) { add_node(); }
  std::uint32_t classes;
  std::vector<std::int32_t> child;  // node * classes + class; -1: none
  std::vector<LiteralScanner::Mask> ends;
  std::vector<bool> has_end;

  std::uint32_t add_node() {
    child.resize(child.size() + classes, -1);
    ends.emplace_back();
    has_end.push_back(false);
    return static_cast<std::uint32_t>(ends.size() - 1);
  }
  void insert(const std::string& literal, const std::array<std::uint16_t, 256>& class_of, std::size_t regex) {
    std::uint32_t node = 0;
    for (const char c : literal) {
      const std::size_t slot = node * classes + class_of[static_cast<unsigned char>(c)];
      if (child[slot] < 0) {
        const std::uint32_t created = add_node();  // resizes `child`: index it afresh
        child[slot] = static_cast<std::int32_t>(created);
      }
      node = static_cast<std::uint32_t>(child[slot]);
    }
    set_bit(ends[node], regex);
    has_end[node] = true;
  }
  std::size_t size() const { return ends.size(); }
};

}  // namespace

LiteralScanner::LiteralScanner(std::span<const LiteralRequirement> requirements) {
  // Symbol classes: one per distinct byte of any literal, 0 for every other byte.
  std::array<bool, 256> used{};
  bool any_prefix = false;
  bool any_infix = false;
  for (std::size_t i = 0; i < requirements.size() && i < kMaxRegexes; ++i) {
    const LiteralRequirement& requirement = requirements[i];
    if (!requirement.filters()) {
      set_bit(unfiltered_, i);
      continue;
    }
    for (const auto& literal : requirement.prefixes) {
      any_prefix = true;
      for (const char c : literal) used[static_cast<unsigned char>(c)] = true;
    }
    for (const auto& literal : requirement.infixes) {
      any_infix = true;
      for (const char c : literal) used[static_cast<unsigned char>(c)] = true;
    }
  }
  std::array<std::uint16_t, 256> folded_class{};
  for (unsigned byte = 0; byte < 256; ++byte)
    if (used[byte]) folded_class[byte] = static_cast<std::uint16_t>(classes_++);
  for (unsigned byte = 0; byte < 256; ++byte) class_of_[byte] = folded_class[fold(static_cast<unsigned char>(byte))];
  class_of_[0xE2] |= kFoldable;  // the Kelvin sign, E2 84 AA
  class_of_[0xC5] |= kFoldable;  // the long s, C5 BF

  Trie prefix_trie(classes_);
  Trie infix_trie(classes_);
  for (std::size_t i = 0; i < requirements.size() && i < kMaxRegexes; ++i) {
    for (const auto& literal : requirements[i].prefixes) prefix_trie.insert(literal, folded_class, i);
    for (const auto& literal : requirements[i].infixes) infix_trie.insert(literal, folded_class, i);
  }
  const auto output_of = [&](const Trie& trie, std::uint32_t node) -> std::uint32_t {
    if (!trie.has_end[node]) return 0;
    masks_.push_back(trie.ends[node]);
    return static_cast<std::uint32_t>(masks_.size() - 1);
  };

  if (any_prefix) {
    prefixes_.next.assign(prefix_trie.size() * classes_, 0);
    prefixes_.output.assign(prefix_trie.size(), 0);
    for (std::uint32_t node = 0; node < prefix_trie.size(); ++node) {
      prefixes_.output[node] = output_of(prefix_trie, node);
      for (std::uint32_t cls = 0; cls < classes_; ++cls) {
        const std::int32_t child = prefix_trie.child[node * classes_ + cls];
        if (child > 0) prefixes_.next[node * classes_ + cls] = static_cast<std::uint32_t>(child);
      }
    }
  }

  if (any_infix) {
    // Aho-Corasick: breadth first, each node's failure link is the longest proper suffix of
    // its text that is also in the trie; outputs accumulate along the links.
    const std::size_t states = infix_trie.size();
    std::vector<std::uint32_t> failure(states, 0);
    std::vector<std::uint32_t> next(states * classes_, 0);
    std::deque<std::uint32_t> queue;
    for (std::uint32_t cls = 0; cls < classes_; ++cls) {
      const std::int32_t child = infix_trie.child[cls];
      if (child > 0) {
        next[cls] = static_cast<std::uint32_t>(child);
        queue.push_back(static_cast<std::uint32_t>(child));
      }
    }
    while (!queue.empty()) {
      const std::uint32_t node = queue.front();
      queue.pop_front();
      const std::uint32_t link = failure[node];
      if (infix_trie.has_end[link]) {
        merge(infix_trie.ends[node], infix_trie.ends[link]);
        infix_trie.has_end[node] = true;
      }
      for (std::uint32_t cls = 0; cls < classes_; ++cls) {
        const std::int32_t child = infix_trie.child[node * classes_ + cls];
        if (child > 0) {
          failure[static_cast<std::uint32_t>(child)] = next[link * classes_ + cls];
          next[node * classes_ + cls] = static_cast<std::uint32_t>(child);
          queue.push_back(static_cast<std::uint32_t>(child));
        } else {
          next[node * classes_ + cls] = next[link * classes_ + cls];
        }
      }
    }
    infixes_.output.assign(states, 0);
    for (std::uint32_t node = 0; node < states; ++node) infixes_.output[node] = output_of(infix_trie, node);
    infixes_.next.resize(next.size());
    for (std::size_t i = 0; i < next.size(); ++i)
      infixes_.next[i] = next[i] | (infixes_.output[next[i]] != 0 ? kOutputFlag : 0U);
  }
}

std::uint32_t LiteralScanner::read_class(const unsigned char*& p, const unsigned char* end) const {
  const unsigned byte = *p++;
  const std::uint32_t cls = class_of_[byte];
  if ((cls & kFoldable) == 0) [[likely]]
    return cls;
  if (byte == 0xE2 && end - p >= 2 && p[0] == 0x84 && p[1] == 0xAA) {
    p += 2;
    return class_of_['k'];
  }
  if (byte == 0xC5 && end - p >= 1 && p[0] == 0xBF) {
    p += 1;
    return class_of_['s'];
  }
  return cls & ~std::uint32_t{kFoldable};
}

void LiteralScanner::walk_prefixes(std::string_view subject, Mask& mask) const {
  const auto* p = reinterpret_cast<const unsigned char*>(subject.data());
  const auto* end = p + subject.size();
  std::uint32_t node = 0;
  while (p < end) {
    node = prefixes_.next[node * classes_ + read_class(p, end)];
    if (node == 0) return;
    if (prefixes_.output[node] != 0) merge(mask, masks_[prefixes_.output[node]]);
  }
}

void LiteralScanner::scan_infixes(std::string_view subject, Mask& mask) const {
  const auto* p = reinterpret_cast<const unsigned char*>(subject.data());
  const auto* end = p + subject.size();
  std::uint32_t state = 0;
  while (p < end) {
    const std::uint32_t target = infixes_.next[state * classes_ + read_class(p, end)];
    state = target & ~kOutputFlag;
    if ((target & kOutputFlag) != 0) [[unlikely]]
      merge(mask, masks_[infixes_.output[state]]);
  }
}

LiteralScanner::Mask LiteralScanner::candidates(std::string_view subject) const {
  Mask mask = unfiltered_;
  if (!prefixes_.next.empty()) walk_prefixes(subject, mask);
  if (!infixes_.next.empty()) scan_infixes(subject, mask);
  return mask;
}

}  // namespace declutter
