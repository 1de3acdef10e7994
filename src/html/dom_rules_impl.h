#pragma once
// DomRules' compiled rules, shared by the files that compile them (dom_rules.cpp) and match
// them against a page (selector_walk.cpp, and the XPath rules in dom_rules.cpp).
#include <libxml/xpath.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "html/css_selector.h"
#include "html/dom_rules.h"
#include "html/selector_index.h"
#include "html/xpath_handles.h"

namespace declutter {

struct CompiledSelector {
  const Rule* rule = nullptr;
  std::uint32_t order = 0;
  ComplexSelector selector;
  std::uint32_t first_compound = 0;  // flat index of compounds[0]
};

struct CompoundRef {
  std::uint32_t selector = 0;
  std::uint32_t index = 0;  // position within the selector
};

struct CompiledXPath {
  const Rule* rule = nullptr;
  std::uint32_t order = 0;
  XPathCompPtr expression;
  std::string tag;            // set when the rule is tried per element (per_element_form)
  XPathCompPtr per_element;
};

// The compiled rules: the selectors' compounds, indexed by what each one needs most, and the
// XPath expressions.
struct CompiledDomRules {
  std::vector<CompiledSelector> selectors;
  std::vector<CompoundRef> compounds;  // flat, selector by selector
  KeyIndex by_id;
  KeyIndex by_class;
  KeyIndex by_attribute;
  KeyIndex by_tag;
  std::unordered_map<std::string, SubstringIndex, StringHash, std::equal_to<>> by_substring;
  std::vector<std::uint32_t> universal;
  std::vector<CompiledXPath> xpaths;
  bool whole_page_xpaths = false;  // some XPath rule needs its own walk over the page

  void add_selector(const Rule* rule, std::uint32_t order, ComplexSelector selector) {
    const auto selector_index = static_cast<std::uint32_t>(selectors.size());
    const auto first = static_cast<std::uint32_t>(compounds.size());
    for (std::uint32_t i = 0; i < selector.compounds.size(); ++i) {
      const auto flat = static_cast<std::uint32_t>(compounds.size());
      compounds.push_back({selector_index, i});
      // Index each compound by its most selective requirement.
      const CompoundSelector& compound = selector.compounds[i];
      if (!compound.ids.empty()) {
        by_id[compound.ids.front()].push_back(flat);
      } else if (!compound.classes.empty()) {
        by_class[compound.classes.front()].push_back(flat);
      } else if (auto it = std::find_if(compound.attributes.begin(), compound.attributes.end(),
                                        [](const AttributeTest& t) { return t.op == AttributeTest::Op::contains && !t.value.empty() && !t.caseless; });
                 it != compound.attributes.end()) {
        by_substring[it->name].add(it->value, flat);
      } else if (!compound.attributes.empty()) {
        by_attribute[compound.attributes.front().name].push_back(flat);
      } else if (!compound.tag.empty()) {
        by_tag[compound.tag].push_back(flat);
      } else {
        universal.push_back(flat);
      }
    }
    selectors.push_back({rule, order, std::move(selector), first});
  }
};

// Matches CompiledDomRules against one page: every selector (and XPath rule of the form
// //tag[pred]) in one walk, the other XPath rules each on its own.
void match_selectors(const CompiledDomRules& rules, xmlDoc* doc, DomMarks& marks);  // selector_walk.cpp
void match_xpaths(const CompiledDomRules& rules, xmlDoc* doc, DomMarks& marks);     // dom_rules.cpp

struct DomRules::Impl : CompiledDomRules {};

}  // namespace declutter
