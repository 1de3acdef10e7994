#pragma once
// --profile: where a run's processing time goes, by pipeline step (decoding, splitting or
// parsing, HTML's DOM rules and blocks, each stage, emitting) and by regex rule (time inside
// PCRE2). Each worker thread times into a CostCounter of its own, so a measurement costs no
// lock; CostProfile::totals() adds the counters up once the workers are done. Off, it costs
// one null test per step and per regex match.
#include <chrono>
#include <cstdint>
#include <memory>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/per_thread_counters.h"

namespace declutter {

struct Rule;

struct StepCost {
  std::string_view step;        // a stage's name(), or a front end's ("decode", "parse-html", ...), "emit"
  std::uint64_t nanoseconds = 0;
  std::uint64_t runs = 0;       // documents it ran on
};

struct RegexCost {
  const Rule* rule = nullptr;
  std::uint64_t nanoseconds = 0;
  std::uint64_t calls = 0;      // lines that reached PCRE2: the prefilters left them
  std::uint64_t matches = 0;

  void add(const RegexCost& more) {
    nanoseconds += more.nanoseconds;
    calls += more.calls;
    matches += more.matches;
  }
};

class CostCounter {
 public:
  void add_document() { ++documents_; }
  void add_step(std::string_view step, std::uint64_t nanoseconds);
  void add_regex(const Rule& rule, bool matched, std::uint64_t nanoseconds);

 private:
  friend class CostProfile;
  std::vector<StepCost> steps_;  // a dozen at most, in first-run order: a short scan
  std::unordered_map<const Rule*, RegexCost> regexes_;
  std::uint64_t documents_ = 0;
};

inline std::uint64_t monotonic_nanoseconds() {
  return static_cast<std::uint64_t>(
      std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
          .count());
}

// Times its own lifetime as one run of `step` into `costs`; does nothing when `costs` is null.
class StepTimer {
 public:
  StepTimer(CostCounter* costs, std::string_view step)
      : costs_(costs), step_(step), start_(costs != nullptr ? monotonic_nanoseconds() : 0) {}
  ~StepTimer() {
    if (costs_ != nullptr) costs_->add_step(step_, monotonic_nanoseconds() - start_);
  }
  StepTimer(const StepTimer&) = delete;
  StepTimer& operator=(const StepTimer&) = delete;

 private:
  CostCounter* costs_;
  std::string_view step_;
  std::uint64_t start_;
};

class CostProfile {
 public:
  struct Totals {
    std::vector<StepCost> steps;     // in the order the first document ran them
    std::vector<RegexCost> regexes;  // costliest first
    std::uint64_t nanoseconds = 0;   // all steps'
    std::uint64_t documents = 0;
    std::size_t threads = 0;         // counters that measured anything
  };

  // A counter for one worker thread; safe to call from several threads.
  std::shared_ptr<CostCounter> new_counter() { return counters_.new_counter(); }
  // Call when no counter is counting any more.
  Totals totals() const;

 private:
  PerThreadCounters<CostCounter> counters_;
};

}  // namespace declutter
