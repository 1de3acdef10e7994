// DomMarks (dom_rules.h): what the DOM rules say of one page's elements.
#include "html/dom_rules.h"

#include <algorithm>

#include "html/dom_walk.h"

namespace declutter {

void DomMarks::clear() {
  marks_.clear();
  metadata_sources_.clear();
  metadata_sorted_ = true;
  root_ = nullptr;
  root_rule_ = nullptr;
  root_order_ = 0;
}

void DomMarks::mark(const xmlNode* element, const Rule* rule, std::uint32_t order) {
  // Classes on <html> and <body> describe the page ("cookies-not-set", "has-sidebar"), not
  // a box on it: a drop there would drop the whole page.
  if (rule->action == Action::html_drop && (element->parent == nullptr || element->parent->type != XML_ELEMENT_NODE ||
                                            node_name(element) == "body"))
    return;
  DomMark& mark = marks_[element];
  if (rule->action == Action::html_keep) {
    if (mark.keep == nullptr || order < mark.keep_order) {
      mark.keep = rule;
      mark.keep_order = order;
    }
  } else if (mark.drop == nullptr || order < mark.drop_order) {
    mark.drop = rule;
    mark.drop_order = order;
  }
}

void DomMarks::record(const xmlNode* element, const Rule* rule, std::uint32_t order) {
  switch (rule->action) {
    case Action::html_root: offer_root(element, rule, order); break;
    case Action::html_date:
    case Action::html_author: offer_metadata(element, rule, order); break;
    default: mark(element, rule, order);
  }
}

void DomMarks::offer_metadata(const xmlNode* element, const Rule* rule, std::uint32_t order) {
  // Matches arrive in document order per rule; selectors of several rules interleave.
  const auto same_rule = std::count_if(metadata_sources_.begin(), metadata_sources_.end(),
                                       [&](const MetadataSource& source) { return source.rule == rule; });
  if (static_cast<std::size_t>(same_rule) >= kMaxSourcesPerRule) return;
  if (!metadata_sources_.empty() && metadata_sources_.back().order > order) metadata_sorted_ = false;
  metadata_sources_.push_back(MetadataSource{element, rule, order});
}

const std::vector<DomMarks::MetadataSource>& DomMarks::metadata_sources() {
  if (!metadata_sorted_) {
    std::stable_sort(metadata_sources_.begin(), metadata_sources_.end(),
                     [](const MetadataSource& a, const MetadataSource& b) { return a.order < b.order; });
    metadata_sorted_ = true;
  }
  return metadata_sources_;
}

void DomMarks::offer_root(const xmlNode* element, const Rule* rule, std::uint32_t order) {
  // Matches arrive in document order per rule, so the first offer of a rule is its first match.
  if (root_rule_ == nullptr || order < root_order_) {
    root_ = element;
    root_rule_ = rule;
    root_order_ = order;
  }
}

}  // namespace declutter
