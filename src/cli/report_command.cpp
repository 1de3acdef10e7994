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
  Worker worker(engine);
  HtmlReport report;
  const bool read = for_each_input_page(options, [&](const DocumentInput& page, std::string_view label) {
    const Document& doc = worker.analyse(page);
    report.add(doc, label, rules_label(engine, page.url));
  });
  if (!read) return 2;
  std::string out = report.render();
  if (std::fwrite(out.data(), 1, out.size(), stdout) != out.size() || std::fflush(stdout) != 0) {
    std::fprintf(stderr, "declutter: write error\n");
    return 2;
  }
  return 0;
}

}  // namespace declutter
