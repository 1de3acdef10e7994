#pragma once
// Stopword lists, one per language, loaded from rules/stopwords/<lang>.txt (one word a
// line, `#` comments). A word maps to the set of languages that list it, so one lookup
// serves both language detection and stopword density.
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/diagnostic.h"

namespace declutter::score {

using LanguageMask = std::uint32_t;  // bit i: the language at index i of StopwordLists::languages()

class StopwordLists {
 public:
  static constexpr std::size_t kMaxLanguages = 32;

  // Parses (path, content) pairs; the language code is the file name without ".txt"
  // ("stopwords/de.txt" -> "de"). Files that are not .txt are ignored; a word that is not
  // lower case, or more languages than kMaxLanguages, is reported in `diagnostics`.
  static StopwordLists parse(std::span<const std::pair<std::string, std::string>> files,
                             Diagnostics& diagnostics);

  // Languages listing `folded_word` (already case-folded); 0 when it is no stopword.
  LanguageMask languages_of(std::string_view folded_word) const {
    const auto it = words_.find(folded_word);
    return it == words_.end() ? 0 : it->second;
  }
  const std::vector<std::string>& languages() const { return languages_; }
  // Index of a language code, or -1.
  int language_index(std::string_view code) const;
  std::size_t word_count() const { return words_.size(); }

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::vector<std::string> languages_;
  std::unordered_map<std::string, LanguageMask, Hash, std::equal_to<>> words_;
};

}  // namespace declutter::score
