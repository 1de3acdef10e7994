#include "corpus/warc_reader.h"

#include <algorithm>
#include <charconv>
#include <limits>

#include "corpus/header_fields.h"

namespace declutter {

namespace {
// No header line of a real record comes near this; a longer one means the file is not WARC.
constexpr std::size_t kMaxHeaderLineBytes = std::size_t{64} << 10;
constexpr std::size_t kMaxHeaderLines = 1024;
// What an oversized record keeps of its block: an HTTP response's header fits.
constexpr std::size_t kOversizedBlockStart = std::size_t{64} << 10;

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
