#pragma once
// A buffer whose bytes are always written before they are read.
#include <cstddef>
#include <memory>

namespace declutter {

// Grows without copying or zeroing what it held, unlike std::string::resize: the pages a
// document leaves unused are never touched, and so never count against the process's memory.
class ScratchBytes {
 public:
  // At least `size` bytes, their contents unspecified.
  char* reserve(std::size_t size) {
    if (size > capacity_) {
      data_ = std::make_unique_for_overwrite<char[]>(size);
      capacity_ = size;
    }
    return data_.get();
  }

 private:
  std::unique_ptr<char[]> data_;
  std::size_t capacity_ = 0;
};

}  // namespace declutter
