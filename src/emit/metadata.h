#pragma once
// What --metadata reports of a cleaned document beside its text: its headline, the language
// the scorer measured, and the size of the clean text. Corpus builders filter and label
// documents by these without parsing the text again.
#include <cstddef>
#include <string>
#include <string_view>

#include "core/document.h"

namespace declutter {

struct DocumentMetadata {
  std::string title;           // the headline, white space collapsed; empty when none was found
  std::string_view author;     // from an html-author rule; empty when none found
  std::string_view language;   // the scorer's guess ("de"); empty when unsure or unscored
  std::string_view published;  // YYYY-MM-DD from an html-date rule; empty when none found
  std::size_t words = 0;       // words of the clean text, separated by white space
  std::size_t characters = 0;  // its code points, from its first to its last that is no space
};

// The headline is the block the scorer kept as the article's headline (without the site
// name when it is a text dump's first line, the page's <title>); else HTML's title
// block (its main <h1>, or the <title> without its site name) when kept; else the <title>
// without its site name. `clean` is the document's output, as emitted.
DocumentMetadata describe_document(const Document& doc, std::string_view clean);

// Appends {"title":...,"author":...,"language":...,"published":...,"words":N,"characters":N};
// a missing title, author, language or date is null.
void append_metadata_json(const DocumentMetadata& metadata, std::string& out);

}  // namespace declutter
