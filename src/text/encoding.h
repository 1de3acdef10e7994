#pragma once
// Input bytes -> UTF-8 for both front ends. Every later stage may assume valid UTF-8.
// Legacy encodings go through iconv; labels are read the WHATWG way (latin1 and us-ascii
// mean windows-1252, gb2312 means GB18030). Nothing fails: undecodable bytes become U+FFFD.
// HTML adds the page's own charset declaration on top (html/decode.h).
#include <optional>
#include <string>
#include <string_view>

#include "core/source_format.h"

namespace declutter {

// How UTF-8 text saved with a byte-order mark starts (Windows tools write one); the mark is
// no part of the text, a rule file or a JSON record.
inline constexpr std::string_view kUtf8ByteOrderMark = "\xEF\xBB\xBF";

// The iconv name for an encoding label ("UTF-8" for every UTF-8 and UTF-16 label, since a
// page that could declare UTF-16 in ASCII is not UTF-16), or "" for an unknown label.
std::string encoding_for_label(std::string_view label);

// The iconv name for --encoding's label: as encoding_for_label, except that the UTF-16
// labels mean UTF-16 (little-endian unless the label says BE), since a file a user names
// as UTF-16 may lack a byte-order mark. "" for an unknown label.
std::string encoding_for_option(std::string_view label);

// Converts `in` from `encoding` (an iconv name) to UTF-8, replacing `out`; undecodable
// bytes become U+FFFD. Returns false, leaving `out` empty, when iconv lacks the encoding.
bool convert_to_utf8(std::string_view in, const std::string& encoding, std::string& out);

// Whether bytes that are not UTF-8 look like a single-byte legacy encoding: most of their
// non-ASCII bytes fail as UTF-8, rather than a few stray bytes in UTF-8 text.
bool looks_single_byte(std::string_view raw);

// Decodes `raw` as `encoding` (an iconv name; UTF-8 is validated and repaired), replacing
// `out`. An encoding iconv lacks falls back to UTF-8 repair.
Decoding decode_as(std::string_view raw, const std::string& encoding, std::string& out);

// Decodes `raw` by its byte-order mark (UTF-8, or UTF-16 LE or BE, the mark removed),
// replacing `out`; std::nullopt, `out` untouched, when `raw` has none.
std::optional<Decoding> decode_byte_order_mark(std::string_view raw, std::string& out);

// Text-mode decoding, in order of evidence: a byte-order mark (UTF-8 or UTF-16); then
// `forced`, the iconv name from --encoding, when not empty; then UTF-8 when the bytes are
// valid UTF-8; then `declared`, the iconv name the transport declared, when not empty;
// then windows-1252 when they look single-byte (a Latin-1 text dump would
// otherwise lose every accented letter to U+FFFD); else UTF-8 with invalid sequences
// repaired. Replaces `out`.
Decoding decode_text_bytes(std::string_view raw, std::string& out, const std::string& forced = {},
                           std::string_view declared = {});

}  // namespace declutter
