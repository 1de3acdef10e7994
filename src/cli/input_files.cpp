#include "cli/input_files.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <vector>

#include "corpus/warc_reader.h"
#include "corpus/warc_record.h"
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

namespace {

bool for_each_warc_page(const std::string& path, std::size_t max_doc_bytes, const PageVisitor& page) {
  const bool standard_input = path == "-";
  const int fd = standard_input ? STDIN_FILENO : ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    std::fprintf(stderr, "declutter: %s: %s\n", path.c_str(), std::strerror(errno));
    return false;
  }
  WarcReader reader(fd, max_doc_bytes);
  WarcRecord record;
  std::string bytes;
  std::string reason;
  bool ok = true;
  for (std::uint64_t number = 1;; ++number) {
    bytes.clear();
    const WarcReader::Status status = reader.read(bytes);
    if (status == WarcReader::Status::end) break;
    if (status == WarcReader::Status::error) {
      std::fprintf(stderr, "declutter: %s: %s\n", path.c_str(), reader.error_message().c_str());
      ok = false;
      break;
    }
    const bool cut = status == WarcReader::Status::oversized;
    const WarcRecord::Kind kind = record.read(bytes, cut, max_doc_bytes, reason);
    if (kind == WarcRecord::Kind::not_a_page) continue;
    if (kind == WarcRecord::Kind::page) {
      page(record.document(), record.url());
      continue;
    }
    if (kind == WarcRecord::Kind::too_large) reason = "larger than --max-doc-bytes";
    std::fprintf(stderr, "declutter: %s: record %llu: %.*s: %s; skipped\n", path.c_str(),
                 static_cast<unsigned long long>(number), static_cast<int>(record.url().size()), record.url().data(),
                 reason.c_str());
  }
  if (!standard_input) ::close(fd);
  return ok;
}

}  // namespace

bool for_each_input_page(const CliOptions& options, const PageVisitor& page) {
  const std::vector<std::string> stdin_only{"-"};
  const std::vector<std::string>& paths = options.inputs.empty() ? stdin_only : options.inputs;
  std::string bytes;
  std::string error;
  for (const std::string& path : paths) {
    if (options.framing == Framing::warc) {
      if (!for_each_warc_page(path, options.max_doc_bytes, page)) return false;
      continue;
    }
    if (!read_input_file(path, bytes, error, options.max_doc_bytes)) {
      std::fprintf(stderr, "declutter: %s\n", error.c_str());
      return false;
    }
    if (const std::string_view archive = web_archive_format(bytes); !archive.empty()) {
      std::fprintf(stderr, "declutter: %s: a web archive (%.*s): read it with --warc\n", path.c_str(),
                   static_cast<int>(archive.size()), archive.data());
      return false;
    }
    page(DocumentInput{bytes, options.url}, path == "-" ? std::string_view("standard input") : std::string_view(path));
  }
  return true;
}

}  // namespace declutter
