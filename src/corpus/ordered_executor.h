#pragma once
// Runs batches on worker threads and delivers them in submission order. At most `window`
// batches are in flight, so memory stays bounded however long the stream. With one job
// everything runs inline on the calling thread (no threads, no locks).
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "corpus/batch.h"
#include "corpus/batch_worker.h"

namespace declutter {

class OrderedExecutor {
 public:
  // `deliver` receives each finished batch in order on the calling thread; returning false
  // stops the run (nothing further is delivered). `idle` is called about every 250 ms while
  // the calling thread waits for a worker.
  OrderedExecutor(std::vector<std::unique_ptr<BatchWorker>> workers, std::size_t window,
                  std::function<bool(Batch&)> deliver, std::function<void()> idle);
  ~OrderedExecutor();
  OrderedExecutor(const OrderedExecutor&) = delete;
  OrderedExecutor& operator=(const OrderedExecutor&) = delete;

  // The next batch to fill (cleared); waits for and delivers older batches to free a slot.
  Batch& acquire();
  // Hands the batch from acquire() to the workers.
  void submit();
  // Waits for and delivers every submitted batch.
  void drain();
  bool stopped() const { return stopped_; }
  bool has_undelivered() const { return delivered_ < submitted_; }

 private:
  struct Slot {
    Batch batch;
    bool done = false;
  };

  void work(BatchWorker& worker);
  void deliver_oldest();              // waits for the oldest undelivered batch
  void deliver_finished();            // delivers the finished prefix without waiting

  std::vector<std::unique_ptr<BatchWorker>> workers_;
  std::vector<Slot> slots_;
  Batch discarded_;                   // handed out by acquire() once stopped
  std::function<bool(Batch&)> deliver_;
  std::function<void()> idle_;
  bool inline_ = false;
  bool stopped_ = false;

  std::mutex mutex_;
  std::condition_variable work_ready_;
  std::condition_variable batch_done_;
  std::uint64_t submitted_ = 0;       // guarded by mutex_
  std::uint64_t taken_ = 0;           // guarded by mutex_
  bool shutting_down_ = false;        // guarded by mutex_
  std::uint64_t delivered_ = 0;       // calling thread only
  std::vector<std::thread> threads_;
};

}  // namespace declutter
