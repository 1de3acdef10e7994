// Steps 1 and 2 of the content scorer: measuring a window's blocks and scoring each one's
// prose from its own evidence.
#include <algorithm>
#include <cmath>

#include "score/score_window.h"
#include "text/normalize.h"

namespace declutter::score {

LanguageGuess measure_window(std::span<const Block> blocks, const WindowDom& dom, std::string_view page_title,
                             const StopwordLists& lists, const ScoreParams& params, ScoreScratch& s) {
  const std::size_t n = blocks.size();
  const LanguageGuess guess =
      measure_blocks(blocks, lists, params.language, params.chars_per_word, s.features, s.keys, s.measure);
  for (std::size_t i = 0; i < dom.elements.size(); ++i) set_link_density(dom.elements[i].link_chars, s.features[i]);
  // Repetition is counted over the window.
  s.key_counts.reset(n);
  for (std::size_t i = 0; i < n; ++i)
    if (s.keys[i] != 0) s.key_counts.add(s.keys[i]);
  for (std::size_t i = 0; i < n; ++i)
    if (s.keys[i] != 0) s.features[i].repeats = s.key_counts.count(s.keys[i]) - 1;

  // The headline: a line that is the page title or its first part ("Headline | Site").
  normalise_for_match(page_title, s.title);
  constexpr std::size_t kMinHeadlineChars = 12;
  if (s.title.size() >= kMinHeadlineChars) {
    s.title_filter.set_title(s.title);
    for (std::size_t i = 0; i < n; ++i) {
      if (blocks[i].text.size() > 3 * s.title.size() || blocks[i].text.size() < kMinHeadlineChars) continue;
      if (!s.title_filter.may_match(blocks[i].text, s.features[i].letters + s.features[i].digits)) continue;
      normalise_for_match(blocks[i].text, s.candidate);
      if (s.candidate.size() < kMinHeadlineChars) continue;
      s.features[i].title_match = s.title.find(s.candidate) != std::string::npos ||
                                  s.candidate.find(s.title) != std::string::npos;
      // The headline repeats the title by design; that is no sign of chrome.
      if (s.features[i].title_match) s.features[i].repeats = 0;
    }
  }
  return guess;
}

void score_prose(std::span<const Block> blocks, bool language_known, const ScoreParams& params, ScoreScratch& s) {
  const std::size_t n = blocks.size();
  s.prose.resize(n);
  s.classes.resize(n);
  // How capitalised this page's own prose is: German capitalises nouns, English does not,
  // so a menu is told by capitals beyond what the page's long sentences show.
  std::uint32_t prose_words = 0;
  std::uint32_t prose_capitalised = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const BlockFeatures& f = s.features[i];
    if (f.words < params.good_words || !f.ends_sentence) continue;
    prose_words += f.alpha_words;
    prose_capitalised += f.title_words;
  }
  constexpr std::uint32_t kMinCalibrationWords = 100;
  const float titlecase_base =
      prose_words < kMinCalibrationWords
          ? params.titlecase_base
          : std::min(0.9F, static_cast<float>(prose_capitalised) / static_cast<float>(prose_words) + params.titlecase_margin);

  // A blank line (a third of the lines of text) has no features: its score is computed once.
  const float blank_prose = prose_score(BlockFeatures{}, language_known, titlecase_base, params);
  for (std::size_t i = 0; i < n; ++i) {
    s.prose[i] = blocks[i].text.empty() ? blank_prose : prose_score(s.features[i], language_known, titlecase_base, params);
    s.classes[i] = classify(s.features[i], s.prose[i], params);
  }
}

float prose_score(const BlockFeatures& f, bool language_known, float titlecase_base, const ScoreParams& p) {
  // Length: 0 at the short limit, 1 at the good length, on a log scale (a paragraph twice
  // as long is not twice as likely to be prose).
  const float length = clampf(std::log((f.words + 1) / (p.short_words + 1)) / std::log((p.good_words + 1) / (p.short_words + 1)),
                              -1.5F, 1.5F);
  // Stopwords: measured only where words are words; damped in short blocks, where one
  // "the" swings the density.
  float stopwords = p.stopwords_unknown;
  const bool mostly_cjk = f.cjk_chars > f.alpha_words;
  if (language_known && !mostly_cjk) {
    const float density = (f.stopword_density() - p.stopwords_low) / (p.stopwords_high - p.stopwords_low);
    stopwords = clampf(density, -1.5F, 1.5F) * std::min(1.0F, static_cast<float>(f.alpha_words) / p.short_words);
  }
  const float punctuation = (f.ends_sentence ? 0.5F : 0.0F) +
                            std::min(0.5F, 0.25F * static_cast<float>(f.sentence_marks + f.commas));
  const float titlecase = f.alpha_words < 2 ? (f.title_words > 0 ? 1.0F : 0.0F)
                                             : std::max(0.0F, f.title_share() - titlecase_base) / (1 - titlecase_base);
  const float decoration = std::min(1.0F, static_cast<float>(f.decorations) / std::max(1.0F, f.words / 5));
  const float repeat = std::min(1.0F, static_cast<float>(f.repeats) / 2);
  return p.weight_length * length + p.weight_stopwords * stopwords + p.weight_punctuation * punctuation -
         p.weight_titlecase * titlecase - p.weight_caps * f.caps_share() - p.weight_digits * f.digit_share() -
         p.weight_decoration * decoration - p.weight_repeat * repeat - p.weight_links * f.link_density;
}

BlockClass classify(const BlockFeatures& f, float score, const ScoreParams& p) {
  if (f.chars == 0) return BlockClass::empty;
  if (f.link_density > p.max_link_density) return BlockClass::bad;
  if (f.words < p.short_words) return BlockClass::short_block;
  if (score >= p.good) return BlockClass::good;
  if (score >= p.near_good) return BlockClass::near_good;
  return BlockClass::bad;
}

}  // namespace declutter::score
