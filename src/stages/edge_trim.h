#pragma once
// The first and last lines of a page dump are chrome more often than not: a "Breaking
// News" label, a menu, "Close", a row of share buttons. This stage drops the runs of short
// lines without sentence punctuation at both ends of what is still kept, and stops at the
// first line that reads like prose. The page title (HTML) is never trimmed.
#include "stages/stage.h"

namespace declutter {

class EdgeTrimStage final : public Stage {
 public:
  EdgeTrimStage(std::size_t max_words, std::size_t max_chars) : max_words_(max_words), max_chars_(max_chars) {}
  std::string_view name() const override { return "edge-trim"; }
  void run(Document& doc, StageScratch& scratch) const override;
  bool trimmable(const Block& block) const;

 private:
  std::size_t max_words_;
  std::size_t max_chars_;
};

}  // namespace declutter
