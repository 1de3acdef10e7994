#include "corpus/http_message.h"

#include <charconv>

#include "corpus/header_fields.h"
#include "text/ascii.h"
#include "text/gzip_input.h"

namespace declutter {

namespace {

// The end of the field lines: the empty line, written "\r\n\r\n" or, by lax servers, "\n\n".
// Returns the position of the empty line's end, npos when there is none.
std::size_t fields_end(std::string_view message, std::size_t from, std::size_t& fields_size) {
  for (std::size_t newline = message.find('\n', from); newline != std::string_view::npos;
       newline = message.find('\n', newline + 1)) {
    std::size_t next = newline + 1;
    if (next < message.size() && message[next] == '\r') ++next;
    if (next < message.size() && message[next] == '\n') {
      fields_size = newline + 1 - from;
      return next + 1;
    }
  }
  return std::string_view::npos;
}

// Undoes chunked transfer coding (RFC 9112, 7.1): hex size lines, each chunk followed by a
// line break, a zero-size chunk and trailer fields at the end.
bool dechunk(std::string_view body, std::string& out, std::string& reason) {
  out.clear();
  while (!body.empty()) {
    const std::size_t line_end = body.find('\n');
    std::string_view size_line = body.substr(0, line_end);
    size_line = size_line.substr(0, size_line.find(';'));  // chunk extensions
    while (!size_line.empty() && (size_line.back() == '\r' || size_line.back() == ' ')) size_line.remove_suffix(1);
    std::size_t size = 0;
    const auto [end, error] = std::from_chars(size_line.data(), size_line.data() + size_line.size(), size, 16);
    if (error != std::errc() || end != size_line.data() + size_line.size() || size_line.empty()) {
      reason = "the chunked body has a bad chunk size line";
      return false;
    }
    if (size == 0 || line_end == std::string_view::npos) return true;  // the last chunk; trailers unused
    body.remove_prefix(line_end + 1);
    out.append(body.substr(0, size));
    if (size >= body.size()) return true;  // cut short: the chunks it has
    body.remove_prefix(size);
    if (body.starts_with("\r\n")) body.remove_prefix(2);
    else if (body.starts_with("\n")) body.remove_prefix(1);
  }
  return true;
}

}  // namespace

bool parse_http_response(std::string_view message, HttpResponse& response, std::string& reason) {
  response = {};
  // "HTTP/1.1 200 OK": the version, a space, three digits.
  if (!message.starts_with("HTTP/")) {
    reason = "the response record holds no HTTP response";
    return false;
  }
  const std::size_t space = message.find(' ');
  const std::size_t status_line_end = message.find('\n');
  if (space == std::string_view::npos || space > status_line_end || message.size() < space + 4) {
    reason = "the HTTP status line is malformed";
    return false;
  }
  const char* digits = message.data() + space + 1;
  const auto [end, error] = std::from_chars(digits, digits + 3, response.status);
  if (error != std::errc() || end != digits + 3 || response.status < 100) {
    reason = "the HTTP status line is malformed";
    return false;
  }
  if (status_line_end == std::string_view::npos) {
    reason = "the HTTP response has no end of its header";
    return false;
  }
  std::size_t fields_size = 0;
  // A status line followed at once by the empty line: no fields at all.
  std::size_t body_begin = fields_end(message, status_line_end, fields_size);
  if (body_begin == std::string_view::npos) {
    reason = "the HTTP response has no end of its header";
    return false;
  }
  response.fields = message.substr(status_line_end + 1, fields_size == 0 ? 0 : fields_size - 1);
  response.body = message.substr(body_begin);
  return true;
}

bool decoded_body(const HttpResponse& response, std::size_t limit, std::string& scratch,
                  std::string_view& body, std::string& reason) {
  body = response.body;
  const std::string_view transfer = header_field(response.fields, "transfer-encoding");
  if (!transfer.empty() && !equals_ignoring_ascii_case(transfer, "identity")) {
    if (!equals_ignoring_ascii_case(transfer, "chunked")) {
      reason = "Transfer-Encoding '" + std::string(transfer) + "' is not supported";
      return false;
    }
    if (!dechunk(body, scratch, reason)) return false;
    body = scratch;
  }
  const std::string_view content = header_field(response.fields, "content-encoding");
  if (content.empty() || equals_ignoring_ascii_case(content, "identity")) return true;
  if (!equals_ignoring_ascii_case(content, "gzip") && !equals_ignoring_ascii_case(content, "x-gzip")) {
    reason = "Content-Encoding '" + std::string(content) + "' is not supported";
    return false;
  }
  std::string inflated;  // not scratch itself: a dechunked body is there
  const InflateResult result = gunzip(body, limit, inflated);
  if (result.status != InflateStatus::ok) {
    reason = result.message;
    return false;
  }
  scratch.swap(inflated);
  body = scratch;
  return true;
}

}  // namespace declutter
