#include "cli/worker_processors.h"

#include <memory>

namespace declutter {

ProcessorFactory worker_processors(const Engine& engine, ExplainFormat explain) {
  return [&engine, explain] {
    auto worker = std::make_shared<Worker>(engine);
    return DocumentProcessor([worker, explain](std::string_view bytes, std::string_view url, std::string& out,
                                               std::string&) {
      const DocumentInput input{bytes, url};
      if (explain != ExplainFormat::none) {
        explain_document(worker->analyse(input), explain, out);
      } else {
        worker->extract(input, out);
      }
      return true;
    });
  };
}

}  // namespace declutter
