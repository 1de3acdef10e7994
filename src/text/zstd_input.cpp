#include "text/zstd_input.h"

#include <zstd.h>

namespace declutter {

namespace {

// libzstd's decompression state, freed with it.
struct DStreamFree {
  void operator()(ZSTD_DStream* stream) const { ZSTD_freeDStream(stream); }
};
using DStream = std::unique_ptr<ZSTD_DStream, DStreamFree>;

std::string damage(std::size_t code) { return std::string("zstd data is corrupt: ") + ZSTD_getErrorName(code); }
const char* const kTruncated = "zstd data is corrupt: unexpected end of data";

}  // namespace

struct ZstdFdReader::Stream {
  DStream handle{ZSTD_createDStream()};
};

InflateResult unzstd(std::string_view in, std::size_t limit, std::string& out) {
  out.clear();
  const DStream stream(ZSTD_createDStream());
  if (!stream) return {InflateStatus::corrupt, "zstd: libzstd could not start"};
  ZSTD_inBuffer input{in.data(), in.size(), 0};
  std::size_t written = 0;
  std::size_t last = 0;  // ZSTD_decompressStream's last answer: 0 at the end of a frame
  while (input.pos < input.size || last != 0) {
    make_room(out, written, limit);
    ZSTD_outBuffer output{out.data() + written, out.size() - written, 0};
    const std::size_t before = input.pos;
    last = ZSTD_decompressStream(stream.get(), &output, &input);
    written += output.pos;
    if (ZSTD_isError(last) != 0) {
      out.clear();
      return {InflateStatus::corrupt, damage(last)};
    }
    if (limit != 0 && written > limit) {
      out.clear();
      return too_large("zstd", limit);
    }
    if (input.pos == before && output.pos == 0 && input.pos == input.size) {
      out.clear();
      return {InflateStatus::corrupt, kTruncated};  // the data ended inside a frame
    }
  }
  out.resize(written);
  return {};
}

ZstdFdReader::ZstdFdReader(int fd, std::string_view already_read)
    : InflatingReader(fd, already_read), stream_(std::make_unique<Stream>()) {}

ZstdFdReader::~ZstdFdReader() = default;

std::ptrdiff_t ZstdFdReader::read(char* out, std::size_t size) {
  if (!stream_->handle) return fail("zstd: libzstd could not start");
  for (;;) {
    if (input().empty() && !at_eof() && !read_more()) return -1;
    const std::string_view in = input();
    if (in.empty() && !in_frame_) return 0;  // the data ended where a frame did
    ZSTD_inBuffer input_buffer{in.data(), in.size(), 0};
    ZSTD_outBuffer output{out, size, 0};
    const std::size_t answer = ZSTD_decompressStream(stream_->handle.get(), &output, &input_buffer);
    consume(input_buffer.pos);
    if (ZSTD_isError(answer) != 0) return fail(damage(answer));
    // 0: a frame ended and all of it is out; otherwise more input (or room) is wanted.
    in_frame_ = answer != 0;
    if (output.pos > 0) return static_cast<std::ptrdiff_t>(output.pos);
    if (in.empty()) return fail(kTruncated);  // nothing more to read, nothing more comes out
  }
}

}  // namespace declutter
