#pragma once
// The content scoring stage: decides the blocks no rule decided, as article or boilerplate.
//
// 1. Detect the language from stopword hits (language.h) and measure every block (features.h).
// 2. Give each block a prose score from its own evidence: length, stopword density,
//    sentence punctuation, minus link density, capitalisation, digits, decoration and
//    repetition (jusText's classes and boilerpipe's densities, as one weighted sum).
// 3. Label runs of blocks content or boilerplate by a two-state segmentation (Viterbi) over
//    those scores; a short block or one a rule dropped counts little against its run, and
//    dropped chrome after the article's first good paragraph (a share bar, a comment form)
//    still ends it.
// 4. Keep the run with the most good prose and the runs near enough to it; bridge short
//    gaps; in HTML, join the blocks of the article's own container and items of one list,
//    find the element holding the article (article_element.h), keep its short blocks and
//    drop small runs of prose after it; recover the headline and the lines under it.
// 5. Blocks no rule decided get the verdict of their label, and the step that gave it
//    (Block::score_reason), which --explain prints.
//
// Each step is a function declared in score_window.h: steps 1 and 2 in prose_score.cpp, 3
// and 4 in content_runs.cpp, the HTML joins in article_extent.cpp, the header in
// article_header.cpp; run_window calls them in order.
#include <memory>

#include "core/settings.h"
#include "pipeline/engine.h"
#include "score/features.h"
#include "score/language.h"
#include "score/stopwords.h"
#include "stages/stage.h"

namespace declutter::score {

// Every number the stage uses, read from Settings once when the stage is built.
struct ScoreParams {
  std::size_t window_blocks = 5000;
  float short_words = 5;
  float good_words = 25;
  CharsPerWord chars_per_word;
  float stopwords_low = 0.22F;
  float stopwords_high = 0.32F;
  float stopwords_unknown = 0.5F;
  LanguageThresholds language;
  float weight_length = 1;
  float weight_stopwords = 1;
  float weight_punctuation = 1;
  float weight_links = 3;
  float titlecase_base = 0.4F;    // when the page has too little prose to measure its own
  float titlecase_margin = 0.15F;  // capitals a line may show beyond the page's prose
  float weight_titlecase = 1;
  float weight_caps = 1;
  float weight_digits = 1;
  float weight_decoration = 1;
  float weight_repeat = 1;
  float max_link_density = 0.5F;
  float good = 1.5F;
  float near_good = 0.5F;
  float emission_cap = 4;
  float short_cap = 0.5F;
  float dropped_cap = 0;
  float switch_cost = 4;
  float run_min_share = 0.25F;
  float run_gap_scale = 10;
  float run_gap_dropped_weight = 0.5F;
  float lead_topic_share = 0.2F;   // 0: a run before the article is judged by its share alone
  std::size_t lead_topic_words = 5;
  std::size_t topic_word_bytes = 5;
  float after_topic_mass = 0;      // 0: a run after the article is judged by its share alone
  float after_topic_gap = 2;
  std::size_t bridge_blocks = 8;
  std::size_t bridge_announced_blocks = 24;  // ... under a line ending with a colon
  float container_min_share = 0.3F;
  float article_share = 0;         // 0: no article element
  bool article_fill = false;
  std::size_t article_tail_blocks = 0;  // 0: nothing after the article's last paragraph is kept for its place
  float dom_rule_max_prose = 0;  // 0: DOM rules always stand
  float cut_max_prose = 0;       // 0: section cuts always stand
  float article_outside_share = 0;  // 0: runs outside the article element are left alone
  std::size_t headline_reach = 12;
  std::size_t headline_far_reach = 36;
  float headline_min_words = 4;
  std::size_t headline_lead_reach = 6;
  std::size_t headline_lead_words = 1;  // 0: no run stays for lying under a copy of the title
  float header_min_score = -3.5F;  // below it, a line of the article's header goes
  float header_long_min_score = 1000;  // ... and a long block of little prose (1000: all go)
  float threshold = 0;  // for the focus the stage was built with

  static ScoreParams from(const Settings& settings, Focus focus);
};

enum class BlockClass : std::uint8_t { empty, bad, short_block, near_good, good };

// The prose score of one block from its own evidence (step 2).
// `titlecase_base`: the share of capitalised words above which a block reads like a menu.
float prose_score(const BlockFeatures& features, bool language_known, float titlecase_base, const ScoreParams& params);
BlockClass classify(const BlockFeatures& features, float score, const ScoreParams& params);

class ContentScorer final : public Stage {
 public:
  ContentScorer(ScoreParams params, std::shared_ptr<const StopwordLists> stopwords);
  std::string_view name() const override { return "score"; }
  void run(Document& doc, StageScratch& scratch) const override;

 private:
  void run_window(Document& doc, std::size_t begin, std::size_t end, ScoreScratch& s) const;

  ScoreParams params_;
  std::shared_ptr<const StopwordLists> stopwords_;
};

}  // namespace declutter::score

namespace declutter {
// Builds the scoring stage for the pipeline; nullptr when the `score` setting is off.
std::unique_ptr<Stage> make_score_stage(const Settings& settings,
                                        std::shared_ptr<const score::StopwordLists> stopwords, Focus focus);
}  // namespace declutter
