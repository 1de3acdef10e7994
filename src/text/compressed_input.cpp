#include "text/compressed_input.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <utility>

#include "core/read_some.h"
#include "text/gzip_input.h"
#include "text/xz_input.h"
#include "text/zstd_input.h"

namespace declutter {
namespace {
constexpr std::size_t kCompressedBufferBytes = std::size_t{1} << 16;
constexpr std::size_t kMinimumRoom = std::size_t{1} << 16;
}  // namespace

bool is_compressed(std::string_view bytes) { return is_gzip(bytes) || is_zstd(bytes) || is_xz(bytes); }

bool may_start_compressed(std::string_view first_bytes) {
  const auto starts = [first_bytes](std::string_view magic) {
    return first_bytes.size() < magic.size() && magic.starts_with(first_bytes);
  };
  return starts(kGzipMagic) || starts(kZstdMagic) || starts(kZstdDictionaryMagic) || starts(kXzMagic);
}

InflateResult inflate_document(std::string_view in, std::size_t limit, std::string& out) {
  if (is_zstd(in)) return unzstd(in, limit, out);
  if (is_xz(in)) return unxz(in, limit, out);
  return gunzip(in, limit, out);
}

void make_room(std::string& out, std::size_t written, std::size_t limit) {
  if (out.size() - written >= kMinimumRoom) return;
  std::size_t grown = std::max(out.size() * 2, written + kMinimumRoom);
  // The inflaters stop once `written` passes the limit, so here it is at most the limit.
  if (limit != 0) grown = std::min(grown, limit + 1);
  out.resize(grown);
}

InflateResult too_large(std::string_view format, std::size_t limit, std::string& out) {
  out.resize(limit);
  return {InflateStatus::too_large,
          std::string(format) + " data inflates to more than --max-doc-bytes (" + std::to_string(limit) + " bytes)"};
}

InflatingReader::InflatingReader(int fd, std::string_view already_read)
    : fd_(fd), buffer_(std::max(kCompressedBufferBytes, already_read.size())), filled_(already_read.size()) {
  std::memcpy(buffer_.data(), already_read.data(), already_read.size());
}

bool InflatingReader::read_more() {
  // What is left moves to the front: at most the few bytes that may start the next member
  // or frame, or the tail of one that a format reads whole.
  std::memmove(buffer_.data(), buffer_.data() + used_, filled_ - used_);
  filled_ -= used_;
  used_ = 0;
  if (filled_ == buffer_.size()) buffer_.resize(buffer_.size() * 2);
  const ssize_t got = read_some(fd_, buffer_.data() + filled_, buffer_.size() - filled_);
  if (got < 0) {
    error_number_ = errno;
    return false;
  }
  filled_ += static_cast<std::size_t>(got);
  at_eof_ = got == 0;
  return true;
}

std::ptrdiff_t InflatingReader::fail(std::string message) {
  message_ = std::move(message);
  return -1;
}

std::unique_ptr<InflatingReader> inflating_reader(int fd, std::string_view already_read) {
  if (is_gzip(already_read)) return std::make_unique<GzipFdReader>(fd, already_read);
  if (is_zstd(already_read)) return std::make_unique<ZstdFdReader>(fd, already_read);
  if (is_xz(already_read)) return std::make_unique<XzFdReader>(fd, already_read);
  return nullptr;
}

}  // namespace declutter
