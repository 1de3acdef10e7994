#pragma once
// PCRE2 behind RAII. A Regex compiles once (UTF + UCP; the built-in rules' patterns were
// compiled at build time, regex/built_in_regexes.h) and is then shared across threads.
// Its first matches are interpreted, and only a regex that keeps being tried is JIT-compiled
// (into a copy of its code, so that threads still interpreting the original never race the
// compiler): most rules run a few times on a page, and JIT-compiling each on its first
// match was a fifth of a one-page run. MatchScratch is the per-thread match data with the
// match and depth limits that bound catastrophic backtracking.
#include <array>
#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#ifndef PCRE2_CODE_UNIT_WIDTH
#define PCRE2_CODE_UNIT_WIDTH 8
#endif
#include <pcre2.h>

#include "regex/pattern_analysis.h"

namespace declutter {

struct RegexError {
  std::size_t offset = 0;   // byte offset into the pattern
  std::string message;
};

struct RegexFlags {
  bool caseless = false;
  bool extended = false;
  bool dotall = false;
};

enum class MatchOutcome { no_match, match, limit_exceeded };

class CostCounter;

class MatchScratch {
 public:
  MatchScratch();
  pcre2_match_data* data() const { return data_.get(); }
  pcre2_match_context* context() const { return context_.get(); }

  // --profile: where this thread times its regex rules' matches and its pipeline's steps
  // (core/cost_profile.h); null when nothing is timed.
  CostCounter* costs = nullptr;

 private:
  struct DataFree { void operator()(pcre2_match_data* p) const { pcre2_match_data_free(p); } };
  struct ContextFree { void operator()(pcre2_match_context* p) const { pcre2_match_context_free(p); } };
  std::unique_ptr<pcre2_match_data, DataFree> data_;
  std::unique_ptr<pcre2_match_context, ContextFree> context_;
};

class Regex {
 public:
  // Returns the compiled pattern, or fills `error` and returns nothing.
  static std::optional<Regex> compile(std::string_view pattern, RegexFlags flags, RegexError& error);
  // Whether the pattern compiles (a rule-file check): the same errors as compile() gives,
  // without the analysis a matcher needs (and without compiling a built-in rule's pattern).
  static bool valid(std::string_view pattern, RegexFlags flags, RegexError& error);
  // Whether the pattern is anchored or starts with a known character, so PCRE2 can skip
  // ahead instead of trying every start position (the rule linter warns when not); true for
  // a pattern that does not compile (the parser reports those). Compiles without the
  // analysis a matcher needs.
  static bool has_literal_start(std::string_view pattern, RegexFlags flags);

  MatchOutcome match(std::string_view subject, MatchScratch& scratch) const;
  // Where the last successful match() with this scratch began and ended.
  static std::pair<std::size_t, std::size_t> span(const MatchScratch& scratch);
  const std::string& pattern() const { return pattern_; }

  // A quick test that rules a subject out without running the matcher: false when it is
  // shorter than any match, starts with a byte no match of an anchored pattern starts
  // with, or lacks every byte of the pattern's required_bytes (regex/pattern_analysis.h).
  bool may_match(std::string_view subject) const {
    if (subject.size() < min_length_) return false;
    if (!subject.empty() && !may_start_with(static_cast<unsigned char>(subject.front()))) return false;
    return required_.admits(subject);
  }
  // The parts of that test: the minimum length in characters (PCRE2's), and whether an
  // anchored pattern's match may start with `byte` (always true when unknown).
  std::size_t min_length() const { return min_length_; }
  bool may_start_with(unsigned char byte) const { return ((first_bytes_[byte / 64U] >> (byte % 64U)) & 1U) != 0; }

  // The literal text a line must hold for this pattern to match (regex/pattern_analysis.h).
  const LiteralRequirement& literals() const { return *literals_; }
  // How long a subject it can match may be, and which byte classes it must hold.
  const SubjectLimits& limits() const { return limits_; }

  // Whether matches run JIT-compiled code by now: after its first matches, or at once for a
  // long subject (code_for_match). False throughout where PCRE2 has no JIT.
  bool jit_compiled() const;

  // True once, the first time a limit is hit, so the caller can warn exactly once.
  bool first_limit_hit() const { return !limit_reported_->exchange(true); }

 private:
  // The code to match a subject of this size with: the JIT-compiled copy once there is
  // one, else the original (which counts the use, compiling the copy when it is time).
  const pcre2_code* code_for_match(std::size_t subject_bytes) const;
  // The gates' facts from the pattern's shape (regex/pattern_analysis.h).
  void take_shape(const pcre2_code* compiled, const PatternShape& shape);

  std::shared_ptr<pcre2_code> code_;
  struct JitState;
  std::shared_ptr<JitState> jit_;  // shared like code_: copies of a Regex count and JIT together
  std::string pattern_;
  std::size_t min_length_ = 0;
  std::array<std::uint64_t, 4> first_bytes_{~0ULL, ~0ULL, ~0ULL, ~0ULL};
  RequiredBytes required_;
  SubjectLimits limits_;
  std::shared_ptr<const LiteralRequirement> literals_;  // shared: a Regex is copied into each MatcherSet
  std::shared_ptr<std::atomic<bool>> limit_reported_;
};

// The pattern compiled and serialised (pcre2_serialize_encode), for the build-time table of
// regex/built_in_regexes.h; empty when it does not compile.
std::string serialized_code(std::string_view pattern, RegexFlags flags);

}  // namespace declutter
