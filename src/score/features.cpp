#include "score/features.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>

#include "text/ascii.h"
#include "text/page_title.h"
#include "text/string_map.h"
#include "text/swar.h"
#include "text/unicode.h"

namespace declutter::score {
namespace {

// What the scorer needs to know about one character, as bits, so that one table lookup
// (ASCII, and the two-byte range that holds Latin, Greek and Cyrillic) replaces a chain of
// range tests per character.
enum CharClass : std::uint16_t {
  kSpace = 1U << 0U,
  kLetter = 1U << 1U,
  kCjk = 1U << 2U,
  kUpper = 1U << 3U,
  kDigit = 1U << 4U,
  kClause = 1U << 5U,       // , ; and their CJK forms: clauses, which menus lack
  kDecoration = 1U << 6U,   // separators and icons menus and teasers use
  kSentence = 1U << 7U,     // . ! ? … and their CJK forms
  kClosing = 1U << 8U,      // quotes and brackets that may follow a sentence mark
  kBullet = 1U << 9U,       // list markers in front of a line
  kUnspaced = 1U << 10U,    // Thai, Lao, Myanmar, Khmer: counted like CJK, more characters a word
};

// The scorer's white space: what separates words and ends a pending sentence mark.
bool is_score_space(char32_t c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == 0xA0 || c == 0x3000 || (c >= 0x2000 && c <= 0x200B);
}

bool is_decoration(char32_t c) {
  switch (c) {
    case '|': case 0xA6: case 0x2022: case 0xB7: case 0xBB: case 0xAB: case 0x203A: case 0x2039:
    case 0x25BA: case 0x25B6: case 0x25B8: case 0x25A0: case 0x25AA: case 0x25C6: case 0x2605:
    case 0x2606: case 0x2192: case 0x2190: case 0x2191: case 0x2193: case 0x2713: case 0x2714:
    case 0x2715: case 0x2716: case 0xD7: case 0x2023: case 0x25CF: case 0x30FB:
      return true;
    default:
      return false;
  }
}

bool is_bullet(char32_t c) {
  return c == 0x2022 || c == '-' || c == '*' || c == '>' || c == 0x25CF || c == 0x25AA || c == 0x25BA ||
         c == 0x25B8 || c == 0x2013 || c == 0x2023 || c == 0xBB;
}

unsigned classify(char32_t c) {
  unsigned bits = 0;
  if (is_score_space(c)) bits |= kSpace;
  if (unicode::is_letter(c)) bits |= kLetter;
  if (unicode::is_cjk(c)) bits |= kCjk;
  if (unicode::is_unspaced_script(c)) bits |= kCjk | kUnspaced;
  if (unicode::is_upper(c)) bits |= kUpper;
  if (unicode::is_digit(c)) bits |= kDigit;
  if (unicode::is_clause_mark(c)) bits |= kClause;
  if (is_decoration(c)) bits |= kDecoration;
  if (unicode::is_sentence_mark(c)) bits |= kSentence;
  if (unicode::is_closing_mark(c)) bits |= kClosing;
  if (is_bullet(c)) bits |= kBullet;
  return bits;
}

// Classes of U+0000..U+07FF, computed once.
constexpr char32_t kTableEnd = unicode::kSmallFoldsEnd;  // the case folds' table too
struct SmallTable {
  std::array<std::uint16_t, kTableEnd> classes{};
  SmallTable() {
    for (char32_t c = 0; c < kTableEnd; ++c) classes[c] = static_cast<std::uint16_t>(classify(c));
  }
};
const SmallTable kSmall;

// Classes of General Punctuation (U+2000..U+206F): the dashes, quotes, ellipsis and spaces
// of typeset text, classified once instead of range by range at every use. None has a case.
constexpr char32_t kPunctuationBegin = 0x2000;
constexpr char32_t kPunctuationEnd = 0x2070;
struct PunctuationTable {
  std::array<std::uint16_t, kPunctuationEnd - kPunctuationBegin> classes{};
  PunctuationTable() {
    for (char32_t c = kPunctuationBegin; c < kPunctuationEnd; ++c)
      classes[c - kPunctuationBegin] = static_cast<std::uint16_t>(classify(c));
  }
};
const PunctuationTable kPunctuation;

struct CharInfo {
  unsigned classes;
  char32_t folded;
  std::uint32_t length;
};

// The character at `pos`: ASCII from the table without decoding, other characters
// decoded once; a malformed byte is U+FFFD (no letter, no space).
inline CharInfo char_at(std::string_view text, std::size_t pos) {
  const auto lead = static_cast<unsigned char>(text[pos]);
  if (lead < 0x80) return {kSmall.classes[lead], unicode::kSmallFolds[lead], 1};
  const unicode::CodePoint c = unicode::decode(text, pos);
  if (c.value < kTableEnd) return {kSmall.classes[c.value], unicode::kSmallFolds[c.value], c.length};
  if (c.value >= kPunctuationBegin && c.value < kPunctuationEnd)
    return {kPunctuation.classes[c.value - kPunctuationBegin], c.value, c.length};
  return {classify(c.value), unicode::fold_case(c.value), c.length};
}

// The repetition key: the hash of a block's folded letter bytes (one multiply per eight
// letters), never 0, which stands for no letters.
std::uint64_t letter_key(const char* letters, std::size_t size) {
  if (size == 0) return 0;
  const std::uint64_t key = hash_string(std::string_view(letters, size));
  return key == 0 ? 1 : key;
}

// One pass over a block. Characters feed the counts and the punctuation state; letters,
// folded once, are appended to `letters`, where the stopword lookup reads each word when it
// ends and from which the repetition key is hashed at the end of the block.
class BlockScanner {
 public:
  BlockScanner(const StopwordLists& lists, std::string& letters)
      : lists_(lists), letters_buffer_(letters),
        max_word_bytes_(std::min(lists.max_word_bytes(), StopwordLists::kMaxWordBytes)) {}

  // Measures `text` into `out` and adds its stopword hits per language to `hits`.
  void scan(std::string_view text, BlockFeatures& out, std::uint32_t* hits) {
    start_block(hits);
    // Folding never lengthens a letter: the letters fit in the text's size, plus room for
    // one eight-byte store past the end.
    if (letters_buffer_.size() < text.size() + 8) letters_buffer_.resize(text.size() + 8);
    letters_ = letters_buffer_.data();
    letters_size_ = 0;
    // The counts live in a local while the block is scanned: the stores into the letters and
    // hits_ could alias `out`, and would force every count through memory.
    BlockFeatures f = out;
    for (std::size_t pos = 0; pos < text.size();) {
      const auto byte = static_cast<unsigned char>(text[pos]);
      if (is_ascii_letter(byte)) {
        pos = ascii_letters(text, pos, f);
        // The common case next: one space, then the next word. The letters cleared the
        // pending marks, so the space only ends the word.
        while (pos + 1 < text.size() && text[pos] == ' ' && is_ascii_letter(static_cast<unsigned char>(text[pos + 1]))) {
          end_word(f);
          previous_ = kSpace;
          pos = ascii_letters(text, pos + 1, f);
        }
      } else if (byte < 0x80) {  // ASCII but no letter: ends the word, if any
        if (in_word_) end_word(f);
        char_step(kSmall.classes[byte], f);
        ++pos;
      } else {
        const CharInfo c = char_at(text, pos);
        pos += c.length;
        word_step(c, f);
        char_step(c.classes, f);
      }
    }
    if (in_word_) end_word(f);
    if (mark_pending_) ++f.sentence_marks;
    f.ends_sentence = (last_ & kSentence) != 0 || ((last_ & kClosing) != 0 && (before_last_ & kSentence) != 0);
    out = f;
    // Only the languages this block's words are on: a line holds a few of the lists' words.
    for (LanguageMask mask = block_languages_; mask != 0; mask &= mask - 1) {
      const auto l = static_cast<unsigned>(std::countr_zero(mask));
      hits_[l] += counts_[l];
      counts_[l] = 0;
    }
  }

  // The languages on whose lists the last block had a word.
  LanguageMask block_languages() const { return block_languages_; }

  std::uint64_t repetition_key() const { return letter_key(letters_, letters_size_); }

 private:
  void start_block(std::uint32_t* hits) {
    hits_ = hits;
    block_languages_ = 0;
    previous_ = kSpace;
    last_ = before_last_ = 0;
    mark_pending_ = bullet_pending_ = in_word_ = false;
  }

  // A run of ASCII letters, the bulk of most text: the same steps as word_step and
  // char_step, eight letters at a time, without decoding or classifying each one.
  // Returns where the run ends.
  std::size_t ascii_letters(std::string_view text, std::size_t pos, BlockFeatures& f) {
    if (in_word_ && word_cjk_) end_word(f);
    if (!in_word_) start_word(false, static_cast<unsigned char>(text[pos]) < 'a');
    const std::size_t start = pos;
    std::uint64_t small_letters = 0;  // case bits of the run's letters: none set in "MENU"
    while (true) {
      const std::uint64_t chunk = swar::load8(text, pos);
      const unsigned run = swar::leading_run(swar::ascii_letters(chunk));
      if (run == 0) break;
      const std::uint64_t letters = chunk & swar::first_bytes(run);
      small_letters |= letters & swar::kCaseBits;
      const std::uint64_t folded = letters | (swar::kCaseBits & swar::first_bytes(run));
      std::memcpy(letters_ + letters_size_, &folded, 8);
      letters_size_ += run;
      pos += run;
      if (run < 8) break;
    }
    const auto length = static_cast<std::uint32_t>(pos - start);
    word_caps_ = word_caps_ && small_letters == 0;
    word_chars_ += length;
    f.chars += length;
    f.letters += length;
    mark_pending_ = bullet_pending_ = false;
    before_last_ = length >= 2 ? static_cast<unsigned>(kLetter) : last_;
    last_ = previous_ = kLetter;
    return pos;
  }

  void start_word(bool cjk, bool title) {
    in_word_ = true;
    word_cjk_ = cjk;
    word_title_ = title;
    word_caps_ = true;
    word_chars_ = 0;
    word_start_ = letters_size_;
  }

  // Words are maximal runs of letters; a run of CJK characters is a word of its own.
  void word_step(const CharInfo& c, BlockFeatures& f) {
    const bool letter = (c.classes & kLetter) != 0;
    const bool cjk = (c.classes & kCjk) != 0;
    if (in_word_ && (!letter || cjk != word_cjk_)) end_word(f);
    if (!letter) return;
    if (!in_word_) start_word(cjk, (c.classes & kUpper) != 0);
    ++word_chars_;
    word_caps_ = word_caps_ && (c.classes & kUpper) != 0;
    unsigned length = 0;
    const std::uint64_t packed = unicode::encode_packed(c.folded, length);
    std::memcpy(letters_ + letters_size_, &packed, 8);
    letters_size_ += length;
    if (cjk) ++f.cjk_chars;
    if ((c.classes & kUnspaced) != 0) ++f.unspaced_chars;
  }

  void end_word(BlockFeatures& f) {
    in_word_ = false;
    if (word_cjk_) return;
    ++f.alpha_words;
    if (word_title_) {
      ++f.title_words;
      if (word_caps_ && word_chars_ >= 2) ++f.caps_words;
    }
    const std::size_t word_bytes = letters_size_ - word_start_;
    if (word_bytes == 0 || word_bytes > max_word_bytes_) return;  // longer: too long for any list
    const char* const word = letters_ + word_start_;
    LanguageMask mask = 0;
    if (word_bytes <= 8) {
      std::uint64_t packed = 0;
      std::memcpy(&packed, word, 8);
      mask = lists_.languages_of_packed(packed & swar::first_bytes(static_cast<unsigned>(word_bytes)));
    } else {
      mask = lists_.languages_of(std::string_view(word, word_bytes));
    }
    block_languages_ |= mask;
    // Whether a word is a stopword is a coin toss in prose: its first two languages are
    // counted without a branch on it, a word on fewer lists counting into the spare slot.
    for (int k = 0; k < 2; ++k) {
      ++counts_[std::countr_zero(std::uint64_t{mask} | (std::uint64_t{1} << kSpare))];
      mask &= mask - 1;
    }
    for (; mask != 0; mask &= mask - 1)
      ++counts_[std::countr_zero(mask)];
  }

  // Counts and punctuation in context. A sentence mark counts when it ends a word and a
  // space or the end follows ("3.5" and "U.S." do not); CJK full stops need no space.
  void char_step(unsigned classes, BlockFeatures& f) {
    if ((classes & kSpace) != 0) {
      if (mark_pending_) ++f.sentence_marks;
      if (bullet_pending_) f.starts_with_bullet = true;
      mark_pending_ = bullet_pending_ = false;
      previous_ = kSpace;
      return;
    }
    bullet_pending_ = f.chars == 0 && (classes & kBullet) != 0;
    ++f.chars;
    const bool after_word = (previous_ & (kLetter | kDigit | kClosing)) != 0;
    if ((classes & kLetter) != 0) {
      ++f.letters;
    } else if ((classes & kDigit) != 0) {
      ++f.digits;
    } else if ((classes & kClause) != 0) {
      if (after_word) ++f.commas;
    } else if ((classes & kDecoration) != 0) {
      ++f.decorations;
    }
    if ((classes & kSentence) != 0) {
      if ((previous_ & kCjk) != 0) {
        ++f.sentence_marks;
      } else {
        mark_pending_ = mark_pending_ || after_word;
      }
    } else if ((classes & kClosing) == 0) {
      mark_pending_ = false;
    }
    previous_ = classes;
    before_last_ = last_;
    last_ = classes;
  }

  const StopwordLists& lists_;
  std::uint32_t* hits_ = nullptr;
  static constexpr std::size_t kSpare = StopwordLists::kMaxLanguages;
  // The block's hits per language, and a spare counter; zero between blocks but for the
  // spare, which is never read.
  std::uint32_t counts_[kSpare + 1] = {};
  LanguageMask block_languages_ = 0;
  std::string& letters_buffer_;
  char* letters_ = nullptr;  // the block's folded letters
  std::size_t letters_size_ = 0;
  std::size_t max_word_bytes_;
  // characters
  unsigned previous_ = kSpace;
  unsigned last_ = 0;
  unsigned before_last_ = 0;
  bool mark_pending_ = false;
  bool bullet_pending_ = false;
  // the current word
  bool in_word_ = false;
  bool word_cjk_ = false;
  bool word_title_ = false;
  bool word_caps_ = false;
  std::uint32_t word_chars_ = 0;
  std::size_t word_start_ = 0;  // where its letters begin in letters_
};

void set_words(CharsPerWord chars_per_word, BlockFeatures& f) {
  const auto units = [](std::uint32_t chars, float per_word) { return per_word > 0 ? static_cast<float>(chars) / per_word : 0.0F; };
  f.words = static_cast<float>(f.alpha_words) + units(f.cjk_chars - f.unspaced_chars, chars_per_word.cjk) +
            units(f.unspaced_chars, chars_per_word.unspaced);
}

}  // namespace

void set_link_density(std::uint32_t link_chars, BlockFeatures& f) {
  if (f.chars > 0 && link_chars > 0)
    f.link_density = std::min(1.0F, static_cast<float>(link_chars) / static_cast<float>(f.chars));
}

LanguageGuess measure_blocks(std::span<const Block> blocks, const StopwordLists& lists,
                             const LanguageThresholds& thresholds, CharsPerWord chars_per_word,
                             std::vector<BlockFeatures>& features, std::vector<std::uint64_t>& keys,
                             MeasureScratch& scratch) {
  const std::size_t n = blocks.size();
  const std::size_t languages = lists.languages().size();
  features.assign(n, BlockFeatures{});
  keys.resize(n);
  scratch.hits.assign(n * languages, 0);
  std::array<std::uint32_t, StopwordLists::kMaxLanguages> totals{};
  std::uint32_t words = 0;
  std::uint32_t cjk_chars = 0;
  BlockScanner scanner(lists, scratch.letters);
  for (std::size_t i = 0; i < n; ++i) {
    if (blocks[i].text.empty()) {  // a blank line: no counts, no key (a third of the lines of text)
      keys[i] = 0;
      continue;
    }
    std::uint32_t* hits = scratch.hits.data() + i * languages;
    scanner.scan(blocks[i].text, features[i], hits);
    keys[i] = scanner.repetition_key();
    set_words(chars_per_word, features[i]);
    words += features[i].alpha_words;
    cjk_chars += features[i].cjk_chars;
    for (LanguageMask mask = scanner.block_languages(); mask != 0; mask &= mask - 1) {
      const auto l = static_cast<unsigned>(std::countr_zero(mask));
      totals[l] += hits[l];
    }
  }
  const LanguageGuess guess = guess_language(std::span(totals).first(languages), words, cjk_chars, lists, thresholds);
  if (guess.language >= 0) {
    const auto language = static_cast<std::size_t>(guess.language);
    for (std::size_t i = 0; i < n; ++i) {
      const std::uint32_t* hits = scratch.hits.data() + i * languages;
      features[i].stopwords = hits[language];
      // (A block of fewer words cannot hold enough hits: most lines are skipped here.)
      if (thresholds.block_min_hits == 0 || features[i].alpha_words < thresholds.block_min_hits) continue;
      // A block clearly in another language is measured in it: its prose is not boilerplate
      // for having none of the page language's function words.
      const std::uint32_t* best = std::max_element(hits, hits + languages);
      if (*best >= thresholds.block_min_hits && *best >= thresholds.min_margin * hits[language])
        features[i].stopwords = *best;
    }
  }
  return guess;
}

BlockFeatures measure_block(std::string_view text, std::uint32_t link_chars, const StopwordLists& lists, int language,
                            CharsPerWord chars_per_word) {
  std::array<std::uint32_t, StopwordLists::kMaxLanguages> hits{};
  BlockFeatures f;
  std::string letters;
  BlockScanner scanner(lists, letters);
  scanner.scan(text, f, hits.data());
  set_words(chars_per_word, f);
  set_link_density(link_chars, f);
  if (language >= 0) f.stopwords = hits[static_cast<std::size_t>(language)];
  return f;
}

std::uint64_t repetition_key(std::string_view text) {
  std::array<std::uint32_t, StopwordLists::kMaxLanguages> hits{};
  static const StopwordLists kNoLists;
  BlockFeatures f;
  std::string letters;
  BlockScanner scanner(kNoLists, letters);
  scanner.scan(text, f, hits.data());
  return scanner.repetition_key();
}

void normalise_for_match(std::string_view text, std::string& out) {
  // Folding never lengthens a character and a separator replaces at least one byte, so
  // the result fits in the text's size (plus room for one eight-byte store): written in
  // place, then cut to length.
  out.resize(text.size() + 8);
  char* const begin = out.data();
  char* at = begin;
  bool pending_space = false;
  for (std::size_t pos = 0; pos < text.size();) {
    if (static_cast<unsigned char>(text[pos]) < 0x80) {  // the common case: a word's ASCII letters and digits at once
      const std::uint64_t chunk = swar::load8(text, pos);
      const unsigned run = swar::leading_run(swar::ascii_alnum(chunk));
      if (run == 0) {
        pending_space = true;
        ++pos;
        continue;
      }
      if (pending_space && at != begin) *at++ = ' ';
      pending_space = false;
      const std::uint64_t folded = swar::fold_ascii(chunk);
      std::memcpy(at, &folded, 8);
      at += run;
      pos += run;
      continue;
    }
    const CharInfo c = char_at(text, pos);
    pos += c.length;
    if (c.folded == unicode::kSoftHyphen) continue;
    if ((c.classes & (kLetter | kDigit)) != 0) {
      if (pending_space && at != begin) *at++ = ' ';
      pending_space = false;
      at += unicode::encode(c.folded, at);
    } else {
      pending_space = true;
    }
  }
  out.resize(static_cast<std::size_t>(at - begin));
}

void append_topic_words(std::string_view text, std::size_t min_bytes, const StopwordLists& lists,
                        std::vector<std::uint64_t>& out) {
  const auto word_byte = [](unsigned char byte) { return byte >= 0x80 || is_ascii_letter(byte); };
  std::array<char, StopwordLists::kMaxWordBytes> word{};  // a longer word is told by its first bytes and length
  for (std::size_t pos = 0; pos < text.size();) {
    if (!word_byte(static_cast<unsigned char>(text[pos]))) {
      ++pos;
      continue;
    }
    std::size_t length = 0;
    for (; pos < text.size() && word_byte(static_cast<unsigned char>(text[pos])); ++pos, ++length) {
      const auto byte = static_cast<unsigned char>(text[pos]);
      if (length < word.size()) word[length] = static_cast<char>(ascii_lower(byte));
    }
    if (length < min_bytes) continue;
    const std::string_view folded(word.data(), std::min(length, word.size()));
    if (length <= word.size() && lists.languages_of(folded) != 0) continue;  // a long function word: "werden", "about"
    out.push_back(hash_string(folded) ^ length);
  }
}

namespace {
// 0-9 for digits, 10-35 for ASCII letters of either case, kNoAlnum for other bytes.
constexpr unsigned kNoAlnum = 0xFF;
unsigned alnum_index(unsigned char byte) {
  if (byte >= '0' && byte <= '9') return byte - '0';
  const unsigned small = byte | 0x20U;
  if (small >= 'a' && small <= 'z') return small - 'a' + 10;
  return kNoAlnum;
}
}  // namespace

void TitleFilter::set_title(std::string_view title) {
  std::fill(std::begin(pairs_), std::end(pairs_), 0U);
  title_alnum_ = 0;
  too_long_ = title.size() > kLongestTitle;
  if (too_long_) return;
  unsigned previous = kNoAlnum;
  for (const char ch : title) {
    const auto byte = static_cast<unsigned char>(ch);
    if ((byte & 0xC0U) != 0x80U && byte != ' ') ++title_alnum_;  // one a character: the title is normalised
    const unsigned index = alnum_index(byte);
    if (previous != kNoAlnum && index != kNoAlnum) {
      const unsigned pair = previous * kAlnum + index;
      pairs_[pair / 64] |= std::uint64_t{1} << (pair % 64);
    }
    previous = index;
  }
}

bool TitleFilter::may_match(std::string_view text, std::uint32_t alnum) const {
  if (too_long_) return false;
  if (alnum >= title_alnum_) return true;  // may contain the title
  unsigned previous = kNoAlnum;
  for (const char ch : text) {
    const unsigned index = alnum_index(static_cast<unsigned char>(ch));
    if (previous != kNoAlnum && index != kNoAlnum) {
      const unsigned pair = previous * kAlnum + index;
      if (((pairs_[pair / 64] >> (pair % 64)) & 1U) == 0) return false;
    }
    previous = index;
  }
  return true;
}

}  // namespace declutter::score
