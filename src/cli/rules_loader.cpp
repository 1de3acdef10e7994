#include "cli/rules_loader.h"

#include <cstdio>

namespace declutter {

LoadedRules load_rules(const std::string& rules_dir, const std::vector<std::string>& added_dirs,
                       const EngineOptions& options) {
  LoadedRules loaded;
  std::vector<SourceFile> sources;
  if (rules_dir.empty()) {
    sources = embedded_sources();
  } else {
    auto from_disk = directory_sources(rules_dir, loaded.fatal);
    if (!from_disk) return loaded;
    sources = std::move(*from_disk);
  }
  for (std::size_t i = 0; i < added_dirs.size(); ++i) {
    auto added = directory_sources(added_dirs[i], loaded.fatal);
    if (!added) return loaded;
    overlay_sources(sources, std::move(*added), i + 1);
  }
  std::shared_ptr<const RuleCatalog> catalog = RuleCatalog::load(std::move(sources), loaded.diagnostics);
  for (const auto& source : catalog->sources())
    if (source.relative.ends_with(".rules")) ++loaded.file_count;
  loaded.engine = Engine::build(catalog, options, loaded.diagnostics);
  loaded.catalog = std::move(catalog);
  return loaded;
}

void print_diagnostics(const Diagnostics& diagnostics) {
  for (const auto& diagnostic : diagnostics.items()) std::fputs(diagnostic.format().c_str(), stderr);
}

}  // namespace declutter
