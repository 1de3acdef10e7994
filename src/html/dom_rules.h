#pragma once
// DOM rules (html-drop, html-keep, html-root, html-date) compiled once and applied to each
// parsed page.
// Applying marks elements in a side table and changes nothing in the tree: the block
// builder still produces the text of dropped elements, with verdict drop and the deciding
// rule, so --explain can say why it went.
//
// html-drop never applies to <html> or <body>: their classes describe the page, not a box.
//
// Selectors are matched natively in one walk over the tree (rules are indexed by the id,
// class, attribute or tag their last compound needs, so an element is tested only against
// rules that could match it); their XPath translation (css_to_xpath.h) is the documented
// meaning, and the tests check both agree. Raw `xpath:` rules are evaluated by libxml2.
#include <libxml/tree.h>

#include <cstdint>
#include <memory>
#include <span>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/diagnostic.h"
#include "rules/rule.h"

namespace declutter {

// Whether an `xpath:` rule is tried on the elements the selector walk meets ("//tag[pred]...",
// no positional predicate) rather than evaluated by libxml2 over the whole page in a walk of
// its own, which costs far more.
bool xpath_runs_in_walk(std::string_view xpath);

struct DomMark {
  const Rule* drop = nullptr;   // earliest html-drop rule matching the element itself
  const Rule* keep = nullptr;   // earliest html-keep rule matching the element itself
  std::uint32_t drop_order = 0;
  std::uint32_t keep_order = 0;
};

// The result of applying DomRules to one document; reusable from page to page.
class DomMarks {
 public:
  const DomMark* find(const xmlNode* element) const {
    auto it = marks_.find(element);
    return it == marks_.end() ? nullptr : &it->second;
  }
  // The element extraction is narrowed to (first match of the first html-root rule that
  // matched anything), or null.
  const xmlNode* root() const { return root_; }
  const Rule* root_rule() const { return root_rule_; }
  std::size_t size() const { return marks_.size(); }

  // Elements the metadata rules (html-date, html-author) matched, in rule order and, for
  // each rule, in document order; at most kMaxSourcesPerRule a rule (a page may have hundreds
  // of <time> elements, or a dozen JSON-LD scripts of which the sixth names the date).
  struct MetadataSource {
    const xmlNode* element;
    const Rule* rule;
    std::uint32_t order;
  };
  static constexpr std::size_t kMaxSourcesPerRule = 16;
  const std::vector<MetadataSource>& metadata_sources();

  void clear();
  // Records a match of `rule`: a mark for html-drop and html-keep, an offer for html-root and
  // the metadata rules.
  void record(const xmlNode* element, const Rule* rule, std::uint32_t order);
  void mark(const xmlNode* element, const Rule* rule, std::uint32_t order);
  void offer_root(const xmlNode* element, const Rule* rule, std::uint32_t order);
  void offer_metadata(const xmlNode* element, const Rule* rule, std::uint32_t order);

  // Scratch for the selector walk, kept here so a worker's allocations are reused.
  std::vector<std::uint32_t> counters;
  std::vector<std::uint32_t> entries;
  std::vector<std::uint32_t> frames;
  std::vector<std::uint32_t> hits;

 private:
  std::unordered_map<const xmlNode*, DomMark> marks_;
  std::vector<MetadataSource> metadata_sources_;
  bool metadata_sorted_ = true;
  const xmlNode* root_ = nullptr;
  const Rule* root_rule_ = nullptr;
  std::uint32_t root_order_ = 0;
};

class DomRules {
 public:
  DomRules();
  ~DomRules();
  DomRules(DomRules&&) noexcept;
  DomRules& operator=(DomRules&&) noexcept;

  // Compiles the rules whose action acts on the DOM (rule.h's is_dom_action; others are
  // ignored). A bad selector or XPath is reported at the rule's origin, its column moved
  // to the offending character, and left out.
  static DomRules compile(std::span<const Rule* const> rules, Diagnostics& diags);

  bool empty() const;
  std::size_t rule_count() const;

  // Thread-safe: the compiled rules are read-only; all per-page state lives in `marks`.
  void apply(xmlDoc* doc, DomMarks& marks) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace declutter
