#pragma once
// --stats: how many blocks (lines, in text mode) each rule file and each stage dropped,
// over every document of a run. Each worker thread counts into a Counter of its own, so a
// block costs no lock; summary() adds the counters up once the workers are done.
#include <array>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "core/document.h"

namespace declutter {

class DropTally {
 public:
  class Counter {
   public:
    void add(const Document& doc);

   private:
    friend class DropTally;
    // A run has a handful of rule files: a short scan beats hashing the pointer.
    std::vector<std::pair<const std::string*, std::uint64_t>> by_file_;
    std::array<std::uint64_t, kDeciderCount> by_stage_{};  // by Decider, for drops no rule decided
  };

  // A counter for one worker thread; safe to call from several threads.
  std::shared_ptr<Counter> new_counter();
  // ", dropped blocks: 4301 score, 812 <embedded>/common.rules, …", largest first; "" when
  // nothing was dropped. Call when no counter is counting any more.
  std::string summary() const;

 private:
  mutable std::mutex mutex_;
  std::vector<std::shared_ptr<Counter>> counters_;
};

}  // namespace declutter
