// Matching every CSS selector of the rules against a page in one walk over its elements.
#include <algorithm>
#include <vector>

#include "html/dom_rules_impl.h"
#include "html/dom_walk.h"
#include "html/element_match.h"
#include "html/name_cache.h"
#include "text/ascii.h"

namespace declutter {
namespace {

// The walk keeps, for each compound c, how many elements on the current ancestor path
// matched c with everything left of it (counters), and the compounds each element on that
// path matched (entries, with frames marking where each element's run starts), so that a
// compound right of a descendant or child combinator is tried only when its left side holds.
// Linear in the tree, however deep it is.
class SelectorWalk {
 public:
  SelectorWalk(const CompiledDomRules& rules, DomMarks& marks, xmlXPathContext* per_element_context)
      : rules_(rules), marks_(marks), counters_(marks.counters), entries_(marks.entries), frames_(marks.frames),
        context_(per_element_context), root_found_(rules.selectors.size(), 0) {
    counters_.assign(rules.compounds.size(), 0);
    entries_.clear();
    frames_.clear();
    tag_keys_.clear();
    attribute_keys_.clear();
  }

  // Matches `node` (and returns whether to descend into it).
  bool enter(xmlNode* node) {
    if (node->type != XML_ELEMENT_NODE) return false;
    parent_begin_ = frames_.empty() ? 0 : frames_.back();
    own_begin_ = static_cast<std::uint32_t>(entries_.size());
    frames_.push_back(own_begin_);
    read_view(node);
    if (view_.has_id) consider_all(rules_.by_id, view_.id, node);
    if (!rules_.by_class.empty()) consider_classes(node);
    if (!rules_.by_attribute.empty() || !rules_.by_substring.empty()) consider_attributes(node);
    if (context_ != nullptr) match_per_element_xpaths(node);
    const auto* tag_flats =
        tag_keys_.get(node->name, [&]() -> const std::vector<std::uint32_t>* { return rules_.by_tag.find(view_.tag); });
    if (tag_flats != nullptr)
      for (std::uint32_t flat : *tag_flats) consider(flat, node);
    for (std::uint32_t flat : rules_.universal) consider(flat, node);
    record_whole_matches(node);
    return true;
  }

  // Leaves `node`: its compounds no longer hold for the elements after it.
  void leave(xmlNode* node) {
    if (node->type != XML_ELEMENT_NODE) return;
    const std::uint32_t own_begin = frames_.back();
    frames_.pop_back();
    for (std::size_t i = own_begin; i < entries_.size(); ++i) --counters_[entries_[i]];
    entries_.resize(own_begin);
  }

 private:
  // What an attribute name means to the selectors, looked up once per name and page.
  struct AttributeKeys {
    const std::vector<std::uint32_t>* by_name = nullptr;
    const SubstringIndex* substrings = nullptr;
    bool is_id = false;
    bool is_class = false;
  };

  AttributeKeys keys_of(const xmlChar* attribute_name) const {
    AttributeKeys found;
    const std::string_view name = xml_text(attribute_name);
    found.by_name = rules_.by_attribute.find(name);
    if (auto it = rules_.by_substring.find(name); it != rules_.by_substring.end()) found.substrings = &it->second;
    found.is_id = name == "id";
    found.is_class = name == "class";
    return found;
  }

  AttributeKeys attribute_keys(const xmlAttr* attribute) {
    return attribute_keys_.get(attribute->name, [&] { return keys_of(attribute->name); });
  }

  void read_view(const xmlNode* node) {
    view_ = ElementView{node_name(node), {}, {}, false};
    for (const xmlAttr* a = node->properties; a != nullptr; a = a->next) {
      const AttributeKeys keys = attribute_keys(a);
      if (keys.is_id) {
        view_.id = attribute_value(a);
        view_.has_id = true;
      } else if (keys.is_class) {
        view_.classes = attribute_value(a);
      }
    }
  }

  // Tries compound `flat` on the element being entered, once its left side holds.
  void consider(std::uint32_t flat, const xmlNode* element) {
    const CompoundRef ref = rules_.compounds[flat];
    const CompiledSelector& compiled = rules_.selectors[ref.selector];
    if (ref.index > 0) {
      const std::uint32_t previous = flat - 1;
      if (compiled.selector.combinators[ref.index - 1] == Combinator::child) {
        const auto first = entries_.begin() + parent_begin_;
        const auto last = entries_.begin() + own_begin_;
        if (std::find(first, last, previous) == last) return;
      } else if (counters_[previous] == 0) {
        return;
      }
    }
    if (std::find(entries_.begin() + own_begin_, entries_.end(), flat) != entries_.end()) return;
    if (!compound_matches(compiled.selector.compounds[ref.index], element, view_)) return;
    entries_.push_back(flat);
  }

  void consider_all(const KeyIndex& index, std::string_view key, const xmlNode* element) {
    const std::vector<std::uint32_t>* flats = index.find(key);
    if (flats == nullptr) return;
    for (std::uint32_t flat : *flats) consider(flat, element);
  }

  void consider_classes(const xmlNode* element) {
    std::string_view rest = view_.classes;
    while (!rest.empty()) {
      std::size_t start = 0;
      while (start < rest.size() && is_html_space(rest[start])) ++start;
      std::size_t end = start;
      while (end < rest.size() && !is_html_space(rest[end])) ++end;
      if (end > start) consider_all(rules_.by_class, rest.substr(start, end - start), element);
      rest.remove_prefix(end);
    }
  }

  void consider_attributes(const xmlNode* element) {
    for (const xmlAttr* a = element->properties; a != nullptr; a = a->next) {
      const AttributeKeys keys = attribute_keys(a);
      if (keys.by_name != nullptr)
        for (std::uint32_t flat : *keys.by_name) consider(flat, element);
      if (keys.substrings != nullptr)
        keys.substrings->scan(attribute_value(a), marks_.hits, [&](std::uint32_t flat) { consider(flat, element); });
    }
  }

  // XPath rules of the form //tag[pred] (dom_rules.cpp's per_element_form), on their tag.
  void match_per_element_xpaths(xmlNode* node) {
    for (const auto& compiled : rules_.xpaths) {
      if (compiled.per_element == nullptr || compiled.tag != view_.tag) continue;
      context_->node = node;
      XPathObjectPtr result(xmlXPathCompiledEval(compiled.per_element.get(), context_));
      if (!result || result->type != XPATH_NODESET || result->nodesetval == nullptr || result->nodesetval->nodeNr == 0)
        continue;
      marks_.record(node, compiled.rule, compiled.order);
    }
  }

  // The compounds the element matched count for its descendants; a selector's last compound
  // matched is a match of the whole selector (html-root: its first only).
  void record_whole_matches(const xmlNode* node) {
    for (std::size_t i = own_begin_; i < entries_.size(); ++i) {
      const std::uint32_t flat = entries_[i];
      ++counters_[flat];
      const CompoundRef ref = rules_.compounds[flat];
      const CompiledSelector& compiled = rules_.selectors[ref.selector];
      if (ref.index + 1 != compiled.selector.compounds.size()) continue;
      if (compiled.rule->action == Action::html_root) {
        if (root_found_[ref.selector] != 0) continue;
        root_found_[ref.selector] = 1;
      }
      marks_.record(node, compiled.rule, compiled.order);
    }
  }

  const CompiledDomRules& rules_;
  DomMarks& marks_;
  std::vector<std::uint32_t>& counters_;
  std::vector<std::uint32_t>& entries_;
  std::vector<std::uint32_t>& frames_;
  xmlXPathContext* context_;  // null: no per-element XPath rules
  std::vector<char> root_found_;
  ElementView view_;
  NameCache<const std::vector<std::uint32_t>*> tag_keys_;
  NameCache<AttributeKeys> attribute_keys_;
  std::uint32_t parent_begin_ = 0;  // where the parent's compounds start in entries_
  std::uint32_t own_begin_ = 0;     // where the element's own start
};

}  // namespace

void match_selectors(const CompiledDomRules& rules, xmlDoc* doc, DomMarks& marks) {
  xmlNode* root = xmlDocGetRootElement(doc);
  const bool per_element_xpaths = std::any_of(rules.xpaths.begin(), rules.xpaths.end(),
                                              [](const CompiledXPath& x) { return x.per_element != nullptr; });
  if (root == nullptr || (rules.selectors.empty() && !per_element_xpaths)) return;
  XPathErrorSink ignored;  // evaluation errors were caught at compile time on the probe page
  XPathContextPtr context = per_element_xpaths ? make_context(doc, &ignored) : XPathContextPtr();
  SelectorWalk walk(rules, marks, context.get());
  walk_tree(
      root, [&](xmlNode* node) { return walk.enter(node); }, [&](xmlNode* node) { walk.leave(node); });
}

}  // namespace declutter
