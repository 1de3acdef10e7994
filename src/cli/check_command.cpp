#include "cli/check_command.h"

#include <cstdio>

#include "authoring/rule_lint.h"
#include "cli/rules_loader.h"

namespace declutter {

int run_check(const CliOptions& options) {
  std::vector<std::string> dirs = options.inputs;
  if (dirs.empty()) dirs.emplace_back();  // the embedded rules
  bool failed = false;
  for (const auto& dir : dirs) {
    EngineOptions engine_options = options.engine;
    engine_options.publisher.clear();
    LoadedRules rules = load_rules(dir, options.added_rules_dirs, engine_options);
    std::string name = dir.empty() ? std::string("built-in rules") : dir;
    for (const auto& added : options.added_rules_dirs) name += " + " + added;
    if (!rules.fatal.empty()) {
      std::fprintf(stderr, "declutter: %s\n", rules.fatal.c_str());
      failed = true;
      continue;
    }
    lint_rules(*rules.catalog, rules.diagnostics);
    print_diagnostics(rules.diagnostics);
    std::printf("%s: %zu rule files, %zu publishers: %zu errors, %zu warnings\n", name.c_str(), rules.file_count,
                rules.catalog->publishers().size(), rules.diagnostics.error_count(),
                rules.diagnostics.warning_count());
    failed = failed || rules.diagnostics.has_errors();
  }
  return failed ? 1 : 0;
}

}  // namespace declutter
