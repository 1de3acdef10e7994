#include "html/chunk_arena.h"

#include <algorithm>
#include <new>

namespace declutter {

void* ChunkArena::allocate(std::size_t size) noexcept {
  const std::size_t needed = rounded(size == 0 ? 1 : size);
  if (needed < size) return nullptr;  // overflow
  if (needed > remaining_ && !advance(needed)) return nullptr;
  last_ = cursor_;
  cursor_ += needed;
  remaining_ -= needed;
  return last_;
}

bool ChunkArena::resize_last(void* block, std::size_t old_size, std::size_t new_size) noexcept {
  if (block == nullptr || block != last_) return false;
  const std::size_t old_rounded = rounded(old_size == 0 ? 1 : old_size);
  const std::size_t new_rounded = rounded(new_size == 0 ? 1 : new_size);
  if (new_rounded < new_size || new_rounded > old_rounded + remaining_) return false;
  cursor_ = last_ + new_rounded;
  remaining_ = remaining_ + old_rounded - new_rounded;
  return true;
}

bool ChunkArena::release_last(void* block, std::size_t size) noexcept {
  if (block == nullptr || block != last_) return false;
  const std::size_t given = rounded(size == 0 ? 1 : size);
  cursor_ -= given;
  remaining_ += given;
  last_ = nullptr;
  return true;
}

bool ChunkArena::advance(std::size_t size) noexcept {
  // The next kept chunk when it is large enough, else a new one in its place.
  const std::size_t next = chunks_.empty() ? 0 : current_ + 1;
  if (next < chunks_.size() && chunks_[next].size >= size) {
    current_ = next;
  } else {
    const std::size_t grown = chunks_.empty() ? kFirstChunk : std::min(chunks_[current_].size * 2, kMaxChunk);
    const std::size_t chunk_size = std::max(size, grown);
    Chunk chunk;
    const std::size_t elements = (chunk_size + sizeof(std::max_align_t) - 1) / sizeof(std::max_align_t);
    chunk.data.reset(new (std::nothrow) std::max_align_t[elements]);
    if (!chunk.data) return false;
    chunk.size = chunk_size;
    try {
      chunks_.insert(chunks_.begin() + static_cast<std::ptrdiff_t>(next), std::move(chunk));
    } catch (const std::bad_alloc&) {
      return false;
    }
    current_ = next;
  }
  cursor_ = reinterpret_cast<char*>(chunks_[current_].data.get());
  remaining_ = chunks_[current_].size;
  return true;
}

void ChunkArena::reset() noexcept {
  // A hostile page may have needed hundreds of megabytes: keep only a normal page's worth.
  std::size_t kept = 0;
  std::size_t count = 0;
  while (count < chunks_.size() && kept + chunks_[count].size <= kRetainedBytes) kept += chunks_[count++].size;
  chunks_.resize(count);
  current_ = 0;
  cursor_ = chunks_.empty() ? nullptr : reinterpret_cast<char*>(chunks_.front().data.get());
  remaining_ = chunks_.empty() ? 0 : chunks_.front().size;
  last_ = nullptr;
}

}  // namespace declutter
