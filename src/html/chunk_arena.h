#pragma once
// Memory carved from large chunks and given back all at once, for allocations that die
// together (one page's parse tree). reset() keeps the chunks for the next page, up to a
// bound, so a worker stops calling malloc for trees once it has seen a few pages.
#include <cstddef>
#include <memory>
#include <vector>

namespace declutter {

class ChunkArena {
 public:
  static constexpr std::size_t kAlign = alignof(std::max_align_t);

  // Aligned to kAlign; null when memory runs out (callers may be C code).
  void* allocate(std::size_t size) noexcept;
  // Grows or shrinks the most recent allocation in place when its chunk has room.
  bool resize_last(void* block, std::size_t old_size, std::size_t new_size) noexcept;
  // Takes back the most recent allocation (true); other blocks only come back with reset().
  bool release_last(void* block, std::size_t size) noexcept;
  // Everything allocated so far is gone; the chunks stay for reuse.
  void reset() noexcept;

 private:
  struct Chunk {
    std::unique_ptr<std::max_align_t[]> data;
    std::size_t size = 0;
  };
  static constexpr std::size_t kFirstChunk = 64 * 1024;
  static constexpr std::size_t kMaxChunk = 1024 * 1024;
  static constexpr std::size_t kRetainedBytes = 16 * 1024 * 1024;

  static std::size_t rounded(std::size_t size) { return (size + kAlign - 1) & ~(kAlign - 1); }
  bool advance(std::size_t size) noexcept;

  std::vector<Chunk> chunks_;
  std::size_t current_ = 0;  // the chunk being carved, when chunks_ is not empty
  char* cursor_ = nullptr;
  std::size_t remaining_ = 0;
  char* last_ = nullptr;     // the most recent allocation
};

}  // namespace declutter
