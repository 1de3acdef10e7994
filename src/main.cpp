#include <cstdlib>  // defines __GLIBC__ on glibc systems
#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include "cli/app.h"

int main(int argc, char** argv) {
#if defined(__GLIBC__)
  // glibc raises its mmap threshold to the size of each large block freed (up to 32 MiB)
  // and keeps up to twice that free in every thread's heap: after one huge document each
  // worker thread would hold tens of megabytes it no longer uses, for the rest of the run.
  // A fixed threshold keeps blocks this large in their own mappings, given back when freed.
  // The buffers reused from one ordinary document to the next are far smaller.
  mallopt(M_MMAP_THRESHOLD, 4 << 20);
#endif
  return declutter::run_cli(argc, argv);
}
