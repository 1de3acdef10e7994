#pragma once
// An HTTP/1.x response as a WARC response record holds it (RFC 9112): status line, field
// lines, empty line, body. The body is handed on as the server sent it unless it was sent
// chunked or compressed; crawlers that undo those themselves (Common Crawl) rename the
// fields, so a body is never decoded twice.
#include <cstddef>
#include <string>
#include <string_view>

namespace declutter {

struct HttpResponse {
  int status = 0;                // 200
  std::string_view fields;       // the field lines, for header_field()
  std::string_view body;         // as sent
};

// Splits `message`; false, with `reason`, when it does not start with an HTTP status line
// or has no end of its fields.
bool parse_http_response(std::string_view message, HttpResponse& response, std::string& reason);

// The body with Transfer-Encoding: chunked and its Content-Encoding (gzip, deflate, br or
// zstd, or several in turn) undone, in `scratch` when any was (the view points there), else
// the body itself. False, with `reason`, for a coding this reader does not undo (compress,
// dictionary codings), damaged data, or a body that inflates past `limit` bytes (0: no
// limit). A body that the fields say is chunked or compressed but that is not, and already
// reads as markup (its crawler stored it decoded), is taken as it is. A body cut short (a
// record truncated by its crawler) keeps what it has: its chunks, and what inflated.
bool decoded_body(const HttpResponse& response, std::size_t limit, std::string& scratch,
                  std::string_view& body, std::string& reason);

}  // namespace declutter
