#pragma once
// In-process runs for robustness tests: an Engine from the embedded rules (or from rule
// text), a Worker, and a wall-clock bound for "finishes" assertions.
#include <chrono>
#include <ctime>
#include <memory>
#include <string>
#include <string_view>

#include "pipeline/engine.h"
#include "rules/catalog.h"

namespace declutter::testing {

// An engine over the embedded rules, or over `common_rules` alone when given.
inline std::unique_ptr<Engine> engine_for(InputFormat format, const std::string* common_rules = nullptr,
                                          HtmlParser parser = HtmlParser::libxml2) {
  Diagnostics diagnostics;
  std::vector<SourceFile> sources;
  if (common_rules != nullptr) {
    sources.push_back(SourceFile{"common.rules", "test/common.rules", *common_rules});
  } else {
    sources = embedded_sources();
  }
  std::shared_ptr<const RuleCatalog> catalog = RuleCatalog::load(std::move(sources), diagnostics);
  EngineOptions options;
  options.format = format;
  options.parser = parser;
  auto engine = Engine::build(catalog, options, diagnostics);
  if (diagnostics.has_errors()) return nullptr;
  return engine;
}

inline std::string extract_with(const Engine& engine, std::string_view bytes) {
  Worker worker(engine);
  std::string out;
  worker.extract(DocumentInput{bytes, {}}, out);
  return out;
}

// CPU time of this process for in-process work (the bound is about our work, not the
// machine's load); wall time for a child process, whose CPU time std::clock cannot see.
struct CpuClock {
  std::clock_t start = std::clock();
  double seconds() const { return static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC; }
};
struct WallClock {
  std::chrono::steady_clock::time_point start = std::chrono::steady_clock::now();
  double seconds() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  }
};

// Bounds for "finishes" assertions: generous, so that they catch a hang or a quadratic
// blow-up, not a slow machine (the suite also runs under ASan+UBSan on shared cores).
#if defined(__SANITIZE_ADDRESS__)
constexpr double kFinishesWithinSeconds = 300.0;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr double kFinishesWithinSeconds = 300.0;
#else
constexpr double kFinishesWithinSeconds = 60.0;
#endif
#else
constexpr double kFinishesWithinSeconds = 60.0;
#endif

}  // namespace declutter::testing
