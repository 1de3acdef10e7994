// Corpus-mode framing on arbitrary bytes: the record reader (JSONL lines, NUL-separated and
// whole documents, oversized records streamed through), the WARC reader and its records'
// HTTP responses, the JSONL record parser and rewriter, and the --on-error policies, with
// the real pipeline as the processor (text; HTML for WARC pages).
// The first byte picks the configuration: bits 0-1 framing (JSONL, NUL, whole, WARC), bits
// 2-3 --on-error, bit 4 a tiny --max-doc-bytes (so the oversized path is reached), bit 5
// --line-buffered, bit 6 --metadata (the record's own "declutter" field located and
// replaced, or one added).
// In JSONL framing the output is checked: every line is blank, valid JSON, or an input line
// passed through as it came (of the inflated input, for compressed input: a .jsonl.gz or
// .jsonl.zst stream; the first without a byte-order mark); a rewritten record that is no
// longer JSON aborts. In WARC framing every output line must be a JSON object.
#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include <simdjson.h>

#include "cli/worker_processors.h"
#include "corpus/run_documents.h"
#include "fuzz_support.h"
#include "text/compressed_input.h"

using namespace declutter;

namespace {

int memory_file() {
  int fd = ::memfd_create("fuzz_jsonl_reader", 0);
  if (fd < 0) std::abort();
  return fd;
}

std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> lines;
  for (std::size_t begin = 0; begin < text.size();) {
    std::size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    lines.push_back(text.substr(begin, end - begin));
    begin = end + 1;
  }
  return lines;
}

bool is_blank(std::string_view line) { return line.find_first_not_of(" \t\r") == std::string_view::npos; }

// `input`: what JSONL lines may pass through as they came; nothing for WARC.
void check_jsonl_output(std::string_view input, int output_fd) {
  const off_t size = ::lseek(output_fd, 0, SEEK_END);
  if (size < 0) std::abort();
  std::string output(static_cast<std::size_t>(size), '\0');
  if (::pread(output_fd, output.data(), output.size(), 0) != size) std::abort();
  std::unordered_set<std::string_view> passed_through;
  for (const std::string_view line : lines_of(input)) passed_through.insert(line);
  // A byte-order mark before the first record is no part of it: that line passes without it.
  if (input.starts_with("\xEF\xBB\xBF")) passed_through.insert(input.substr(3, input.find('\n') - 3));
  static simdjson::dom::parser parser;
  for (const std::string_view line : lines_of(output)) {
    if (is_blank(line) || passed_through.count(line) != 0) continue;
    const simdjson::padded_string padded(line);
    simdjson::dom::element root;
    if (parser.parse(padded).get(root) != simdjson::SUCCESS || !root.is_object()) std::abort();
  }
}

// What the record reader reads from `fd` when its bytes are compressed: as much as inflates.
std::string inflated_as_read(int fd, std::string_view bytes) {
  // The longest magic (xz's) read first, as the record reader waits for it.
  const std::string_view first = bytes.substr(0, 6);
  if (::lseek(fd, static_cast<off_t>(first.size()), SEEK_SET) != static_cast<off_t>(first.size())) std::abort();
  const std::unique_ptr<InflatingReader> reader = inflating_reader(fd, first);
  if (!reader) std::abort();
  std::string inflated;
  char buffer[65536];
  for (std::ptrdiff_t got; (got = reader->read(buffer, sizeof buffer)) > 0;)
    inflated.append(buffer, static_cast<std::size_t>(got));
  return inflated;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::unique_ptr<Engine> engine = fuzzing::default_engine(InputFormat::text);
  static const std::unique_ptr<Engine> html_engine = fuzzing::default_engine(InputFormat::html);
  static const int input_fd = memory_file();
  static const int null_fd = ::open("/dev/null", O_WRONLY);
  static const int output_fd = memory_file();
  if (size == 0) return 0;
  const std::uint8_t config = data[0];
  std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);

  if (::ftruncate(input_fd, 0) != 0 || ::pwrite(input_fd, bytes.data(), bytes.size(), 0) != static_cast<ssize_t>(bytes.size()) ||
      ::lseek(input_fd, 0, SEEK_SET) != 0)
    std::abort();

  RunOptions options;
  static constexpr Framing kFramings[] = {Framing::jsonl, Framing::null, Framing::whole, Framing::warc};
  static constexpr OnError kOnError[] = {OnError::pass, OnError::skip, OnError::error, OnError::fail};
  options.framing = kFramings[config & 3];
  options.on_error = kOnError[(config >> 2) & 3];
  if ((config & 16) != 0) options.max_doc_bytes = 48;
  options.line_buffered = (config & 32) != 0;
  options.jobs = 1;
  ProcessorOptions processing;
  if ((config & 64) != 0) {
    options.metadata_field = "declutter";
    processing.metadata = true;
  }
  const bool warc = options.framing == Framing::warc;
  ProcessorFactory factory = worker_processors(warc ? *html_engine : *engine, processing);
  std::ostringstream diagnostics;
  const bool check_output = options.framing == Framing::jsonl || warc;
  if (check_output && ::ftruncate(output_fd, 0) != 0) std::abort();
  if (check_output && ::lseek(output_fd, 0, SEEK_SET) != 0) std::abort();
  run_documents(options, factory, diagnostics, RunStreams{input_fd, check_output ? output_fd : null_fd});
  if (warc) check_jsonl_output({}, output_fd);
  else if (check_output) check_jsonl_output(is_compressed(bytes) ? inflated_as_read(input_fd, bytes) : std::string(bytes), output_fd);
  return 0;
}
