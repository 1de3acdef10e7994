#include "score/content_scorer.h"

#include "score/score_window.h"

namespace declutter::score {

ContentScorer::ContentScorer(ScoreParams params, std::shared_ptr<const StopwordLists> stopwords)
    : params_(params), stopwords_(std::move(stopwords)) {}

void ContentScorer::run(Document& doc, StageScratch& scratch) const {
  if (!scratch.score) scratch.score.reset(new ScoreScratch());
  for (std::size_t begin = 0; begin < doc.blocks.size(); begin += params_.window_blocks)
    run_window(doc, begin, std::min(doc.blocks.size(), begin + params_.window_blocks), *scratch.score);
}

void ContentScorer::run_window(Document& doc, std::size_t begin, std::size_t end, ScoreScratch& s) const {
  const std::span<Block> blocks(doc.blocks.data() + begin, end - begin);
  const std::size_t n = blocks.size();
  // Text mode has no elements; HTML has one per block.
  const bool has_elements = doc.elements.size() == doc.blocks.size();
  const WindowDom dom{has_elements ? std::span<const BlockElement>(doc.elements.data() + begin, n)
                                   : std::span<const BlockElement>{},
                      doc.nodes};
  // In text mode the title is the first line (dedupe drops it when the headline repeats it
  // further down, and the headline then matches it).
  const bool title_from_first_line = doc.title.empty();
  const std::string_view page_title = !title_from_first_line ? std::string_view(doc.title)
                                      : doc.blocks.empty()   ? std::string_view{}
                                                             : doc.blocks.front().text;
  const LanguageGuess guess = measure_window(blocks, dom, page_title, *stopwords_, params_, s);
  if (begin == 0 && guess.language >= 0) doc.language = stopwords_->languages()[static_cast<std::size_t>(guess.language)];
  score_prose(blocks, guess.language >= 0, params_, s);
  undo_rules_over_article(blocks, params_, s);
  segment_content(blocks, params_, s);
  const std::optional<std::size_t> first_content = keep_content_runs(dom, blocks, *stopwords_, params_, s);
  if (!first_content) {  // no article to set the rest against: the rules alone decide
    for (std::size_t i = 0; i < n; ++i) blocks[i].score = s.prose[i] - params_.threshold;
    return;
  }
  bridge_short_gaps(blocks, *first_content, params_, s);
  join_article_container(dom, blocks, params_, s);
  join_article_element(dom, blocks, params_, s);
  share_list_fate(dom, blocks, s);
  const bool headline_in_front =
      label_article_header(dom, blocks, begin, page_title, title_from_first_line, *first_content, params_, s);
  keep_leads_under_headline(blocks, *first_content, headline_in_front, *stopwords_, params_, s);

  // Step 5: the blocks no rule decided take the verdict of their label.
  for (std::size_t i = 0; i < n; ++i) {
    Block& block = blocks[i];
    if (s.classes[i] == BlockClass::empty) continue;
    bool keep = s.content[i];
    ScoreReason why = s.reason[i];
    const bool the_headline = i == 0 && headline_in_front;
    if (s.classes[i] == BlockClass::bad && s.features[i].link_density > params_.max_link_density && !the_headline) {
      keep = false;
      why = ScoreReason::link_text;
    }
    // The score says which side of the threshold the block's own evidence fell on, and by
    // how much; the verdict adds the context (its run, the headline).
    block.score = s.prose[i] - params_.threshold;
    if (block.verdict != Verdict::undecided) continue;
    doc.decide(block, keep ? Verdict::keep : Verdict::drop, Decider::score);
    block.score_reason = why;
  }
}

}  // namespace declutter::score

namespace declutter {
void ScoreScratchDeleter::operator()(score::ScoreScratch* scratch) const { delete scratch; }

std::unique_ptr<Stage> make_score_stage(const Settings& settings,
                                        std::shared_ptr<const score::StopwordLists> stopwords, Focus focus) {
  if (!settings.flag("score") || !stopwords) return nullptr;
  return std::make_unique<score::ContentScorer>(score::ScoreParams::from(settings, focus), std::move(stopwords));
}
}  // namespace declutter
