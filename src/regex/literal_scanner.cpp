#include "regex/literal_scanner.h"

#include <algorithm>
#include <bit>
#include <cstring>
#include <deque>
#include <map>
#include <string>
#include <string_view>

#include "text/ascii.h"
#include "text/unicode.h"

namespace declutter {
namespace {

// A literal that is one character of two to four bytes (», ©). Bytes past ASCII are
// matched as they are, so the line must hold exactly these bytes.
bool is_one_character_past_ascii(std::string_view literal) {
  if (literal.size() < 2 || static_cast<unsigned char>(literal[0]) < 0xC0) return false;
  const unicode::CodePoint c = unicode::decode(literal, 0);
  return c.valid && c.length == literal.size();
}

bool intersects(const LiteralScanner::Mask& a, const LiteralScanner::Mask& b) {
  std::uint64_t any = 0;
  for (std::size_t i = 0; i < a.size(); ++i) any |= a[i] & b[i];
  return any != 0;
}

// How often a (folded) byte turns up in ordinary text, roughly: white space and the
// commonest letters most, punctuation and rare letters least.
constexpr unsigned frequency_of(unsigned char byte) {
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
// The same as a table: every literal's windows are priced at every start.
constexpr std::array<unsigned char, 256> kFrequency = [] {
  std::array<unsigned char, 256> table{};
  for (unsigned byte = 0; byte < 256; ++byte)
    table[byte] = static_cast<unsigned char>(frequency_of(static_cast<unsigned char>(byte)));
  return table;
}();
unsigned frequency(unsigned char byte) { return kFrequency[byte]; }

std::uint16_t pair_of(unsigned char first, unsigned char second) {
  return static_cast<std::uint16_t>((static_cast<unsigned>(first) << 8U) | second);
}

// Letter pairs common in English, German, French, Spanish and Italian prose: a literal is
// better indexed by a pair not among them ("loading" by "ad", not by "ng"). Per first
// letter, a bit per second letter.
constexpr std::array<std::uint32_t, 26> kCommonPairs = [] {
  constexpr std::string_view kCommon =
      "th he in er an re on at en nd ti es or te of ed is it al ar st to nt ng se ha as ou io le ve co me de "
      "hi ri ro ic ne ea ra ce li ch ll be ma si om ur ei ie ge un au sc da ns zu ta el ue qu la os lo ca di "
      "ll no na tr ol il ni us em ac ad";
  std::array<std::uint32_t, 26> pairs{};
  for (std::size_t at = 0; at + 1 < kCommon.size(); at += 3)
    pairs[static_cast<std::size_t>(kCommon[at] - 'a')] |= 1U << static_cast<unsigned>(kCommon[at + 1] - 'a');
  return pairs;
}();

bool common_pair(unsigned char first, unsigned char second) {
  const auto letter = [](unsigned char byte) { return byte >= 'a' && byte <= 'z'; };
  return letter(first) && letter(second) && ((kCommonPairs[first - 'a'] >> (second - 'a')) & 1U) != 0;
}

// Lower is rarer in ordinary text.
unsigned pair_cost(unsigned char first, unsigned char second) {
  // A space before or after a letter is as common as words starting or ending with it.
  const bool common = common_pair(first, second) || first == ' ' || second == ' ';
  return frequency(first) * frequency(second) * (common ? 4U : 1U);
}

const std::array<unsigned char, 256> kFold = [] {
  std::array<unsigned char, 256> table{};
  for (unsigned byte = 0; byte < 256; ++byte) table[byte] = ascii_lower(static_cast<unsigned char>(byte));
  return table;
}();

void set_pair(std::vector<std::uint64_t>& bits, unsigned pair) { bits[pair / 64U] |= 1ULL << (pair % 64U); }

std::uint32_t load32(const char* at) {
  std::uint32_t word = 0;
  std::memcpy(&word, at, 4);
  return word;
}

// The key of four bytes at a position: a multiplicative hash, read with every byte's 0x20
// bit set, so that the bytes of a literal (folded) and of a line (not) agree in either case.
// Bytes that differ in that bit alone ('[' and '{', 0x84 and 0xA4) share keys: hits the
// verification turns away.
std::uint16_t quad_key(std::uint32_t window) {
  return static_cast<std::uint16_t>(((window | 0x20202020U) * 0x9E3779B1U) >> 16U);
}

// Whether `subject` holds the Kelvin sign (E2 84 AA) or the long s (C5 BF), which a caseless
// PCRE2 matches as k and s: a contained literal could be spelt with them anywhere.
bool spells_k_or_s_otherwise(std::string_view subject) {
  const auto find = [&](unsigned char byte, std::size_t from) {
    const void* at = std::memchr(subject.data() + from, byte, subject.size() - from);
    return at == nullptr ? std::string_view::npos : static_cast<std::size_t>(static_cast<const char*>(at) - subject.data());
  };
  const auto at = [&](std::size_t pos) { return static_cast<unsigned char>(subject[pos]); };
  for (std::size_t pos = find(0xBF, 0); pos != std::string_view::npos; pos = find(0xBF, pos + 1))
    if (pos >= 1 && at(pos - 1) == 0xC5) return true;
  for (std::size_t pos = find(0x84, 0); pos != std::string_view::npos; pos = find(0x84, pos + 1))
    if (pos >= 1 && pos + 1 < subject.size() && at(pos - 1) == 0xE2 && at(pos + 1) == 0xAA) return true;
  return false;
}

}  // namespace

LiteralScanner::LiteralScanner(std::span<const LiteralRequirement* const> requirements) {
  for (std::size_t i = 0; i < requirements.size() && i < kMaxRegexes; ++i) {
    const LiteralRequirement& requirement = *requirements[i];
    if (!requirement.filters()) set_bit(unfiltered_, i);
    if (!requirement.prefixes.empty()) set_bit(prefix_regexes_, i);
    if (!requirement.infixes.empty()) set_bit(infix_regexes_, i);
  }
  // Masks are shared by the literals (and trie nodes) that stand for the same regexes.
  std::map<Mask, std::uint32_t> index_of_mask{{masks_.front(), 0}};
  if (any(prefix_regexes_)) build_prefix_trie(requirements, index_of_mask);
  if (any(infix_regexes_)) index_infixes(requirements, index_of_mask);
}

std::uint32_t LiteralScanner::mask_index(const Mask& mask, std::map<Mask, std::uint32_t>& index_of_mask) {
  const auto [at, added] = index_of_mask.emplace(mask, static_cast<std::uint32_t>(masks_.size()));
  if (added) masks_.push_back(mask);
  return at->second;
}

void LiteralScanner::build_prefix_trie(std::span<const LiteralRequirement* const> requirements,
                                       std::map<Mask, std::uint32_t>& index_of_mask) {
  // Laid out breadth first from the sorted prefixes: a node stands for a range of them
  // sharing `depth` bytes; those exactly that long end there, the rest split by their
  // next byte into the node's children (one run of edges, in byte order). They are
  // sorted by their first sixteen bytes packed big-endian into two words (NUL-padded),
  // then as strings: the order of comparing the strings, at a fraction of the cost
  // (thousands of prefixes are sorted on every start).
  struct Prefix {
    std::uint64_t head = 0;
    std::uint64_t next = 0;
    std::string_view text;
    std::size_t regex = 0;
    bool operator<(const Prefix& other) const {
      if (head != other.head) return head < other.head;
      if (next != other.next) return next < other.next;
      return text < other.text;  // the same sixteen bytes, or the same up to padding NULs
    }
  };
  const auto packed = [](std::string_view text, std::size_t from) {
    std::uint64_t word = 0;
    for (std::size_t k = 0; k < 8; ++k)
      word = (word << 8U) | (from + k < text.size() ? static_cast<unsigned char>(text[from + k]) : 0U);
    return word;
  };
  std::vector<Prefix> prefixes;
  for (std::size_t i = 0; i < requirements.size() && i < kMaxRegexes; ++i)
    for (const auto& literal : requirements[i]->prefixes)
      prefixes.push_back(Prefix{packed(literal, 0), packed(literal, 8), literal, i});
  std::sort(prefixes.begin(), prefixes.end());
  // A node per distinct prefix of a prefix, so at most one per byte: room for them all at
  // once (thousands of nodes; doubling moved them again and again, and touched twice the pages).
  std::size_t bytes = 0;
  for (const Prefix& prefix : prefixes) bytes += prefix.text.size();
  prefix_nodes_.reserve(bytes + 1);
  prefix_edges_.reserve(bytes);
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
    prefix_nodes_[node].output = any(ends) ? mask_index(ends, index_of_mask) : 0;
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

// The window of `width` bytes whose pairs cost least, each pair's cost worked out once and
// the window's sum slid along. Within the offsets a KeyedLiteral holds: a literal is never
// left out of the index.
std::size_t LiteralScanner::cheapest_window(std::string_view literal, std::size_t width) {
  const auto byte = [&](std::size_t at) { return static_cast<unsigned char>(literal[at]); };
  const std::size_t pairs_per_window = width - 1;
  const std::size_t last_start = std::min<std::size_t>(literal.size() - width, 0xFFFF);
  std::array<unsigned, 3> window{};  // the pair costs of the current window, cyclically
  unsigned here = 0;
  for (std::size_t k = 0; k < pairs_per_window; ++k) here += window[k] = pair_cost(byte(k), byte(k + 1));
  std::size_t best = 0;
  unsigned best_cost = here;
  for (std::size_t at = 1; at <= last_start; ++at) {
    const std::size_t slot = (at - 1) % pairs_per_window;
    const std::size_t last = at + pairs_per_window - 1;
    here -= window[slot];
    here += window[slot] = pair_cost(byte(last), byte(last + 1));
    if (here < best_cost) {
      best = at;
      best_cost = here;
    }
  }
  return best;
}

void LiteralScanner::index_infixes(std::span<const LiteralRequirement* const> requirements,
                                   std::map<Mask, std::uint32_t>& index_of_mask) {
  raw_pair_bits_.assign(65536 / 64, 0);
  const auto spellings = [](unsigned char folded) {
    const bool letter = folded >= 'a' && folded <= 'z';
    return std::array<unsigned char, 2>{folded, letter ? static_cast<unsigned char>(folded ^ 0x20U) : folded};
  };
  for (std::size_t i = 0; i < requirements.size() && i < kMaxRegexes; ++i) {
    for (const auto& literal : requirements[i]->infixes) {
      KeyedLiteral entry;
      entry.literal = static_cast<std::uint32_t>(infixes_.size());
      Mask only_this{};
      set_bit(only_this, i);
      entry.regexes = mask_index(only_this, index_of_mask);
      infixes_.push_back(literal);
      const auto byte = [&](std::size_t at) { return static_cast<unsigned char>(literal[at]); };
      if (literal.size() == 1) {  // a letter's class holds both cases
        single_bytes_.push_back(SingleByte{byte(0), byte_class::of_ascii(byte(0)), entry.regexes});
        continue;
      }
      if (is_one_character_past_ascii(literal)) {
        characters_.push_back(Character{literal, entry.regexes});
        continue;
      }
      const std::size_t width = literal.size() >= 4 ? 4 : 2;
      const std::size_t best = cheapest_window(literal, width);
      entry.offset = static_cast<std::uint16_t>(best);
      if (width == 4) {
        entry.key = quad_key(load32(literal.data() + best));
        quads_.add(entry);
        set_bit(quad_regexes_, i);
      } else {
        entry.key = pair_of(byte(best), byte(best + 1));
        pairs_.add(entry);
        set_bit(pair_regexes_, i);
        for (const unsigned char first : spellings(byte(best)))
          for (const unsigned char second : spellings(byte(best + 1)))
            set_pair(raw_pair_bits_, pair_of(first, second));
      }
    }
  }
  quads_.finish();
  pairs_.finish();
}

void LiteralScanner::LiteralIndex::add(KeyedLiteral literal) {
  if (bits_.empty()) bits_.assign(65536 / 64, 0);
  set_pair(bits_, literal.key);
  entries_.push_back(literal);
}

void LiteralScanner::LiteralIndex::finish() {
  std::stable_sort(entries_.begin(), entries_.end());
  rank_.assign(bits_.size(), 0);
  std::uint32_t rank = 0;
  for (std::size_t word = 0; word < bits_.size(); ++word) {
    rank_[word] = static_cast<std::uint16_t>(rank);
    rank += static_cast<std::uint32_t>(std::popcount(bits_[word]));
  }
  starts_.clear();
  for (std::size_t i = 0; i < entries_.size(); ++i)
    if (i == 0 || entries_[i].key != entries_[i - 1].key) starts_.push_back(static_cast<std::uint32_t>(i));
  starts_.push_back(static_cast<std::uint32_t>(entries_.size()));
}

std::span<const LiteralScanner::KeyedLiteral> LiteralScanner::LiteralIndex::literals_of(std::uint16_t key) const {
  const std::uint64_t below = bits_[key / 64U] & ((1ULL << (key % 64U)) - 1U);
  const std::size_t bucket = rank_[key / 64U] + static_cast<std::size_t>(std::popcount(below));
  return std::span(entries_).subspan(starts_[bucket], starts_[bucket + 1] - starts_[bucket]);
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

void LiteralScanner::verify(const LiteralIndex& index, std::uint16_t key, std::size_t at, std::string_view subject,
                            const Mask& possible, Mask& mask) const {
  for (const KeyedLiteral& entry : index.literals_of(key)) {
    // The line's gates may have ruled out every regex of this literal already.
    if (at < entry.offset || !intersects(masks_[entry.regexes], possible)) continue;
    const std::string& literal = infixes_[entry.literal];
    const std::size_t start = at - entry.offset;
    if (start + literal.size() > subject.size()) continue;
    bool equal = true;
    for (std::size_t i = 0; i < literal.size() && equal; ++i)
      equal = kFold[static_cast<unsigned char>(subject[start + i])] == static_cast<unsigned char>(literal[i]);
    if (equal) merge(mask, masks_[entry.regexes]);
  }
}

void LiteralScanner::scan_quads(std::string_view subject, const Mask& possible, Mask& mask) const {
  const std::size_t size = subject.size();
  if (size < 4) return;
  const char* const bytes = subject.data();
  const std::uint64_t* const bits = quads_.bits();
  const auto hit = [bits](std::uint32_t window) -> unsigned {
    const unsigned key = quad_key(window);
    return (bits[key / 64U] >> (key % 64U)) & 1U;
  };
  const auto verify_from = [&](std::size_t at, std::size_t end) {
    for (; at < end; ++at) {
      const std::uint32_t window = load32(bytes + at);
      if (hit(window) != 0) verify(quads_, quad_key(window), at, subject, possible, mask);
    }
  };
  // Four windows from one eight-byte load, tested with one branch: hits are rare.
  std::size_t at = 0;
  for (; at + 8 <= size; at += 4) {
    std::uint64_t chunk = 0;
    std::memcpy(&chunk, bytes + at, 8);
    const auto window = [chunk](unsigned shift) { return static_cast<std::uint32_t>(chunk >> shift); };
    if ((hit(window(0)) | hit(window(8)) | hit(window(16)) | hit(window(24))) != 0) [[unlikely]]
      verify_from(at, at + 4);
  }
  verify_from(at, size - 3);
}

void LiteralScanner::scan_pairs(std::string_view subject, const Mask& possible, Mask& mask) const {
  const auto* bytes = reinterpret_cast<const unsigned char*>(subject.data());
  const std::size_t size = subject.size();
  if (size < 2) return;
  const std::uint64_t* bits = raw_pair_bits_.data();
  const auto hit = [&](std::size_t at) -> unsigned {
    const unsigned pair = (static_cast<unsigned>(bytes[at]) << 8U) | bytes[at + 1];
    return (bits[pair / 64U] >> (pair % 64U)) & 1U;
  };
  const auto verify_from = [&](std::size_t at, std::size_t end) {
    for (; at < end; ++at)
      if (hit(at) != 0) verify(pairs_, pair_of(kFold[bytes[at]], kFold[bytes[at + 1]]), at, subject, possible, mask);
  };
  const std::size_t pairs = size - 1;
  std::size_t at = 0;
  for (; at + 4 <= pairs; at += 4)
    if ((hit(at) | hit(at + 1) | hit(at + 2) | hit(at + 3)) != 0) [[unlikely]] verify_from(at, at + 4);
  verify_from(at, pairs);
}

void LiteralScanner::scan_infixes(std::string_view subject, ByteClasses classes, const Mask& possible,
                                  Mask& mask) const {
  const auto* bytes = reinterpret_cast<const unsigned char*>(subject.data());
  const std::size_t size = subject.size();
  if (size == 0) return;
  for (const SingleByte& single : single_bytes_) {
    const Mask& regexes = masks_[single.regexes];
    const bool present = single.classes != 0 ? (classes & single.classes) != 0
                                             : std::memchr(bytes, single.byte, size) != nullptr;
    if (present && intersects(regexes, possible)) merge(mask, regexes);
  }
  // Characters past ASCII, and the Kelvin sign and long s, are looked for only in a line that
  // has such bytes, which its byte classes tell without another pass over it.
  if ((classes & byte_class::kNonAscii) != 0) {
    for (const Character& character : characters_) {
      const Mask& regexes = masks_[character.regexes];
      if (intersects(regexes, possible) && subject.find(character.bytes) != std::string_view::npos) merge(mask, regexes);
    }
    if (spells_k_or_s_otherwise(subject)) [[unlikely]] {
      merge(mask, infix_regexes_);
      return;
    }
  }
  if (intersects(quad_regexes_, possible)) scan_quads(subject, possible, mask);
  if (intersects(pair_regexes_, possible)) scan_pairs(subject, possible, mask);
}

LiteralScanner::Mask LiteralScanner::candidates(std::string_view subject, ByteClasses classes,
                                                const Mask& possible) const {
  Mask mask = unfiltered_;
  if (!prefix_nodes_.empty() && intersects(prefix_regexes_, possible)) walk_prefixes(subject, mask);
  if (intersects(infix_regexes_, possible)) scan_infixes(subject, classes, possible, mask);
  for (std::size_t i = 0; i < mask.size(); ++i) mask[i] &= possible[i];
  return mask;
}

}  // namespace declutter
