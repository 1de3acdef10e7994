#include "pipeline/pipeline.h"

#include <algorithm>

#include "score/content_scorer.h"
#include "stages/dedupe.h"
#include "stages/edge_trim.h"
#include "stages/header_drop.h"
#include "stages/line_rules.h"
#include "stages/list_cut.h"
#include "stages/safety_valve.h"
#include "stages/section_cut.h"
#include "stages/table_of_contents.h"

namespace declutter {
namespace {
std::uint8_t focus_bit(Focus focus) {
  switch (focus) {
    case Focus::precision: return focus_precision;
    case Focus::recall: return focus_recall;
    case Focus::balanced: break;
  }
  return focus_balanced;
}

// The html rules the DOM stage compiles: drop, then keep, root and metadata rules, in file order.
std::vector<const Rule*> dom_rules_of(const std::vector<const Rule*>& rules, Focus focus) {
  std::vector<const Rule*> dom_rules;
  for (Action action : {Action::html_drop, Action::html_keep, Action::html_root, Action::html_date, Action::html_author})
    for (const Rule* rule : rules)
      if (rule->action == action && (rule->focus & focus_bit(focus)) != 0) dom_rules.push_back(rule);
  return dom_rules;
}
}  // namespace

std::unique_ptr<Pipeline> Pipeline::build(const RuleCatalog& catalog, const RuleFile* publisher,
                                          const EngineOptions& options, RegexCache& regexes,
                                          const WordLists& lists, Diagnostics& diagnostics) {
  auto pipeline = std::make_unique<Pipeline>();
  pipeline->rules_ = catalog.effective(publisher, diagnostics);

  std::vector<const Rule*> by_action[kActionCount];
  const std::uint8_t focus = focus_bit(options.focus);
  for (const Rule* rule : pipeline->rules_.rules)
    if ((rule->focus & focus) != 0) by_action[static_cast<int>(rule->action)].push_back(rule);
  auto rules_for = [&](Action action) -> const std::vector<const Rule*>& {
    return by_action[static_cast<int>(action)];
  };

  pipeline->dom_rules_ = DomRules::compile(dom_rules_of(pipeline->rules_.rules, options.focus), diagnostics);

  // A cut-list rule drops its heading line as a drop rule does, in file order among them.
  std::vector<const Rule*> drops;
  for (const Rule* rule : pipeline->rules_.rules)
    if ((rule->focus & focus) != 0 && (rule->action == Action::drop || rule->action == Action::cut_list))
      drops.push_back(rule);
  const std::shared_ptr<const Stage> line_rules =
      std::make_shared<LineRuleStage>(rules_for(Action::keep), drops, regexes);
  const std::shared_ptr<const Stage> section_cuts = std::make_shared<SectionCutStage>(
      rules_for(Action::cut), rules_for(Action::cut_block), rules_for(Action::cut_before), regexes);
  for (const SourceFormat format : {SourceFormat::text, SourceFormat::html}) {
    const Settings& settings = pipeline->rules_.settings(format);
    auto& stages = pipeline->stages_by_format_[format_index(format)];
    stages.push_back(line_rules);
    stages.push_back(section_cuts);
    if (settings.flag("contents"))
      stages.push_back(std::make_shared<TableOfContentsStage>(settings.count("contents-min-entries")));
    if (settings.flag("dedupe")) stages.push_back(std::make_shared<DedupeStage>(settings.count("dedupe-min-chars"),
                                                                              settings.count("dedupe-title-max-chars")));
    if (settings.flag("edge-trim"))
      stages.push_back(
          std::make_shared<EdgeTrimStage>(settings.count("edge-trim-max-words"), settings.count("edge-trim-max-chars")));
    // Scoring decides what no rule did, so it runs after every rule stage; the safety valve
    // only ever undoes generic rule verdicts, never the score's.
    if (auto scorer = make_score_stage(settings, lists.stopwords, options.focus)) stages.push_back(std::move(scorer));
    // Header drops and list cuts read the scorer's verdicts.
    if (!rules_for(Action::drop_header).empty())
      stages.push_back(std::make_shared<HeaderDropStage>(rules_for(Action::drop_header), regexes, lists.names,
                                                         settings.count("drop-header-paragraph-words")));
    if (!rules_for(Action::cut_list).empty())
      stages.push_back(std::make_shared<ListCutStage>(settings.count("cut-list-max-words")));
    stages.push_back(std::make_shared<SafetyValveStage>(settings.number("max-removed")));
  }
  return pipeline;
}

void Pipeline::check(const RuleCatalog& catalog, const RuleFile* publisher, const EngineOptions& options,
                     const EffectiveRules& checked, Diagnostics& diagnostics) {
  const EffectiveRules rules = catalog.effective(publisher, diagnostics);
  std::vector<const Rule*> unchecked;
  for (const Rule* rule : rules.rules)
    if (is_dom_action(rule->action) &&
        std::find(checked.rules.begin(), checked.rules.end(), rule) == checked.rules.end())
      unchecked.push_back(rule);
  DomRules::compile(dom_rules_of(unchecked, options.focus), diagnostics);
}

}  // namespace declutter
