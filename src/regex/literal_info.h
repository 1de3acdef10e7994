#pragma once
// The algebra behind a regex's literal requirement (regex/pattern_analysis.h): what the
// analysis knows about the text one part of a pattern matches, and how those facts combine
// through concatenation, alternation and repetition. In the spirit of RE2's prefilter:
// small finite languages are kept exactly (as sets of folded strings) and turned into a
// necessary condition, one of a few literals, once they grow or the syntax goes beyond them.
//
// Strings are folded (ASCII letters in lower case); the analysis produces them so.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace declutter::literals {

using StringSet = std::vector<std::string>;  // sorted, no duplicates

// Bounds that keep the analysis small: a set that would grow past them is given up.
inline constexpr std::size_t kMaxStrings = 256;
inline constexpr std::size_t kMaxRepeat = 4;   // x{n} with an exact x is spelt out up to this n

enum class Anchor : std::uint8_t {
  match_start,  // at the start of this part's match (relative: its context decides)
  line_start,   // at the start of the subject
  anywhere,
};

struct Atom {
  std::string text;
  Anchor anchor = Anchor::anywhere;
  bool operator==(const Atom&) const = default;
  auto operator<=>(const Atom&) const = default;
};

// A necessary condition: every match has one of the atoms in its place. No atoms: nothing
// is known (every subject passes).
struct Condition {
  std::vector<Atom> atoms;
  bool known() const { return !atoms.empty(); }
};

// What is known about the text one part of a pattern matches.
struct Info {
  std::optional<StringSet> exact;   // the whole language, when finite and small
  std::optional<StringSet> prefix;  // every match begins with one of these
  Condition condition;              // atoms relative to this part's match (or absolute)
  bool anchored = false;            // every match begins at the subject's start
  bool zero_width = false;          // an assertion: consumes nothing

  static Info literal(std::string text);   // one exactly known string
  static Info one_of(StringSet strings);   // one character of a small class, e.g.
  static Info assertion(bool anchors);     // ^ and \A anchor; \b, $, lookaround do not
};

// The concatenation of items, left to right.
class SequenceBuilder {
 public:
  void add(const Info& item);
  Info finish();

 private:
  void consider(Condition condition);
  void consider_run();

  StringSet run_{std::string()};    // the exact items since the last inexact one, joined
  bool run_at_start_ = true;        // the run begins where the sequence's match begins
  std::optional<StringSet> exact_{StringSet{std::string()}};
  std::optional<StringSet> prefix_{StringSet{std::string()}};
  bool prefix_open_ = true;         // every item so far was exact: the prefix may grow
  bool consumed_ = false;           // a consuming item was seen
  bool anchored_ = false;
  Condition best_;
};

// Matches one of the branches.
Info alternation(const std::vector<Info>& branches);
// `item` repeated min..max times (max SIZE_MAX: unbounded).
Info repeat(const Info& item, std::size_t min, std::size_t max);
// Higher is a more selective condition (longer literals, anchored ones count extra).
long selectivity(const Condition& condition);

}  // namespace declutter::literals
