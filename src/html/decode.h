#pragma once
// HTML bytes -> UTF-8. Order of evidence, as browsers use it: a byte-order mark, then a
// charset declared in the page's first kilobytes (<meta charset>, <meta http-equiv
// content="...; charset=...">, <?xml encoding?>), then UTF-8. Legacy encodings go through
// iconv; labels are read the WHATWG way (latin1 and us-ascii mean windows-1252, gb2312
// means GB18030). Nothing fails: invalid bytes become U+FFFD.
#include <string>
#include <string_view>

namespace declutter {

// The charset label the page declares near its start, lower-cased, or "" when none.
std::string find_declared_charset(std::string_view head);

// The iconv name for an encoding label ("UTF-8" for every UTF-8 and UTF-16 label, since a
// page that could declare UTF-16 in ASCII is not UTF-16), or "" for an unknown label.
std::string encoding_for_label(std::string_view label);

struct HtmlDecoding {
  std::string encoding;   // what the bytes were decoded as, e.g. "UTF-8", "WINDOWS-1252"
  bool repaired = false;  // invalid sequences were replaced by U+FFFD
};

// Replaces `out` with the page as UTF-8 (BOM removed, NUL bytes dropped).
HtmlDecoding decode_html_bytes(std::string_view raw, std::string& out);

// Converts `in` from `encoding` (an iconv name) to UTF-8, replacing `out`; undecodable
// bytes become U+FFFD. Returns false, leaving `out` empty, when iconv lacks the encoding.
bool convert_to_utf8(std::string_view in, const std::string& encoding, std::string& out);

}  // namespace declutter
