#pragma once
// What one block carries as evidence of being prose or chrome, measured in one pass over
// its text. Counts only; the scorer turns them into evidence with weights from settings.
#include <cstdint>
#include <string>
#include <span>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "score/language.h"
#include "score/stopwords.h"

namespace declutter::score {

struct BlockFeatures {
  float words = 0;                  // word units: alphabetic words + CJK characters / chars-per-word
  std::uint32_t alpha_words = 0;    // words outside CJK runs
  std::uint32_t cjk_chars = 0;        // characters of scripts written without spaces ...
  std::uint32_t unspaced_chars = 0;   // ... of which Thai, Lao, Myanmar and Khmer
  std::uint32_t chars = 0;          // code points that are not white space
  std::uint32_t letters = 0;
  std::uint32_t digits = 0;
  std::uint32_t stopwords = 0;      // alpha words on the detected language's list
  std::uint32_t title_words = 0;    // alpha words starting with a capital ("Home", "News")
  std::uint32_t caps_words = 0;     // alpha words of 2+ letters in capitals only ("MENU")
  std::uint32_t sentence_marks = 0; // . ! ? … 。！？ ending a word, before a space or the end
  std::uint32_t commas = 0;         // , ; ， 、 after a word: clauses, which menus lack
  std::uint32_t decorations = 0;    // separators and icons menus and teasers use: | • · » › ► ★ →
  bool ends_sentence = false;       // last visible character closes a sentence
  bool starts_with_bullet = false;  // "• ", "- ", "* ", "> " in front
  float link_density = 0;           // share of characters inside links (HTML; 0 in text mode)
  std::uint32_t repeats = 0;        // other blocks of the page with the same letters
  bool title_match = false;         // the text is (a prefix of) the page title: the headline

  float stopword_density() const { return alpha_words == 0 ? 0.0F : static_cast<float>(stopwords) / static_cast<float>(alpha_words); }
  float title_share() const { return alpha_words == 0 ? 0.0F : static_cast<float>(title_words) / static_cast<float>(alpha_words); }
  float caps_share() const { return alpha_words == 0 ? 0.0F : static_cast<float>(caps_words) / static_cast<float>(alpha_words); }
  float digit_share() const {
    const std::uint32_t total = letters + digits;
    return total == 0 ? 0.0F : static_cast<float>(digits) / static_cast<float>(total);
  }
};

// How many characters of a script written without spaces make a word.
struct CharsPerWord {
  float cjk = 2;       // Han and kana
  float unspaced = 4;  // Thai, Lao, Myanmar, Khmer
};

// Per-thread buffers of measure_blocks, reused from window to window.
struct MeasureScratch {
  std::vector<std::uint32_t> hits;  // [block * languages + language]: the block's words on that list
  std::string letters;               // the folded letters of the block being measured
};

// Measures every block of a window and detects its language (language.h) in one pass over
// each block's text: `features[i]` (stopwords counted for the detected language; repeats,
// title_match and link_density are left to the caller) and `keys[i]`, block i's
// repetition_key.
LanguageGuess measure_blocks(std::span<const Block> blocks, const StopwordLists& lists,
                             const LanguageThresholds& thresholds, CharsPerWord chars_per_word,
                             std::vector<BlockFeatures>& features, std::vector<std::uint64_t>& keys,
                             MeasureScratch& scratch);

// Measures one block of `link_chars` characters of link text, counting stopwords of
// `language` (an index into `lists`, or -1).
BlockFeatures measure_block(std::string_view text, std::uint32_t link_chars, const StopwordLists& lists, int language,
                            CharsPerWord chars_per_word);

// The share of a measured block's characters that are link text (HTML).
void set_link_density(std::uint32_t link_chars, BlockFeatures& f);

// A hash of the block's letters, case-folded, ignoring digits, spaces and punctuation, so
// "Comments (3)" and "comments (12)" count as one repeated line. 0 for a block without letters.
std::uint64_t repetition_key(std::string_view text);

// Writes the letters and digits of `text`, case-folded, words separated by one space, into
// `out`: the form in which a headline is compared with the page title.
void normalise_for_match(std::string_view text, std::string& out);

// Appends to `out` a hash of each word of `text` that may carry its topic: a run of letters
// (ASCII folded; every byte past ASCII counts as a letter) of at least `min_bytes` bytes
// that is on no stopword list.
void append_topic_words(std::string_view text, std::size_t min_bytes, const StopwordLists& lists,
                        std::vector<std::uint64_t>& out);

// Turns away blocks that provably cannot match the page title, before they are normalised
// (normalise_for_match) and compared with it. A block matches when its normalised text
// and the title's contain one another. Contained in the title, a block has at most the
// title's letters and digits, and each two adjacent ASCII letters or digits of its text
// are adjacent in the title too; containing the title, it has at least as many.
// Nothing matches a title longer than kLongestTitle (text/page_title.h).
class TitleFilter {
 public:
  // `title` in normalised form.
  void set_title(std::string_view title);
  // `alnum`: the block's letters and digits (BlockFeatures::letters + digits).
  bool may_match(std::string_view text, std::uint32_t alnum) const;

 private:
  static constexpr unsigned kAlnum = 36;  // 0-9 a-z
  std::uint32_t title_alnum_ = 0;
  bool too_long_ = false;
  std::uint64_t pairs_[(kAlnum * kAlnum + 63) / 64] = {};  // adjacent pairs in the title
};

}  // namespace declutter::score
