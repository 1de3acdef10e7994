#pragma once
// Whole-file reads for the commands that take a list of pages (report, suggest).
#include <cstddef>
#include <string>

namespace declutter {

// Reads `path` ("-" is standard input) into `out`, inflated when it is gzip data (up to
// `max_inflated` bytes, --max-doc-bytes; 0: no limit); on failure returns false and sets
// `error` to "path: reason".
bool read_input_file(const std::string& path, std::string& out, std::string& error, std::size_t max_inflated);

}  // namespace declutter
