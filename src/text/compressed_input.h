#pragma once
// Input saved compressed is read as what it holds. A document (page.html.gz, a crawler's
// compressed response bodies) is inflated on its own, so that files stay apart, which zcat
// in front would not keep; a stream of records (crawl.jsonl.gz, pages.jsonl.zst) is
// inflated as it is read, its records split from what it holds. Three formats, told by
// their magic bytes: gzip (text/gzip_input.h, zlib), zstd (text/zstd_input.h, libzstd) and
// xz (text/xz_input.h, liblzma).
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace declutter {

// cut_short: the data ended inside the stream; the output holds what inflated before that.
enum class InflateStatus { ok, corrupt, cut_short, too_large };

struct InflateResult {
  InflateStatus status = InflateStatus::ok;
  std::string message;  // what went wrong, for the user: "gzip data is corrupt: ..."
};

// Whether `bytes` start like data of a format read here.
bool is_compressed(std::string_view bytes);
// Whether a stream's first bytes, fewer than a format's magic, are the start of it: the
// stream may still turn out to be compressed, and a reader waits for more bytes only then.
bool may_start_compressed(std::string_view first_bytes);

// Inflates the document `in` (any number of gzip members, zstd frames or xz streams one
// after another, as `cat a.gz b.gz` makes) into `out`, replacing it. Stops with too_large
// once the output would pass `limit` bytes (0: no limit), so a small file cannot fill memory;
// `out` then holds the first `limit` bytes, which tell what the data is. On corrupt, `out`
// is empty; on cut_short it holds what inflated. `in` that is not compressed is corrupt.
InflateResult inflate_document(std::string_view in, std::size_t limit, std::string& out);

// For the formats' document inflaters: room in `out` past `written` for the next write (at
// least 64 KiB, doubling; but to no more than one byte past `limit` when there is one, so
// that a small limit inflates little), and the answer once the output passed the limit
// (`out` cut to it).
void make_room(std::string& out, std::size_t written, std::size_t limit);
InflateResult too_large(std::string_view format, std::size_t limit, std::string& out);

// Compressed data read from a file descriptor a buffer at a time and inflated: what a
// reader of records reads instead of the descriptor. Holds one compressed buffer, never
// the data.
class InflatingReader {
 public:
  virtual ~InflatingReader() = default;
  InflatingReader(const InflatingReader&) = delete;
  InflatingReader& operator=(const InflatingReader&) = delete;

  // Inflates up to `size` bytes into `out`: how many, 0 at the end of the data, or -1 when
  // reading failed (errno in error_number()) or the data is truncated or damaged (message()).
  virtual std::ptrdiff_t read(char* out, std::size_t size) = 0;
  int error_number() const { return error_number_; }
  const std::string& message() const { return message_; }

 protected:
  // `already_read`: the first bytes of the data, read from `fd` before (they told its format).
  InflatingReader(int fd, std::string_view already_read);
  // The compressed bytes read and not used yet, and the formats' report of using some.
  std::string_view input() const { return {buffer_.data() + used_, filled_ - used_}; }
  void consume(std::size_t bytes) { used_ += bytes; }
  // Reads more compressed bytes after those not used yet; false on a read error.
  bool read_more();
  bool at_eof() const { return at_eof_; }
  // Ends the data with `message` (-1 for read()).
  std::ptrdiff_t fail(std::string message);

 private:
  int fd_;
  std::vector<char> buffer_;
  std::size_t used_ = 0;
  std::size_t filled_ = 0;
  bool at_eof_ = false;
  int error_number_ = 0;
  std::string message_;
};

// The reader that inflates `fd`, whose first bytes `already_read` were read from it before;
// null when they start no format read here.
std::unique_ptr<InflatingReader> inflating_reader(int fd, std::string_view already_read);

}  // namespace declutter
