#pragma once
// A general rule that removes nearly the whole document is far more likely to be wrong
// than right (trafilatura keeps the same guard). When the common rules and the generic
// stages together removed more than max-removed of the text, their verdicts are undone.
// Publisher rules and the content scorer are trusted and left as they are.
#include "stages/stage.h"

namespace declutter {

class SafetyValveStage final : public Stage {
 public:
  explicit SafetyValveStage(double max_removed) : max_removed_(max_removed) {}
  std::string_view name() const override { return "safety-valve"; }
  void run(Document& doc, StageScratch& scratch) const override;

 private:
  double max_removed_;
};

}  // namespace declutter
