#include "emit/text_emitter.h"

#include "text/normalize.h"

namespace declutter {

void emit_text(const Document& doc, std::string& out) {
  out.clear();
  // Sized once, so that a large document's text is not copied as it grows: the kept blocks
  // and a paragraph break before each are an upper bound.
  std::size_t bound = 1;
  for (const auto& block : doc.blocks)
    if (!block.dropped()) bound += block.text.size() + 2;
  out.reserve(bound);
  bool any = false;
  bool gap = false;
  for (const auto& block : doc.blocks) {
    gap = gap || block.gap_before;
    if (block.dropped()) continue;
    std::string_view text = trim_trailing_space(block.text);
    if (text.empty()) continue;
    if (any) out.append(gap ? 2 : 1, '\n');
    // Multi-line blocks (HTML <br>, <pre>) get the same trailing-space rule per line; a
    // one-line block (every block in text mode) is already trimmed.
    std::size_t eol = text.find('\n');
    if (eol == std::string_view::npos) {
      out.append(text);
    } else {
      std::size_t start = 0;
      while (true) {
        std::string_view piece = text.substr(start, eol == std::string_view::npos ? text.npos : eol - start);
        out += trim_trailing_space(piece);
        if (eol == std::string_view::npos) break;
        out += '\n';
        start = eol + 1;
        eol = text.find('\n', start);
      }
    }
    any = true;
    gap = false;
  }
  if (any) out += '\n';
}

}  // namespace declutter
