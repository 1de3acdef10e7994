#pragma once
// A prefilter for regex rules: a few bytes of which every match must contain at least one,
// read from the pattern's syntax. A subject containing none of them cannot match, and a
// memchr per byte is far cheaper than running the matcher over a long line that only
// fails after backtracking (`^.{0,200}\s[\/|]...` needs a '/' or a '|').
//
// The analysis is deliberately conservative: it only trusts items it fully understands
// (literal characters and bracket classes of literal characters, outside any alternation
// and under a quantifier of at least one) and gives up on anything else, so an empty
// result only means "no prefilter", never "no match".
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace declutter {

struct RequiredBytes {
  static constexpr std::size_t kMax = 4;
  unsigned char bytes[kMax] = {};
  std::size_t count = 0;  // 0: no prefilter

  // Whether `subject` contains one of the bytes (always true without a prefilter).
  bool admits(std::string_view subject) const;
};

// Case is ignored throughout (both cases of ASCII letters are required-or; a non-ASCII letter
// gives no requirement), so the result holds with or without (?i). `extended` patterns get none.
RequiredBytes required_bytes(std::string_view pattern, bool extended);

// The bytes a non-empty match can start with (bit b of word b / 64), read the same
// conservative way; nothing when unknown. Meaningful for an anchored pattern, whose match
// starts at the subject's first byte; assertions (^, \b, lookaround) are looked through.
using FirstByteSet = std::array<std::uint64_t, 4>;
std::optional<FirstByteSet> first_bytes(std::string_view pattern, bool extended);

// The literal text a line must hold for a regex to match it, for a prefilter that asks one
// automaton about many regexes at once (regex/literal_scanner.h). Literals are folded:
// ASCII letters in lower case, and a line is folded the same way before it is compared,
// with the Kelvin sign and the long s (the only non-ASCII characters that match an ASCII
// letter caselessly) read as k and s. Other characters keep their bytes; in caseless
// patterns, characters that have another case end a literal (their other case is spelt
// with other bytes) unless they are known to have none (caseless_safe).
//
// Conservative like the rest: a line the regex matches always passes; when the syntax goes
// beyond what the analysis understands, there is no requirement at all.
struct LiteralRequirement {
  std::vector<std::string> prefixes;  // the folded line starts with one of these...
  std::vector<std::string> infixes;   // ... or contains one of these
  // False: no requirement, every line may match.
  bool filters() const { return !prefixes.empty() || !infixes.empty(); }
};
LiteralRequirement literal_requirement(std::string_view pattern, bool caseless, bool extended);

// Whether a non-ASCII character is one the analysis knows to have no other case.
bool caseless_safe(char32_t c);

}  // namespace declutter
