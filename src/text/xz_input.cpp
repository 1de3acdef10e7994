#include "text/xz_input.h"

#include <lzma.h>

#include <cstdint>

namespace declutter {

namespace {

constexpr std::uint64_t kMemoryLimit = std::uint64_t{1} << 30;

// liblzma's decoder for .xz streams one after another, ended with it.
class XzDecoder {
 public:
  XzDecoder() { ok_ = lzma_stream_decoder(&stream_, kMemoryLimit, LZMA_CONCATENATED) == LZMA_OK; }
  ~XzDecoder() { lzma_end(&stream_); }
  XzDecoder(const XzDecoder&) = delete;
  XzDecoder& operator=(const XzDecoder&) = delete;
  bool ok() const { return ok_; }
  lzma_stream& stream() { return stream_; }

 private:
  lzma_stream stream_ = LZMA_STREAM_INIT;
  bool ok_ = false;
};

const char* const kTruncated = "xz data is corrupt: unexpected end of data";

std::string damage(lzma_ret answer) {
  const char* what = "the decoder failed";
  switch (answer) {
    case LZMA_FORMAT_ERROR: what = "not in the .xz format"; break;
    case LZMA_OPTIONS_ERROR: what = "options this decoder does not support"; break;
    case LZMA_DATA_ERROR: what = "compressed data is damaged"; break;
    case LZMA_MEMLIMIT_ERROR: what = "its headers ask for more than 1 GiB of decoder memory"; break;
    case LZMA_MEM_ERROR: what = "out of memory"; break;
    case LZMA_BUF_ERROR: what = "unexpected end of data"; break;
    default: break;
  }
  return std::string("xz data is corrupt: ") + what;
}

}  // namespace

InflateResult unxz(std::string_view in, std::size_t limit, std::string& out) {
  out.clear();
  XzDecoder decoder;
  if (!decoder.ok()) return {InflateStatus::corrupt, "xz: liblzma could not start"};
  lzma_stream& stream = decoder.stream();
  stream.next_in = reinterpret_cast<const std::uint8_t*>(in.data());  // NOLINT: liblzma's byte type
  stream.avail_in = in.size();
  std::size_t written = 0;
  for (;;) {
    make_room(out, written, limit);
    stream.next_out = reinterpret_cast<std::uint8_t*>(out.data() + written);  // NOLINT: liblzma's byte type
    stream.avail_out = out.size() - written;
    const std::size_t room = stream.avail_out;
    // All of the input is there: LZMA_FINISH from the first call.
    const lzma_ret answer = lzma_code(&stream, LZMA_FINISH);
    written += room - stream.avail_out;
    if (limit != 0 && written > limit) return too_large("xz", limit, out);
    if (answer == LZMA_STREAM_END) break;
    if (answer == LZMA_OK) continue;
    if (answer == LZMA_BUF_ERROR && stream.avail_in == 0) {
      out.resize(written);  // the input ended inside a stream: what decoded is kept
      return {InflateStatus::cut_short, kTruncated};
    }
    out.clear();
    return {InflateStatus::corrupt, damage(answer)};
  }
  out.resize(written);
  return {};
}

struct XzFdReader::Stream : XzDecoder {};

XzFdReader::XzFdReader(int fd, std::string_view already_read)
    : InflatingReader(fd, already_read), stream_(std::make_unique<Stream>()) {}

XzFdReader::~XzFdReader() = default;

std::ptrdiff_t XzFdReader::read(char* out, std::size_t size) {
  if (!stream_->ok()) return fail("xz: liblzma could not start");
  lzma_stream& stream = stream_->stream();
  while (!finished_) {
    if (input().empty() && !at_eof() && !read_more()) return -1;
    const std::string_view in = input();
    stream.next_in = reinterpret_cast<const std::uint8_t*>(in.data());  // NOLINT: liblzma's byte type
    stream.avail_in = in.size();
    stream.next_out = reinterpret_cast<std::uint8_t*>(out);  // NOLINT: liblzma's byte type
    stream.avail_out = size;
    // LZMA_CONCATENATED needs to be told where the input ends: with LZMA_FINISH, once all
    // of it is in the buffer.
    const lzma_ret answer = lzma_code(&stream, at_eof() ? LZMA_FINISH : LZMA_RUN);
    consume(in.size() - stream.avail_in);
    const std::size_t written = size - stream.avail_out;
    if (answer == LZMA_STREAM_END) finished_ = true;
    else if (answer == LZMA_BUF_ERROR && at_eof()) return fail(kTruncated);  // the data ended inside a stream
    else if (answer != LZMA_OK && answer != LZMA_BUF_ERROR) return fail(damage(answer));
    if (written > 0) return static_cast<std::ptrdiff_t>(written);
  }
  return 0;
}

}  // namespace declutter
