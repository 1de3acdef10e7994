#include "cli/worker_processors.h"

#include <memory>

#include "emit/emit.h"
#include "emit/metadata.h"

namespace declutter {

ProcessorFactory worker_processors(const Engine& engine, const ProcessorOptions& options) {
  return [&engine, explain = options.explain, tally = options.tally, metadata = options.metadata,
          profile = options.profile] {
    auto worker = std::make_shared<Worker>(engine);
    std::shared_ptr<StatsTally::Counter> counter = tally != nullptr ? tally->new_counter() : nullptr;
    std::shared_ptr<CostCounter> costs = profile != nullptr ? profile->new_counter() : nullptr;
    worker->time_into(costs.get());
    const OutputFormat output = engine.options().output;
    return DocumentProcessor([worker, counter, costs, explain, metadata, output](
                                 const DocumentInput& input, DocumentResult& result) {
      const Document& doc = worker->analyse(input);
      if (counter) counter->add(doc);
      const StepTimer timer(costs.get(), explain != ExplainFormat::none ? "explain" : "emit");
      if (explain != ExplainFormat::none) {
        explain_document(doc, explain, result.text);
      } else {
        emit_document(doc, output, result.text);
      }
      if (metadata) append_metadata_json(describe_document(doc, result.text), result.metadata);
      return true;
    });
  };
}

}  // namespace declutter
