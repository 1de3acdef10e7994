#pragma once
// Code-point level helpers for the scoring stage: UTF-8 decoding, a small case fold and
// character classes, enough to tokenise prose in the scripts the stopword lists cover
// without a Unicode library. Everything works on string_view and allocates nothing.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace declutter::score {

// Decodes the code point at `pos` and advances `pos`; malformed bytes decode as U+FFFD
// and advance by one byte, so a scan always terminates.
char32_t next_code_point(std::string_view text, std::size_t& pos);

// Lower-case mapping for Latin (incl. Latin-1 and Extended-A), Greek and Cyrillic capitals.
char32_t fold_case(char32_t c);
bool is_upper(char32_t c);

// A letter of an alphabet or syllabary, or a CJK ideograph (the tokeniser's word characters).
bool is_letter(char32_t c);
// Han, kana and the like: scripts written without spaces, where length is counted in characters.
bool is_cjk(char32_t c);
bool is_digit(char32_t c);

// Appends the UTF-8 form of `c` to `out`.
void append_utf8(std::string& out, char32_t c);

// Calls `on_word(std::string_view word, bool cjk)` for each maximal run of letters (words
// break at apostrophes and hyphens, so elided forms such as "l'" meet the list as "l").
// A run of CJK characters is reported as one word with cjk = true.
template <typename OnWord>
void for_each_word(std::string_view text, OnWord&& on_word) {
  std::size_t pos = 0;
  std::size_t word_start = std::string_view::npos;
  bool word_cjk = false;
  while (pos < text.size()) {
    const std::size_t here = pos;
    const char32_t c = next_code_point(text, pos);
    const bool letter = is_letter(c);
    const bool cjk = letter && is_cjk(c);
    if (word_start != std::string_view::npos && (!letter || cjk != word_cjk)) {
      on_word(text.substr(word_start, here - word_start), word_cjk);
      word_start = std::string_view::npos;
    }
    if (letter && word_start == std::string_view::npos) {
      word_start = here;
      word_cjk = cjk;
    }
  }
  if (word_start != std::string_view::npos) on_word(text.substr(word_start), word_cjk);
}

// Writes the case-folded form of `word` into `out` (cleared first; reused by the caller).
void fold_into(std::string_view word, std::string& out);

}  // namespace declutter::score
