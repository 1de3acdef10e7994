// The rule language on arbitrary bytes: parse, catalog (includes, publishers, disable),
// Engine::build (regex compilation, settings), and, when the rules are clean, one document
// through the pipeline they compile to.
//
// Input layout: the bytes are common.rules, except that a line "%% NAME" starts another
// file called NAME (e.g. "%% publishers/a.com.rules", "%% html.rules"), so one input can
// describe a whole rules directory with includes, cycles and publisher files.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/engine.h"
#include "rules/catalog.h"
#include "rules/parser.h"

using namespace declutter;

namespace {

std::vector<SourceFile> split_files(std::string_view bytes) {
  std::vector<SourceFile> files;
  files.push_back(SourceFile{"common.rules", "fuzz/common.rules", {}});
  std::size_t start = 0;
  while (start <= bytes.size()) {
    std::size_t end = bytes.find('\n', start);
    std::string_view line = bytes.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    if (line.starts_with("%% ")) {
      std::string name(line.substr(3));
      files.push_back(SourceFile{name, "fuzz/" + name, {}});
    } else {
      files.back().content.append(line);
      if (end != std::string_view::npos) files.back().content += '\n';
    }
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return files;
}

constexpr std::string_view kDocument =
    "Menu\nHome | News | Sport\nA headline about something\n\nThe first paragraph of the article, "
    "with a sentence or two.\nShare on Facebook\n\nRelated\nAnother story\nAnother story\n"
    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab\n\xC3\xA9t\xC3\xA9 \xE2\x80\x94 \xFF\xFE\n";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  Diagnostics diagnostics;
  std::shared_ptr<const RuleCatalog> catalog = RuleCatalog::load(split_files(bytes), diagnostics);
  for (const auto& file : catalog->publishers())
    for (const auto& rule : file.rules) (void)canonical_text(rule);
  for (const Rule* rule : catalog->effective(nullptr, diagnostics).rules) (void)canonical_text(*rule);
  for (const auto& diagnostic : diagnostics.items()) (void)diagnostic.format();

  EngineOptions options;
  options.format = InputFormat::text;
  auto engine = Engine::build(catalog, options, diagnostics);
  if (diagnostics.has_errors()) return 0;  // the CLI refuses to run on rules with errors
  Worker worker(*engine);
  std::string out;
  worker.extract(DocumentInput{kDocument, "https://www.a.com/story"}, out);
  for (const auto& file : catalog->publishers())
    for (const auto& site : file.sites) worker.extract(DocumentInput{kDocument, "http://" + site + "/x"}, out);
  return 0;
}
