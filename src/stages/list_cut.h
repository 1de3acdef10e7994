#pragma once
// List cuts: a `cut-list` rule's line heads a box of links to other pages ("Read also",
// "Lesen Sie auch", "Veja também"). The line rules drop the heading itself, before the
// scorer, as a drop rule would. Once the scorer has run, this stage drops what it kept
// right below the heading that reads as the box's headlines: lines of at most a few words
// that end no sentence, in HTML mostly link text. In a page dump the box's headlines look
// like the article's subheadings, and the scorer keeps those that sit inside the article.
// The cut stops at the first line that reads otherwise, that a rule or the scorer dropped,
// or that the scorer took for the article's header: a heading whose box the scorer dropped
// already takes nothing of an article that follows it.
#include "stages/stage.h"

namespace declutter {

class ListCutStage final : public Stage {
 public:
  explicit ListCutStage(std::size_t max_words) : max_words_(max_words) {}
  std::string_view name() const override { return "cut-list"; }
  void run(Document& doc, StageScratch& scratch) const override;

 private:
  bool reads_as_headline(const Document& doc, std::size_t index) const;

  std::size_t max_words_;
};

}  // namespace declutter
