#include "corpus/warc_record.h"

#include <array>
#include <utility>

#include "corpus/header_fields.h"
#include "html/decode.h"
#include "html/sniff.h"
#include "text/ascii.h"
#include "text/encoding.h"

namespace declutter {

namespace {

bool is_html_media_type(std::string_view content_type) {
  return media_type_is(content_type, "text/html") || media_type_is(content_type, "application/xhtml+xml");
}

// Types that say nothing of what a body is: none, the MIME Sniffing standard's unknown
// types, and the octet streams servers fall back on (pages served that way are common in
// crawls of small and misconfigured sites).
bool is_generic_media_type(std::string_view content_type) {
  static constexpr std::array<std::string_view, 5> kGeneric{
      "unknown/unknown", "application/unknown", "*/*", "application/octet-stream", "binary/octet-stream"};
  if (trim_ascii_blanks(content_type.substr(0, content_type.find(';'))).empty()) return true;
  for (const std::string_view generic : kGeneric)
    if (media_type_is(content_type, generic)) return true;
  return false;
}

// WARC 1.0's grammar put the target URI in angle brackets, and some tools still write them.
std::string_view without_angle_brackets(std::string_view uri) {
  if (uri.size() >= 2 && uri.front() == '<' && uri.back() == '>') return uri.substr(1, uri.size() - 2);
  return uri;
}

}  // namespace

WarcRecord::Kind WarcRecord::classify(std::string_view record, std::string& reason) {
  const std::size_t header_end = record.find("\n\n");
  const std::string_view header = record.substr(0, header_end == std::string_view::npos ? record.size() : header_end + 1);
  const std::string_view block =
      header_end == std::string_view::npos ? std::string_view() : record.substr(header_end + 2);
  const std::string_view type = header_field(header, "warc-type");
  const std::string_view content_type = header_field(header, "content-type");
  url_ = without_angle_brackets(header_field(header, "warc-target-uri"));
  record_id_ = header_field(header, "warc-record-id");
  date_ = header_field(header, "warc-date");
  truncated_ = header_field(header, "warc-truncated");
  charset_.clear();
  from_response_ = false;
  sniff_body_ = false;
  format_ = InputFormat::html;

  std::string_view page_type;  // the Content-Type the page came with
  std::string_view charset_type;  // a generic Content-Type the identified type replaced
  if (equals_ignoring_ascii_case(type, "resource")) {
    if (!is_html_media_type(content_type)) return Kind::not_a_page;
    page_type = content_type;
    body_ = block;
  } else if (equals_ignoring_ascii_case(type, "response")) {
    // application/http; some writers leave the type out, but not the status line.
    if (!media_type_is(content_type, "application/http") && !block.starts_with("HTTP/")) return Kind::not_a_page;
    if (!parse_http_response(block, response_, reason)) return Kind::failed;
    page_type = header_field(response_.fields, "content-type");
    // A server that names no type, or a generic one: the type the crawler identified from
    // the body (Common Crawl writes it), else the body's start, once decoded (read()).
    if (is_generic_media_type(page_type)) {
      const std::string_view identified = header_field(header, "warc-identified-payload-type");
      if (identified.empty()) sniff_body_ = true;
      else charset_type = std::exchange(page_type, identified);
    }
    if (response_.status / 100 != 2 || !(sniff_body_ || is_html_media_type(page_type))) return Kind::not_a_page;
    from_response_ = true;
    body_ = response_.body;
  } else if (equals_ignoring_ascii_case(type, "conversion")) {
    if (!media_type_is(content_type, "text/plain")) return Kind::not_a_page;
    page_type = content_type;
    format_ = InputFormat::text;
    body_ = block;
  } else {
    return Kind::not_a_page;
  }
  std::string_view label = charset_in_content_type(page_type);
  if (label.empty()) label = charset_in_content_type(charset_type);
  if (!label.empty()) charset_ = encoding_for_label(label);
  return Kind::page;
}

WarcRecord::Kind WarcRecord::read(std::string_view record, bool cut, std::size_t limit, std::string& reason) {
  const Kind kind = classify(record, reason);
  if (kind != Kind::page) return kind;
  if (cut) {
    // An untyped body cut short is named a page (too large) when its start is HTML or is
    // coded, which would take decoding to tell; other records over the limit pass quietly.
    const bool coded = !header_field(response_.fields, "content-encoding").empty() ||
                       !header_field(response_.fields, "transfer-encoding").empty();
    return sniff_body_ && !coded && !looks_like_html(body_) ? Kind::not_a_page : Kind::too_large;
  }
  if (from_response_ && !decoded_body(response_, limit, scratch_, body_, reason)) return Kind::failed;
  // An untyped body is a page when it opens as HTML pages do (html/sniff.h).
  if (sniff_body_ && !looks_like_html(body_)) return Kind::not_a_page;
  return Kind::page;
}

}  // namespace declutter
