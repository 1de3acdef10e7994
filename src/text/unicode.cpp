#include "text/unicode.h"

namespace declutter::unicode {

CodePoint decode_slow(std::string_view text, std::size_t pos) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  constexpr CodePoint kMalformed{U'\uFFFD', 1, false};
  const unsigned char lead = byte(pos);
  std::uint32_t length = 0;
  char32_t value = 0;
  if ((lead & 0xE0U) == 0xC0U) {
    length = 2;
    value = lead & 0x1FU;
  } else if ((lead & 0xF0U) == 0xE0U) {
    length = 3;
    value = lead & 0x0FU;
  } else if ((lead & 0xF8U) == 0xF0U) {
    length = 4;
    value = lead & 0x07U;
  } else {
    return kMalformed;
  }
  if (pos + length > text.size()) return kMalformed;
  for (std::size_t i = 1; i < length; ++i) {
    const unsigned char next = byte(pos + i);
    if ((next & 0xC0U) != 0x80U) return kMalformed;
    value = (value << 6U) | (next & 0x3FU);
  }
  return {value, length, true};
}

CodePoint decode_before_slow(std::string_view text, std::size_t end) {
  std::size_t start = end - 1;
  while (start > 0 && end - start < 4 && (static_cast<unsigned char>(text[start]) & 0xC0U) == 0x80U) --start;
  const CodePoint c = decode(text, start);
  if (start + c.length != end) return {U'\uFFFD', 1, false};
  return c;
}

namespace {
// In these stretches a capital (even) and its small letter (odd) stand side by side.
constexpr bool in_even_pairs(char32_t c) {
  return (c >= 0x1DE && c <= 0x1EF) || (c >= 0x1F8 && c <= 0x21F) || (c >= 0x222 && c <= 0x233) ||
         (c >= 0x246 && c <= 0x24F) ||                                     // Latin Extended-B
         (c >= 0x460 && c <= 0x481) || (c >= 0x48A && c <= 0x4BF) || (c >= 0x4D0 && c <= 0x52F) ||  // Cyrillic
         (c >= 0x1E00 && c <= 0x1E95) || (c >= 0x1EA0 && c <= 0x1EFF);   // Latin Extended Additional
}

constexpr char32_t fold_case_by_range(char32_t c) {
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 32;
  if (c >= 0x100 && c <= 0x17F) {
    // Latin Extended-A pairs capitals and small letters, even/odd except in two stretches.
    if (c == 0x130) return U'i';
    if (c == 0x178) return 0xFF;
    if (c == 0x138 || c == 0x149 || c == 0x17F) return c;
    const bool odd_capitals = (c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E);
    if (odd_capitals) return (c % 2 == 1) ? c + 1 : c;
    return (c % 2 == 0) ? c + 1 : c;
  }
  if (c >= 0x391 && c <= 0x3AB && c != 0x3A2) return c + 32;
  if (c >= 0x386 && c <= 0x38F) {  // Greek capitals with tonos: Ά Έ Ή Ί Ό Ύ Ώ
    if (c == 0x386) return 0x3AC;
    if (c >= 0x388 && c <= 0x38A) return c + 37;
    if (c == 0x38C) return 0x3CC;
    if (c >= 0x38E) return c + 63;
    return c;
  }
  if (c >= 0x410 && c <= 0x42F) return c + 32;
  if (c >= 0x400 && c <= 0x40F) return c + 80;
  if (in_even_pairs(c)) return (c % 2 == 0) ? c + 1 : c;
  if (c == 0x4C0) return 0x4CF;                                             // Palochka
  if (c >= 0x4C1 && c <= 0x4CE) return (c % 2 == 1) ? c + 1 : c;            // Cyrillic, odd capitals
  if (c >= 0x531 && c <= 0x556) return c + 48;                              // Armenian
  if (c == 0x1E9E) return 0xDF;                                             // capital sharp s: ß
  if (c >= 0xFF21 && c <= 0xFF3A) return c + 32;                            // full-width A-Z
  return c;
}

}  // namespace

constexpr std::array<char16_t, kSmallFoldsEnd> kSmallFolds = [] {
  std::array<char16_t, kSmallFoldsEnd> folds{};
  for (char32_t c = 0; c < kSmallFoldsEnd; ++c)
    folds[c] = static_cast<char16_t>(c >= 'A' && c <= 'Z' ? c + 32 : fold_case_by_range(c));
  return folds;
}();
static_assert(kSmallFolds['A'] == 'a' && kSmallFolds[0xC4] == 0xE4 && kSmallFolds[0x410] == 0x430 &&
              kSmallFolds[0x386] == 0x3AC);

// Past the table only Latin Extended Additional (Vietnamese, the capital sharp s) and the
// full-width Latin capitals have a fold: typographic punctuation and CJK return at once.
char32_t fold_case_slow(char32_t c) {
  const bool may_fold = (c >= 0x1E00 && c <= 0x1EFF) || (c >= 0xFF21 && c <= 0xFF3A);
  return may_fold ? fold_case_by_range(c) : c;
}

bool is_letter_slow(char32_t c) {
  if (c < 0xC0) return c == 0xAA || c == 0xB5 || c == 0xBA;
  if (c == 0xD7 || c == 0xF7) return false;
  if (c >= 0x2000 && c <= 0x2BFF) return false;    // punctuation, symbols, arrows, boxes
  // The full stops, commas and question marks of other scripts, and the Khmer section mark.
  if (is_sentence_mark(c) || is_clause_mark(c) || c == 0x17D5) return false;
  if (c >= 0x3000 && c <= 0x303F) return false;    // CJK punctuation
  if (c >= 0xFF00 && c <= 0xFF20) return false;    // full-width punctuation and digits
  if (c >= 0xE000 && c <= 0xF8FF) return false;    // private use (icon fonts)
  if (c >= 0xFE00 && c <= 0xFE6F) return false;    // variation selectors, small forms
  if (c >= 0x1F000) return c >= 0x20000 && c <= 0x2FFFF;  // emoji out, Han extensions in
  return c != 0xFFFD;
}

}  // namespace declutter::unicode
