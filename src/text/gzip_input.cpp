#include "text/gzip_input.h"

#include <zlib.h>

#include <algorithm>
#include <limits>
#include <memory>

namespace declutter {
namespace {

// zlib's inflate state, released when it goes out of scope.
class ZlibInflater {
 public:
  ZlibInflater() {
    // 15 + 16: a window of 2^15 bytes, gzip header and trailer expected (zlib.h, inflateInit2).
    ok_ = inflateInit2(&stream_, 15 + 16) == Z_OK;
  }
  ~ZlibInflater() {
    if (ok_) inflateEnd(&stream_);
  }
  ZlibInflater(const ZlibInflater&) = delete;
  ZlibInflater& operator=(const ZlibInflater&) = delete;
  bool ok() const { return ok_; }
  z_stream& stream() { return stream_; }

 private:
  z_stream stream_{};
  bool ok_ = false;
};

InflateResult corrupt(const z_stream& stream) {
  return {InflateStatus::corrupt,
          std::string("gzip data is corrupt: ") + (stream.msg != nullptr ? stream.msg : "unexpected end of data")};
}

}  // namespace

InflateResult gunzip(std::string_view in, std::size_t limit, std::string& out) {
  out.clear();
  ZlibInflater inflater;
  if (!inflater.ok()) return {InflateStatus::corrupt, "gzip: zlib could not start"};
  z_stream& stream = inflater.stream();
  // zlib reads through a non-const pointer but never writes to the input.
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));  // NOLINT
  std::size_t in_left = in.size();
  std::size_t written = 0;
  while (true) {
    // avail_in and avail_out are 32-bit: feed large inputs and outputs in slices.
    const auto in_slice = static_cast<uInt>(std::min<std::size_t>(in_left, std::numeric_limits<uInt>::max()));
    stream.avail_in = in_slice;
    make_room(out, written, limit);
    const std::size_t room = std::min<std::size_t>(out.size() - written, std::numeric_limits<uInt>::max());
    stream.next_out = reinterpret_cast<Bytef*>(out.data() + written);  // NOLINT: zlib's byte type
    stream.avail_out = static_cast<uInt>(room);
    const int result = inflate(&stream, Z_NO_FLUSH);
    in_left -= in_slice - stream.avail_in;
    written += room - stream.avail_out;
    if (limit != 0 && written > limit) {
      out.clear();
      return too_large("gzip", limit);
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

struct GzipFdReader::Inflater : ZlibInflater {};

GzipFdReader::GzipFdReader(int fd, std::string_view already_read)
    : InflatingReader(fd, already_read), inflater_(std::make_unique<Inflater>()) {}

GzipFdReader::~GzipFdReader() = default;

std::ptrdiff_t GzipFdReader::read(char* out, std::size_t size) {
  if (!inflater_->ok()) return fail("gzip: zlib could not start");
  z_stream& stream = inflater_->stream();
  while (!finished_) {
    if (member_ended_) {
      // Another member may follow (concatenated .gz files); its first bytes tell.
      if (input().size() < kGzipMagic.size() && !at_eof()) {
        if (!read_more()) return -1;
        continue;
      }
      if (!is_gzip(input())) {
        finished_ = true;
        break;
      }
      if (inflateReset(&stream) != Z_OK) return fail(corrupt(stream).message);
      member_ended_ = false;
    }
    if (input().empty() && !at_eof() && !read_more()) return -1;
    const std::string_view in = input();
    // zlib reads through a non-const pointer but never writes to the input.
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));  // NOLINT
    stream.avail_in = static_cast<uInt>(std::min<std::size_t>(in.size(), std::numeric_limits<uInt>::max()));
    const uInt offered = stream.avail_in;
    stream.next_out = reinterpret_cast<Bytef*>(out);  // NOLINT: zlib's byte type
    stream.avail_out = static_cast<uInt>(std::min<std::size_t>(size, std::numeric_limits<uInt>::max()));
    const uInt room = stream.avail_out;
    const int result = inflate(&stream, Z_NO_FLUSH);
    consume(offered - stream.avail_in);
    const std::size_t written = room - stream.avail_out;
    if (result == Z_STREAM_END) {
      member_ended_ = true;
    } else if (result == Z_BUF_ERROR && input().empty() && at_eof()) {
      return fail(corrupt(stream).message);  // truncated: the data ended inside a member
    } else if (result != Z_OK && result != Z_BUF_ERROR) {
      return fail(corrupt(stream).message);
    }
    if (written > 0) return static_cast<std::ptrdiff_t>(written);
  }
  return 0;
}

}  // namespace declutter
