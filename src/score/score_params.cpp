#include <algorithm>

#include "score/content_scorer.h"

namespace declutter::score {

ScoreParams ScoreParams::from(const Settings& settings, Focus focus) {
  ScoreParams p;
  const auto num = [&](std::string_view name) { return static_cast<float>(settings.number(name)); };
  p.window_blocks = std::max<std::size_t>(1, settings.count("score-window-blocks"));
  p.short_words = std::max(1.0F, num("score-short-words"));
  p.good_words = std::max(p.short_words + 1, num("score-good-words"));
  p.chars_per_word = CharsPerWord{num("score-cjk-chars-per-word"), num("score-unspaced-chars-per-word")};
  p.stopwords_low = num("score-stopwords-low");
  p.stopwords_high = std::max(p.stopwords_low + 0.01F, num("score-stopwords-high"));
  p.stopwords_unknown = num("score-stopwords-unknown");
  p.language.min_share = settings.number("score-language-min-share");
  p.language.min_margin = settings.number("score-language-margin");
  p.language.min_hits = static_cast<std::uint32_t>(settings.count("score-language-min-hits"));
  p.language.block_min_hits = static_cast<std::uint32_t>(settings.count("score-block-language-min-hits"));
  p.weight_length = num("score-weight-length");
  p.weight_stopwords = num("score-weight-stopwords");
  p.weight_punctuation = num("score-weight-punctuation");
  p.weight_links = num("score-weight-links");
  p.titlecase_base = std::min(0.9F, num("score-titlecase-base"));
  p.titlecase_margin = num("score-titlecase-margin");
  p.weight_titlecase = num("score-weight-titlecase");
  p.weight_caps = num("score-weight-caps");
  p.weight_digits = num("score-weight-digits");
  p.weight_decoration = num("score-weight-decoration");
  p.weight_repeat = num("score-weight-repeat");
  p.max_link_density = num("score-max-link-density");
  p.good = num("score-good");
  p.near_good = num("score-near-good");
  p.emission_cap = num("score-emission-cap");
  p.short_cap = num("score-short-cap");
  p.dropped_cap = num("score-dropped-cap");
  p.switch_cost = num("score-switch-cost");
  p.run_min_share = num("score-run-min-share");
  p.run_gap_scale = num("score-run-gap-scale");
  p.run_gap_dropped_weight = num("score-run-gap-dropped-weight");
  p.lead_topic_share = num("score-lead-topic-share");
  p.lead_topic_words = settings.count("score-lead-topic-words");
  p.topic_word_bytes = std::max<std::size_t>(1, settings.count("score-topic-word-bytes"));
  p.container_min_share = num("score-container-min-share");
  p.article_share = num("score-article-share");
  p.article_fill = settings.flag("score-article-fill");
  p.article_tail_blocks = settings.count("score-article-tail-blocks");
  p.dom_rule_max_prose = num("score-dom-rule-max-prose");
  p.cut_max_prose = num("score-cut-max-prose");
  p.article_outside_share = num("score-article-outside-share");
  p.bridge_blocks = settings.count("score-bridge-blocks");
  p.bridge_announced_blocks = settings.count("score-bridge-announced-blocks");
  p.headline_reach = settings.count("score-headline-reach");
  p.headline_far_reach = settings.count("score-headline-far-reach");
  p.headline_min_words = num("score-headline-min-words");
  p.headline_lead_reach = settings.count("score-headline-lead-reach");
  p.headline_lead_words = settings.count("score-headline-lead-words");
  p.header_min_score = num("score-header-min-score");
  p.header_long_min_score = num("score-header-long-min-score");
  p.after_topic_gap = num("score-after-topic-gap");
  switch (focus) {
    case Focus::balanced:
      p.threshold = num("score-threshold");
      p.after_topic_mass = num("score-after-topic-mass");
      break;
    case Focus::precision:
      p.threshold = num("score-threshold-precision");
      p.after_topic_mass = num("score-after-topic-mass-precision");
      break;
    case Focus::recall:
      p.threshold = num("score-threshold-recall");
      p.after_topic_mass = num("score-after-topic-mass-recall");
      break;
  }
  return p;
}

}  // namespace declutter::score
