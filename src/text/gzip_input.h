#pragma once
// gzip (RFC 1952) for compressed input (text/compressed_input.h): a document inflated whole,
// and a stream of records inflated as it is read.
#include <cstddef>
#include <string>
#include <string_view>

#include "text/compressed_input.h"

namespace declutter {

// How gzip data starts (1F 8B, then method 8, deflate), and whether `bytes` do.
inline constexpr std::string_view kGzipMagic = "\x1F\x8B\x08";
inline bool is_gzip(std::string_view bytes) { return bytes.starts_with(kGzipMagic); }

// Inflates `in` (one gzip member or several one after another, as `cat a.gz b.gz` makes)
// into `out`, replacing it. Stops with too_large once the output would pass `limit` bytes
// (0: no limit), so a small file cannot expand to fill memory.
InflateResult gunzip(std::string_view in, std::size_t limit, std::string& out);

// Inflates a body sent with HTTP's Content-Encoding: deflate into `out`, as gunzip() does:
// a zlib stream (RFC 1950), as the coding is defined, or the bare deflate data (RFC 1951)
// that some servers send instead, as browsers accept too.
InflateResult inflate_http_deflate(std::string_view in, std::size_t limit, std::string& out);

// A stream of gzip members one after another; anything after the last member that is not
// gzip data (padding) is ignored, as gunzip() and gzip(1) ignore it.
class GzipFdReader final : public InflatingReader {
 public:
  GzipFdReader(int fd, std::string_view already_read);
  ~GzipFdReader() override;
  std::ptrdiff_t read(char* out, std::size_t size) override;

 private:
  struct Inflater;
  std::unique_ptr<Inflater> inflater_;
  bool member_ended_ = false;
  bool finished_ = false;
};

}  // namespace declutter
