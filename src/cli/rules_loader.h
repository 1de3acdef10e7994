#pragma once
// Loads a rules directory (or the embedded defaults) into a catalog and an engine,
// printing every diagnostic to stderr.
#include <memory>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "pipeline/engine.h"
#include "rules/catalog.h"

namespace declutter {

struct LoadedRules {
  std::shared_ptr<const RuleCatalog> catalog;
  std::unique_ptr<Engine> engine;
  Diagnostics diagnostics;
  std::string fatal;        // the directory could not be read at all
  std::size_t rule_count = 0;
  std::size_t file_count = 0;
};

// `rules_dir` empty means the rules built into the binary; `added_dirs` (--add-rules) are
// laid over them in order (overlay_sources).
LoadedRules load_rules(const std::string& rules_dir, const std::vector<std::string>& added_dirs,
                       const EngineOptions& options);

void print_diagnostics(const Diagnostics& diagnostics);

}  // namespace declutter
