#include "cli/report_command.h"

#include <cstdio>

#include "authoring/html_report.h"
#include "cli/input_files.h"
#include "pipeline/pipeline.h"
#include "rules/rule_file.h"

namespace declutter {
namespace {
std::string rules_label(const Engine& engine, std::string_view url) {
  const RuleFile* publisher = engine.pipeline_for(url).publisher();
  if (publisher == nullptr) return "common rules";
  std::string label = publisher->sites.empty() ? *publisher->path : publisher->sites.front();
  return label + " (" + *publisher->path + ")";
}
}  // namespace

int run_report(const CliOptions& options, const Engine& engine) {
  std::vector<std::string> inputs = options.inputs;
  if (inputs.empty()) inputs.emplace_back("-");
  Worker worker(engine);
  HtmlReport report;
  std::string bytes;
  std::string error;
  for (const auto& path : inputs) {
    if (!read_input_file(path, bytes, error, options.max_doc_bytes)) {
      std::fprintf(stderr, "declutter: %s\n", error.c_str());
      return 2;
    }
    const Document& doc = worker.analyse(DocumentInput{bytes, options.url});
    report.add(doc, path == "-" ? std::string("standard input") : path, rules_label(engine, options.url));
  }
  std::string out = report.render();
  if (std::fwrite(out.data(), 1, out.size(), stdout) != out.size() || std::fflush(stdout) != 0) {
    std::fprintf(stderr, "declutter: write error\n");
    return 2;
  }
  return 0;
}

}  // namespace declutter
