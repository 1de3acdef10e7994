#pragma once
// --markdown: the kept blocks of an HTML document with their structure marked up, for
// readers that chunk by section or show the text (RAG ingestion, LLM prompts):
//   title, <h1>..<h6>   "# " .. "###### "
//   <li>, <dd>, <dt>    "- ", consecutive items without blank lines between them
//   <blockquote>        "> " before each line
//   <pre>, <listing>    a fenced code block, longer than any backtick run inside
//   table rows          a pipe table when the first row has two cells or more (the first
//                       row becomes its header, as Markdown requires); else paragraphs
//   everything else     a paragraph
// Text that Markdown would read as markup at the start of a line ("# ", "- ", "1. ", "> ",
// "---") is escaped with a backslash, and so is "|" inside a table cell; nothing else is
// changed, so the words are those of the plain-text output. Text-mode documents carry no
// structure: they come out exactly as emit_text writes them.
#include <string>

#include "core/document.h"

namespace declutter {

void emit_markdown(const Document& doc, std::string& out);

}  // namespace declutter
