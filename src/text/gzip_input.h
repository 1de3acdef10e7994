#pragma once
// Documents saved compressed (page.html.gz, a crawler's gzip'd response bodies) are read
// as what they hold. A file or stream of several documents cannot be unpacked with zcat
// first without losing where one ends, so each document is inflated on its own, here.
#include <cstddef>
#include <string>
#include <string_view>

namespace declutter {

// Whether `bytes` start like gzip data (RFC 1952: 1F 8B, then method 8, deflate).
bool is_gzip(std::string_view bytes);

enum class GunzipStatus { ok, corrupt, too_large };

struct GunzipResult {
  GunzipStatus status = GunzipStatus::ok;
  std::string message;  // what went wrong, for the user: "gzip data is corrupt: ..."
};

// Inflates `in` (one gzip member or several one after another, as `cat a.gz b.gz` makes)
// into `out`, replacing it. Stops with too_large once the output would pass `limit` bytes
// (0: no limit), so a small file cannot expand to fill memory.
GunzipResult gunzip(std::string_view in, std::size_t limit, std::string& out);

}  // namespace declutter
