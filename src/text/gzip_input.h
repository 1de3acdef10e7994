#pragma once
// Documents saved compressed (page.html.gz, a crawler's gzip'd response bodies) are read
// as what they hold. A file or stream of several documents cannot be unpacked with zcat
// first without losing where one ends, so each document is inflated on its own, here. A
// gzip'd file of records (pages.jsonl.gz, pages.nul.gz) is inflated as it is read instead
// (GzipFdReader), its records split from what it holds.
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

namespace declutter {

// How gzip data starts (RFC 1952: 1F 8B, then method 8, deflate), and whether `bytes` do.
inline constexpr std::string_view kGzipMagic = "\x1F\x8B\x08";
inline bool is_gzip(std::string_view bytes) { return bytes.starts_with(kGzipMagic); }

enum class GunzipStatus { ok, corrupt, too_large };

struct GunzipResult {
  GunzipStatus status = GunzipStatus::ok;
  std::string message;  // what went wrong, for the user: "gzip data is corrupt: ..."
};

// Inflates `in` (one gzip member or several one after another, as `cat a.gz b.gz` makes)
// into `out`, replacing it. Stops with too_large once the output would pass `limit` bytes
// (0: no limit), so a small file cannot expand to fill memory.
GunzipResult gunzip(std::string_view in, std::size_t limit, std::string& out);

// Inflates gzip data read from a file descriptor a buffer at a time: one member or several
// one after another; anything after the last member that is not gzip data (padding) is
// ignored, as gunzip() and gzip(1) ignore it. Holds one compressed buffer, never the data.
class GzipFdReader {
 public:
  // `already_read`: the first bytes of the data, read from `fd` before (they told it was gzip).
  GzipFdReader(int fd, std::string_view already_read);
  ~GzipFdReader();
  GzipFdReader(const GzipFdReader&) = delete;
  GzipFdReader& operator=(const GzipFdReader&) = delete;

  // Inflates up to `size` bytes into `out`: how many, 0 at the end of the data, or -1 when
  // reading failed (errno in error_number()) or the data is truncated or damaged (message()).
  std::ptrdiff_t read(char* out, std::size_t size);
  int error_number() const { return error_number_; }
  const std::string& message() const { return message_; }

 private:
  bool read_more();  // appends to the compressed bytes not yet used; false on a read error
  struct State;
  std::unique_ptr<State> state_;
  int fd_;
  bool at_eof_ = false;
  bool member_ended_ = false;
  bool finished_ = false;
  int error_number_ = 0;
  std::string message_;
};

}  // namespace declutter
