#pragma once
// Stopword lists, one per language, loaded from rules/stopwords/<lang>.txt (one word a
// line, `#` comments). A word maps to the set of languages that list it, so one lookup
// serves both language detection and stopword density.
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/diagnostic.h"
#include "text/string_map.h"

namespace declutter::score {

using LanguageMask = std::uint32_t;  // bit i: the language at index i of StopwordLists::languages()

class StopwordLists {
 public:
  static constexpr std::size_t kMaxLanguages = 32;
  // The tokeniser folds a word into a buffer of this size before looking it up.
  static constexpr std::size_t kMaxWordBytes = 64;

  // Parses (path, content) pairs; the language code is the file name without ".txt"
  // ("stopwords/de.txt" -> "de"). Files that are not .txt are ignored; a word that is not
  // lower case, longer than kMaxWordBytes, or more languages than kMaxLanguages, is
  // reported in `diagnostics`.
  static StopwordLists parse(std::span<const std::pair<std::string, std::string>> files,
                             Diagnostics& diagnostics);

  // Languages listing `folded_word` (already case-folded); 0 when it is no stopword.
  LanguageMask languages_of(std::string_view folded_word) const {
    const LanguageMask* mask = words_.find(folded_word);
    return mask == nullptr ? 0 : *mask;
  }
  // The longest word on any list, in bytes: a longer word needs no lookup.
  std::size_t max_word_bytes() const { return words_.max_key_size(); }
  const std::vector<std::string>& languages() const { return languages_; }
  // Index of a language code, or -1.
  int language_index(std::string_view code) const;
  std::size_t word_count() const { return words_.size(); }

 private:
  std::vector<std::string> languages_;
  StringMap<LanguageMask> words_;  // word -> the languages listing it
};

}  // namespace declutter::score
