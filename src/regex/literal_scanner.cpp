#include "regex/literal_scanner.h"

#include <algorithm>
#include <bit>
#include <bitset>
#include <cstring>
#include <deque>
#include <map>
#include <string>
#include <string_view>

namespace declutter {
namespace {

unsigned char fold(unsigned char byte) { return byte >= 'A' && byte <= 'Z' ? static_cast<unsigned char>(byte | 0x20U) : byte; }

void merge(LiteralScanner::Mask& into, const LiteralScanner::Mask& from) {
  for (std::size_t i = 0; i < into.size(); ++i) into[i] |= from[i];
}

bool intersects(const LiteralScanner::Mask& a, const LiteralScanner::Mask& b) {
  std::uint64_t any = 0;
  for (std::size_t i = 0; i < a.size(); ++i) any |= a[i] & b[i];
  return any != 0;
}

// How often a (folded) byte turns up in ordinary text, roughly: white space and the
// commonest letters most, punctuation and rare letters least.
unsigned frequency(unsigned char byte) {
  switch (byte) {
    case ' ': return 12;
    case 'e': return 10;
    case 't': case 'a': return 9;
    case 'o': case 'i': case 'n': case 's': return 8;
    case 'h': case 'r': return 7;
    case 'd': case 'l': return 6;
    case 'u': case 'c': case 'm': return 5;
    case 'w': case 'f': case 'g': case 'y': case 'p': return 4;
    case 'b': case 'v': case 'k': case ',': case '.': return 3;
    default: return 2;
  }
}

std::uint16_t pair_of(unsigned char first, unsigned char second) {
  return static_cast<std::uint16_t>((static_cast<unsigned>(first) << 8U) | second);
}

// Letter pairs common in English, German, French, Spanish and Italian prose: a literal is
// better indexed by a pair not among them ("loading" by "ad", not by "ng").
bool common_pair(unsigned char first, unsigned char second) {
  static constexpr std::string_view kCommon =
      "th he in er an re on at en nd ti es or te of ed is it al ar st to nt ng se ha as ou io le ve co me de "
      "hi ri ro ic ne ea ra ce li ch ll be ma si om ur ei ie ge un au sc da ns zu ta el ue qu la os lo ca di "
      "ll no na tr ol il ni us em ac ad";
  static const std::bitset<65536> table = [] {
    std::bitset<65536> pairs;
    for (std::size_t at = 0; at + 1 < kCommon.size(); at += 3)
      pairs.set(pair_of(static_cast<unsigned char>(kCommon[at]), static_cast<unsigned char>(kCommon[at + 1])));
    return pairs;
  }();
  return table.test(pair_of(first, second));
}

// Lower is rarer in ordinary text.
unsigned pair_cost(unsigned char first, unsigned char second) {
  // A space before or after a letter is as common as words starting or ending with it.
  const bool common = common_pair(first, second) || first == ' ' || second == ' ';
  return frequency(first) * frequency(second) * (common ? 4U : 1U);
}

const std::array<unsigned char, 256> kFold = [] {
  std::array<unsigned char, 256> table{};
  for (unsigned byte = 0; byte < 256; ++byte) table[byte] = fold(static_cast<unsigned char>(byte));
  return table;
}();

}  // namespace

LiteralScanner::LiteralScanner(std::span<const LiteralRequirement> requirements) {
  for (std::size_t i = 0; i < requirements.size() && i < kMaxRegexes; ++i) {
    const LiteralRequirement& requirement = requirements[i];
    if (!requirement.filters()) set_bit(unfiltered_, i);
    if (!requirement.prefixes.empty()) set_bit(prefix_regexes_, i);
    if (!requirement.infixes.empty()) set_bit(infix_regexes_, i);
  }

  // Masks are shared by the literals (and trie nodes) that stand for the same regexes.
  std::map<Mask, std::uint32_t> index_of_mask{{masks_.front(), 0}};
  const auto mask_index = [&](const Mask& mask) {
    const auto [at, added] = index_of_mask.emplace(mask, static_cast<std::uint32_t>(masks_.size()));
    if (added) masks_.push_back(mask);
    return at->second;
  };
  const auto regex_mask = [](std::size_t regex) {
    Mask mask{};
    set_bit(mask, regex);
    return mask;
  };

  if (any(prefix_regexes_)) {
    // Laid out breadth first from the sorted prefixes: a node stands for a range of them
    // sharing `depth` bytes; those exactly that long end there, the rest split by their
    // next byte into the node's children (one run of edges, in byte order).
    struct Prefix {
      std::string_view text;
      std::size_t regex;
      bool operator<(const Prefix& other) const { return text < other.text; }
    };
    std::vector<Prefix> prefixes;
    for (std::size_t i = 0; i < requirements.size() && i < kMaxRegexes; ++i)
      for (const auto& literal : requirements[i].prefixes) prefixes.push_back(Prefix{literal, i});
    std::sort(prefixes.begin(), prefixes.end());
    struct Pending {
      std::size_t begin, end, depth;
    };
    std::deque<Pending> queue{Pending{0, prefixes.size(), 0}};
    prefix_nodes_.emplace_back();
    for (std::uint32_t node = 0; !queue.empty(); ++node) {
      auto [begin, end, depth] = queue.front();
      queue.pop_front();
      Mask ends{};
      for (; begin < end && prefixes[begin].text.size() == depth; ++begin) set_bit(ends, prefixes[begin].regex);
      prefix_nodes_[node].output = any(ends) ? mask_index(ends) : 0;
      prefix_nodes_[node].first_edge = static_cast<std::uint32_t>(prefix_edges_.size());
      while (begin < end) {
        const auto byte = static_cast<unsigned char>(prefixes[begin].text[depth]);
        std::size_t group_end = begin;
        while (group_end < end && static_cast<unsigned char>(prefixes[group_end].text[depth]) == byte) ++group_end;
        const auto child = static_cast<std::uint32_t>(prefix_nodes_.size());
        prefix_nodes_.emplace_back();
        prefix_edges_.push_back(PrefixEdge{byte, child});
        if (node == 0) prefix_root_[byte] = child;
        queue.push_back(Pending{begin, group_end, depth + 1});
        begin = group_end;
      }
      prefix_nodes_[node].edge_count = static_cast<std::uint32_t>(prefix_edges_.size()) - prefix_nodes_[node].first_edge;
    }
  }

  if (any(infix_regexes_)) {
    pair_bits_.assign(65536 / 64, 0);
    raw_pair_bits_.assign(65536 / 64, 0);
    const auto set_pair = [](std::vector<std::uint64_t>& bits, unsigned pair) { bits[pair / 64U] |= 1ULL << (pair % 64U); };
    const auto spellings = [](unsigned char folded) {
      const bool letter = folded >= 'a' && folded <= 'z';
      return std::array<unsigned char, 2>{folded, letter ? static_cast<unsigned char>(folded ^ 0x20U) : folded};
    };
    const auto add_pair = [&](std::uint16_t pair, PairEntry entry) {
      entry.pair = pair;
      pairs_.push_back(entry);
      set_pair(pair_bits_, pair);
      for (const unsigned char first : spellings(static_cast<unsigned char>(pair >> 8U)))
        for (const unsigned char second : spellings(static_cast<unsigned char>(pair & 0xFFU)))
          set_pair(raw_pair_bits_, pair_of(first, second));
    };
    for (std::size_t i = 0; i < requirements.size() && i < kMaxRegexes; ++i) {
      for (const auto& literal : requirements[i].infixes) {
        PairEntry entry;
        entry.literal = static_cast<std::uint32_t>(infixes_.size());
        entry.regexes = mask_index(regex_mask(i));
        infixes_.push_back(literal);
        const auto byte = [&](std::size_t at) { return static_cast<unsigned char>(literal[at]); };
        if (literal.size() == 1) {  // a letter in either case
          single_bytes_.push_back(SingleByte{byte(0), entry.regexes});
          if (byte(0) >= 'a' && byte(0) <= 'z')
            single_bytes_.push_back(SingleByte{static_cast<unsigned char>(byte(0) ^ 0x20U), entry.regexes});
          continue;
        }
        std::size_t best = 0;
        for (std::size_t at = 1; at + 1 < literal.size(); ++at)
          if (pair_cost(byte(at), byte(at + 1)) < pair_cost(byte(best), byte(best + 1))) best = at;
        entry.offset = static_cast<std::uint16_t>(std::min<std::size_t>(best, 0xFFFF));
        if (entry.offset != best) continue;  // beyond any line worth scanning this way
        add_pair(pair_of(byte(best), byte(best + 1)), entry);
      }
    }
    add_pair(pair_of(0xE2, 0x84), PairEntry{});  // the Kelvin sign, when followed by AA
    add_pair(pair_of(0xC5, 0xBF), PairEntry{});  // the long s
    std::stable_sort(pairs_.begin(), pairs_.end());
    // Each distinct pair's entries are found by its rank among the set bits of pair_bits_.
    pair_rank_.assign(pair_bits_.size(), 0);
    std::uint32_t rank = 0;
    for (std::size_t word = 0; word < pair_bits_.size(); ++word) {
      pair_rank_[word] = static_cast<std::uint16_t>(rank);
      rank += static_cast<std::uint32_t>(std::popcount(pair_bits_[word]));
    }
    for (std::size_t i = 0; i < pairs_.size(); ++i)
      if (i == 0 || pairs_[i].pair != pairs_[i - 1].pair) pair_start_.push_back(static_cast<std::uint32_t>(i));
    pair_start_.push_back(static_cast<std::uint32_t>(pairs_.size()));
  }
}

namespace {

// The folded byte at `p` (advanced past it), with the Kelvin sign read as k and the long s as s.
unsigned char read_symbol(const unsigned char*& p, const unsigned char* end) {
  const unsigned char byte = *p++;
  if (byte == 0xE2 && end - p >= 2 && p[0] == 0x84 && p[1] == 0xAA) [[unlikely]] {
    p += 2;
    return 'k';
  }
  if (byte == 0xC5 && end - p >= 1 && p[0] == 0xBF) [[unlikely]] {
    p += 1;
    return 's';
  }
  return kFold[byte];
}

}  // namespace

void LiteralScanner::walk_prefixes(std::string_view subject, Mask& mask) const {
  const auto* p = reinterpret_cast<const unsigned char*>(subject.data());
  const auto* end = p + subject.size();
  if (p == end) return;
  std::uint32_t node = prefix_root_[read_symbol(p, end)];
  while (node != 0) {
    const PrefixNode& here = prefix_nodes_[node];
    if (here.output != 0) merge(mask, masks_[here.output]);
    if (p == end) return;
    const unsigned char symbol = read_symbol(p, end);
    const PrefixEdge* edge = prefix_edges_.data() + here.first_edge;
    const PrefixEdge* last = edge + here.edge_count;
    while (edge != last && edge->byte < symbol) ++edge;
    node = edge != last && edge->byte == symbol ? edge->child : 0;
  }
}

void LiteralScanner::verify_pair(std::uint16_t pair, std::size_t at, std::string_view subject, const Mask& possible,
                                 Mask& mask) const {
  const std::uint64_t below = pair_bits_[pair / 64U] & ((1ULL << (pair % 64U)) - 1U);
  const std::size_t bucket = pair_rank_[pair / 64U] + static_cast<std::size_t>(std::popcount(below));
  const PairEntry* first = pairs_.data() + pair_start_[bucket];
  const PairEntry* last = pairs_.data() + pair_start_[bucket + 1];
  for (const PairEntry* entry = first; entry != last; ++entry) {
    if (entry->regexes == 0) {
      // E2 84 AA (Kelvin) or C5 BF (long s): literals spelt with k or s could hide here.
      if (pair == pair_of(0xC5, 0xBF) || (at + 2 < subject.size() && static_cast<unsigned char>(subject[at + 2]) == 0xAA))
        merge(mask, infix_regexes_);
      continue;
    }
    // The line's gates may have ruled out every regex of this literal already.
    if (at < entry->offset || !intersects(masks_[entry->regexes], possible)) continue;
    const std::string& literal = infixes_[entry->literal];
    const std::size_t start = at - entry->offset;
    if (start + literal.size() > subject.size()) continue;
    bool equal = true;
    for (std::size_t i = 0; i < literal.size() && equal; ++i)
      equal = kFold[static_cast<unsigned char>(subject[start + i])] == static_cast<unsigned char>(literal[i]);
    if (equal) merge(mask, masks_[entry->regexes]);
  }
}

void LiteralScanner::scan_infixes(std::string_view subject, const Mask& possible, Mask& mask) const {
  const auto* bytes = reinterpret_cast<const unsigned char*>(subject.data());
  const std::size_t size = subject.size();
  if (size == 0) return;
  for (const SingleByte& single : single_bytes_) {
    const Mask& regexes = masks_[single.regexes];
    if (intersects(regexes, possible) && std::memchr(bytes, single.byte, size) != nullptr) merge(mask, regexes);
  }
  // Every literal indexed here is at least two bytes long, so its pair ends inside the line.
  // Four positions are tested at once, with one branch: hits are rare.
  const std::uint64_t* bits = raw_pair_bits_.data();
  const auto hit = [&](std::size_t at) -> unsigned {
    const unsigned pair = (static_cast<unsigned>(bytes[at]) << 8U) | bytes[at + 1];
    return (bits[pair / 64U] >> (pair % 64U)) & 1U;
  };
  const auto verify_from = [&](std::size_t at, std::size_t end) {
    for (; at < end; ++at)
      if (hit(at) != 0) verify_pair(pair_of(kFold[bytes[at]], kFold[bytes[at + 1]]), at, subject, possible, mask);
  };
  const std::size_t pairs = size - 1;
  std::size_t at = 0;
  for (; at + 4 <= pairs; at += 4)
    if ((hit(at) | hit(at + 1) | hit(at + 2) | hit(at + 3)) != 0) [[unlikely]] verify_from(at, at + 4);
  verify_from(at, pairs);
}

LiteralScanner::Mask LiteralScanner::candidates(std::string_view subject, const Mask& possible) const {
  Mask mask = unfiltered_;
  if (!prefix_nodes_.empty() && intersects(prefix_regexes_, possible)) walk_prefixes(subject, mask);
  if (!pair_bits_.empty() && intersects(infix_regexes_, possible)) scan_infixes(subject, possible, mask);
  for (std::size_t i = 0; i < mask.size(); ++i) mask[i] &= possible[i];
  return mask;
}

}  // namespace declutter
