#include "text/segment.h"

#include <cstring>

#include "text/normalize.h"

namespace declutter {
namespace {

// The first CR or LF at or after `start`, or npos. Two memchr passes (LF, then CR before
// it) instead of find_first_of, which tests every byte against the set one call at a time;
// the CR pass only when the document has a CR at all (`has_cr`), which most do not.
std::size_t line_end(std::string_view text, std::size_t start, bool has_cr) {
  const char* const begin = text.data();
  const auto* lf = static_cast<const char*>(std::memchr(begin + start, '\n', text.size() - start));
  const std::size_t limit = lf == nullptr ? text.size() : static_cast<std::size_t>(lf - begin);
  if (!has_cr) return lf == nullptr ? std::string_view::npos : limit;
  if (const auto* cr = static_cast<const char*>(std::memchr(begin + start, '\r', limit - start)))
    return static_cast<std::size_t>(cr - begin);
  return lf == nullptr ? std::string_view::npos : limit;
}

}  // namespace

void segment_lines(Document& doc) {
  doc.format = SourceFormat::text;
  doc.blocks.clear();
  std::string_view text = doc.source;
  std::uint32_t line_no = 0;
  bool gap = false;
  std::size_t start = 0;
  const bool has_cr = std::memchr(text.data(), '\r', text.size()) != nullptr;
  while (start < text.size()) {
    std::size_t end = line_end(text, start, has_cr);
    std::size_t next = end;
    if (end == std::string_view::npos) {
      end = next = text.size();
    } else if (text[end] == '\r' && end + 1 < text.size() && text[end + 1] == '\n') {
      next = end + 2;
    } else {
      next = end + 1;
    }
    ++line_no;
    std::string_view line = text.substr(start, end - start);
    if (trim_space(line).empty()) {
      gap = true;
    } else {
      Block block;
      block.text = line;
      block.line = line_no;
      block.gap_before = gap;
      doc.blocks.push_back(block);
      gap = false;
    }
    start = next;
  }
}

}  // namespace declutter
