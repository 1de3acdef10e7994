#include "cli/suggest_command.h"

#include <cstdio>

#include "authoring/suggest.h"
#include "cli/input_files.h"

namespace declutter {

int run_suggest(const CliOptions& options, const Engine& engine) {
  if (options.inputs.size() < 2) {
    std::fprintf(stderr,
                 "declutter: suggest needs at least two pages of one publisher (declutter suggest a.txt b.txt ...)\n");
    return 2;
  }
  Worker worker(engine);
  RecurrenceCounter counter;
  std::string bytes;
  std::string error;
  for (const auto& path : options.inputs) {
    if (!read_input_file(path, bytes, error, options.max_doc_bytes)) {
      std::fprintf(stderr, "declutter: %s\n", error.c_str());
      return 2;
    }
    counter.add_page(worker.analyse(DocumentInput{bytes, options.url}));
  }
  const std::size_t min_pages = options.min_pages != 0 ? options.min_pages : default_min_pages(counter.pages());
  std::string out = format_suggestions(counter.suggestions(min_pages), counter.pages(), min_pages);
  std::fwrite(out.data(), 1, out.size(), stdout);
  return 0;
}

}  // namespace declutter
