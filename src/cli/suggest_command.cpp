#include "cli/suggest_command.h"

#include <cstdio>

#include "authoring/suggest.h"
#include "cli/input_files.h"

namespace declutter {

int run_suggest(const CliOptions& options, const Engine& engine) {
  const bool warc = options.framing == Framing::warc;
  if (!warc && options.inputs.size() < 2) {
    std::fprintf(stderr,
                 "declutter: suggest needs at least two pages of one publisher (declutter suggest a.txt b.txt ...)\n");
    return 2;
  }
  Worker worker(engine);
  RecurrenceCounter counter;
  const bool read = for_each_input_page(
      options, [&](const DocumentInput& page, std::string_view) { counter.add_page(worker.analyse(page)); });
  if (!read) return 2;
  if (counter.pages() < 2) {
    std::fprintf(stderr, "declutter: suggest needs at least two pages of one publisher; the WARC input holds %zu\n",
                 counter.pages());
    return 2;
  }
  const std::size_t min_pages = options.min_pages != 0 ? options.min_pages : default_min_pages(counter.pages());
  std::string out = format_suggestions(counter.suggestions(min_pages), counter.pages(), min_pages);
  std::fwrite(out.data(), 1, out.size(), stdout);
  return 0;
}

}  // namespace declutter
