#pragma once
// Line normalisation shared by the rule matchers: the "key" of a line is what phrase rules
// compare against, so that `drop "Menu"` also drops "  • MENU |".
#include <cstddef>
#include <string>
#include <string_view>

namespace declutter {

// Strips ASCII and Unicode white space (NBSP, thin and ideographic spaces, BOM) at both ends.
std::string_view trim_space_slow(std::string_view text);
// Strips trailing white space only (the output convention keeps leading indentation).
std::string_view trim_trailing_space_slow(std::string_view text);

// A printable ASCII byte other than the space: no white space starts or ends there.
inline bool is_ascii_visible(char byte) { return byte > ' ' && byte < '\x7F'; }

// Most lines begin and end with a visible ASCII character: they are answered inline.
inline std::string_view trim_space(std::string_view text) {
  if (!text.empty() && is_ascii_visible(text.front()) && is_ascii_visible(text.back())) return text;
  return trim_space_slow(text);
}
inline std::string_view trim_trailing_space(std::string_view text) {
  if (!text.empty() && is_ascii_visible(text.back())) return text;
  return trim_trailing_space_slow(text);
}

// The phrase key: white space and decoration (bullets, pipes, dashes, arrows, asterisks)
// stripped at both ends, inner white space runs made one space, soft hyphens left out, letters lower-cased
// (ASCII, Latin-1, Latin Extended-A, Greek, Cyrillic). Writes into `out`, reusing its buffer.
void phrase_key(std::string_view line, std::string& out);
// The same, appended to `out`.
void append_phrase_key(std::string_view line, std::string& out);
// The same, written to `out`, which has room for line.size() + kPhraseKeySlack bytes (the
// fast path stores whole chunks of up to sixteen bytes); returns the key's length. For callers that
// size one buffer for many keys.
inline constexpr std::size_t kPhraseKeySlack = 16;
std::size_t write_phrase_key(std::string_view line, char* out);

// `text` on one line: each run of ASCII white space (line breaks too) one space, none at the
// ends. For a headline or a name that spans lines in the markup.
std::string collapse_spaces(std::string_view text);

// Lower-cases the letters named above, leaving every other byte as it is.
void append_lowercase(std::string_view text, std::string& out);

// What regexes read of a line: every white-space character a plain space, and no soft
// hyphen (U+00AD, which German typesetting puts inside words: "News\u00ADlet\u00ADter").
// Where the first character that differs in it is in `text` (a tab, a line break, a
// no-break or other Unicode space, a soft hyphen), or npos.
std::size_t find_unplain(std::string_view text);
// `text` as regexes read it, into `out`, which has room for text.size() bytes (a space of
// several bytes becomes one); returns the length.
std::size_t write_plain(std::string_view text, char* out);

// Words separated by white space.
std::size_t count_words(std::string_view text);
// Characters (code points) between the first and last character that is not white space.
std::size_t count_chars(std::string_view text);
// Whether the text's last character, or the one before a closing quote or bracket, ends a
// sentence: the scorer's marks (text/unicode.h), so that the stages and the scorer agree on
// what a sentence is.
bool ends_sentence(std::string_view text);

}  // namespace declutter
