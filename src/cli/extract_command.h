#pragma once
#include "cli/options.h"
#include "pipeline/engine.h"

namespace declutter {

// The main job: every input document through the engine, clean text to stdout.
int run_extract(const CliOptions& options, const Engine& engine);

}  // namespace declutter
