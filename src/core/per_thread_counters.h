#pragma once
// Counters that worker threads fill without a lock, one each, and that are read together once
// the workers are done (--stats, --profile).
#include <memory>
#include <mutex>
#include <vector>

namespace declutter {

template <typename Counter>
class PerThreadCounters {
 public:
  // A counter for one worker thread; safe to call from several threads.
  std::shared_ptr<Counter> new_counter() {
    auto counter = std::make_shared<Counter>();
    std::lock_guard lock(mutex_);
    counters_.push_back(counter);
    return counter;
  }

  // Calls `read` with each counter, in the order they were made. Call when no counter is
  // counting any more.
  template <typename Read>
  void for_each(Read&& read) const {
    std::lock_guard lock(mutex_);
    for (const auto& counter : counters_) read(static_cast<const Counter&>(*counter));
  }

 private:
  mutable std::mutex mutex_;
  std::vector<std::shared_ptr<Counter>> counters_;
};

}  // namespace declutter
