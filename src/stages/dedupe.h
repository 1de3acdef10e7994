#pragma once
// Drops a line that repeats an earlier kept line (a headline printed twice, a caption shown
// under the photo and again in the gallery). Compares phrase keys, so case and spacing do
// not hide a repeat; lines shorter than dedupe-min-chars are left alone. A line a keep or
// html-keep rule protected is dropped only as the repeat of another such line. The one
// first copy that goes instead of its repeat is a text page's first line, its title, when
// the page prints it again (as the headline above the article) and it is no longer than
// dedupe-title-max-chars (longer, it is the article's first paragraph, quoted further down).
#include "stages/stage.h"

namespace declutter {

class DedupeStage final : public Stage {
 public:
  DedupeStage(std::size_t min_chars, std::size_t title_max_chars)
      : min_chars_(min_chars), title_max_chars_(title_max_chars) {}
  std::string_view name() const override { return "dedupe"; }
  void run(Document& doc, StageScratch& scratch) const override;

 private:
  std::size_t min_chars_;
  std::size_t title_max_chars_;
};

}  // namespace declutter
