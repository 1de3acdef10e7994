#pragma once
// Text mode: one block per non-blank line of doc.source. LF, CRLF and lone CR all end a
// line; blank lines become gap_before on the next block.
#include "core/document.h"

namespace declutter {

void segment_lines(Document& doc);

}  // namespace declutter
