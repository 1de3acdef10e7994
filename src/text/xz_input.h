#pragma once
// xz (the .xz format of xz(1): LZMA2 in a container with checks) for compressed input
// (text/compressed_input.h): a document decompressed whole, and a stream of records
// (pages.jsonl.xz) decompressed as it is read. liblzma is linked already, by libxml2.
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "text/compressed_input.h"

namespace declutter {

// How an .xz stream starts: FD '7' 'z' 'X' 'Z' 00.
inline constexpr std::string_view kXzMagic{"\xFD" "7zXZ\0", 6};
inline bool is_xz(std::string_view bytes) { return bytes.starts_with(kXzMagic); }

// Decompresses `in` (one .xz stream or several one after another, with their padding) into
// `out`, replacing it; stops with too_large once the output would pass `limit` bytes (0: no
// limit). Data whose headers ask for more than 1 GiB of decoder memory (the format allows
// 4 GiB dictionaries; xz -9 uses 64 MiB) is refused as corrupt, so a small file cannot
// make the decoder fill memory.
InflateResult unxz(std::string_view in, std::size_t limit, std::string& out);

class XzFdReader final : public InflatingReader {
 public:
  XzFdReader(int fd, std::string_view already_read);
  ~XzFdReader() override;
  std::ptrdiff_t read(char* out, std::size_t size) override;

 private:
  struct Stream;
  std::unique_ptr<Stream> stream_;
  bool finished_ = false;
};

}  // namespace declutter
