#pragma once
#include "cli/options.h"

namespace declutter {

// `declutter check [DIR...]`: loads and compiles every rule file, prints every problem,
// exits 1 when any is an error.
int run_check(const CliOptions& options);

}  // namespace declutter
