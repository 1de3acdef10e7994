#include "cli/test_command.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "authoring/fixture_runner.h"
#include "cli/rules_loader.h"

namespace declutter {

int run_test(const CliOptions& options) {
  if (options.inputs.size() > 1) {
    std::fprintf(stderr, "declutter: test takes one fixtures directory, not %zu\n", options.inputs.size());
    return 2;
  }
  const std::string dir = options.inputs.empty() ? std::string("fixtures") : options.inputs.front();
  const char* env = std::getenv("DECLUTTER_UPDATE_FIXTURES");
  const bool update = options.update || (env != nullptr && std::strcmp(env, "") != 0 && std::strcmp(env, "0") != 0);

  std::vector<FixtureCase> cases;
  std::string error;
  if (!find_fixtures(dir, cases, error)) {
    std::fprintf(stderr, "declutter: %s\n", error.c_str());
    return 2;
  }
  EngineOptions engine_options = options.engine;
  engine_options.publisher.clear();
  engine_options.format = InputFormat::text;
  LoadedRules rules = load_rules(options.rules_dir, options.added_rules_dirs, engine_options);
  if (!rules.fatal.empty()) {
    std::fprintf(stderr, "declutter: %s\n", rules.fatal.c_str());
    return 2;
  }
  engine_options.format = InputFormat::html;
  std::unique_ptr<Engine> html_engine = Engine::build(rules.catalog, engine_options, rules.diagnostics);
  print_diagnostics(rules.diagnostics);
  if (rules.diagnostics.has_errors()) {
    std::fprintf(stderr, "declutter: %zu error(s) in the rules; no fixture was run\n",
                 rules.diagnostics.error_count());
    return 2;
  }

  FixtureRunner runner(*rules.catalog, *rules.engine, *html_engine, update);
  std::size_t passed = 0;
  std::size_t failed = 0;
  std::size_t updated = 0;
  for (const auto& fixture : cases) {
    FixtureResult result = runner.run(fixture);
    switch (result.status) {
      case FixtureResult::Status::passed:
        ++passed;
        break;
      case FixtureResult::Status::updated:
        ++updated;
        std::printf("UPDATED %s\n", fixture.expected.c_str());
        break;
      case FixtureResult::Status::failed:
      case FixtureResult::Status::error:
        ++failed;
        std::printf("FAIL %s\n%s", fixture.input.c_str(), result.message.c_str());
        if (result.status == FixtureResult::Status::error) std::printf("\n");
        break;
    }
  }
  if (updated > 0) std::printf("%zu updated (review them with git diff)\n", updated);
  std::printf("%zu passed, %zu failed\n", passed + updated, failed);
  return failed > 0 ? 1 : 0;
}

}  // namespace declutter
