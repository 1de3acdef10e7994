#include "cli/app.h"
#include "core/heap_memory.h"

int main(int argc, char** argv) {
  declutter::keep_large_blocks_in_own_mappings();
  return declutter::run_cli(argc, argv);
}
