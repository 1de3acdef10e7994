// declutter as a library: build the engine once from the rules built into the binary,
// then give each thread a Worker and feed it documents. Reads one document on stdin and
// writes its clean text, like `declutter --url URL`.
//
//   embed [URL] < page.html
#include <cstdio>
#include <iostream>
#include <iterator>
#include <memory>
#include <string>

#include "core/diagnostic.h"
#include "pipeline/engine.h"
#include "rules/catalog.h"

int main(int argc, char** argv) {
  declutter::Diagnostics diagnostics;
  std::shared_ptr<const declutter::RuleCatalog> catalog =
      declutter::RuleCatalog::load(declutter::embedded_sources(), diagnostics);
  declutter::EngineOptions options;            // format auto, libxml2, balanced
  const auto engine = declutter::Engine::build(catalog, options, diagnostics);
  for (const auto& diagnostic : diagnostics.items()) std::fputs(diagnostic.format().c_str(), stderr);
  if (diagnostics.has_errors()) return 2;

  declutter::Worker worker(*engine);           // one per thread; reuses its buffers
  const std::string page{std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>()};
  std::string clean;
  worker.extract({page, argc > 1 ? argv[1] : ""}, clean);
  std::fwrite(clean.data(), 1, clean.size(), stdout);
  return 0;
}
