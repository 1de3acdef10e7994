#pragma once
// Whether an element meets one compound selector (tag, ids, classes, attribute tests), read
// from libxml2's tree. The selector walk (selector_walk.cpp) calls it for the few compounds
// its indexes leave for an element.
#include <libxml/tree.h>

#include <string_view>

#include "html/css_selector.h"

namespace declutter {

// The attributes of one element that selector keys and compound tests look at.
struct ElementView {
  std::string_view tag;
  std::string_view id;
  std::string_view classes;
  bool has_id = false;
};

bool compound_matches(const CompoundSelector& compound, const xmlNode* element, const ElementView& view);

}  // namespace declutter
