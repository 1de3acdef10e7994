#pragma once
// What declutter asks of the C library's allocator, in one place: the only code that knows it
// runs on glibc. Elsewhere both calls do nothing.

namespace declutter {

// At start-up. glibc raises its mmap threshold to the size of each large block freed (up to
// 32 MiB) and keeps up to twice that free in every thread's heap: after one huge document
// each worker thread would hold tens of megabytes it no longer uses, for the rest of the
// run. A fixed threshold of 4 MiB keeps blocks that large in their own mappings, given back
// when freed; the buffers reused from one ordinary document to the next are far smaller.
void keep_large_blocks_in_own_mappings();

// After a huge document's buffers are freed: a huge HTML page leaves glibc's heaps holes of
// freed small blocks (the DOM's nodes) that it keeps; this gives their pages back.
void return_free_heap_pages();

}  // namespace declutter
