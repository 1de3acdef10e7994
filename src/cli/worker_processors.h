#pragma once
// The processors run_documents needs, backed by the engine: one Worker per thread (it
// holds that thread's scratch: match data, the reused Document), each turning a document
// into clean text, or into its --explain listing.
#include "authoring/explain.h"
#include "cli/stats_tally.h"
#include "core/cost_profile.h"
#include "corpus/run_documents.h"
#include "pipeline/engine.h"

namespace declutter {

struct ProcessorOptions {
  ExplainFormat explain = ExplainFormat::none;  // --explain: the listing instead of the clean text
  StatsTally* tally = nullptr;  // --stats: counts what each document's rules and stages dropped
  bool metadata = false;        // --metadata: describe each document in DocumentResult::metadata
  CostProfile* profile = nullptr;  // --profile: times each document's steps and regex matches
};

ProcessorFactory worker_processors(const Engine& engine, const ProcessorOptions& options = {});

}  // namespace declutter
