#include "cli/input_files.h"

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "text/compressed_input.h"

namespace declutter {

bool read_input_file(const std::string& path, std::string& out, std::string& error, std::size_t max_inflated) {
  std::FILE* in = path == "-" ? stdin : std::fopen(path.c_str(), "rb");
  if (in == nullptr) {
    error = path + ": " + std::strerror(errno);
    return false;
  }
  out.clear();
  char buffer[1 << 16];
  std::size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, in)) > 0) out.append(buffer, n);
  bool ok = std::ferror(in) == 0;
  if (in != stdin) std::fclose(in);
  if (!ok) {
    error = path + ": read error";
    return false;
  }
  if (is_compressed(out)) {
    std::string inflated;
    const InflateResult result = inflate_document(out, max_inflated, inflated);
    if (result.status != InflateStatus::ok) {
      error = path + ": " + result.message;
      return false;
    }
    out.swap(inflated);
  }
  return true;
}

}  // namespace declutter
