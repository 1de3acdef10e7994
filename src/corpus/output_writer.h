#pragma once
// Buffered writer on a file descriptor: large writes, no per-record system calls unless
// line-buffered. A closed reader (EPIPE) is a state, not an error: the run stops quietly.
#include <cstddef>
#include <string>
#include <string_view>

namespace declutter {

class OutputWriter {
 public:
  enum class State { open, closed_by_reader, failed };

  OutputWriter(int fd, bool line_buffered);
  ~OutputWriter();
  OutputWriter(const OutputWriter&) = delete;
  OutputWriter& operator=(const OutputWriter&) = delete;

  // Both return false once the writer is no longer open.
  bool write(std::string_view bytes);
  bool end_record() { return line_buffered_ ? flush() : state_ == State::open; }
  bool flush();

  State state() const { return state_; }
  int error_number() const { return error_number_; }
  std::size_t bytes_written() const { return bytes_written_; }

 private:
  bool write_all(const char* data, std::size_t size);

  int fd_;
  bool line_buffered_;
  std::string buffer_;
  State state_ = State::open;
  int error_number_ = 0;
  std::size_t bytes_written_ = 0;
};

}  // namespace declutter
