#include "cli/worker_processors.h"

#include <memory>

#include "emit/emit.h"

namespace declutter {

ProcessorFactory worker_processors(const Engine& engine, ExplainFormat explain, StatsTally* tally) {
  return [&engine, explain, tally] {
    auto worker = std::make_shared<Worker>(engine);
    std::shared_ptr<StatsTally::Counter> counter = tally != nullptr ? tally->new_counter() : nullptr;
    const OutputFormat output = engine.options().output;
    return DocumentProcessor([worker, counter, explain, output](std::string_view bytes, std::string_view url,
                                                                std::string& out, std::string&) {
      const DocumentInput input{bytes, url};
      const Document& doc = worker->analyse(input);
      if (counter) counter->add(doc);
      if (explain != ExplainFormat::none) {
        explain_document(doc, explain, out);
      } else {
        emit_document(doc, output, out);
      }
      return true;
    });
  };
}

}  // namespace declutter
