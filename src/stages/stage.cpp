#include "stages/stage.h"

#include "text/normalize.h"

namespace declutter {

bool mostly_link_text(const Document& doc, std::size_t i) {
  return doc.elements.empty() || 2 * doc.elements[i].link_chars >= count_chars(doc.blocks[i].text);
}

}  // namespace declutter
