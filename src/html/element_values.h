#pragma once
// What the metadata rules (html-date, html-author) read from an element they matched: its
// text, and a member of that text read as JSON (JSON-LD).
#include <optional>
#include <string>
#include <string_view>

#include "html/xml_doc.h"

namespace declutter {

// Appends the element's text (its text and CDATA descendants), up to 1 MiB: JSON-LD of a
// large page runs to a few hundred kilobytes, and anything past that is no metadata.
void append_element_text(const xmlNode* element, std::string& out);

// The first member `key`, at any depth (@graph too) and in document order, of the JSON in
// `json` that holds text: a string; an object's "name" ({"@type":"Person","name":"A"});
// an array's strings and names, joined with ", ". JSON that does not parse (a trailing
// comma, a raw line break in a string, single quotes) is searched for the string after the
// first `"key":` instead.
std::optional<std::string> json_member_text(std::string_view json, std::string_view key);

}  // namespace declutter
