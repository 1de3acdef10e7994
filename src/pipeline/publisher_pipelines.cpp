#include "pipeline/publisher_pipelines.h"

#include <utility>

namespace declutter {

PublisherPipelines::PublisherPipelines(const RuleCatalog& catalog, const EngineOptions& options,
                                       WordLists lists, RegexCache regexes, const Pipeline& common, Diagnostics& diagnostics)
    : catalog_(catalog),
      options_(options),
      lists_(std::move(lists)),
      regexes_(std::move(regexes)),
      ready_(catalog.publishers().size()) {
  for (const RuleFile& publisher : catalog.publishers())
    Pipeline::check(catalog, &publisher, options, common.rules(), diagnostics);
}

PublisherPipelines::~PublisherPipelines() = default;

const Pipeline* PublisherPipelines::get(const RuleFile* publisher) const {
  const auto& publishers = catalog_.publishers();
  std::size_t index = 0;
  while (index < publishers.size() && &publishers[index] != publisher) ++index;
  if (index == publishers.size()) return nullptr;
  auto& slot = ready_[index];
  if (const Pipeline* pipeline = slot.load(std::memory_order_acquire)) return pipeline;
  std::lock_guard<std::mutex> lock(build_mutex_);
  if (const Pipeline* pipeline = slot.load(std::memory_order_relaxed)) return pipeline;
  Diagnostics already_reported;  // by the constructor's check
  built_.push_back(Pipeline::build(catalog_, publisher, options_, regexes_, lists_, already_reported));
  slot.store(built_.back().get(), std::memory_order_release);
  return built_.back().get();
}

}  // namespace declutter
