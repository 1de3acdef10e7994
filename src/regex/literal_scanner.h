#pragma once
// The set-level prefilter for regex rules: from the literal requirement of each regex
// (regex/pattern_analysis.h), one pass over a line tells which regexes may match it, so
// PCRE2 runs only for those. Prefix literals are looked up by walking a trie from the
// line's first byte; contained literals by one Aho-Corasick automaton over the line. Both
// read the line folded on the fly (no copy): ASCII letters in lower case, the Kelvin sign
// as k and the long s as s.
#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "regex/pattern_analysis.h"

namespace declutter {

class LiteralScanner {
 public:
  // Regexes are numbered by their place in the requirements; those past this many are
  // always candidates (the mask has no room for them).
  static constexpr std::size_t kMaxRegexes = 256;
  using Mask = std::array<std::uint64_t, kMaxRegexes / 64>;

  LiteralScanner() = default;
  explicit LiteralScanner(std::span<const LiteralRequirement> requirements);

  // The regexes (bit i: regex i) that may match `subject`: those without a requirement,
  // and those whose requirement the folded subject meets.
  Mask candidates(std::string_view subject) const;

 private:
  // A deterministic automaton over symbol classes: next[state * classes + class].
  struct Automaton {
    std::vector<std::uint32_t> next;
    std::vector<std::uint32_t> output;  // per state: index into masks_, 0 for none
  };
  static constexpr std::uint32_t kOutputFlag = 0x8000'0000U;  // in `next`: the target has output
  static constexpr std::uint16_t kFoldable = 0x100;           // in class_of_: may start a folded sequence

  std::uint32_t read_class(const unsigned char*& p, const unsigned char* end) const;
  void walk_prefixes(std::string_view subject, Mask& mask) const;
  void scan_infixes(std::string_view subject, Mask& mask) const;

  std::array<std::uint16_t, 256> class_of_{};  // byte -> class of its folded form (0: in no literal)
  std::uint32_t classes_ = 1;
  Automaton prefixes_;  // a trie: 0 in `next` means no way on (the root is never a target)
  Automaton infixes_;   // Aho-Corasick, failure links resolved into `next`
  std::vector<Mask> masks_{Mask{}};
  Mask unfiltered_{};
};

}  // namespace declutter
