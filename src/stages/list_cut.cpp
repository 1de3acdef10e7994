#include "stages/list_cut.h"

#include "text/normalize.h"

namespace declutter {
namespace {

bool heads_list(const Block& block) {
  return block.verdict == Verdict::drop && block.decider == Decider::rule && block.rule != nullptr &&
         block.rule->action == Action::cut_list;
}

// The scorer's own keeps, but for the article's header: a box heading with nothing below it
// may stand right above the article's headline.
bool scorer_kept(const Block& block) {
  if (block.verdict != Verdict::keep || block.decider != Decider::score) return false;
  const ScoreReason reason = block.score_reason;
  return reason != ScoreReason::headline && reason != ScoreReason::header && reason != ScoreReason::standfirst;
}

// A sentence mark with more text after it: a headline is one sentence at most, and a line of
// two is a comment or a paragraph (an abbreviation's dot ends the list early, never late).
bool holds_sentence_end(std::string_view text) {
  text = trim_space(text);
  for (std::size_t i = 0; i + 1 < text.size(); ++i) {
    const char c = text[i];
    if ((c == '.' || c == '!' || c == '?') && text[i + 1] == ' ') return true;
  }
  return false;
}

}  // namespace

bool ListCutStage::reads_as_headline(const Document& doc, std::size_t index) const {
  const std::string_view text = doc.blocks[index].text;
  const std::size_t words = count_words(text);
  return words > 0 && words <= max_words_ && !ends_sentence(text) && !holds_sentence_end(text) &&
         mostly_link_text(doc, index);
}

void ListCutStage::run(Document& doc, StageScratch& /*scratch*/) const {
  const std::size_t n = doc.blocks.size();
  for (std::size_t marker = 0; marker < n; ++marker) {
    if (!heads_list(doc.blocks[marker])) continue;
    // The headlines: the lines right below the heading that read as such.
    std::size_t end = marker + 1;
    while (end < n && scorer_kept(doc.blocks[end]) && reads_as_headline(doc, end)) ++end;
    // Where the article's prose goes on right below the box, the last of them may be the
    // heading of the section that prose opens.
    const bool prose_follows = end < n && scorer_kept(doc.blocks[end]);
    const std::size_t last = prose_follows && end > marker + 1 ? end - 1 : end;
    for (std::size_t i = marker + 1; i < last; ++i)
      doc.overrule_score(doc.blocks[i], Verdict::drop, Decider::section_cut, doc.blocks[marker].rule);
    marker = end - 1;  // the line that ended the list may head one itself
  }
}

}  // namespace declutter
