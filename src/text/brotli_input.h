#pragma once
// brotli (RFC 7932), which web servers send as HTTP's Content-Encoding: br, and so web
// archives recorded through a browser hold. Only whole bodies: brotli data has no magic
// bytes to tell a stream by, and no corpus format ships in it.
#include <cstddef>
#include <string>
#include <string_view>

#include "text/compressed_input.h"

namespace declutter {

// Decompresses `in` into `out`, replacing it; stops with too_large once the output would
// pass `limit` bytes (0: no limit). Bytes after the end of the brotli stream are damage.
InflateResult unbrotli(std::string_view in, std::size_t limit, std::string& out);

}  // namespace declutter
