#pragma once
// The one place that decodes UTF-8 code point by code point, folds case and classifies
// characters, for every module that looks inside text (phrase keys, the scorer's
// tokeniser, trimming). No Unicode library: the classes cover the scripts the rules and
// stopword lists are written in. Everything is allocation-free and inline where it is hot:
// ASCII never leaves the fast path.
#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace declutter::unicode {

// U+00AD, invisible, marks where a word may break ("News\u00ADlet\u00ADter"): what rules and the
// title match read leaves it out.
inline constexpr char32_t kSoftHyphen = 0xAD;

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

// The UTF-8 form of `c` (a scalar value) packed into an integer, byte i in bits 8i..8i+7,
// and its length (1-4) in `length`. Built in a register: a caller that wants the bytes as
// one integer (the scorer's letter buffer) avoids storing them one by one and reading them
// back, which stalls the load.
inline std::uint64_t encode_packed(char32_t c, unsigned& length) {
  const std::uint64_t tail1 = 0x80U | (c & 0x3FU);
  const std::uint64_t tail2 = 0x80U | ((c >> 6U) & 0x3FU);
  const std::uint64_t tail3 = 0x80U | ((c >> 12U) & 0x3FU);
  if (c < 0x80) {
    length = 1;
    return c;
  }
  if (c < 0x800) {
    length = 2;
    return (0xC0U | (c >> 6U)) | (tail1 << 8U);
  }
  if (c < 0x10000) {
    length = 3;
    return (0xE0U | (c >> 12U)) | (tail2 << 8U) | (tail1 << 16U);
  }
  length = 4;
  return (0xF0U | (c >> 18U)) | (tail3 << 8U) | (tail2 << 16U) | (tail1 << 24U);
}

// Writes the UTF-8 form of `c` (a scalar value) into `out`; returns its length (1-4).
inline std::size_t encode(char32_t c, char* out) {
  unsigned length = 0;
  const std::uint64_t packed = encode_packed(c, length);
  for (unsigned i = 0; i < length; ++i) out[i] = static_cast<char>(packed >> (8 * i));
  return length;
}

// Simple lower-case mapping for Latin (ASCII, Latin-1, Extended-A and B, Extended Additional:
// Romanian's comma-below letters, Vietnamese), Greek (with tonos), Cyrillic (with its
// extensions: Ukrainian Ґ, Kazakh, ...), Armenian and full-width Latin.
char32_t fold_case_slow(char32_t c);
// The folds of U+0000..U+07FF (Latin, Greek, Cyrillic, Armenian), worked out at compile time:
// looked up, an umlaut is one load, where the ranges took two dozen tests to leave it as it is.
constexpr char32_t kSmallFoldsEnd = 0x800;
extern const std::array<char16_t, kSmallFoldsEnd> kSmallFolds;
inline char32_t fold_case(char32_t c) {
  if (c < 0x80) return (c >= 'A' && c <= 'Z') ? c + 32 : c;
  if (c < kSmallFoldsEnd) return kSmallFolds[c];
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
// Marks that end a sentence (. ! ? … and the full stops and question marks of other
// scripts), and marks between clauses (, ; and their forms in other scripts).
inline bool is_sentence_mark(char32_t c) {
  switch (c) {
    case '.': case '!': case '?': case 0x2026: case 0x3002: case 0xFF01: case 0xFF1F:
    case 0x037E:                  // Greek question mark
    case 0x0589:                  // Armenian full stop
    case 0x061F: case 0x06D4:     // Arabic question mark, Urdu full stop
    case 0x0964: case 0x0965:     // Devanagari danda, double danda
    case 0x104B: case 0x1362: case 0x17D4:  // Myanmar, Ethiopic, Khmer full stops
      return true;
    default:
      return false;
  }
}
inline bool is_clause_mark(char32_t c) {
  return c == ',' || c == ';' || c == 0xFF0C || c == 0x3001 || c == 0xFF1B || c == 0x060C || c == 0x061B ||
         c == 0x104A || c == 0x1363;
}

// Quotes and brackets that may close a sentence after its mark (."  .)  ?»  。」).
inline bool is_closing_mark(char32_t c) {
  return c == '"' || c == '\'' || c == ')' || c == 0x201D || c == 0x2019 || c == 0xBB || c == 0x300D || c == 0xFF09;
}

// Thai, Lao, Myanmar and Khmer: also written without spaces between words, but with words of
// several characters (a CJK character is nearly a word).
inline bool is_unspaced_script(char32_t c) {
  return (c >= 0x0E01 && c <= 0x0EFF) ||   // Thai, Lao
         (c >= 0x1000 && c <= 0x109F) ||   // Myanmar
         (c >= 0x1780 && c <= 0x17FF);     // Khmer
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
