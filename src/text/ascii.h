#pragma once
// ASCII tests and case folding for the fast paths that read bytes before, or instead of,
// decoding UTF-8 (text/unicode.h folds every script).

#include <string_view>

namespace declutter {

inline constexpr bool is_ascii_letter(unsigned char byte) { return static_cast<unsigned char>((byte | 0x20U) - 'a') < 26; }

// Capitals made small; every other byte, past ASCII too, as it is.
inline constexpr unsigned char ascii_lower(unsigned char byte) {
  return byte >= 'A' && byte <= 'Z' ? static_cast<unsigned char>(byte | 0x20U) : byte;
}

// Whether `text` is `lower` (given in lower case) but for the case of its ASCII letters.
inline constexpr bool equals_ignoring_ascii_case(std::string_view text, std::string_view lower) {
  if (text.size() != lower.size()) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (ascii_lower(static_cast<unsigned char>(text[i])) != static_cast<unsigned char>(lower[i])) return false;
  }
  return true;
}

// HTML's ASCII white space (the five characters the HTML and CSS specifications name), which
// separates class tokens and trims attribute values and text.
inline constexpr bool is_html_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

}  // namespace declutter
