#pragma once
// --explain: every block of a decided document with its verdict and what decided it, in
// place of the clean text. Two renderings of the same facts: a line-oriented one for
// people and grep, and one JSON document per input document for tools.
//
// Text format, one block per line (the line number is the block's input line):
//   # declutter explain: 42 blocks, 30 kept, 12 dropped
//   - 12 <embedded>/common.rules:42 drop "subscribe" | Subscribe
//   - 40 <embedded>/common.rules:57 cut "related" after=30% | Teaser headline
//   - 14 dedupe | Repeated headline
//   - 15 edge-trim | Short label
//   - 16 score -1.25 links=80% words=4 <li> | Link-heavy block
//   + 13 kept | The article text...
//   + 20 rules/publishers/x.rules:4 keep "popular" | Popular
//   + 21 safety | A line a generic rule dropped, restored by the safety valve
// `-` is dropped, `+` is in the output; between the line number and ` | ` stands the
// deciding rule (origin file:line, then its canonical text) or the stage. Newlines and
// tabs inside a block are shown as \n and \t so that one block stays one line.
#include <string>
#include <string_view>

#include "core/document.h"

namespace declutter {

enum class ExplainFormat { none, text, json };

// The stage's name as --explain, the report and JSON call it: rule, cut, dedupe, ...
std::string_view decider_name(Decider decider);
// What decided a block, without its text: `<file>:<line> <rule>` or the stage (`kept`,
// `dedupe`, `score -1.25 links=80% words=4 <li>`, ...).
std::string explain_reason(const Block& block);

// Appends the text explanation of `doc` to `out`.
void explain_text(const Document& doc, std::string& out);
// Appends one JSON document (one line) describing `doc` to `out`.
void explain_json(const Document& doc, std::string& out);
// Replaces `out` with the explanation in `format` (text or json).
void explain_document(const Document& doc, ExplainFormat format, std::string& out);

}  // namespace declutter
