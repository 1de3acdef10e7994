#pragma once
// Makes WARC records and HTTP responses for the tests of WARC input.
#include <string>

namespace declutter::testing {

// One WARC/1.1 record, as crawlers write it: CRLF lines, the block, then two CRLFs.
inline std::string warc_record(const std::string& type, const std::string& uri, const std::string& content_type,
                               const std::string& block, const std::string& id = "<urn:uuid:1>") {
  return "WARC/1.1\r\nWARC-Type: " + type + "\r\nWARC-Target-URI: " + uri +
         "\r\nWARC-Date: 2026-05-06T07:08:09Z\r\nWARC-Record-ID: " + id + "\r\nContent-Type: " + content_type +
         "\r\nContent-Length: " + std::to_string(block.size()) + "\r\n\r\n" + block + "\r\n\r\n";
}

// An HTTP/1.1 response: `fields` are whole CRLF-terminated lines.
inline std::string http_response(const std::string& status, const std::string& fields, const std::string& body) {
  return "HTTP/1.1 " + status + "\r\n" + fields + "\r\n" + body;
}

// A response record holding an HTTP 200 response with an HTML page.
inline std::string html_response_record(const std::string& uri, const std::string& page,
                                        const std::string& content_type = "text/html; charset=utf-8") {
  return warc_record("response", uri, "application/http; msgtype=response",
                     http_response("200 OK", "Content-Type: " + content_type + "\r\n", page));
}

// One ARC record (the Internet Archive's format before WARC): a header line naming the
// record (`fields`: "URL IP-address Archive-date Content-type", and for version 2 the
// fields up to the filename), its length last; the block; a newline.
inline std::string arc_record(const std::string& fields, const std::string& block) {
  return fields + " " + std::to_string(block.size()) + "\n" + block + "\n";
}

// The file description an ARC file starts with, for `version` 1 or 2.
inline std::string arc_file_description(int version) {
  const std::string block = std::to_string(version) + " 0 Test Archive\n" +
                            (version == 1 ? "URL IP-address Archive-date Content-type Archive-length\n"
                                          : "URL IP-address Archive-date Content-type Result-code Checksum Location "
                                            "Offset Filename Archive-length\n");
  return arc_record(version == 1 ? "filedesc://test.arc 0.0.0.0 19961104142103 text/plain"
                                 : "filedesc://test.arc 0.0.0.0 19961104142103 text/plain 200 - - 0 test.arc",
                    block);
}

}  // namespace declutter::testing
