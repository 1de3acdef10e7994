// Corpus-mode framing on arbitrary bytes: the record reader (JSONL lines, NUL-separated and
// whole documents, oversized records streamed through), the JSONL record parser and
// rewriter, and the --on-error policies, with the real text pipeline as the processor.
// The first byte picks the configuration: bits 0-1 framing, bits 2-3 --on-error, bit 4 a
// tiny --max-doc-bytes (so the oversized path is reached), bit 5 --line-buffered, bit 6
// --metadata (the record's own "declutter" field located and replaced, or one added).
#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string>
#include <string_view>

#include "cli/worker_processors.h"
#include "corpus/run_documents.h"
#include "fuzz_support.h"

using namespace declutter;

namespace {

int memory_file() {
  int fd = ::memfd_create("fuzz_jsonl_reader", 0);
  if (fd < 0) std::abort();
  return fd;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::unique_ptr<Engine> engine = fuzzing::default_engine(InputFormat::text);
  static const int input_fd = memory_file();
  static const int output_fd = ::open("/dev/null", O_WRONLY);
  if (size == 0) return 0;
  const std::uint8_t config = data[0];
  std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);

  if (::ftruncate(input_fd, 0) != 0 || ::pwrite(input_fd, bytes.data(), bytes.size(), 0) != static_cast<ssize_t>(bytes.size()) ||
      ::lseek(input_fd, 0, SEEK_SET) != 0)
    std::abort();

  RunOptions options;
  static constexpr Framing kFramings[] = {Framing::jsonl, Framing::null, Framing::whole, Framing::jsonl};
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
  ProcessorFactory factory = worker_processors(*engine, processing);
  std::ostringstream diagnostics;
  run_documents(options, factory, diagnostics, RunStreams{input_fd, output_fd});
  return 0;
}
