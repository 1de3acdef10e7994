#pragma once
// How much of a per-thread or per-batch buffer is kept from one document to the next.
#include <cstddef>
#include <string>

namespace declutter {

// A buffer one huge document grew past this is given back rather than kept for the whole
// run: memory follows the documents in flight, not the largest document seen.
inline constexpr std::size_t kRetainedBufferBytes = std::size_t{8} << 20;

inline void release_if_huge(std::string& buffer) {
  if (buffer.capacity() > kRetainedBufferBytes) std::string().swap(buffer);
}

}  // namespace declutter
