#pragma once
// The stages one rule set compiles to, in order. Built once per publisher file (and once
// for the common set alone) and shared, read-only, by every worker thread.
#include <array>
#include <memory>
#include <vector>

#include "core/cost_profile.h"
#include "core/diagnostic.h"
#include "html/dom_rules.h"
#include "pipeline/engine.h"
#include "rules/catalog.h"
#include "rules/matcher_set.h"
#include "score/stopwords.h"
#include "stages/stage.h"
#include "text/person_names.h"

namespace declutter {

// The rules' word lists that every pipeline reads the same: parsed once, shared by all.
struct WordLists {
  std::shared_ptr<const score::StopwordLists> stopwords;  // the scorer's
  std::shared_ptr<const PersonNames> names;               // drop-header's `name`
};

class Pipeline {
 public:
  static std::unique_ptr<Pipeline> build(const RuleCatalog& catalog, const RuleFile* publisher,
                                         const EngineOptions& options, RegexCache& regexes,
                                         const WordLists& lists, Diagnostics& diagnostics);

  // Reports what build() would for `publisher` without building it: the catalog's problems
  // with its rule set, and bad selectors or XPath among its html rules that are not in
  // `checked` (rules a pipeline already built has reported on).
  static void check(const RuleCatalog& catalog, const RuleFile* publisher, const EngineOptions& options,
                    const EffectiveRules& checked, Diagnostics& diagnostics);

  // Runs the stages for the document's format (their settings may differ by format).
  void run(Document& doc, StageScratch& scratch) const {
    scratch.keys.reset();
    for (const auto& stage : stages_by_format_[format_index(doc.format)]) {
      const StepTimer timer(scratch.regex.costs, stage->name());
      stage->run(doc, scratch);
    }
  }
  const RuleFile* publisher() const { return rules_.publisher; }
  const EffectiveRules& rules() const { return rules_; }
  const DomRules& dom_rules() const { return dom_rules_; }

 private:
  EffectiveRules rules_;
  // The rule stages read no settings and are shared; the others are built per format.
  std::array<std::vector<std::shared_ptr<const Stage>>, kSourceFormats> stages_by_format_;
  DomRules dom_rules_;
};

}  // namespace declutter
