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
  // zlib.h, inflateInit2: 15 is a window of 2^15 bytes; + 16 expects a gzip header and
  // trailer, + 0 a zlib one, and a negative window raw deflate data.
  static constexpr int kGzip = 15 + 16;
  static constexpr int kZlib = 15;
  static constexpr int kRawDeflate = -15;

  explicit ZlibInflater(int window_bits = kGzip) { ok_ = inflateInit2(&stream_, window_bits) == Z_OK; }
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

InflateResult corrupt(const z_stream& stream, std::string_view format = "gzip") {
  return {InflateStatus::corrupt, std::string(format) + " data is corrupt: " +
                                      (stream.msg != nullptr ? stream.msg : "unexpected end of data")};
}

// Inflates `in`, data of `format` as `window_bits` tells zlib, into `out`. gzip members may
// follow one another; the other formats are one stream.
InflateResult inflate_whole(std::string_view in, std::size_t limit, std::string& out, int window_bits,
                            std::string_view format) {
  out.clear();
  ZlibInflater inflater(window_bits);
  if (!inflater.ok()) return {InflateStatus::corrupt, std::string(format) + ": zlib could not start"};
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
    if (limit != 0 && written > limit) return too_large(format, limit, out);
    if (result == Z_STREAM_END) {
      // Another member may follow (concatenated .gz files); trailing zero padding may too.
      const std::string_view rest = in.substr(in.size() - in_left);
      if (window_bits != ZlibInflater::kGzip || !is_gzip(rest)) break;
      if (inflateReset(&stream) != Z_OK) return corrupt(stream, format);
      continue;
    }
    if (result == Z_BUF_ERROR && in_left == 0 && stream.avail_in == 0) {
      out.resize(written);  // the input ended inside the stream: what inflated is kept
      return {InflateStatus::cut_short, corrupt(stream, format).message};
    }
    if (result != Z_OK && result != Z_BUF_ERROR) {
      out.clear();
      return corrupt(stream, format);
    }
  }
  out.resize(written);
  return {};
}

// RFC 1950, 2.2: a zlib stream's first two bytes name method 8 (deflate) and, read as one
// big-endian number, are a multiple of 31.
bool starts_zlib_stream(std::string_view in) {
  if (in.size() < 2) return false;
  const auto method_and_window = static_cast<unsigned char>(in[0]);
  const auto flags = static_cast<unsigned char>(in[1]);
  return (method_and_window & 0x0F) == 8 && (method_and_window >> 4) <= 7 &&
         (method_and_window * 256 + flags) % 31 == 0;
}

}  // namespace

InflateResult gunzip(std::string_view in, std::size_t limit, std::string& out) {
  return inflate_whole(in, limit, out, ZlibInflater::kGzip, "gzip");
}

InflateResult inflate_http_deflate(std::string_view in, std::size_t limit, std::string& out) {
  return inflate_whole(in, limit, out, starts_zlib_stream(in) ? ZlibInflater::kZlib : ZlibInflater::kRawDeflate,
                       "deflate");
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
