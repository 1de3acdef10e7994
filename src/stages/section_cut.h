#pragma once
// Section cuts: `cut` drops from a marker line to the end of the document, `cut-block`
// from a marker to the next paragraph break, `cut-before` everything before a marker.
// A line a keep rule protects is never a marker, and neither is text a DOM rule removed
// (an aside's "Related" heading must not cut the article that follows the aside). Past the
// first `cut` marker, each further one starts a section that its own rule drops: when the
// scorer undoes one cut (its marker stood inside the article), the boxes below the next
// marker still go.
#include <span>

#include "rules/matcher_set.h"
#include "stages/line_view.h"
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
  // Drops from the `cut` marker at `marker` to the end, a section per marker.
  void cut_to_end(Document& doc, LineWalker& walker, std::size_t marker, const Rule* rule,
                  StageScratch& scratch) const;

  MatcherSet cut_;
  MatcherSet cut_block_;
  MatcherSet cut_before_;
};

}  // namespace declutter
