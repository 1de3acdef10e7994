#pragma once
// How much of a per-thread or per-batch buffer is kept from one document to the next.
#include <cstddef>
#include <string>

namespace declutter {

// What a huge document grew is given back rather than kept for the whole run: memory follows
// the documents in flight, not the largest document seen. A batch's bytes and a document's
// clean text are given back once their buffer passes this size (a batch holds about 256 KiB).
// The pipeline's buffers for one document (its blocks, their phrase keys, the DOM, the stages'
// tables: 6 to 40 times its bytes) and a JSON parser's tables (about 14 times its line) are
// kept while the documents need them, but given back once a document no larger than a
// quarter of the one they grew for comes along, if that one was over this size.
inline constexpr std::size_t kRetainedBufferBytes = std::size_t{1} << 20;

// Whether buffers grown for a document of `grown_for` bytes should be given back before
// processing one of `next` bytes.
inline bool outgrown(std::size_t grown_for, std::size_t next) {
  return grown_for > kRetainedBufferBytes && next <= grown_for / 4;
}

inline void release_if_huge(std::string& buffer) {
  if (buffer.capacity() > kRetainedBufferBytes) std::string().swap(buffer);
}

}  // namespace declutter
