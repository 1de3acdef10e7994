#include "text/segment.h"

#include "text/normalize.h"

namespace declutter {

void segment_lines(Document& doc) {
  doc.blocks.clear();
  std::string_view text = doc.source;
  std::uint32_t line_no = 0;
  bool gap = false;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find_first_of("\r\n", start);
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
