#pragma once
// The processors run_documents needs, backed by the engine: one Worker per thread (it
// holds that thread's scratch: match data, the reused Document), each turning a document
// into clean text, or into its --explain listing.
#include "authoring/explain.h"
#include "cli/stats_tally.h"
#include "corpus/run_documents.h"
#include "pipeline/engine.h"

namespace declutter {

// `tally`, when given, counts what each document's rules and stages dropped (--stats).
ProcessorFactory worker_processors(const Engine& engine, ExplainFormat explain = ExplainFormat::none,
                                   StatsTally* tally = nullptr);

}  // namespace declutter
