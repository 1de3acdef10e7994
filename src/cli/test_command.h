#pragma once
#include "cli/options.h"

namespace declutter {

// `declutter test [DIR]`: every fixture under DIR (default fixtures/) through its
// publisher's rules; a unified diff per failure and a closing `N passed, N failed` line.
// Exit 0 when all pass, 1 when any fails, 2 on usage errors or unloadable rules.
int run_test(const CliOptions& options);

}  // namespace declutter
