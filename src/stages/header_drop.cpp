#include "stages/header_drop.h"

#include "rules/rule.h"
#include "stages/line_view.h"
#include "text/normalize.h"

namespace declutter {
namespace {

bool scorer_kept(const Block& block, ScoreReason reason) {
  return block.verdict == Verdict::keep && block.decider == Decider::score && block.score_reason == reason;
}

}  // namespace

HeaderDropStage::HeaderDropStage(std::span<const Rule* const> rules, RegexCache& cache,
                                 std::shared_ptr<const PersonNames> names, std::size_t paragraph_words)
    : matchers_(rules, cache), names_(std::move(names)), paragraph_words_(paragraph_words) {
  for (const Rule* rule : rules)
    if (rule->match == MatchKind::name) name_rules_.push_back(rule);
}

const Rule* HeaderDropStage::find(const LineView& line, StageScratch& scratch) const {
  if (const Rule* rule = matchers_.find(line, scratch.regex)) return rule;
  if (name_rules_.empty() || names_ == nullptr || !names_->names_only(line.trimmed)) return nullptr;
  for (const Rule* rule : name_rules_)
    if (position_admits(*rule, line.position)) return rule;
  return nullptr;
}

void HeaderDropStage::run(Document& doc, StageScratch& scratch) const {
  // The head is a few lines of a page: only those are matched, the others passed over.
  LineWalker walker(doc);
  bool paragraph_seen = false;
  for (std::size_t i = 0; i < doc.blocks.size(); ++i) {
    Block& block = doc.blocks[i];
    bool head = scorer_kept(block, ScoreReason::header);
    // The article's run belongs to the head up to its first paragraph.
    if (!head && !paragraph_seen && scorer_kept(block, ScoreReason::article)) {
      head = count_words(block.text) < paragraph_words_;
      paragraph_seen = !head;
    }
    if (!head) continue;
    const LineView line = walker.view_at(doc, i, scratch);
    if (const Rule* rule = find(line, scratch)) doc.overrule_score(block, Verdict::drop, Decider::rule, rule);
  }
}

}  // namespace declutter
