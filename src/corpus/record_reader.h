#pragma once
// Splits a file descriptor into records: delimiter-separated (JSONL lines, NUL documents)
// or the whole stream as one record. Reads with a 1 MiB buffer and never holds more than
// `max_record_bytes` of one record: a longer one is reported as oversized, its prefix
// handed out, and the rest streamed on with stream_rest(). Delimited records of a stream
// that starts like compressed data (pages.jsonl.gz, pages.jsonl.zst) are split from what it
// holds, inflated as it is read; a whole stream is handed out as it is (the document is
// inflated on its own, under its size limit: text/compressed_input.h).
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "text/compressed_input.h"

namespace declutter {

class RecordReader {
 public:
  enum class Status { record, oversized, end, error };

  // No delimiter: the whole stream is one record (returned even when empty).
  RecordReader(int fd, std::optional<char> delimiter, std::size_t max_record_bytes);

  // Appends the next record, without its delimiter, to `sink`. On `oversized`, exactly
  // max_record_bytes bytes were appended and the rest of the record is still unread.
  // A final record without a trailing delimiter still counts; an empty stream has none.
  Status read(std::string& sink);

  // Appends the stream's next `count` bytes to `sink`, or discards them when `sink` is null,
  // whatever delimiters they hold (length-framed records: WARC). `end` when the stream ended
  // first, after appending what it had.
  Status read_exact(std::size_t count, std::string* sink);

  // After `oversized`: hands the rest of the record to `chunk` piece by piece and consumes
  // its delimiter. Stops early (returning true) when `chunk` returns false.
  // Returns false on a read error.
  bool stream_rest(const std::function<bool(std::string_view)>& chunk);

  // Called before every read(2) that may block, e.g. to deliver finished work first.
  void set_before_read(std::function<void()> hook) { before_read_ = std::move(hook); }

  // After `error`: what went wrong (the system's message, or the compressed data's damage).
  std::string error_message() const;
  int error_number() const { return error_number_; }

 private:
  bool fill();  // false on a read error; sets at_eof_ when the stream ended
  // read(2) into the buffer past end_, until it holds `at_least` bytes or the stream ends.
  bool read_raw(std::size_t at_least);

  int fd_;
  std::optional<char> delimiter_;
  std::size_t max_record_bytes_;
  std::unique_ptr<char[]> buffer_;
  std::size_t begin_ = 0;
  std::size_t end_ = 0;
  bool at_eof_ = false;
  bool whole_returned_ = false;
  int error_number_ = 0;
  std::function<void()> before_read_;
  bool started_ = false;
  std::unique_ptr<InflatingReader> inflating_;  // once the stream turned out to be compressed
};

}  // namespace declutter
