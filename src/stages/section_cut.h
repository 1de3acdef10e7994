#pragma once
// Section cuts: `cut` drops from a marker line to the end of the document, `cut-block`
// from a marker to the next paragraph break, `cut-before` everything before a marker.
// A line a keep rule protects is never a marker, and neither is text a DOM rule removed
// (an aside's "Related" heading must not cut the article that follows the aside).
#include <span>

#include "rules/matcher_set.h"
#include "stages/stage.h"

namespace declutter {

class SectionCutStage final : public Stage {
 public:
  SectionCutStage(std::span<const Rule* const> cut, std::span<const Rule* const> cut_block,
                  std::span<const Rule* const> cut_before, RegexCache& cache)
      : cut_(cut, cache), cut_block_(cut_block, cache), cut_before_(cut_before, cache) {}
  std::string_view name() const override { return "section-cut"; }
  void run(Document& doc, StageScratch& scratch) const override;

 private:
  MatcherSet cut_;
  MatcherSet cut_block_;
  MatcherSet cut_before_;
};

}  // namespace declutter
