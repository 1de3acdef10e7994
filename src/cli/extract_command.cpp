#include "cli/extract_command.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>

#include "authoring/explain.h"

namespace declutter {
namespace {

// Reads a whole stream in large chunks (a document must be whole before a cut can be decided).
bool read_all(std::FILE* in, std::string& out) {
  out.clear();
  char buffer[1 << 16];
  while (true) {
    std::size_t n = std::fread(buffer, 1, sizeof buffer, in);
    out.append(buffer, n);
    if (n < sizeof buffer) return std::ferror(in) == 0;
  }
}

enum class WriteResult { ok, closed, failed };

WriteResult write_all(const std::string& text) {
  if (std::fwrite(text.data(), 1, text.size(), stdout) == text.size() && std::fflush(stdout) == 0)
    return WriteResult::ok;
  return errno == EPIPE ? WriteResult::closed : WriteResult::failed;
}

}  // namespace

int run_extract(const CliOptions& options, const Engine& engine) {
  std::vector<std::string> inputs = options.inputs;
  if (inputs.empty()) inputs.emplace_back("-");
  Worker worker(engine);
  std::string bytes;
  std::string out;
  int status = 0;
  for (const auto& path : inputs) {
    std::FILE* in = path == "-" ? stdin : std::fopen(path.c_str(), "rb");
    if (in == nullptr) {
      std::fprintf(stderr, "declutter: %s: %s\n", path.c_str(), std::strerror(errno));
      status = 2;
      continue;
    }
    bool read_ok = read_all(in, bytes);
    if (in != stdin) std::fclose(in);
    if (!read_ok) {
      std::fprintf(stderr, "declutter: %s: read error\n", path.c_str());
      status = 2;
      continue;
    }
    DocumentInput input{bytes, options.url};
    if (options.explain != ExplainFormat::none) {
      explain_document(worker.analyse(input), options.explain, out);
    } else {
      worker.extract(input, out);
    }
    switch (write_all(out)) {
      case WriteResult::ok: break;
      case WriteResult::closed: return status;
      case WriteResult::failed:
        std::fprintf(stderr, "declutter: write error: %s\n", std::strerror(errno));
        return 2;
    }
  }
  return status;
}

}  // namespace declutter
