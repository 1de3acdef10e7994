// HTML throughput, one thread, on a folder of pages (the dev set by default): bare libxml2
// parsing and bare Gumbo parsing as references, then our front end (decode, parse, DOM
// rules, blocks) and the whole extraction (front end, text stages, emit) with each parser,
// all in the same run. Each figure is the best of --rounds passes over all pages.
//
//   html_bench [DIR] [--rounds N] [--rules DIR]
#include <gumbo.h>
#include <libxml/HTMLparser.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

#include "cli/rules_loader.h"
#include "emit/text_emitter.h"
#include "html/html_front_end.h"
#include "html/xml_doc.h"
#include "pipeline/pipeline.h"

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
  double best = 1e300;
  for (int round = 0; round < rounds; ++round) {
    const auto start = std::chrono::steady_clock::now();
    for (const auto& page : pages) run(page);
    best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }
  return best;
}

}  // namespace

int main(int argc, char** argv) {
  std::string dir = "/work/shared/devset/html";
  std::string rules_dir;  // empty: the rules built into the binary
  int rounds = 3;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--rounds" && i + 1 < argc) {
      rounds = std::max(1, std::atoi(argv[++i]));
    } else if (arg == "--rules" && i + 1 < argc) {
      rules_dir = argv[++i];
    } else {
      dir = arg;
    }
  }
  const std::vector<std::string> pages = load_pages(dir);
  std::size_t bytes = 0;
  for (const auto& page : pages) bytes += page.size();
  if (pages.empty()) {
    std::fprintf(stderr, "html_bench: no .html pages in %s\n", dir.c_str());
    return 2;
  }

  EngineOptions options;
  LoadedRules loaded = load_rules(rules_dir, options);
  print_diagnostics(loaded.diagnostics);
  if (!loaded.catalog) return 2;
  Diagnostics diagnostics;
  const EffectiveRules effective = loaded.catalog->effective(nullptr, diagnostics);
  const DomRules dom_rules = DomRules::compile(effective.rules, diagnostics);
  RegexCache regexes;
  const auto pipeline = Pipeline::build(*loaded.catalog, nullptr, options, regexes, diagnostics);
  print_diagnostics(diagnostics);
  ensure_libxml2_initialised();

  const double libxml2 = best_seconds(rounds, pages, [](const std::string& page) {
    constexpr int kOptions = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                             HTML_PARSE_COMPACT;
    XmlDocPtr doc(htmlReadMemory(page.data(), static_cast<int>(page.size()), nullptr, nullptr, kOptions));
  });
  const double gumbo = best_seconds(rounds, pages, [](const std::string& page) {
    GumboOutput* output = gumbo_parse_with_options(&kGumboDefaultOptions, page.data(), page.size());
    gumbo_destroy_output(&kGumboDefaultOptions, output);
  });

  HtmlFrontEnd front_end;
  Document doc;
  StageScratch scratch;
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
                      front_end.build(page, parser, dom_rules, doc);
                    })});
    rows.push_back({is_gumbo ? "whole extraction, gumbo" : "whole extraction, libxml2",
                    best_seconds(rounds, pages, [&](const std::string& page) {
                      front_end.build(page, parser, dom_rules, doc);
                      pipeline->run(doc, scratch);
                      emit_text(doc, out);
                    })});
  }

  std::printf("%zu pages, %.1f MB, best of %d rounds, one thread\n", pages.size(), static_cast<double>(bytes) / 1e6, rounds);
  std::printf("%-28s %9s %9s %14s\n", "", "MB/s", "pages/s", "x libxml2");
  for (const Row& row : rows)
    std::printf("%-28s %9.1f %9.0f %14.2f\n", row.name, static_cast<double>(bytes) / 1e6 / row.seconds,
                static_cast<double>(pages.size()) / row.seconds, libxml2 / row.seconds);
  return 0;
}
