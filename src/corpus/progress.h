#pragma once
// Counters for a corpus run, the --stats summary line, and the live progress line.
#include <chrono>
#include <cstdint>
#include <ostream>
#include <string>

namespace declutter {

struct DocumentStats {
  std::uint64_t documents = 0;
  std::uint64_t bytes_in = 0;      // document bytes as framed (JSONL: whole lines)
  std::uint64_t bytes_out = 0;
  std::uint64_t failed = 0;        // malformed or failed records (exit status 1)
  std::uint64_t oversized = 0;     // passed through unchanged (WARC: skipped) for exceeding --max-doc-bytes
  std::uint64_t not_pages = 0;     // WARC records that hold no page (requests, images, redirects)
};

// "declutter: 910 documents, 9.9 MB in, 5.1 MB out, 0 failed, 0 oversized, 1.23 s, 8.0 MB/s"
std::string format_stats_line(const DocumentStats& stats, double seconds);

class ProgressMeter {
 public:
  ProgressMeter(std::ostream& out, bool enabled);
  // Redraws the progress line, at most four times a second.
  void update(const DocumentStats& stats);
  // Erases the progress line (before other messages, and at the end).
  void clear();
  double elapsed_seconds() const;

 private:
  std::ostream& out_;
  bool enabled_;
  bool shown_ = false;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_draw_;
};

}  // namespace declutter
