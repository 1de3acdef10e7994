#pragma once
// What the metadata rules (html-date, html-author) read from an element they matched: its
// text, and a member of that text read as JSON (JSON-LD).
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "html/dom_rules.h"
#include "html/dom_walk.h"
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

// The value an element matched by a metadata rule gives: with key=NAME, the member NAME of its
// text read as JSON; else the first of its `attributes` and then its text that `read` (a
// string_view -> optional<std::string>) accepts.
template <class Read>
std::optional<std::string> element_value(const xmlNode* element, const Rule& rule,
                                         std::initializer_list<std::string_view> attributes, Read read) {
  std::string_view value;
  if (rule.json_key.empty())
    for (const std::string_view attribute : attributes)
      if (find_attribute(element, attribute, value))
        if (auto accepted = read(value)) return accepted;
  std::string text;
  append_element_text(element, text);
  if (rule.json_key.empty()) return read(text);
  const std::optional<std::string> member = json_member_text(text, rule.json_key);
  return member ? read(*member) : std::nullopt;
}

// The first value `element_value_of(element, rule)` gives for the matches of the rules with
// `action`, in rule order, and the rule that gave it.
template <class ElementValue>
std::optional<std::pair<std::string, const Rule*>> first_metadata_value(DomMarks& marks, Action action,
                                                                        ElementValue element_value_of) {
  for (const DomMarks::MetadataSource& source : marks.metadata_sources())
    if (source.rule->action == action)
      if (auto value = element_value_of(source.element, *source.rule)) return std::pair{std::move(*value), source.rule};
  return std::nullopt;
}

}  // namespace declutter
