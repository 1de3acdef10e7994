#pragma once
// The output of a decided document, in the format the user asked for.
#include <string>

#include "core/document.h"
#include "emit/markdown_emitter.h"
#include "emit/text_emitter.h"

namespace declutter {

enum class OutputFormat { text, markdown };

inline void emit_document(const Document& doc, OutputFormat format, std::string& out) {
  if (format == OutputFormat::markdown) {
    emit_markdown(doc, out);
  } else {
    emit_text(doc, out);
  }
}

}  // namespace declutter
