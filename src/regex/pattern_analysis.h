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
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "regex/byte_classes.h"

namespace declutter {

struct RequiredBytes {
  static constexpr std::size_t kMax = 4;
  unsigned char bytes[kMax] = {};
  std::size_t count = 0;  // 0: no prefilter

  // Whether `subject` contains one of the bytes (always true without a prefilter).
  bool admits(std::string_view subject) const;
  bool operator==(const RequiredBytes&) const = default;
};

// Case is ignored throughout (both cases of ASCII letters are required-or; a non-ASCII letter
// gives no requirement), so the result holds with or without (?i). `extended` patterns get none.
RequiredBytes required_bytes(std::string_view pattern, bool extended);

// The bytes a non-empty match can start with (bit b of word b / 64), read the same
// conservative way; nothing when unknown. Meaningful for an anchored pattern, whose match
// starts at the subject's first byte; assertions (^, \b, lookaround) are looked through.
using FirstByteSet = std::array<std::uint64_t, 4>;
std::optional<FirstByteSet> first_bytes(std::string_view pattern, bool extended);

// Limits on the subjects a pattern can match, read the same conservative way (nothing is
// concluded, and every subject passes, when the syntax goes beyond the analysis):
// - max_bytes: a match pinned to both ends (`^...$`, or a lookahead like `^(?=.{0,80}$)`)
//   spans at most this many bytes, counting every character that is not an ASCII literal as
//   4 bytes (its other case may be spelt longer) and caseless k and s as 3 (the Kelvin sign);
//   `$` may stand before a final newline, so one byte more.
// - needs: byte classes (regex/byte_classes.h) the subject must contain, each of them: what
//   every match contains, and a lookaround's text (it is in the subject too). An alternation
//   needs what all its branches need.
// - any_of: rarer classes (not letters, not the space) of which the subject holds at least
//   one: a bracket class's (`[\/|]`), or one class or set standing for each branch of an
//   alternation that needs one.
// - branch_needs: for an alternation of up to 8 branches that each need some classes, those
//   of each branch (`\bcc by|public domain`: c, b, y and the space, or p, u, b, l, ...); the
//   subject holds all of one branch's.
// - last_bytes: the bytes the subject can end with, when every match ends at a `$` after a
//   known last character (`(getty images|reuters)$`: s, S, the long s's BF, or a newline);
//   no empty subject matches then. All bytes when unknown.
// Case is ignored (letters are read caseless), so they hold with or without (?i).
// Sets of classes of which a subject holds every class of at least one (none: no condition).
struct ClassChoice {
  std::array<ByteClasses, 8> sets{};
  std::size_t count = 0;
  bool admits(ByteClasses classes) const {
    for (std::size_t i = 0; i < count; ++i)
      if ((classes & sets[i]) == sets[i]) return true;
    return count == 0;
  }
  bool operator==(const ClassChoice&) const = default;
};

struct SubjectLimits {
  std::size_t max_bytes = std::numeric_limits<std::size_t>::max();
  ByteClasses needs = 0;
  ByteClasses any_of = 0;  // 0, or classes of which the subject holds at least one
  ClassChoice branch_needs;  // what one of the branches of an alternation needs
  std::array<std::uint64_t, 4> last_bytes{~0ULL, ~0ULL, ~0ULL, ~0ULL};

  bool may_end_with(unsigned char byte) const { return ((last_bytes[byte / 64U] >> (byte % 64U)) & 1U) != 0; }
  bool may_be_empty() const { return last_bytes == SubjectLimits{}.last_bytes; }
  // Whether `subject`, of these byte classes (byte_classes()), may match.
  bool admits(std::string_view subject, ByteClasses classes) const {
    if (subject.empty() ? !may_be_empty() : !may_end_with(static_cast<unsigned char>(subject.back()))) return false;
    return subject.size() <= max_bytes && (classes & needs) == needs && (any_of == 0 || (classes & any_of) != 0) &&
           branch_needs.admits(classes);
  }
  bool operator==(const SubjectLimits&) const = default;
};
SubjectLimits subject_limits(std::string_view pattern, bool extended);

// The three above from one reading of the pattern, for a caller that wants them all.
struct PatternShape {
  RequiredBytes required;
  std::optional<FirstByteSet> first;
  SubjectLimits limits;
  bool operator==(const PatternShape&) const = default;
};
PatternShape pattern_shape(std::string_view pattern, bool extended);

// The literal text a line must hold for a regex to match it, for a prefilter that asks one
// automaton about many regexes at once (regex/literal_scanner.h). Literals are folded:
// ASCII letters in lower case, and a line is folded the same way before it is compared,
// with the Kelvin sign and the long s (the only non-ASCII characters that match an ASCII
// letter caselessly) read as k and s. Other characters keep their bytes; in caseless
// patterns, characters that have another case end a literal (their other case is spelt
// with other bytes) unless they are known to have none (caseless_safe).
//
// Conservative like the rest: a line the regex matches always passes; when the syntax goes
// beyond what the analysis understands, there is no requirement at all. Prefix literals are
// cut to kMaxPrefixBytes (a weaker requirement, still a sound one). Every start builds a
// trie of them: at 16 bytes the common rules' prefixes made 13,303 nodes, a tenth of a
// one-page run. At 10 a one-page run costs 8% fewer instructions and 3 MB of text 0.3% more
// per byte (more lines reach PCRE2); at 8, 10% fewer and 1.1% more (callgrind, 2026-12-07).
inline constexpr std::size_t kMaxPrefixBytes = 10;

struct LiteralRequirement {
  std::vector<std::string> prefixes;  // the folded line starts with one of these...
  std::vector<std::string> infixes;   // ... or contains one of these
  // False: no requirement, every line may match.
  bool filters() const { return !prefixes.empty() || !infixes.empty(); }
  bool operator==(const LiteralRequirement&) const = default;
};
LiteralRequirement literal_requirement(std::string_view pattern, bool caseless, bool extended);

// Whether a non-ASCII character is one the analysis knows to have no other case.
bool caseless_safe(char32_t c);
// The one other case of a Latin-1 letter that has exactly one (é: É), which caseless
// literals are spelt both ways with; nothing for every other character.
std::optional<char32_t> latin1_other_case(char32_t c);

}  // namespace declutter
