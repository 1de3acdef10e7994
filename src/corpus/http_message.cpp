#include "corpus/http_message.h"

#include <charconv>

#include "corpus/header_fields.h"
#include "text/ascii.h"
#include "text/brotli_input.h"
#include "text/gzip_input.h"
#include "text/zstd_input.h"

namespace declutter {

namespace {

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

// Undoes one content coding (RFC 9110, 8.4.1) of `in` into `out`; false, with `reason`,
// for a coding not read here.
bool undo_content_coding(std::string_view coding, std::string_view in, std::size_t limit, std::string& out,
                         std::string& reason) {
  using Inflater = InflateResult (*)(std::string_view, std::size_t, std::string&);
  struct Coding {
    std::string_view name;
    Inflater inflate;
  };
  static constexpr Coding kCodings[] = {
      {"gzip", gunzip}, {"x-gzip", gunzip}, {"deflate", inflate_http_deflate}, {"br", unbrotli}, {"zstd", unzstd}};
  for (const Coding& known : kCodings) {
    if (!equals_ignoring_ascii_case(coding, known.name)) continue;
    const InflateResult result = known.inflate(in, limit, out);
    // A body cut short (its crawler truncated the record, or the connection dropped) keeps
    // what inflated, as a chunked one keeps its chunks.
    if (result.status == InflateStatus::ok || (result.status == InflateStatus::cut_short && !out.empty()))
      return true;
    reason = result.message;
    return false;
  }
  reason = "Content-Encoding '" + std::string(coding) + "' is not supported";
  return false;
}

// Some crawlers store a body decoded but keep the fields that say how it was sent (the WARC
// standard's wording on this was long read both ways; warctools and OpenWayback read such
// records too). A body that the named coding cannot undo but that already reads as markup
// is taken as it is: gzip, zlib, zstd and chunked data never start with '<', and brotli or
// bare deflate data that happened to would only come here damaged.
bool stored_decoded(std::string_view body) {
  const std::size_t first = body.find_first_not_of(" \t\r\n");
  return first != std::string_view::npos && body[first] == '<';
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
  // The field lines run to the empty line: "\r\n" or, from lax servers, "\n".
  const std::size_t fields_begin = status_line_end == std::string_view::npos ? message.size() : status_line_end + 1;
  for (std::size_t line = fields_begin; line < message.size();) {
    const std::size_t empty_line_end = message[line] == '\n'                  ? line + 1
                                       : message.substr(line).starts_with("\r\n") ? line + 2
                                                                                : std::string_view::npos;
    if (empty_line_end != std::string_view::npos) {
      response.fields = message.substr(fields_begin, line - fields_begin);
      response.body = message.substr(empty_line_end);
      return true;
    }
    line = message.find('\n', line);
    if (line != std::string_view::npos) ++line;
  }
  reason = "the HTTP response has no end of its header";
  return false;
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
    if (dechunk(body, scratch, reason)) body = scratch;
    else if (!stored_decoded(body)) return false;
  }
  // "gzip, br": the codings in the order the server applied them, undone last first.
  std::string_view codings = header_field(response.fields, "content-encoding");
  std::string inflated;  // not scratch itself: the body may be there
  while (!codings.empty()) {
    const std::size_t comma = codings.rfind(',');
    const std::size_t coding_begin = comma == std::string_view::npos ? 0 : comma + 1;
    const std::string_view coding = trim_ascii_blanks(codings.substr(coding_begin));
    codings = codings.substr(0, coding_begin == 0 ? 0 : comma);
    if (coding.empty() || equals_ignoring_ascii_case(coding, "identity")) continue;
    if (!undo_content_coding(coding, body, limit, inflated, reason)) {
      if (stored_decoded(body)) break;
      return false;
    }
    scratch.swap(inflated);
    body = scratch;
  }
  return true;
}

}  // namespace declutter
