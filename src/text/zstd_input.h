#pragma once
// zstd (RFC 8878) for compressed input (text/compressed_input.h): a document decompressed
// whole, and a stream of records (pages.jsonl.zst, as many NLP corpora come) decompressed
// as it is read.
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "text/compressed_input.h"

namespace declutter {

// How a zstd frame starts (28 B5 2F FD), and how a dictionary frame does (5D 2A 4D 18): the
// skippable frame that the zstd form of WARC files (IIPC, "Zstandard Compression for WARC
// Files") puts first, holding the dictionary every frame after it was compressed with,
// itself zstd-compressed or not. Whether `bytes` start either.
inline constexpr std::string_view kZstdMagic = "\x28\xB5\x2F\xFD";
inline constexpr std::string_view kZstdDictionaryMagic = "\x5D\x2A\x4D\x18";
inline bool is_zstd(std::string_view bytes) {
  return bytes.starts_with(kZstdMagic) || bytes.starts_with(kZstdDictionaryMagic);
}

// Decompresses `in` (one frame or several one after another, skippable frames skipped, a
// dictionary frame first used for the rest) into `out`, replacing it; stops with too_large
// once the output would pass `limit` bytes (0: no limit). Anything after the last frame is
// damage, as zstd(1) takes it.
InflateResult unzstd(std::string_view in, std::size_t limit, std::string& out);

class ZstdFdReader final : public InflatingReader {
 public:
  ZstdFdReader(int fd, std::string_view already_read);
  ~ZstdFdReader() override;
  std::ptrdiff_t read(char* out, std::size_t size) override;

 private:
  struct Stream;
  std::unique_ptr<Stream> stream_;
  bool started_ = false;   // a dictionary frame can only come first
  bool in_frame_ = false;  // the data so far ends inside a frame
};

}  // namespace declutter
