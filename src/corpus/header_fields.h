#pragma once
// "Name: value" field lines, as WARC record headers and HTTP/1.x messages write them, one a
// line ("\n" or "\r\n"). Names compare ASCII case-insensitively, as both formats say.
#include <string_view>

namespace declutter {

// The trimmed value of the first field called `name` in `fields`, or "" when there is none.
std::string_view header_field(std::string_view fields, std::string_view name);

// Whether a Content-Type value's media type (before any ';') is `media_type`, but for case.
// Its charset: charset_in_content_type (html/decode.h).
bool media_type_is(std::string_view content_type, std::string_view media_type);

}  // namespace declutter
