#pragma once
#include "cli/options.h"
#include "pipeline/engine.h"

namespace declutter {

// `declutter suggest FILE...`: pages of one publisher in, ready-to-paste rules out.
int run_suggest(const CliOptions& options, const Engine& engine);

}  // namespace declutter
