#pragma once
// The set-level prefilter for regex rules: from the literal requirement of each regex
// (regex/pattern_analysis.h), one pass over a line tells which regexes may match it, so
// PCRE2 runs only for those. Prefix literals are looked up by walking a trie from the
// line's first byte. Contained literals are found by one pass over the line: a literal of
// four bytes or more is indexed by a hash of its rarest four bytes, in a bit table of 64K
// bits (8 KB) that the pass tests at every position independently of the last, without
// folding (the hash reads every byte with its case bit set); literals of two or three bytes
// are indexed the same way by a byte pair, in a second pass that runs only when a regex
// needing one is still possible; a literal that is one character past ASCII (», ©) is looked
// for as it is instead. The rare hits are verified against the literals. Both read
// the line folded on the fly (no copy): ASCII letters in lower case; a line holding the
// Kelvin sign or the long s (which fold to k and s) makes every regex with contained
// literals a candidate.
#include <array>
#include <cstddef>
#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "regex/byte_classes.h"
#include "regex/pattern_analysis.h"

namespace declutter {

class LiteralScanner {
 public:
  // Regexes are numbered by their place in the requirements; those past this many are
  // always candidates (the mask has no room for them).
  static constexpr std::size_t kMaxRegexes = 256;
  using Mask = std::array<std::uint64_t, kMaxRegexes / 64>;

  LiteralScanner() = default;
  // The requirements are read while the scanner is built, not kept.
  explicit LiteralScanner(std::span<const LiteralRequirement* const> requirements);

  // The regexes (bit i: regex i) among `possible` that may match `subject`: those without
  // a requirement, and those whose requirement the folded subject meets. `classes` are the
  // subject's byte classes (regex/byte_classes.h), which answer for one-byte literals.
  Mask candidates(std::string_view subject, ByteClasses classes, const Mask& possible) const;
  Mask candidates(std::string_view subject, const Mask& possible) const {
    return candidates(subject, byte_classes(subject), possible);
  }

 private:
  // A contained literal, indexed by a 16-bit key of the bytes at `offset` in it.
  struct KeyedLiteral {
    std::uint16_t key = 0;
    std::uint16_t offset = 0;
    std::uint32_t literal = 0;  // index into infixes_
    std::uint32_t regexes = 0;  // index into masks_
    bool operator<(const KeyedLiteral& other) const { return key < other.key; }
  };
  // Literals by key: a bit per key that some literal has, and each key's literals found by
  // the key's rank among the set bits.
  class LiteralIndex {
   public:
    void add(KeyedLiteral literal);
    void finish();  // after the last add
    const std::uint64_t* bits() const { return bits_.data(); }  // 64K bits, once a literal was added
    std::span<const KeyedLiteral> literals_of(std::uint16_t key) const;

   private:
    std::vector<std::uint64_t> bits_;
    std::vector<std::uint16_t> rank_;    // per word of bits_: the set bits before it
    std::vector<std::uint32_t> starts_;  // per distinct key, in order: its first entry; then the end
    std::vector<KeyedLiteral> entries_;  // sorted by key
  };
  // The prefix trie, compact (a rule set's prefixes make thousands of nodes): the root's
  // children by byte, every other node's children as a run of edges sorted by byte.
  struct PrefixNode {
    std::uint32_t first_edge = 0;
    std::uint32_t edge_count = 0;
    std::uint32_t output = 0;  // index into masks_, 0 for none
  };
  struct PrefixEdge {
    unsigned char byte = 0;
    std::uint32_t child = 0;
  };
  // Building: the masks' index in masks_ (adding a new one), the trie of prefix literals,
  // the indexes of contained ones, and where in a literal its rarest bytes stand.
  std::uint32_t mask_index(const Mask& mask, std::map<Mask, std::uint32_t>& index_of_mask);
  void build_prefix_trie(std::span<const LiteralRequirement* const> requirements,
                         std::map<Mask, std::uint32_t>& index_of_mask);
  void index_infixes(std::span<const LiteralRequirement* const> requirements,
                     std::map<Mask, std::uint32_t>& index_of_mask);
  static std::size_t cheapest_window(std::string_view literal, std::size_t width);

  void walk_prefixes(std::string_view subject, Mask& mask) const;
  void scan_infixes(std::string_view subject, ByteClasses classes, const Mask& possible, Mask& mask) const;
  void scan_quads(std::string_view subject, const Mask& possible, Mask& mask) const;
  void scan_pairs(std::string_view subject, const Mask& possible, Mask& mask) const;
  void verify(const LiteralIndex& index, std::uint16_t key, std::size_t at, std::string_view subject,
              const Mask& possible, Mask& mask) const;

  std::array<std::uint32_t, 256> prefix_root_{};  // node per folded first byte, 0 for none
  std::vector<PrefixNode> prefix_nodes_;          // [0] is the root
  std::vector<PrefixEdge> prefix_edges_;

  LiteralIndex quads_;  // literals of four bytes or more, by quad_key of four of their bytes
  LiteralIndex pairs_;  // literals of two or three bytes, by their (folded) rarest byte pair
  std::vector<std::uint64_t> raw_pair_bits_;  // pairs_'s pairs in every case: the scan reads the line unfolded
  std::vector<std::string> infixes_;
  // Contained literals of one byte (a pair index would hit often): an ASCII character is
  // told by the line's byte classes, which a line's rule sets share; other bytes are looked
  // for with memchr.
  struct SingleByte {
    unsigned char byte = 0;
    ByteClasses classes = 0;    // byte_class::of_ascii(byte); 0: look for the byte
    std::uint32_t regexes = 0;  // index into masks_
  };
  std::vector<SingleByte> single_bytes_;
  // Contained literals that are one character past ASCII (», ©), looked for as they are
  // (a byte-pair index would read every line that holds a character past ASCII).
  struct Character {
    std::string bytes;
    std::uint32_t regexes = 0;  // index into masks_
  };
  std::vector<Character> characters_;
  Mask prefix_regexes_{};  // regexes with prefix literals
  Mask infix_regexes_{};   // regexes with contained literals
  Mask quad_regexes_{};    // ... of four bytes or more
  Mask pair_regexes_{};    // ... of two or three bytes

  std::vector<Mask> masks_{Mask{}};
  Mask unfiltered_{};
};

// Regex masks: bit `index` set, and whether any bit is.
inline void set_bit(LiteralScanner::Mask& mask, std::size_t index) { mask[index / 64U] |= 1ULL << (index % 64U); }
// Adds the regexes of `from` to `into`.
inline void merge(LiteralScanner::Mask& into, const LiteralScanner::Mask& from) {
  for (std::size_t i = 0; i < into.size(); ++i) into[i] |= from[i];
}
// Takes the regexes of `ruled_out` from `mask`.
inline void rule_out(LiteralScanner::Mask& mask, const LiteralScanner::Mask& ruled_out) {
  for (std::size_t i = 0; i < mask.size(); ++i) mask[i] &= ~ruled_out[i];
}
inline bool any(const LiteralScanner::Mask& mask) {
  std::uint64_t bits = 0;
  for (const std::uint64_t word : mask) bits |= word;
  return bits != 0;
}

}  // namespace declutter
