#include "text/gzip_input.h"

#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <limits>
#include <vector>

namespace declutter {
namespace {

// zlib's inflate state, released when it goes out of scope.
class Inflater {
 public:
  Inflater() {
    // 15 + 16: a window of 2^15 bytes, gzip header and trailer expected (zlib.h, inflateInit2).
    ok_ = inflateInit2(&stream_, 15 + 16) == Z_OK;
  }
  ~Inflater() {
    if (ok_) inflateEnd(&stream_);
  }
  Inflater(const Inflater&) = delete;
  Inflater& operator=(const Inflater&) = delete;
  bool ok() const { return ok_; }
  z_stream& stream() { return stream_; }

 private:
  z_stream stream_{};
  bool ok_ = false;
};

constexpr std::size_t kChunkBytes = std::size_t{1} << 16;

GunzipResult corrupt(const z_stream& stream) {
  return {GunzipStatus::corrupt,
          std::string("gzip data is corrupt: ") + (stream.msg != nullptr ? stream.msg : "unexpected end of data")};
}

}  // namespace

GunzipResult gunzip(std::string_view in, std::size_t limit, std::string& out) {
  out.clear();
  Inflater inflater;
  if (!inflater.ok()) return {GunzipStatus::corrupt, "gzip: zlib could not start"};
  z_stream& stream = inflater.stream();
  // zlib reads through a non-const pointer but never writes to the input.
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));  // NOLINT
  std::size_t in_left = in.size();
  std::size_t written = 0;
  while (true) {
    // avail_in and avail_out are 32-bit: feed large inputs and outputs in slices.
    const auto in_slice = static_cast<uInt>(std::min<std::size_t>(in_left, std::numeric_limits<uInt>::max()));
    stream.avail_in = in_slice;
    if (out.size() - written < kChunkBytes) {
      std::size_t grown = std::max(out.size() * 2, written + kChunkBytes);
      if (limit != 0) grown = std::min(grown, std::max(limit + 1, written + kChunkBytes));
      out.resize(grown);
    }
    const std::size_t room = std::min<std::size_t>(out.size() - written, std::numeric_limits<uInt>::max());
    stream.next_out = reinterpret_cast<Bytef*>(out.data() + written);  // NOLINT: zlib's byte type
    stream.avail_out = static_cast<uInt>(room);
    const int result = inflate(&stream, Z_NO_FLUSH);
    in_left -= in_slice - stream.avail_in;
    written += room - stream.avail_out;
    if (limit != 0 && written > limit) {
      out.clear();
      return {GunzipStatus::too_large, "gzip data inflates to more than --max-doc-bytes (" + std::to_string(limit) +
                                           " bytes)"};
    }
    if (result == Z_STREAM_END) {
      // Another member may follow (concatenated .gz files); trailing zero padding may too.
      const std::string_view rest = in.substr(in.size() - in_left);
      if (!is_gzip(rest)) break;
      if (inflateReset(&stream) != Z_OK) return corrupt(stream);
      continue;
    }
    if (result == Z_BUF_ERROR && in_left == 0 && stream.avail_in == 0) {
      out.clear();
      return corrupt(stream);  // truncated: the input ended inside the stream
    }
    if (result != Z_OK && result != Z_BUF_ERROR) {
      out.clear();
      return corrupt(stream);
    }
  }
  out.resize(written);
  return {};
}

struct GzipFdReader::State {
  Inflater inflater;
  std::vector<char> compressed = std::vector<char>(kChunkBytes);
};

GzipFdReader::GzipFdReader(int fd, std::string_view already_read) : state_(std::make_unique<State>()), fd_(fd) {
  if (already_read.size() > state_->compressed.size()) state_->compressed.resize(already_read.size());
  std::memcpy(state_->compressed.data(), already_read.data(), already_read.size());
  z_stream& stream = state_->inflater.stream();
  stream.next_in = reinterpret_cast<Bytef*>(state_->compressed.data());  // NOLINT: zlib's byte type
  stream.avail_in = static_cast<uInt>(already_read.size());
}

GzipFdReader::~GzipFdReader() = default;

bool GzipFdReader::read_more() {
  z_stream& stream = state_->inflater.stream();
  char* const buffer = state_->compressed.data();
  // What is left moves to the front: at most the few bytes that may start the next member.
  std::memmove(buffer, stream.next_in, stream.avail_in);
  stream.next_in = reinterpret_cast<Bytef*>(buffer);  // NOLINT: zlib's byte type
  for (;;) {
    const ssize_t got = ::read(fd_, buffer + stream.avail_in, state_->compressed.size() - stream.avail_in);
    if (got > 0) {
      stream.avail_in += static_cast<uInt>(got);
      return true;
    }
    if (got == 0) {
      at_eof_ = true;
      return true;
    }
    if (errno == EINTR) continue;
    error_number_ = errno;
    return false;
  }
}

std::ptrdiff_t GzipFdReader::read(char* out, std::size_t size) {
  if (!state_->inflater.ok()) {
    message_ = "gzip: zlib could not start";
    return -1;
  }
  z_stream& stream = state_->inflater.stream();
  while (!finished_) {
    if (member_ended_) {
      // Another member may follow (concatenated .gz files); its first bytes tell.
      if (stream.avail_in < kGzipMagic.size() && !at_eof_) {
        if (!read_more()) return -1;
        continue;
      }
      const std::string_view next(reinterpret_cast<const char*>(stream.next_in), stream.avail_in);
      if (!is_gzip(next)) {
        finished_ = true;
        break;
      }
      if (inflateReset(&stream) != Z_OK) {
        message_ = corrupt(stream).message;
        return -1;
      }
      member_ended_ = false;
    }
    if (stream.avail_in == 0 && !at_eof_ && !read_more()) return -1;
    stream.next_out = reinterpret_cast<Bytef*>(out);  // NOLINT: zlib's byte type
    stream.avail_out = static_cast<uInt>(std::min<std::size_t>(size, std::numeric_limits<uInt>::max()));
    const uInt room = stream.avail_out;
    const int result = inflate(&stream, Z_NO_FLUSH);
    const std::size_t written = room - stream.avail_out;
    if (result == Z_STREAM_END) {
      member_ended_ = true;
    } else if (result == Z_BUF_ERROR && stream.avail_in == 0 && at_eof_) {
      message_ = corrupt(stream).message;  // truncated: the data ended inside a member
      return -1;
    } else if (result != Z_OK && result != Z_BUF_ERROR) {
      message_ = corrupt(stream).message;
      return -1;
    }
    if (written > 0) return static_cast<std::ptrdiff_t>(written);
  }
  return 0;
}

}  // namespace declutter
