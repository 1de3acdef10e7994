#include "corpus/record_reader.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <limits>

#include "core/read_some.h"

namespace declutter {

namespace {
constexpr std::size_t kReadBufferBytes = std::size_t{1} << 20;
}

RecordReader::RecordReader(int fd, std::optional<char> delimiter, std::size_t max_record_bytes)
    : fd_(fd),
      delimiter_(delimiter),
      max_record_bytes_(max_record_bytes == 0 ? std::numeric_limits<std::size_t>::max()
                                              : max_record_bytes),
      buffer_(new char[kReadBufferBytes]) {}

bool RecordReader::read_raw(std::size_t at_least) {
  while (end_ < at_least && !at_eof_) {
    const ssize_t got = read_some(fd_, buffer_.get() + end_, kReadBufferBytes - end_);
    if (got < 0) {
      error_number_ = errno;
      at_eof_ = true;
      return false;
    }
    end_ += static_cast<std::size_t>(got);
    at_eof_ = got == 0;
  }
  return true;
}

bool RecordReader::fill() {
  begin_ = 0;
  end_ = 0;
  if (before_read_) before_read_();
  if (inflating_) {
    const std::ptrdiff_t got = inflating_->read(buffer_.get(), kReadBufferBytes);
    if (got >= 0) {
      end_ = static_cast<std::size_t>(got);
      at_eof_ = got == 0;
      return true;
    }
    error_number_ = inflating_->error_number();
    at_eof_ = true;
    return false;
  }
  const bool first = !started_;
  started_ = true;
  if (!read_raw(1)) return false;
  if (!first || !delimiter_) return true;
  // A pipe may give fewer bytes than a compressed format's magic at first; more are waited
  // for only while those could start one, so that a short first record is never kept waiting.
  while (!at_eof_ && may_start_compressed(std::string_view(buffer_.get(), end_)))
    if (!read_raw(end_ + 1)) return false;
  inflating_ = inflating_reader(fd_, std::string_view(buffer_.get(), end_));
  if (!inflating_) return true;
  at_eof_ = false;  // the compressed data's end is the reader's to find
  return fill();
}

std::string RecordReader::error_message() const {
  if (inflating_ && error_number_ == 0) return inflating_->message();
  return std::strerror(error_number_);
}

RecordReader::Status RecordReader::read(std::string& sink) {
  std::size_t taken = 0;
  bool saw_bytes = false;
  for (;;) {
    if (begin_ == end_) {
      if (at_eof_) break;
      if (!fill()) return Status::error;
      if (begin_ == end_) break;
    }
    saw_bytes = true;
    const char* start = buffer_.get() + begin_;
    const std::size_t available = end_ - begin_;
    const void* hit = delimiter_ ? std::memchr(start, *delimiter_, available) : nullptr;
    const std::size_t length =
        hit != nullptr ? static_cast<std::size_t>(static_cast<const char*>(hit) - start) : available;
    if (length > max_record_bytes_ - taken) {
      const std::size_t fits = max_record_bytes_ - taken;
      sink.append(start, fits);
      begin_ += fits;
      return Status::oversized;
    }
    sink.append(start, length);
    taken += length;
    begin_ += length;
    if (hit != nullptr) {
      ++begin_;  // the delimiter
      return Status::record;
    }
  }
  if (!delimiter_) {
    if (whole_returned_) return Status::end;
    whole_returned_ = true;
    return Status::record;
  }
  return saw_bytes ? Status::record : Status::end;
}

RecordReader::Status RecordReader::read_exact(std::size_t count, std::string* sink) {
  while (count > 0) {
    if (begin_ == end_) {
      if (at_eof_) return Status::end;
      if (!fill()) return Status::error;
      if (begin_ == end_) return Status::end;
    }
    const std::size_t length = std::min(count, end_ - begin_);
    if (sink != nullptr) sink->append(buffer_.get() + begin_, length);
    begin_ += length;
    count -= length;
  }
  return Status::record;
}

bool RecordReader::stream_rest(const std::function<bool(std::string_view)>& chunk) {
  for (;;) {
    if (begin_ == end_) {
      if (at_eof_) break;
      if (!fill()) return false;
      if (begin_ == end_) break;
    }
    const char* start = buffer_.get() + begin_;
    const std::size_t available = end_ - begin_;
    const void* hit = delimiter_ ? std::memchr(start, *delimiter_, available) : nullptr;
    const std::size_t length =
        hit != nullptr ? static_cast<std::size_t>(static_cast<const char*>(hit) - start) : available;
    begin_ += length;
    if (hit != nullptr) ++begin_;
    if (length > 0 && !chunk(std::string_view(start, length))) return true;
    if (hit != nullptr) break;
  }
  if (!delimiter_) whole_returned_ = true;
  return true;
}

}  // namespace declutter
