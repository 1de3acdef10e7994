#include "stages/edge_trim.h"

#include "text/normalize.h"
#include "text/unicode.h"

namespace declutter {
namespace {
// Whether the text's last character, or the one before a closing quote or bracket, ends a
// sentence: the scorer's marks (text/unicode.h), so that both stages agree on what a sentence is.
bool ends_sentence(std::string_view text) {
  text = trim_space(text);
  if (text.empty()) return false;
  unicode::CodePoint last = unicode::decode_before(text, text.size());
  if (unicode::is_closing_mark(last.value) && last.length < text.size())
    last = unicode::decode_before(text, text.size() - last.length);
  return unicode::is_sentence_mark(last.value);
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
