#include "corpus/warc_record.h"

#include "corpus/header_fields.h"
#include "html/decode.h"
#include "text/ascii.h"
#include "text/encoding.h"

namespace declutter {

namespace {

bool is_html_media_type(std::string_view content_type) {
  return media_type_is(content_type, "text/html") || media_type_is(content_type, "application/xhtml+xml");
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
  charset_.clear();
  from_response_ = false;
  format_ = InputFormat::html;

  std::string_view page_type;  // the Content-Type the page came with
  if (equals_ignoring_ascii_case(type, "resource")) {
    if (!is_html_media_type(content_type)) return Kind::not_a_page;
    page_type = content_type;
    body_ = block;
  } else if (equals_ignoring_ascii_case(type, "response")) {
    // application/http; some writers leave the type out, but not the status line.
    if (!media_type_is(content_type, "application/http") && !block.starts_with("HTTP/")) return Kind::not_a_page;
    if (!parse_http_response(block, response_, reason)) return Kind::failed;
    page_type = header_field(response_.fields, "content-type");
    // A server that names no type: the type the crawler identified (Common Crawl writes it).
    if (page_type.empty()) page_type = header_field(header, "warc-identified-payload-type");
    if (response_.status / 100 != 2 || !is_html_media_type(page_type)) return Kind::not_a_page;
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
  const std::string_view label = charset_in_content_type(page_type);
  if (!label.empty()) charset_ = encoding_for_label(label);
  return Kind::page;
}

WarcRecord::Kind WarcRecord::read(std::string_view record, bool cut, std::size_t limit, std::string& reason) {
  const Kind kind = classify(record, reason);
  if (kind != Kind::page) return kind;
  if (cut) return Kind::too_large;
  if (from_response_ && !decoded_body(response_, limit, scratch_, body_, reason)) return Kind::failed;
  return Kind::page;
}

}  // namespace declutter
