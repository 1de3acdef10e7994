#pragma once
// What every fuzz target shares: an Engine built once from the embedded default rules,
// exactly as the CLI builds it, so the fuzzer exercises the rules users actually run.
#include <cstdio>
#include <cstdlib>
#include <memory>

#include "pipeline/engine.h"
#include "rules/catalog.h"

namespace declutter::fuzzing {

inline std::unique_ptr<Engine> default_engine(InputFormat format, HtmlParser parser = HtmlParser::libxml2) {
  Diagnostics diagnostics;
  std::shared_ptr<const RuleCatalog> catalog = RuleCatalog::load(embedded_sources(), diagnostics);
  EngineOptions options;
  options.format = format;
  options.parser = parser;
  auto engine = Engine::build(catalog, options, diagnostics);
  if (diagnostics.has_errors()) {
    for (const auto& diagnostic : diagnostics.items()) std::fputs(diagnostic.format().c_str(), stderr);
    std::abort();  // the embedded rules must be clean; a fuzz run over broken rules means nothing
  }
  return engine;
}

}  // namespace declutter::fuzzing
