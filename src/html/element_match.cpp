#include "html/element_match.h"

#include <string>

#include "html/dom_walk.h"
#include "text/ascii.h"

namespace declutter {
namespace {

bool has_word(std::string_view list, std::string_view word) {
  std::size_t i = 0;
  while (i < list.size()) {
    while (i < list.size() && is_html_space(list[i])) ++i;
    std::size_t end = i;
    while (end < list.size() && !is_html_space(list[end])) ++end;
    if (end > i && list.substr(i, end - i) == word) return true;
    i = end;
  }
  return false;
}

bool attribute_matches(const AttributeTest& test, const xmlNode* element) {
  std::string_view value;
  if (!find_attribute(element, test.name, value)) return false;
  // The i flag: the value's ASCII letters in lower case, as the test's are already.
  thread_local std::string lowered;
  if (test.caseless && test.op != AttributeTest::Op::exists) {
    lowered.assign(value);
    for (char& c : lowered) c = static_cast<char>(ascii_lower(static_cast<unsigned char>(c)));
    value = lowered;
  }
  using Op = AttributeTest::Op;
  switch (test.op) {
    case Op::exists: return true;
    case Op::equals: return value == test.value;
    case Op::contains: return !test.value.empty() && value.find(test.value) != std::string_view::npos;
    case Op::prefix: return !test.value.empty() && value.substr(0, test.value.size()) == test.value;
    case Op::suffix:
      return !test.value.empty() && value.size() >= test.value.size() &&
             value.substr(value.size() - test.value.size()) == test.value;
    case Op::word:
      return !test.value.empty() && test.value.find_first_of(" \t\n\r\f") == std::string::npos &&
             has_word(value, test.value);
  }
  return false;
}

// Whether an element of `tag` stands anywhere below `element`: a walk of its subtree alone,
// done only for an element the rest of its compound matched (a teaser box, not every div).
// Once one is found the walk descends no further.
bool holds_element(const xmlNode* element, std::string_view tag) {
  bool found = false;
  const auto enter = [&](xmlNode* node) {
    found = found || (node->type == XML_ELEMENT_NODE && node_name(node) == tag);
    return !found;
  };
  for (xmlNode* child = element->children; child != nullptr && !found; child = child->next)
    walk_tree(child, enter, [](xmlNode*) {});
  return found;
}

}  // namespace

bool compound_matches(const CompoundSelector& compound, const xmlNode* element, const ElementView& view) {
  if (!compound.tag.empty() && compound.tag != view.tag) return false;
  for (const auto& id : compound.ids)
    if (!view.has_id || view.id != id) return false;
  for (const auto& name : compound.classes)
    if (!has_word(view.classes, name)) return false;
  for (const auto& test : compound.attributes)
    if (!attribute_matches(test, element)) return false;
  for (const auto& tag : compound.holds)
    if (!holds_element(element, tag)) return false;
  for (const auto& tag : compound.lacks)
    if (holds_element(element, tag)) return false;
  return true;
}

}  // namespace declutter
