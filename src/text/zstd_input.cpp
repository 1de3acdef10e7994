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

// Trained dictionaries are tens or hundreds of KiB; the limit keeps a damaged size field
// from asking for gigabytes.
constexpr std::size_t kMaxDictionaryBytes = std::size_t{64} << 20;
// A skippable frame: magic, then its content's size, 4 bytes little-endian, then the content.
constexpr std::size_t kSkippableHeaderBytes = 8;

// The bytes the dictionary frame at the start of `in` takes in all: 0 when `in` does not
// start with one, more than in.size() when the rest is still to come.
std::size_t dictionary_frame_bytes(std::string_view in) {
  if (!in.starts_with(kZstdDictionaryMagic)) return 0;
  if (in.size() < kSkippableHeaderBytes) return kSkippableHeaderBytes;
  std::size_t content_bytes = 0;
  for (std::size_t i = 0; i < 4; ++i) content_bytes |= std::size_t{static_cast<unsigned char>(in[4 + i])} << (8 * i);
  return kSkippableHeaderBytes + content_bytes;
}

std::string too_large_dictionary(std::size_t frame_bytes) {
  return "zstd data is corrupt: the dictionary frame claims " + std::to_string(frame_bytes - kSkippableHeaderBytes) +
         " bytes";
}

// Loads the dictionary frame `frame` into `stream` for every frame after it; an error
// message, or empty.
std::string load_dictionary(ZSTD_DStream* stream, std::string_view frame) {
  if (frame.size() > kSkippableHeaderBytes + kMaxDictionaryBytes) return too_large_dictionary(frame.size());
  std::string_view dictionary = frame.substr(kSkippableHeaderBytes);
  std::string inflated;
  if (is_zstd(dictionary)) {
    const InflateResult result = unzstd(dictionary, kMaxDictionaryBytes, inflated);
    if (result.status != InflateStatus::ok) return "the zstd dictionary frame: " + result.message;
    dictionary = inflated;
  }
  const std::size_t answer = ZSTD_DCtx_loadDictionary(stream, dictionary.data(), dictionary.size());
  return ZSTD_isError(answer) != 0 ? damage(answer) : std::string();
}

}  // namespace

struct ZstdFdReader::Stream {
  DStream handle{ZSTD_createDStream()};
};

InflateResult unzstd(std::string_view in, std::size_t limit, std::string& out) {
  out.clear();
  const DStream stream(ZSTD_createDStream());
  if (!stream) return {InflateStatus::corrupt, "zstd: libzstd could not start"};
  if (const std::size_t frame_bytes = dictionary_frame_bytes(in); frame_bytes != 0) {
    if (frame_bytes > in.size()) return {InflateStatus::corrupt, kTruncated};
    std::string message = load_dictionary(stream.get(), in.substr(0, frame_bytes));
    if (!message.empty()) return {InflateStatus::corrupt, std::move(message)};
    in.remove_prefix(frame_bytes);
  }
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
    if (limit != 0 && written > limit) return too_large("zstd", limit, out);
    if (input.pos == before && output.pos == 0 && input.pos == input.size) {
      out.resize(written);
      return {InflateStatus::cut_short, kTruncated};  // the data ended inside a frame
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
  if (!started_) {
    started_ = true;
    std::size_t frame_bytes = dictionary_frame_bytes(input());
    while (frame_bytes > input().size()) {
      if (frame_bytes > kSkippableHeaderBytes + kMaxDictionaryBytes) return fail(too_large_dictionary(frame_bytes));
      if (at_eof()) return fail(kTruncated);
      if (!read_more()) return -1;
      frame_bytes = dictionary_frame_bytes(input());
    }
    if (frame_bytes != 0) {
      std::string message = load_dictionary(stream_->handle.get(), input().substr(0, frame_bytes));
      if (!message.empty()) return fail(std::move(message));
      consume(frame_bytes);
    }
  }
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
