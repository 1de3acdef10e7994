#pragma once
// UTF-8 validation and repair, the last step of decoding input (text/encoding.h).
#include <string>
#include <string_view>

namespace declutter {

// True when `in` is well-formed UTF-8 (no overlongs, no surrogates, nothing past U+10FFFF).
bool is_valid_utf8(std::string_view in);

// How many maximal ill-formed subsequences `in` holds: the U+FFFD that repair_utf8 would write.
std::size_t invalid_sequence_count(std::string_view in);

// Replaces `out` with `in`, each maximal ill-formed subsequence (Unicode's "best practice",
// as browsers do) replaced by U+FFFD. Returns false when something had to be replaced.
// Valid input is copied in one go.
bool repair_utf8(std::string_view in, std::string& out);

// Appends the UTF-8 encoding of `code_point` (U+FFFD for surrogates and out-of-range values).
void append_utf8(char32_t code_point, std::string& out);

// Converts UTF-16 code units (little or big endian, no BOM) to UTF-8, replacing `out`.
void utf16_to_utf8(std::string_view raw, bool big_endian, std::string& out);

}  // namespace declutter
