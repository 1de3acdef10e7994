#include "cli/extract_command.h"

#include <unistd.h>

#include <iostream>
#include <memory>

#include "authoring/explain.h"
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
  // One Worker per thread: it holds that thread's scratch (match data, reused Document).
  const ExplainFormat explain = options.explain;
  const ProcessorFactory make_processor = [&engine, explain] {
    auto worker = std::make_shared<Worker>(engine);
    return DocumentProcessor([worker, explain](std::string_view bytes, std::string_view url,
                                               std::string& out, std::string&) {
      const DocumentInput input{bytes, url};
      if (explain != ExplainFormat::none) {
        explain_document(worker->analyse(input), explain, out);
      } else {
        worker->extract(input, out);
      }
      return true;
    });
  };
  return run_documents(run, make_processor, std::cerr);
}

}  // namespace declutter
