#include "corpus/batch.h"

#include "core/retained_buffer.h"

namespace declutter {

void Batch::clear() {
  release_if_huge(input);
  release_if_huge(output);
  source = {};
  input.clear();
  output.clear();
  records.clear();
}

}  // namespace declutter
