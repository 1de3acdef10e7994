#include "stages/edge_trim.h"

#include "text/normalize.h"

namespace declutter {
namespace {
bool ends_sentence(std::string_view text) {
  text = trim_space(text);
  if (text.empty()) return false;
  static constexpr std::string_view kEnders[] = {".", "!", "?", "\u2026", "\u3002", "\uFF01", "\uFF1F", ".\"",
                                                 ".\u201D", "!\u201D", "?\u201D", ".)",
                                                 // Arabic, Urdu, Devanagari, Armenian, Myanmar, Ethiopic, Khmer
                                                 "\u061F", "\u06D4", "\u0964", "\u0965", "\u0589", "\u104B", "\u1362",
                                                 "\u17D4"};
  for (auto ender : kEnders)
    if (text.ends_with(ender)) return true;
  return false;
}
}  // namespace

bool EdgeTrimStage::trimmable(const Block& block) const {
  if (block.verdict == Verdict::keep || block.kind == BlockKind::title) return false;
  return count_words(block.text) <= max_words_ && count_chars(block.text) <= max_chars_ && !ends_sentence(block.text);
}

void EdgeTrimStage::run(Document& doc, StageScratch& /*scratch*/) const {
  auto& blocks = doc.blocks;
  for (auto& block : blocks) {
    if (block.dropped()) continue;
    if (!trimmable(block)) break;
    doc.decide(block, Verdict::drop, Decider::edge_trim);
  }
  for (auto it = blocks.rbegin(); it != blocks.rend(); ++it) {
    if (it->dropped()) continue;
    if (!trimmable(*it)) break;
    doc.decide(*it, Verdict::drop, Decider::edge_trim);
  }
}

}  // namespace declutter
