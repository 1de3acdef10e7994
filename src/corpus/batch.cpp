#include "corpus/batch.h"

namespace declutter {

namespace {
constexpr std::size_t kRetainedBufferBytes = std::size_t{8} << 20;
}

void Batch::clear() {
  // A buffer grown by one huge document is given back rather than kept for the whole run.
  if (input.capacity() > kRetainedBufferBytes) std::string().swap(input);
  if (output.capacity() > kRetainedBufferBytes) std::string().swap(output);
  source = {};
  input.clear();
  output.clear();
  records.clear();
}

}  // namespace declutter
