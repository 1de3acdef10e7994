// HTML throughput, one thread, on a folder of pages (the dev set by default): bare libxml2
// parsing and bare Gumbo parsing as references, then our front end (decode, parse, DOM
// rules, blocks) and the whole extraction (Worker::extract: front end, text stages, emit)
// with each parser, all in the same run. Each figure is the best of --rounds passes. The
// libxml2 reference runs in a child process with libxml2's default allocator (malloc):
// declutter gives libxml2 a per-page arena (src/html/xml_arena.h), which this process
// installs once it loads the rules.
//
//   html_bench [DIR] [--rounds N] [--rules DIR]
#include <gumbo.h>
#include <libxml/HTMLparser.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

#include "cli/rules_loader.h"
#include "html/html_front_end.h"
#include "pipeline/engine.h"
#include "rules/catalog.h"

using namespace declutter;

namespace {

std::vector<std::string> load_pages(const std::filesystem::path& dir) {
  std::vector<std::filesystem::path> paths;
  for (const auto& entry : std::filesystem::directory_iterator(dir))
    if (entry.is_regular_file() && entry.path().extension() == ".html") paths.push_back(entry.path());
  std::sort(paths.begin(), paths.end());
  std::vector<std::string> pages;
  for (const auto& path : paths) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    pages.push_back(bytes.str());
  }
  return pages;
}

double best_seconds(int rounds, const std::vector<std::string>& pages, const std::function<void(const std::string&)>& run) {
  // Process CPU time, not wall time: the development machine is shared, and the ratios
  // between rows are what matters.
  double best = 1e300;
  for (int round = 0; round < rounds; ++round) {
    const std::clock_t start = std::clock();
    for (const auto& page : pages) run(page);
    best = std::min(best, static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC);
  }
  return best;
}

// Runs `measure` in a child process and returns its figure (or -1): the reference parse
// must run with libxml2's own allocator, before this process installs declutter's.
double measure_in_child(const std::function<double()>& measure) {
  int channel[2];
  if (pipe(channel) != 0) return -1;
  const pid_t child = fork();
  if (child < 0) return -1;
  if (child == 0) {
    close(channel[0]);
    const double seconds = measure();
    const bool sent = write(channel[1], &seconds, sizeof seconds) == static_cast<ssize_t>(sizeof seconds);
    _exit(sent ? 0 : 1);
  }
  close(channel[1]);
  double seconds = -1;
  if (read(channel[0], &seconds, sizeof seconds) != static_cast<ssize_t>(sizeof seconds)) seconds = -1;
  close(channel[0]);
  int status = 0;
  waitpid(child, &status, 0);
  return seconds;
}

}  // namespace

int main(int argc, char** argv) {
  std::string dir = "../shared/devset/html";  // from the repository root, as bench/README.md runs it
  std::string rules_dir;  // empty: the rules built into the binary
  int rounds = 3;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--rounds" && i + 1 < argc) {
      rounds = std::max(1, std::atoi(argv[++i]));
    } else if (arg == "--rules" && i + 1 < argc) {
      rules_dir = argv[++i];
    } else if (arg == "-h" || arg == "--help") {
      std::puts("usage: html_bench [DIR] [--rounds N] [--rules DIR]\n"
                "Measures HTML throughput (one thread, CPU time) on the *.html pages of DIR\n"
                "(default ../shared/devset/html): bare libxml2 and Gumbo parses, then declutter.");
      return 0;
    } else if (arg.starts_with("-")) {
      std::fprintf(stderr, "html_bench: unknown option %s (see --help)\n", arg.c_str());
      return 2;
    } else {
      dir = arg;
    }
  }
  std::error_code unreadable;
  if (!std::filesystem::is_directory(dir, unreadable)) {
    std::fprintf(stderr, "html_bench: %s is not a readable directory\n", dir.c_str());
    return 2;
  }
  const std::vector<std::string> pages = load_pages(dir);
  std::size_t bytes = 0;
  for (const auto& page : pages) bytes += page.size();
  if (pages.empty()) {
    std::fprintf(stderr, "html_bench: no .html pages in %s\n", dir.c_str());
    return 2;
  }

  // libxml2 as others run it (default allocator, same options as bench/libxml2_parse.cpp).
  const double libxml2 = measure_in_child([&] {
    xmlInitParser();
    return best_seconds(rounds, pages, [](const std::string& page) {
      constexpr int kOptions = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                               HTML_PARSE_COMPACT;
      htmlDocPtr doc = htmlReadMemory(page.data(), static_cast<int>(page.size()), nullptr, nullptr, kOptions);
      if (doc != nullptr) xmlFreeDoc(doc);
    });
  });
  if (libxml2 <= 0) {
    std::fprintf(stderr, "html_bench: the reference parse failed\n");
    return 2;
  }

  EngineOptions options;
  options.format = InputFormat::html;
  LoadedRules loaded = load_rules(rules_dir, options);
  print_diagnostics(loaded.diagnostics);
  if (!loaded.catalog || !loaded.engine) return 2;
  options.parser = HtmlParser::gumbo;
  LoadedRules loaded_gumbo = load_rules(rules_dir, options);
  Diagnostics diagnostics;
  const EffectiveRules effective = loaded.catalog->effective(nullptr, diagnostics);
  std::vector<const Rule*> dom_rule_list;
  for (const Rule* rule : effective.rules)
    if (rule->action == Action::html_drop || rule->action == Action::html_keep || rule->action == Action::html_root)
      dom_rule_list.push_back(rule);
  const DomRules dom_rules = DomRules::compile(dom_rule_list, diagnostics);
  print_diagnostics(diagnostics);
  ensure_libxml2_initialised();

  const double gumbo = best_seconds(rounds, pages, [](const std::string& page) {
    GumboOutput* output = gumbo_parse_with_options(&kGumboDefaultOptions, page.data(), page.size());
    gumbo_destroy_output(&kGumboDefaultOptions, output);
  });

  HtmlFrontEnd front_end;
  Document doc;
  std::string out;
  struct Row {
    const char* name;
    double seconds;
  };
  std::vector<Row> rows{{"bare libxml2 parse", libxml2}, {"bare gumbo parse", gumbo}};
  for (HtmlParser parser : {HtmlParser::libxml2, HtmlParser::gumbo}) {
    const bool is_gumbo = parser == HtmlParser::gumbo;
    rows.push_back({is_gumbo ? "front end, gumbo" : "front end, libxml2",
                    best_seconds(rounds, pages, [&](const std::string& page) {
                      front_end.build(page, parser, dom_rules, loaded.engine->metadata_words(), doc);
                    })});
    Worker worker(is_gumbo ? *loaded_gumbo.engine : *loaded.engine);
    rows.push_back({is_gumbo ? "whole extraction, gumbo" : "whole extraction, libxml2",
                    best_seconds(rounds, pages, [&](const std::string& page) {
                      worker.extract(DocumentInput{page, {}}, out);
                    })});
  }

  std::printf("%zu pages, %.1f MB, best of %d rounds, one thread, CPU time\n", pages.size(), static_cast<double>(bytes) / 1e6, rounds);
  std::printf("%-28s %9s %9s %14s\n", "", "MB/s", "pages/s", "x libxml2");
  for (const Row& row : rows)
    std::printf("%-28s %9.1f %9.0f %14.2f\n", row.name, static_cast<double>(bytes) / 1e6 / row.seconds,
                static_cast<double>(pages.size()) / row.seconds, libxml2 / row.seconds);
  return 0;
}
