#pragma once
// --stats: over every document of a run, how many blocks (lines, in text mode) each rule
// file and each stage dropped, and how many documents were not clean UTF-8. Each worker
// thread counts into a Counter of its own, so a block costs no lock; summary() adds the
// counters up once the workers are done.
#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "core/document.h"
#include "core/per_thread_counters.h"

namespace declutter {

class StatsTally {
 public:
  class Counter {
   public:
    void add(const Document& doc);

   private:
    friend class StatsTally;
    // A run has a handful of rule files: a short scan beats hashing the pointer.
    std::vector<std::pair<const std::string*, std::uint64_t>> by_file_;
    std::array<std::uint64_t, kDeciderCount> by_stage_{};  // by Decider, for drops no rule decided
    std::uint64_t guessed_encoding_ = 0;  // documents read as a legacy encoding since not UTF-8
    std::uint64_t repaired_utf8_ = 0;     // documents with invalid UTF-8 replaced by U+FFFD
  };

  // A counter for one worker thread; safe to call from several threads.
  std::shared_ptr<Counter> new_counter() { return counters_.new_counter(); }
  // ", 3 documents not UTF-8 read as WINDOWS-1252, 1 with invalid UTF-8 repaired" when
  // there were such, then ", dropped blocks: 4301 score, 812 <embedded>/common.rules, …",
  // largest first, when anything was dropped. Call when no counter is counting any more.
  std::string summary() const;

 private:
  PerThreadCounters<Counter> counters_;
};

}  // namespace declutter
