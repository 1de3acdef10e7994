#pragma once
// Stopword lists, one per language, loaded from rules/stopwords/<lang>.txt (one word a
// line, `#` comments). A word maps to the set of languages that list it, so one lookup
// serves both language detection and stopword density.
#include <algorithm>
#include <cstdint>
#include <cstring>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/diagnostic.h"

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
    if (folded_word.size() > max_word_bytes_ || folded_word.empty()) return 0;
    const std::uint64_t hash = hash_word(folded_word);
    for (std::size_t i = hash & slot_mask_;; i = (i + 1) & slot_mask_) {
      const Slot& slot = slots_[i];
      if (slot.length == 0) return 0;
      if (slot.hash == hash && slot.length == folded_word.size() &&
          std::memcmp(words_.data() + slot.offset, folded_word.data(), slot.length) == 0)
        return slot.mask;
    }
  }
  // The longest word on any list, in bytes: a longer word needs no lookup.
  std::size_t max_word_bytes() const { return max_word_bytes_; }
  const std::vector<std::string>& languages() const { return languages_; }
  // Index of a language code, or -1.
  int language_index(std::string_view code) const;
  std::size_t word_count() const { return word_count_; }

 private:
  // An open-addressed table (linear probing, at most half full): one probe for most
  // words, no std::string and no allocation per lookup. length 0 marks an empty slot.
  struct Slot {
    std::uint64_t hash = 0;
    std::uint32_t offset = 0;  // into words_
    std::uint32_t length = 0;
    LanguageMask mask = 0;
  };
  static std::uint64_t hash_word(std::string_view word) {
    std::uint64_t hash = 0x9E3779B97F4A7C15ULL ^ word.size();
    for (std::size_t i = 0; i < word.size(); i += 8) {
      std::uint64_t chunk = 0;
      std::memcpy(&chunk, word.data() + i, std::min<std::size_t>(8, word.size() - i));
      hash = (hash ^ chunk) * 0xFF51AFD7ED558CCDULL;
      hash ^= hash >> 32U;
    }
    return hash;
  }
  void add(std::string_view folded_word, LanguageMask mask);  // ORs mask into the word's entry
  void grow();

  std::vector<std::string> languages_;
  std::string words_;              // every word once, back to back
  std::vector<Slot> slots_ = std::vector<Slot>(16);
  std::size_t slot_mask_ = 15;
  std::size_t word_count_ = 0;
  std::size_t max_word_bytes_ = 0;
};

}  // namespace declutter::score
