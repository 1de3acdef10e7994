#pragma once
// Header drops: a `drop-header` rule drops the lines it matches in the article's head, the
// short lines the scorer kept between the headline and the first paragraph (byline, date,
// kicker): those it took for the article's header, and those its article run opens with
// before a line of drop-header-paragraph-words words. There a line that is a bare name is
// the author's byline, while the same line inside the article may be a list of people or
// an interview's speaker; so these rules wait for the scorer, which tells the head from
// the rest, and act on no other line. Besides phrases and regexes they take the matcher
// `name` (text/person_names.h).
#include <memory>
#include <span>
#include <vector>

#include "rules/matcher_set.h"
#include "stages/stage.h"
#include "text/person_names.h"

namespace declutter {

class HeaderDropStage final : public Stage {
 public:
  HeaderDropStage(std::span<const Rule* const> rules, RegexCache& cache, std::shared_ptr<const PersonNames> names,
                  std::size_t paragraph_words);
  std::string_view name() const override { return "drop-header"; }
  void run(Document& doc, StageScratch& scratch) const override;

 private:
  // The first rule that matches the line: phrases and regexes first, then `name`.
  const Rule* find(const LineView& line, StageScratch& scratch) const;

  MatcherSet matchers_;
  std::vector<const Rule*> name_rules_;
  std::shared_ptr<const PersonNames> names_;
  std::size_t paragraph_words_;
};

}  // namespace declutter
