#pragma once
// The compiled matchers of one action (all drop rules, all keep rules, ...). Phrases are
// looked up in a hash table keyed by the normalised line, prefixes and suffixes by one
// hash probe per distinct length, and only real regexes run a matcher per line: those a
// literal prefilter (regex/literal_scanner.h) leaves as candidates for it.
#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "regex/byte_classes.h"
#include "regex/literal_scanner.h"
#include "regex/pcre.h"
#include "rules/rule.h"
#include "text/string_map.h"

namespace declutter {

struct LineView {
  std::string_view trimmed;   // the line without surrounding white space, inner spaces plain (regexes see this)
  std::string_view key;       // its phrase key (phrase/starts/ends/contains see this)
  std::uint64_t key_hash = 0; // hash_string(key): each phrase table probes with it
  double position = 0.0;      // share of the document's text before this line, for after=/before=

  // Where the byte classes of `trimmed` are kept once worked out (0 until then), so that
  // the rule sets of every stage looking at this line share them; null: in the view itself.
  ByteClasses* classes_cache = nullptr;

  // The byte classes of `trimmed` (regex/byte_classes.h), worked out on first use.
  ByteClasses classes() const {
    ByteClasses& slot = classes_cache != nullptr ? *classes_cache : own_classes_;
    if (slot == 0) slot = byte_classes(trimmed) | byte_class::kComputed;
    return slot;
  }

 private:
  mutable ByteClasses own_classes_ = 0;
};

// Compiled regexes by rule, so that the pipelines of many publishers share the common
// set's compiled (and JIT-compiled) patterns instead of compiling them once each.
class RegexCache {
 public:
  const Regex* get(const Rule& rule);

 private:
  std::unordered_map<const Rule*, Regex> compiled_;
};

class MatcherSet {
 public:
  MatcherSet() = default;
  MatcherSet(std::span<const Rule* const> rules, RegexCache& cache);

  bool empty() const { return count_ == 0; }
  // The first rule (phrases, then prefixes/suffixes/substrings, then regexes in file order)
  // that matches and whose position guard admits the line; null when none does.
  const Rule* find(const LineView& line, MatchScratch& scratch) const;

 private:
  using PhraseTable = StringMap<std::vector<const Rule*>>;
  struct ByLength {
    std::vector<std::size_t> lengths;   // distinct phrase lengths, so one probe per length
    PhraseTable table;
    // The four bytes a phrase of four bytes or more starts with (prefixes) or ends with
    // (suffixes): a line whose key's four are none of them needs no probe of those lengths.
    std::vector<std::uint32_t> edges;   // sorted
    std::vector<std::size_t> short_lengths;  // the lengths under four bytes, probed always
  };
  struct CompiledRegex {
    Regex regex;
    const Rule* rule;
  };

  static void add(ByLength& index, const Rule* rule, bool prefix);
  static const Rule* probe(const PhraseTable& table, std::string_view key, std::uint64_t hash, const LineView& line);
  const Rule* probe_without_colon(const LineView& line) const;
  const Rule* find_affix(const ByLength& index, const LineView& line, bool prefix) const;

  PhraseTable phrases_;
  ByLength starts_;
  ByLength ends_;
  std::vector<const Rule*> contains_;
  // Tries one regex (position guard, quick test, then the matcher); true when it matches.
  static bool regex_matches(const CompiledRegex& compiled, const LineView& line, MatchScratch& scratch);
  // The same match, timed into scratch.costs (--profile).
  static MatchOutcome timed_match(const CompiledRegex& compiled, const LineView& line, MatchScratch& scratch);

  std::vector<CompiledRegex> regexes_;
  LiteralScanner prefilter_;  // which of regexes_ may match a line, from their literal text
  // For each first byte of a line, the regexes that may match a line starting with it
  // (Regex::may_start_with); [256] holds them all, for an empty line.
  std::vector<LiteralScanner::Mask> possible_by_first_byte_;
  // For each first byte, whether no rule of the set can match a line starting with it: the
  // set is regexes alone (a keep set, say), none may start with it. One lookup then spares
  // most lines the set's gates.
  std::array<bool, 257> nothing_starts_with_{};
  // The same by the last byte (SubjectLimits::last_bytes; [256]: those an empty line may match).
  std::vector<LiteralScanner::Mask> possible_by_last_byte_;
  // Which regexes a line's length and byte classes rule out (Regex::limits): for each
  // distinct length bound, ascending, those whose bound is below it; and those that need a
  // class the line lacks, looked up four classes at a time, for each group of four that
  // some regex needs.
  struct LengthGate {
    std::size_t max_bytes;
    LiteralScanner::Mask ruled_out;  // for a line longer than the previous bound, up to this one
  };
  std::vector<LengthGate> length_gates_;
  LiteralScanner::Mask bounded_{};  // ruled out for a line longer than every bound
  struct ClassGate {
    unsigned shift;                                  // the group: classes shift .. shift + 3
    std::array<LiteralScanner::Mask, 16> ruled_out;  // by which of them the line lacks
  };
  std::vector<ClassGate> class_gates_;
  struct AnyOfGate {
    ByteClasses any_of;              // a line with none of these classes ...
    LiteralScanner::Mask ruled_out;  // ... rules these out
  };
  std::vector<AnyOfGate> any_of_gates_;
  // The regexes the line's first byte, length and byte classes leave possible.
  LiteralScanner::Mask possible(const LineView& line) const;
  std::size_t count_ = 0;
  // The widest position guard of the set: a line outside it can match none of its rules
  // (a cut set of `after=30%` rules skips the first third of a page).
  double min_after_ = 1.0;
  double max_before_ = 0.0;
};

// Whether a rule's after=/before= guard admits a line at `position`.
inline bool position_admits(const Rule& rule, double position) {
  return position >= rule.after && position < rule.before + 1e-9;
}

// Reports, once per rule, that a regex gave up at its match limit (on stderr).
void report_regex_limit(const Rule& rule);

}  // namespace declutter
