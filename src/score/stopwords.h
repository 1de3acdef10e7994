#pragma once
// Stopword lists, one per language, loaded from rules/stopwords/<lang>.txt (one word a
// line, `#` comments). A word maps to the set of languages that list it, so one lookup
// serves both language detection and stopword density.
#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/diagnostic.h"
#include "text/string_map.h"
#include "text/swar.h"

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
    if (folded_word.size() <= 8) return short_word_languages(folded_word);
    // Few stopwords are longer than eight bytes: a bit for each one's first eight turns
    // nearly every long word of prose away before the table is hashed.
    if (!long_word_may_be_listed(swar::load8(folded_word, 0))) return 0;
    const LanguageMask* mask = long_words_.find(folded_word);
    return mask == nullptr ? 0 : *mask;
  }
  // The same for a word of 1..8 bytes without a NUL byte, packed into an integer (byte i in
  // bits 8i..8i+7, the rest zero): the tokeniser's common case, one multiply and a probe or two.
  LanguageMask languages_of_packed(std::uint64_t packed) const { return short_words_.find(packed); }
  // The longest word on any list, in bytes: a longer word needs no lookup.
  std::size_t max_word_bytes() const { return max_word_bytes_; }
  const std::vector<std::string>& languages() const { return languages_; }
  // Index of a language code, or -1.
  int language_index(std::string_view code) const;
  std::size_t word_count() const { return short_words_.size() + long_words_.size(); }

 private:
  LanguageMask short_word_languages(std::string_view folded_word) const;

  // Packed short words -> languages: open addressing, at most a quarter full. Most words
  // are on no list; a 4 KiB bitmap, which stays in the L1 cache beside the text, turns
  // nearly all of them away before the table itself is touched.
  class PackedWordTable {
   public:
    LanguageMask find(std::uint64_t packed) const {
      const std::uint64_t hash = spread(packed);
      // Whether a word is a stopword is a coin toss in prose, so the common outcomes are
      // decided without a branch on it: the filter ruling the word out, the word in its
      // home slot, or that slot empty. A word the filter rules out reads slot 0 instead of
      // its own, so that it costs no cache miss; an empty slot's mask is 0.
      const std::size_t home = hash >> shift_;
      const bool maybe = ((filter_[filter_word(hash)] >> filter_bit(hash)) & 1U) != 0;
      const std::size_t slot = home & (std::size_t{0} - static_cast<std::size_t>(maybe));
      const Slot& resident = slots_[slot];
      const bool here = maybe & (resident.word == packed);
      const LanguageMask found = resident.languages & (LanguageMask{0} - static_cast<LanguageMask>(here));
      if (!maybe | here | (resident.word == 0)) return found;
      for (std::size_t i = (slot + 1) & slot_mask_;; i = (i + 1) & slot_mask_) {
        if (slots_[i].word == packed) return packed == 0 ? 0 : slots_[i].languages;
        if (slots_[i].word == 0) return 0;
      }
    }
    LanguageMask& operator[](std::uint64_t packed);  // packed != 0
    std::size_t size() const { return size_; }
    // Room for `words` in all, allocated at once rather than by doubling as they come.
    void reserve(std::size_t words);

   private:
    // A word beside its languages: a probe reads one cache line.
    struct Slot {
      std::uint64_t word = 0;  // 0: empty
      LanguageMask languages = 0;
    };
    static constexpr unsigned kFilterBits = 15;  // 2^15 bits
    static std::size_t filter_word(std::uint64_t hash) { return hash >> (64 - kFilterBits + 6); }
    static unsigned filter_bit(std::uint64_t hash) { return (hash >> (64 - kFilterBits)) & 63U; }
    void grow() { rehash(slots_.size() * 2); }
    void rehash(std::size_t slots);  // a power of two
    std::vector<std::uint64_t> filter_ = std::vector<std::uint64_t>(std::size_t{1} << (kFilterBits - 6));
    std::vector<Slot> slots_ = std::vector<Slot>(64);
    std::size_t slot_mask_ = 63;
    unsigned shift_ = 58;
    std::size_t size_ = 0;
  };

  // Multiplying by an odd constant spreads every byte of a packed word into the top bits,
  // which pick a table slot or a filter bit.
  static std::uint64_t spread(std::uint64_t packed) { return packed * 0x9E3779B97F4A7C15ULL; }
  static unsigned long_word_bit(std::uint64_t first_eight) { return static_cast<unsigned>(spread(first_eight) >> 54); }
  bool long_word_may_be_listed(std::uint64_t first_eight) const {
    const unsigned bit = long_word_bit(first_eight);
    return ((long_word_filter_[bit / 64] >> (bit % 64)) & 1U) != 0;
  }

  std::vector<std::string> languages_;
  PackedWordTable short_words_;         // words of up to eight bytes -> the languages listing them
  StringMap<LanguageMask> long_words_;  // the longer ones (and any with a NUL byte)
  std::array<std::uint64_t, 16> long_word_filter_{};  // by long_word_bit of their first eight bytes
  std::size_t max_word_bytes_ = 0;
};

}  // namespace declutter::score
