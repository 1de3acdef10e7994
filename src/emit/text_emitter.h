#pragma once
// The plain-text output convention: kept blocks verbatim but for trailing white space; a
// blank line wherever the input had a paragraph break between two kept blocks (runs of
// blank lines collapse to one); nothing before the first or after the last block; one
// newline at the end when anything was kept.
#include <string>

#include "core/document.h"

namespace declutter {

void emit_text(const Document& doc, std::string& out);

}  // namespace declutter
