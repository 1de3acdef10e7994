#include "corpus/warc_reader.h"

#include <algorithm>
#include <charconv>
#include <limits>
#include <string_view>
#include <vector>

#include "corpus/header_fields.h"
#include "text/compressed_input.h"

namespace declutter {

namespace {
// No header line of a real record comes near this; a longer one means the file is not WARC.
constexpr std::size_t kMaxHeaderLineBytes = std::size_t{64} << 10;
constexpr std::size_t kMaxHeaderLines = 1024;
// What an oversized record keeps of its block: an HTTP response's header fits.
constexpr std::size_t kOversizedBlockStart = std::size_t{64} << 10;

// ARC's header line names its fields by position: version 1 "URL IP-address Archive-date
// Content-type Archive-length", version 2 five more before the length ("Result-code
// Checksum Location Offset Filename"). Counted from the end, since some URLs hold spaces.
constexpr std::size_t kArcV1FieldsAfterUrl = 4;
constexpr std::size_t kArcV2FieldsAfterUrl = 9;

// "19961104142103" as WARC writes dates, "1996-11-04T14:21:03Z"; other forms as they are.
std::string warc_date(std::string_view arc_date) {
  if (arc_date.size() != 14 || arc_date.find_first_not_of("0123456789") != std::string_view::npos)
    return std::string(arc_date);
  const auto part = [arc_date](std::size_t at, std::size_t size) { return std::string(arc_date.substr(at, size)); };
  return part(0, 4) + "-" + part(4, 2) + "-" + part(6, 2) + "T" + part(8, 2) + ":" + part(10, 2) + ":" +
         part(12, 2) + "Z";
}

// The start of a line that is not what was expected, fit for a terminal: the file may be
// binary (a format this reader does not inflate).
std::string printable_start(std::string_view line) {
  std::string out(line.substr(0, 40));
  for (char& c : out) {
    if (static_cast<unsigned char>(c) < 0x20 || c == '\x7F') c = '?';
  }
  return out;
}
}  // namespace

std::string_view web_archive_format(std::string_view document) {
  // The first line tells; of compressed data, only the start is inflated.
  constexpr std::size_t kFirstBytes = 64;
  std::string start;
  if (is_compressed(document)) {
    inflate_document(document, kFirstBytes, start);  // too_large, with the first bytes: enough
    document = start;
  }
  if (document.starts_with("WARC/") && document.size() > 5 && document[5] >= '0' && document[5] <= '9') return "WARC";
  if (document.starts_with("filedesc://")) return "ARC";
  return {};
}

WarcReader::WarcReader(int fd, std::size_t max_block_bytes)
    : input_(fd, '\n', kMaxHeaderLineBytes),
      max_block_bytes_(max_block_bytes == 0 ? std::numeric_limits<std::size_t>::max() : max_block_bytes) {}

std::string WarcReader::error_message() const {
  return message_.empty() ? input_.error_message() : message_;
}

WarcReader::Status WarcReader::fail(std::string message) {
  message_ = "record " + std::to_string(records_ + 1) + ": " + std::move(message);
  return Status::error;
}

WarcReader::Status WarcReader::read(std::string& sink) {
  const std::size_t header_begin = sink.size();
  std::size_t lines = 0;
  for (;;) {
    line_.clear();
    const Status status = input_.read(line_);
    if (status == Status::error) return Status::error;
    if (status == Status::oversized) return fail("a header line longer than 64 KiB: is this a WARC file?");
    if (status == Status::end) {
      if (lines == 0) return Status::end;
      return fail("the file ends inside the record's header");
    }
    if (!line_.empty() && line_.back() == '\r') line_.pop_back();
    if (lines == 0) {
      if (line_.empty()) continue;  // the empty lines that end the previous record
      if (format_ == Format::unknown && line_.starts_with("filedesc://")) format_ = Format::arc_v1;
      if (format_ == Format::arc_v1 || format_ == Format::arc_v2) return read_arc_record(sink);
      format_ = Format::warc;
      if (!line_.starts_with("WARC/")) {
        return fail("expected a version line such as \"WARC/1.1\", found \"" + printable_start(line_) +
                    "\": is this a WARC file?");
      }
    } else if (line_.empty()) {
      break;
    }
    if (++lines > kMaxHeaderLines) return fail("more than 1024 header lines: is this a WARC file?");
    sink += line_;
    sink += '\n';
  }
  const std::string_view length_field =
      header_field(std::string_view(sink).substr(header_begin), "content-length");
  std::size_t length = 0;
  const auto [end, error] =
      std::from_chars(length_field.data(), length_field.data() + length_field.size(), length);
  if (length_field.empty() || error != std::errc() || end != length_field.data() + length_field.size()) {
    return fail(length_field.empty() ? "no Content-Length field"
                                     : "Content-Length \"" + std::string(length_field) + "\" is not a number");
  }
  sink += '\n';
  return read_block(length, sink);
}

WarcReader::Status WarcReader::read_arc_record(std::string& sink) {
  std::vector<std::string_view> fields;
  for (std::size_t at = 0; at < line_.size();) {
    const std::size_t end = std::min(line_.find(' ', at), line_.size());
    if (end > at) fields.push_back(std::string_view(line_).substr(at, end - at));
    at = end + 1;
  }
  // The file's description comes first; the version its block names is not known yet, but
  // its own header line, whose URL has no spaces, shows by its length which layout it has.
  const bool description = records_ == 0;
  const bool version_2 = description ? fields.size() == kArcV2FieldsAfterUrl + 1 : format_ == Format::arc_v2;
  const std::size_t after_url = version_2 ? kArcV2FieldsAfterUrl : kArcV1FieldsAfterUrl;
  std::size_t length = 0;
  const std::string_view length_field = fields.empty() ? std::string_view() : fields.back();
  const auto [end, error] = std::from_chars(length_field.data(), length_field.data() + length_field.size(), length);
  if (fields.size() <= after_url || error != std::errc() || end != length_field.data() + length_field.size()) {
    return fail("expected an ARC header line (URL, address, date, type, ..., length), found \"" +
                printable_start(line_) + "\"");
  }
  const std::size_t first_after_url = fields.size() - after_url;
  const char* const url_end = fields[first_after_url - 1].data() + fields[first_after_url - 1].size();
  const std::string_view url(fields[0].data(), static_cast<std::size_t>(url_end - fields[0].data()));
  const std::string_view date = fields[first_after_url + 1];
  std::string_view type = fields[first_after_url + 2];

  // The block first: what it holds settles the record's WARC type.
  const std::size_t block_begin = sink.size();
  const Status status = read_block(length, sink);
  if (status == Status::error) return status;
  const std::string_view block = std::string_view(sink).substr(block_begin);
  std::string_view warc_type = "resource";
  if (description) {
    warc_type = "warcinfo";
    // The file's description: its first line, "1 0 Organisation", says the version.
    if (block.starts_with("2 ")) format_ = Format::arc_v2;
  } else if (block.starts_with("HTTP/")) {
    warc_type = "response";
    type = "application/http; msgtype=response";
  }
  std::string header = "WARC/1.0\nWARC-Type: ";
  header += warc_type;
  header += "\nWARC-Target-URI: ";
  header += url;
  header += "\nWARC-Date: " + warc_date(date) + "\nContent-Type: ";
  header += type;
  header += "\nContent-Length: " + std::to_string(length) + "\n\n";
  sink.insert(block_begin, header);
  return status;
}

WarcReader::Status WarcReader::read_block(std::size_t length, std::string& sink) {
  const bool oversized = length > max_block_bytes_;
  const std::size_t block_begin = sink.size();
  const std::size_t kept = oversized ? std::min(length, kOversizedBlockStart) : length;
  Status status = input_.read_exact(kept, &sink);
  if (status == Status::record) status = input_.read_exact(length - kept, nullptr);
  if (status == Status::error) return Status::error;
  if (status == Status::end) {
    return fail("the file ends inside the record's block (Content-Length " + std::to_string(length) +
                (oversized ? ")" : ", " + std::to_string(sink.size() - block_begin) + " bytes there)"));
  }
  ++records_;
  return oversized ? Status::oversized : Status::record;
}

}  // namespace declutter
