#pragma once
#include "cli/options.h"
#include "pipeline/engine.h"

namespace declutter {

// `declutter report FILE... > report.html`: the decided documents as one HTML page.
int run_report(const CliOptions& options, const Engine& engine);

}  // namespace declutter
