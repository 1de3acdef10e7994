#include "corpus/ordered_executor.h"

#include <utility>

namespace declutter {

OrderedExecutor::OrderedExecutor(std::vector<std::unique_ptr<BatchWorker>> workers,
                                 std::size_t window, std::function<bool(Batch&)> deliver,
                                 std::function<void()> idle)
    : workers_(std::move(workers)),
      slots_(workers_.size() <= 1 ? 1 : window),
      deliver_(std::move(deliver)),
      idle_(std::move(idle)),
      inline_(workers_.size() <= 1) {
  if (inline_) return;
  threads_.reserve(workers_.size());
  for (auto& worker : workers_) {
    threads_.emplace_back([this, raw = worker.get()] { work(*raw); });
  }
}

OrderedExecutor::~OrderedExecutor() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    shutting_down_ = true;
  }
  work_ready_.notify_all();
  for (std::thread& thread : threads_) thread.join();
}

void OrderedExecutor::work(BatchWorker& worker) {
  for (;;) {
    std::uint64_t sequence = 0;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      work_ready_.wait(lock, [this] { return shutting_down_ || taken_ < submitted_; });
      if (shutting_down_) return;
      sequence = taken_++;
    }
    Slot& slot = slots_[sequence % slots_.size()];
    worker.process(slot.batch);
    {
      std::lock_guard<std::mutex> lock(mutex_);
      slot.done = true;
    }
    batch_done_.notify_one();
  }
}

Batch& OrderedExecutor::acquire() {
  if (!inline_) {
    while (!stopped_ && submitted_ - delivered_ >= slots_.size()) deliver_oldest();
  }
  if (stopped_) {
    discarded_.clear();
    return discarded_;
  }
  Slot& slot = slots_[submitted_ % slots_.size()];
  slot.done = false;  // no worker can see this slot until it is submitted again
  slot.batch.clear();
  return slot.batch;
}

void OrderedExecutor::submit() {
  if (stopped_) return;
  if (inline_) {
    Batch& batch = slots_[0].batch;
    workers_.front()->process(batch);
    ++submitted_;
    ++delivered_;
    if (!deliver_(batch)) stopped_ = true;
    return;
  }
  {
    std::lock_guard<std::mutex> lock(mutex_);
    ++submitted_;
  }
  work_ready_.notify_one();
  deliver_finished();
}

void OrderedExecutor::drain() {
  if (inline_) return;
  while (!stopped_ && delivered_ < submitted_) deliver_oldest();
}

void OrderedExecutor::deliver_oldest() {
  Slot& slot = slots_[delivered_ % slots_.size()];
  {
    std::unique_lock<std::mutex> lock(mutex_);
    while (!slot.done) {
      if (batch_done_.wait_for(lock, std::chrono::milliseconds(250)) ==
          std::cv_status::timeout) {
        lock.unlock();
        idle_();
        lock.lock();
      }
    }
  }
  ++delivered_;
  if (!deliver_(slot.batch)) stopped_ = true;
}

void OrderedExecutor::deliver_finished() {
  while (!stopped_ && delivered_ < submitted_) {
    Slot& slot = slots_[delivered_ % slots_.size()];
    {
      std::lock_guard<std::mutex> lock(mutex_);
      if (!slot.done) return;
    }
    ++delivered_;
    if (!deliver_(slot.batch)) stopped_ = true;
  }
}

}  // namespace declutter
