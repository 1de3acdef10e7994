#pragma once
// The pipelines of the publisher files, each compiled the first time a document needs it:
// most processes read one page, which needs one publisher's rules or none, and compiling
// all of them cost about as much as the rest of start-up. Construction checks every
// publisher file (Pipeline::check), so rule errors are still reported before any input is
// read; the pipelines themselves are built later without diagnostics.
#include <atomic>
#include <memory>
#include <mutex>
#include <vector>

#include "pipeline/pipeline.h"

namespace declutter {

class PublisherPipelines {
 public:
  PublisherPipelines(const RuleCatalog& catalog, const EngineOptions& options,
                     WordLists lists, RegexCache regexes,
                     const Pipeline& common, Diagnostics& diagnostics);
  ~PublisherPipelines();
  PublisherPipelines(const PublisherPipelines&) = delete;
  PublisherPipelines& operator=(const PublisherPipelines&) = delete;

  // The pipeline of `publisher` (one of the catalog's publishers), compiled on first use;
  // null for a file the catalog does not hold. Safe to call from several threads at once.
  const Pipeline* get(const RuleFile* publisher) const;

 private:
  const RuleCatalog& catalog_;
  const EngineOptions& options_;
  WordLists lists_;
  mutable std::mutex build_mutex_;
  mutable RegexCache regexes_;                            // guarded by build_mutex_
  mutable std::vector<std::unique_ptr<Pipeline>> built_;  // guarded by build_mutex_
  mutable std::vector<std::atomic<const Pipeline*>> ready_;  // per catalog publisher, once built
};

}  // namespace declutter
