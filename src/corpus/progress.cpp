#include "corpus/progress.h"

#include <cstdio>
#include <string>

namespace declutter {

namespace {
double megabytes(std::uint64_t bytes) { return static_cast<double>(bytes) / 1e6; }
}  // namespace

std::string format_stats_line(const DocumentStats& stats, double seconds) {
  char line[256];
  const double rate = seconds > 0 ? megabytes(stats.bytes_in) / seconds : 0.0;
  std::snprintf(line, sizeof line,
                "declutter: %llu documents, %.1f MB in, %.1f MB out, %llu failed, "
                "%llu oversized, %.2f s, %.1f MB/s",
                static_cast<unsigned long long>(stats.documents), megabytes(stats.bytes_in),
                megabytes(stats.bytes_out), static_cast<unsigned long long>(stats.failed),
                static_cast<unsigned long long>(stats.oversized), seconds, rate);
  std::string text = line;
  if (stats.not_pages > 0) text += ", " + std::to_string(stats.not_pages) + " WARC records without a page";
  return text;
}

ProgressMeter::ProgressMeter(std::ostream& out, bool enabled)
    : out_(out), enabled_(enabled), start_(std::chrono::steady_clock::now()), last_draw_(start_) {}

double ProgressMeter::elapsed_seconds() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
}

void ProgressMeter::update(const DocumentStats& stats) {
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  if (now - last_draw_ < std::chrono::milliseconds(250)) return;
  last_draw_ = now;
  const double seconds = std::chrono::duration<double>(now - start_).count();
  char line[160];
  std::snprintf(line, sizeof line, "\rdeclutter: %llu documents, %.1f MB, %.1f MB/s\033[K",
                static_cast<unsigned long long>(stats.documents), megabytes(stats.bytes_in),
                seconds > 0 ? megabytes(stats.bytes_in) / seconds : 0.0);
  out_ << line << std::flush;
  shown_ = true;
}

void ProgressMeter::clear() {
  if (!shown_) return;
  out_ << "\r\033[K" << std::flush;
  shown_ = false;
}

}  // namespace declutter
