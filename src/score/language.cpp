#include "score/language.h"

#include <array>
#include <bit>

#include "score/text_scan.h"

namespace declutter::score {

LanguageGuess detect_language(std::span<const Block> blocks, const StopwordLists& lists,
                              const LanguageThresholds& thresholds, std::string& folded) {
  std::array<std::uint32_t, StopwordLists::kMaxLanguages> hits{};
  LanguageGuess guess;
  for (const Block& block : blocks) {
    for_each_word(block.text, [&](std::string_view word, bool cjk) {
      if (cjk) {
        std::size_t pos = 0;
        while (pos < word.size()) {
          next_code_point(word, pos);
          ++guess.cjk_chars;
        }
        return;
      }
      ++guess.words;
      fold_into(word, folded);
      for (LanguageMask mask = lists.languages_of(folded); mask != 0; mask &= mask - 1)
        ++hits[static_cast<std::size_t>(std::countr_zero(mask))];
    });
  }
  std::size_t best = 0;
  for (std::size_t i = 1; i < lists.languages().size(); ++i)
    if (hits[i] > hits[best]) best = i;
  for (std::size_t i = 0; i < lists.languages().size(); ++i)
    if (i != best && hits[i] > guess.runner_up_hits) guess.runner_up_hits = hits[i];
  guess.best_hits = hits[best];
  const bool enough = guess.best_hits >= thresholds.min_hits &&
                      guess.best_hits >= thresholds.min_share * guess.words &&
                      guess.best_hits >= thresholds.min_margin * guess.runner_up_hits;
  if (!lists.languages().empty() && enough) guess.language = static_cast<int>(best);
  return guess;
}

}  // namespace declutter::score
