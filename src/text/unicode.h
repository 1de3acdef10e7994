#pragma once
// The one place that decodes UTF-8 code point by code point, folds case and classifies
// characters, for every module that looks inside text (phrase keys, the scorer's
// tokeniser, trimming). No Unicode library: the classes cover the scripts the rules and
// stopword lists are written in. Everything is allocation-free and inline where it is hot:
// ASCII never leaves the fast path.
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace declutter::unicode {

struct CodePoint {
  char32_t value = 0;
  std::uint32_t length = 1;  // bytes consumed
  bool valid = true;         // false: a malformed byte, decoded as U+FFFD
};

// The code point at `pos`. A malformed or truncated sequence decodes as U+FFFD with
// length 1, so a scan always moves on (valid = false tells the byte apart from a real U+FFFD).
CodePoint decode_slow(std::string_view text, std::size_t pos);
inline CodePoint decode(std::string_view text, std::size_t pos) {
  const auto lead = static_cast<unsigned char>(text[pos]);
  if (lead < 0x80) return {lead, 1, true};
  // Two-byte characters (accented Latin, Greek, Cyrillic, Arabic, Hebrew) stay inline too.
  if (lead >= 0xC2 && lead <= 0xDF && pos + 1 < text.size()) {
    const auto next = static_cast<unsigned char>(text[pos + 1]);
    if ((next & 0xC0U) == 0x80U) return {static_cast<char32_t>(((lead & 0x1FU) << 6U) | (next & 0x3FU)), 2, true};
  }
  return decode_slow(text, pos);
}
// The code point that ends at `end` (exclusive): a malformed tail decodes as one invalid byte.
CodePoint decode_before_slow(std::string_view text, std::size_t end);
inline CodePoint decode_before(std::string_view text, std::size_t end) {
  const auto last = static_cast<unsigned char>(text[end - 1]);
  if (last < 0x80) return {last, 1, true};
  return decode_before_slow(text, end);
}

// Writes the UTF-8 form of `c` (a scalar value) into `out`; returns its length (1-4).
inline std::size_t encode(char32_t c, char* out) {
  if (c < 0x80) {
    out[0] = static_cast<char>(c);
    return 1;
  }
  if (c < 0x800) {
    out[0] = static_cast<char>(0xC0U | (c >> 6U));
    out[1] = static_cast<char>(0x80U | (c & 0x3FU));
    return 2;
  }
  if (c < 0x10000) {
    out[0] = static_cast<char>(0xE0U | (c >> 12U));
    out[1] = static_cast<char>(0x80U | ((c >> 6U) & 0x3FU));
    out[2] = static_cast<char>(0x80U | (c & 0x3FU));
    return 3;
  }
  out[0] = static_cast<char>(0xF0U | (c >> 18U));
  out[1] = static_cast<char>(0x80U | ((c >> 12U) & 0x3FU));
  out[2] = static_cast<char>(0x80U | ((c >> 6U) & 0x3FU));
  out[3] = static_cast<char>(0x80U | (c & 0x3FU));
  return 4;
}

// Simple lower-case mapping for Latin (ASCII, Latin-1, Extended-A), Greek and Cyrillic.
char32_t fold_case_slow(char32_t c);
inline char32_t fold_case(char32_t c) {
  if (c < 0x80) return (c >= 'A' && c <= 'Z') ? c + 32 : c;
  return fold_case_slow(c);
}
inline bool is_upper(char32_t c) { return fold_case(c) != c; }

// A letter of an alphabet or syllabary, or a CJK ideograph: the tokeniser's word characters.
bool is_letter_slow(char32_t c);
inline bool is_letter(char32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  return is_letter_slow(c);
}
// Han, kana and the like: scripts written without spaces, where length is counted in characters.
inline bool is_cjk(char32_t c) {
  return (c >= 0x3040 && c <= 0x30FF) ||   // hiragana, katakana
         (c >= 0x3400 && c <= 0x4DBF) ||   // Han extension A
         (c >= 0x4E00 && c <= 0x9FFF) ||   // Han
         (c >= 0xF900 && c <= 0xFAFF) ||   // Han compatibility
         (c >= 0x20000 && c <= 0x2FFFF);   // Han extensions B-F
}
inline bool is_digit(char32_t c) { return (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19); }

// White space as Unicode defines it (incl. NBSP, the U+2000 spaces, ideographic space,
// BOM): what trimming and phrase keys remove.
inline bool is_space(char32_t c) {
  if (c < 0x80) return c == ' ' || (c >= '\t' && c <= '\r');
  return c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200B) || c == 0x2028 || c == 0x2029 || c == 0x202F ||
         c == 0x205F || c == 0x3000 || c == 0xFEFF;
}

}  // namespace declutter::unicode
