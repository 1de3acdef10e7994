#include "cli/app.h"

#include <csignal>
#include <cstdio>
#include <memory>
#include <string>

#include "cli/check_command.h"
#include "cli/extract_command.h"
#include "cli/options.h"
#include "cli/report_command.h"
#include "cli/rules_loader.h"
#include "cli/suggest_command.h"
#include "cli/test_command.h"

namespace declutter {

namespace {
// The engine is never torn down: the process ends right after the run, and freeing the
// compiled rules (PCRE2 JIT pages, matcher tables) cost ~3% of a one-page run. A global
// keeps it reachable, so LeakSanitizer does not report it (`used`: the optimiser must not
// drop the variable and keep the pointer in a register only).
[[gnu::used]] const Engine* g_engine_kept_until_exit = nullptr;

const Engine& keep_until_exit(std::unique_ptr<Engine> engine) {
  g_engine_kept_until_exit = engine.release();
  return *g_engine_kept_until_exit;
}
}  // namespace

int run_cli(int argc, const char* const* argv) {
  // A closed stdout (`declutter ... | head -1`) must end the run quietly: writes then fail
  // with EPIPE, which the writers treat as a clean stop, instead of killing the process.
  std::signal(SIGPIPE, SIG_IGN);
  std::string error;
  auto options = parse_command_line(argc, argv, error);
  if (!options) {
    std::fprintf(stderr, "declutter: %s\nTry 'declutter --help' for more information.\n", error.c_str());
    return 2;
  }
  switch (options->command) {
    case Command::help:
      std::fputs(help_text(), stdout);
      return 0;
    case Command::version:
      std::printf("declutter %s\n", DECLUTTER_VERSION);
      return 0;
    case Command::check:
      return run_check(*options);
    case Command::test:
      return run_test(*options);
    case Command::extract:
    case Command::report:
    case Command::suggest:
      break;
  }
  LoadedRules rules = load_rules(options->rules_dir, options->added_rules_dirs, options->engine);
  if (!rules.fatal.empty()) {
    std::fprintf(stderr, "declutter: %s\n", rules.fatal.c_str());
    return 2;
  }
  print_diagnostics(rules.diagnostics);
  if (rules.diagnostics.has_errors()) {
    std::fprintf(stderr, "declutter: %zu error(s) above; nothing was processed\n",
                 rules.diagnostics.error_count());
    return 2;
  }
  const Engine& engine = keep_until_exit(std::move(rules.engine));
  if (options->command == Command::report) return run_report(*options, engine);
  if (options->command == Command::suggest) return run_suggest(*options, engine);
  return run_extract(*options, engine);
}

}  // namespace declutter
