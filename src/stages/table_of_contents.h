#pragma once
// Drops a table of contents: a list of lines that the page prints again, one by one and in
// the same order, as the headings of the article's sections further down. Dedupe would keep
// the list and drop the headings; the list is navigation, and the headings belong where the
// sections begin. A menu printed twice (header and footer) is no table of contents: its
// second copy is one list too, with nothing between its lines.
#include "stages/stage.h"

namespace declutter {

class TableOfContentsStage final : public Stage {
 public:
  explicit TableOfContentsStage(std::size_t min_entries) : min_entries_(min_entries) {}
  std::string_view name() const override { return "contents"; }
  void run(Document& doc, StageScratch& scratch) const override;

 private:
  std::size_t min_entries_;
};

}  // namespace declutter
