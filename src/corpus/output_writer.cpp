#include "corpus/output_writer.h"

#include <unistd.h>

#include <cerrno>

namespace declutter {

namespace {
constexpr std::size_t kWriteBufferBytes = std::size_t{1} << 20;
// A piece this large (a whole batch's output) is already a large write: it goes out as it
// is instead of being copied into the buffer first.
constexpr std::size_t kDirectWriteBytes = std::size_t{64} << 10;
}

OutputWriter::OutputWriter(int fd, bool line_buffered) : fd_(fd), line_buffered_(line_buffered) {
  buffer_.reserve(kWriteBufferBytes);
}

OutputWriter::~OutputWriter() { flush(); }

bool OutputWriter::write(std::string_view bytes) {
  if (state_ != State::open) return false;
  bytes_written_ += bytes.size();
  if (bytes.size() >= kDirectWriteBytes) return flush() && write_all(bytes.data(), bytes.size());
  if (buffer_.size() + bytes.size() <= kWriteBufferBytes) {
    buffer_.append(bytes);
    return true;
  }
  if (!flush()) return false;
  buffer_.append(bytes);
  return true;
}

bool OutputWriter::flush() {
  if (state_ != State::open) return false;
  if (buffer_.empty()) return true;
  const bool ok = write_all(buffer_.data(), buffer_.size());
  buffer_.clear();
  return ok;
}

bool OutputWriter::write_all(const char* data, std::size_t size) {
  while (size > 0) {
    const ssize_t done = ::write(fd_, data, size);
    if (done >= 0) {
      data += done;
      size -= static_cast<std::size_t>(done);
      continue;
    }
    if (errno == EINTR) continue;
    error_number_ = errno;
    state_ = errno == EPIPE ? State::closed_by_reader : State::failed;
    return false;
  }
  return true;
}

}  // namespace declutter
