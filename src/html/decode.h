#pragma once
// HTML bytes -> UTF-8. Order of evidence, as browsers use it: a byte-order mark, then the
// charset the transport declared (an HTTP Content-Type's), else the one declared in the
// page's first kilobytes (<meta charset>, <meta http-equiv content="...; charset=...">,
// <?xml encoding?>), then UTF-8; bytes that are all valid UTF-8 are UTF-8 whatever either
// declares. --encoding overrides them all but a byte-order mark. Labels and conversion:
// text/encoding.h.
#include <string>
#include <string_view>

#include "text/encoding.h"

namespace declutter {

// The charset label in a Content-Type value ("text/html; charset=utf-8"), read as browsers
// read <meta http-equiv="Content-Type" content> (quoted or not, the first that has a value),
// or "" when none: for <meta> and for an HTTP header alike.
std::string_view charset_in_content_type(std::string_view content);

// The charset label the page declares near its start, lower-cased, or "" when none.
std::string find_declared_charset(std::string_view head);

// Replaces `out` with the page as UTF-8 (BOM removed, NUL bytes dropped). `forced`, the
// iconv name from --encoding, replaces what the page declares and the guess; `declared`,
// the transport's iconv name, comes before what the page declares.
Decoding decode_html_bytes(std::string_view raw, std::string& out, const std::string& forced = {},
                           std::string_view declared = {});

}  // namespace declutter
