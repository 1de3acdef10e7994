#include "cli/extract_command.h"

#include <unistd.h>

#include <iostream>

#include "cli/profile_report.h"
#include "cli/worker_processors.h"
#include "corpus/run_documents.h"

namespace declutter {

int run_extract(const CliOptions& options, const Engine& engine) {
  RunOptions run;
  run.inputs = options.inputs;
  run.framing = options.framing;
  run.field = options.field;
  run.on_error = options.on_error;
  run.jobs = options.jobs;
  run.line_buffered = options.line_buffered;
  run.stats = options.stats;
  run.progress = ::isatty(STDERR_FILENO) == 1;
  run.max_doc_bytes = options.max_doc_bytes;
  run.url = options.url;
  run.metadata_field = options.metadata_field;
  StatsTally tally;
  if (options.stats) run.extra_stats = [&tally] { return tally.summary(); };
  ProcessorOptions processing;
  processing.explain = options.explain;
  processing.tally = options.stats ? &tally : nullptr;
  processing.metadata = !options.metadata_field.empty();
  CostProfile profile;
  processing.profile = options.profile ? &profile : nullptr;
  const int status = run_documents(run, worker_processors(engine, processing), std::cerr);
  if (options.profile) std::cerr << format_profile(profile.totals()) << std::flush;
  return status;
}

}  // namespace declutter
