#pragma once
// Guesses a document's language from stopword hits: running prose in any language is
// about 30-50% function words, so the list with clearly the most hits names the language.
// When no list wins clearly (another language, a mix, or a page of menus) the scorer
// falls back to features that need no language.
#include <cstdint>
#include <span>

#include "core/document.h"
#include "score/stopwords.h"

namespace declutter::score {

struct LanguageThresholds {
  double min_share = 0.15;   // best language's hits / all words
  double min_margin = 1.3;   // best language's hits / runner-up's hits
  std::uint32_t min_hits = 8;
  std::uint32_t block_min_hits = 0;  // a block's own language: at least this many hits (0: off)
};

struct LanguageGuess {
  int language = -1;          // index into StopwordLists::languages(), -1 when unsure
  std::uint32_t words = 0;    // alphabetic words seen (CJK runs excluded)
  std::uint32_t cjk_chars = 0;
  std::uint32_t best_hits = 0;
  std::uint32_t runner_up_hits = 0;
};

// Names the language from the counts over a stretch of text: `hits[i]` words on the list
// of language i, `words` alphabetic words, `cjk_chars` CJK characters.
LanguageGuess guess_language(std::span<const std::uint32_t> hits, std::uint32_t words, std::uint32_t cjk_chars,
                             const StopwordLists& lists, const LanguageThresholds& thresholds);

// Counts over `blocks` (features.h measures and detects in one pass: measure_blocks).
LanguageGuess detect_language(std::span<const Block> blocks, const StopwordLists& lists,
                              const LanguageThresholds& thresholds);

}  // namespace declutter::score
