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

// Whether `a` and `b` differ in the case of their ASCII letters at most.
inline constexpr bool equals_ignoring_ascii_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (ascii_lower(static_cast<unsigned char>(a[i])) != ascii_lower(static_cast<unsigned char>(b[i]))) return false;
  }
  return true;
}

// `text` without the spaces, tabs and carriage returns at its ends: a field or a line of a
// data file, read with a CRLF line end or without.
inline constexpr std::string_view trim_ascii_blanks(std::string_view text) {
  const auto is_blank = [](char c) { return c == ' ' || c == '\t' || c == '\r'; };
  while (!text.empty() && is_blank(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_blank(text.back())) text.remove_suffix(1);
  return text;
}

// HTML's ASCII white space (the five characters the HTML and CSS specifications name), which
// separates class tokens and trims attribute values and text.
inline constexpr bool is_html_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

}  // namespace declutter
