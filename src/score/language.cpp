#include "score/language.h"

#include <vector>

#include "score/features.h"

namespace declutter::score {

LanguageGuess guess_language(std::span<const std::uint32_t> hits, std::uint32_t words, std::uint32_t cjk_chars,
                             const StopwordLists& lists, const LanguageThresholds& thresholds) {
  LanguageGuess guess;
  guess.words = words;
  guess.cjk_chars = cjk_chars;
  const std::size_t count = std::min(hits.size(), lists.languages().size());
  if (count == 0) return guess;
  std::size_t best = 0;
  for (std::size_t i = 1; i < count; ++i)
    if (hits[i] > hits[best]) best = i;
  for (std::size_t i = 0; i < count; ++i)
    if (i != best && hits[i] > guess.runner_up_hits) guess.runner_up_hits = hits[i];
  guess.best_hits = hits[best];
  const bool enough = guess.best_hits >= thresholds.min_hits &&
                      guess.best_hits >= thresholds.min_share * guess.words &&
                      guess.best_hits >= thresholds.min_margin * guess.runner_up_hits;
  if (enough) guess.language = static_cast<int>(best);
  return guess;
}

LanguageGuess detect_language(std::span<const Block> blocks, const StopwordLists& lists,
                              const LanguageThresholds& thresholds) {
  std::vector<BlockFeatures> features;
  std::vector<std::uint64_t> keys;
  MeasureScratch scratch;
  return measure_blocks(blocks, lists, thresholds, CharsPerWord{0, 0}, features, keys, scratch);
}

}  // namespace declutter::score
