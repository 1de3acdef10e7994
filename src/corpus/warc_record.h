#pragma once
// What a WARC record (as WarcReader hands it out) holds for corpus mode: a web page, or
// nothing to clean. A page is a `response` record whose HTTP response succeeded (2xx) with
// an HTML media type (the server's Content-Type; when that is missing or generic, such as
// application/octet-stream, the WARC-Identified-Payload-Type the crawler wrote, else an
// HTML start of the body itself), a `resource` record of an HTML media type (a page stored
// without its HTTP exchange), or a `conversion` record of plain text (a page's text as
// Common Crawl's WET files hold it, boilerplate and all). Requests, metadata, revisits, redirects,
// errors, images and every other kind of record are not documents.
#include <cstddef>
#include <string>
#include <string_view>

#include "core/document_input.h"
#include "corpus/http_message.h"

namespace declutter {

class WarcRecord {
 public:
  // too_large: a page whose block WarcReader cut (over --max-doc-bytes).
  enum class Kind { page, not_a_page, too_large, failed };

  // Reads `record` (`cut`: only the start of its block is there): its header, its HTTP
  // response's, and for a page the body, its chunking and gzip undone (a gzip'd body may
  // inflate to `limit` bytes; 0: no limit). On `page`, url() and the rest below describe
  // it, valid until the next read (they may point into `record` or into this object); on
  // `too_large` and `failed` url() still names it, and on `failed` `reason` says why.
  Kind read(std::string_view record, bool cut, std::size_t limit, std::string& reason);

  std::string_view url() const { return url_; }            // WARC-Target-URI
  std::string_view record_id() const { return record_id_; }  // WARC-Record-ID
  std::string_view date() const { return date_; }          // WARC-Date
  // WARC-Truncated: why the crawler kept only the start of the record ("length", "time",
  // "disconnect", "unspecified"); empty when it kept all of it.
  std::string_view truncated() const { return truncated_; }
  std::string_view body() const { return body_; }          // the page's bytes
  // The charset its Content-Type declared, as an iconv name; empty when none or unknown.
  std::string_view charset() const { return charset_; }
  InputFormat format() const { return format_; }  // html, or text for a conversion record
  // The page as a document to clean.
  DocumentInput document() const { return {body_, url_, charset_, format_}; }

 private:
  std::string_view url_;
  std::string_view record_id_;
  std::string_view date_;
  std::string_view truncated_;
  Kind classify(std::string_view record, std::string& reason);

  std::string_view body_;
  HttpResponse response_;  // of a response record; a resource record's body needs no decoding
  bool from_response_ = false;
  bool sniff_body_ = false;  // no type to go by: the decoded body's start decides
  InputFormat format_ = InputFormat::html;
  std::string charset_;
  std::string scratch_;  // a dechunked or inflated body
};

}  // namespace declutter
