#pragma once
// Splits a WARC file (ISO 28500: WARC/1.0 and WARC/1.1) into its records: a version line,
// header fields, an empty line, then a block of exactly Content-Length bytes. An ARC file,
// the Internet Archive's format before WARC (versions 1 and 2: a header line of URL,
// address, date, type and length, then the block), is read too, each record handed out as
// the WARC record it converts to, as warcio and arc2warc convert them. A compressed file
// (record-at-a-time gzip, as Common Crawl ships .warc.gz, or zstd) is inflated as it is
// read, by the RecordReader underneath.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "corpus/record_reader.h"

namespace declutter {

// "WARC" or "ARC" when `document` (its bytes as read: compressed or not) is a web archive,
// which only --warc reads as what it is; else empty. Cleaned as one document, an archive
// would come out as its headers and markup run together, or pass through as binary.
std::string_view web_archive_format(std::string_view document);

class WarcReader {
 public:
  using Status = RecordReader::Status;

  WarcReader(int fd, std::size_t max_block_bytes);

  // Appends the next record to `sink`: its version line and header fields, a line each
  // ("\n"-terminated, without their CRs), an empty line, then the block. An ARC record
  // comes as WARC/1.0 with WARC-Type (warcinfo for the file's description, response for
  // an HTTP response, else resource), WARC-Target-URI, WARC-Date, Content-Type and
  // Content-Length. On `oversized` (a block over max_block_bytes) only the block's first
  // 64 KiB, enough to tell what it holds; the rest was read past. On `error` the file
  // cannot be split further (not WARC, cut short): error_message().
  Status read(std::string& sink);

  void set_before_read(std::function<void()> hook) { input_.set_before_read(std::move(hook)); }
  std::string error_message() const;

 private:
  Status fail(std::string message);
  // The record whose header line is in line_, once the file turned out to be ARC.
  Status read_arc_record(std::string& sink);
  // The block of `length` bytes after a header that `sink` ends with.
  Status read_block(std::size_t length, std::string& sink);

  enum class Format { unknown, warc, arc_v1, arc_v2 };
  Format format_ = Format::unknown;
  RecordReader input_;
  std::size_t max_block_bytes_;
  std::uint64_t records_ = 0;  // records read so far, for messages
  std::string line_;
  std::string message_;
};

}  // namespace declutter
