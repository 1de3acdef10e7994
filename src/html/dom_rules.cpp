#include "html/dom_rules.h"

#include <libxml/HTMLparser.h>
#include <libxml/xpath.h>

#include <algorithm>
#include <cctype>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "html/dom_rules_impl.h"
#include "html/xml_arena.h"
#include "html/xml_doc.h"
#include "text/ascii.h"

namespace declutter {
namespace {

// A small page each XPath rule is tried on once at compile time, to reject expressions that
// do not select nodes and to report evaluation errors (unknown functions) up front.
XmlDocPtr probe_document() {
  static constexpr std::string_view kProbe =
      "<html><head><title>t</title></head><body><div id='i' class='c'><p>t</p></div></body></html>";
  ensure_libxml2_initialised();
  return XmlDocPtr(htmlReadMemory(kProbe.data(), static_cast<int>(kProbe.size()), nullptr, "UTF-8",
                                  HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET));
}

std::string_view result_type_name(xmlXPathObjectType type) {
  switch (type) {
    case XPATH_BOOLEAN: return "a boolean";
    case XPATH_NUMBER: return "a number";
    case XPATH_STRING: return "a string";
    default: return "no node-set";
  }
}

// "//tag[pred]..." without positional predicates selects exactly the tag elements for which
// "self::tag[pred]..." holds, so such rules are tried only on the tag elements the selector
// walk meets, not by a separate walk over the whole page. Returns the tag and the self::
// form, or nothing when the expression has another shape.
std::optional<std::pair<std::string, std::string>> per_element_form(std::string_view xpath) {
  while (!xpath.empty() && is_html_space(xpath.back())) xpath.remove_suffix(1);
  while (!xpath.empty() && is_html_space(xpath.front())) xpath.remove_prefix(1);
  if (xpath.substr(0, 2) != "//") return std::nullopt;
  std::size_t i = 2;
  while (i < xpath.size() && (std::isalnum(static_cast<unsigned char>(xpath[i])) != 0 || xpath[i] == '-')) ++i;
  if (i == 2 || std::isalpha(static_cast<unsigned char>(xpath[2])) == 0) return std::nullopt;
  const std::string tag(xpath.substr(2, i - 2));
  if (std::any_of(tag.begin(), tag.end(), [](char c) { return std::isupper(static_cast<unsigned char>(c)) != 0; }))
    return std::nullopt;
  const std::string_view predicates = xpath.substr(i);
  if (predicates.find("position(") != std::string_view::npos || predicates.find("last(") != std::string_view::npos)
    return std::nullopt;
  int depth = 0;
  char quote = 0;
  for (std::size_t k = 0; k < predicates.size(); ++k) {
    const char c = predicates[k];
    if (quote != 0) {
      if (c == quote) quote = 0;
      continue;
    }
    if (c == '\'' || c == '"') {
      quote = c;
    } else if (c == '[') {
      if (depth == 0) {
        std::size_t next = k + 1;
        while (next < predicates.size() && is_html_space(predicates[next])) ++next;
        if (next < predicates.size() && std::isdigit(static_cast<unsigned char>(predicates[next])) != 0)
          return std::nullopt;  // [1]: positional
      }
      ++depth;
    } else if (c == ']') {
      if (--depth < 0) return std::nullopt;
    } else if (depth == 0) {
      return std::nullopt;  // a step, an operator or a union outside the predicates
    }
  }
  if (depth != 0 || quote != 0) return std::nullopt;
  return std::make_pair(tag, "self::" + tag + std::string(predicates));
}

SourceLoc shifted(const SourceLoc& at, std::size_t offset) {
  SourceLoc out = at;
  if (out.column != 0) out.column += static_cast<std::uint32_t>(offset);
  return out;
}

}  // namespace

bool xpath_runs_in_walk(std::string_view xpath) { return per_element_form(xpath).has_value(); }

void match_xpaths(const CompiledDomRules& rules, xmlDoc* doc, DomMarks& marks) {
  if (!rules.whole_page_xpaths) return;
  xmlXPathOrderDocElems(doc);  // document order in O(1) when node-sets are sorted
  XPathErrorSink ignored;  // evaluation errors were caught at compile time on the probe page
  XPathContextPtr context = make_context(doc, &ignored);
  if (!context) return;
  for (const auto& compiled : rules.xpaths) {
    if (compiled.per_element != nullptr) continue;
    context->node = reinterpret_cast<xmlNode*>(doc);
    XPathObjectPtr result(xmlXPathCompiledEval(compiled.expression.get(), context.get()));
    if (!result || result->type != XPATH_NODESET || result->nodesetval == nullptr) continue;
    const xmlNodeSet* nodes = result->nodesetval;
    for (int i = 0; i < nodes->nodeNr; ++i) {
      const xmlNode* node = nodes->nodeTab[i];
      if (node->type != XML_ELEMENT_NODE) continue;
      marks.record(node, compiled.rule, compiled.order);
      if (compiled.rule->action == Action::html_root) break;  // node-sets come sorted in document order
    }
  }
}

DomRules::DomRules() : impl_(std::make_unique<Impl>()) {}
DomRules::~DomRules() = default;
DomRules::DomRules(DomRules&&) noexcept = default;
DomRules& DomRules::operator=(DomRules&&) noexcept = default;

DomRules DomRules::compile(std::span<const Rule* const> rules, Diagnostics& diags) {
  DomRules out;
  Impl& impl = *out.impl_;
  XmlDocPtr probe;
  std::uint32_t order = 0;
  for (const Rule* rule : rules) {
    ++order;
    if (!is_dom_action(rule->action)) continue;
    if (rule->match == MatchKind::selector) {
      SelectorError error;
      auto parsed = parse_selector(rule->pattern, error);
      if (!parsed) {
        diags.error(shifted(rule->origin, error.offset), "bad selector: " + error.message);
        continue;
      }
      for (auto& complex : *parsed) impl.add_selector(rule, order, std::move(complex));
    } else if (rule->match == MatchKind::xpath) {
      ensure_libxml2_initialised();
      if (!probe) probe = probe_document();
      XPathErrorSink sink;
      XPathContextPtr context = make_context(probe.get(), &sink);
      XPathCompPtr expression(xmlXPathCtxtCompile(context.get(), reinterpret_cast<const xmlChar*>(rule->pattern.c_str())));
      if (!expression) {
        diags.error(shifted(rule->origin, static_cast<std::size_t>(sink.offset)),
                    "bad XPath: " + (sink.set ? sink.message : std::string("cannot compile expression")));
        continue;
      }
      context->node = reinterpret_cast<xmlNode*>(probe.get());
      XPathObjectPtr result(xmlXPathCompiledEval(expression.get(), context.get()));
      if (!result || sink.set) {
        diags.error(rule->origin, "bad XPath: " + (sink.set ? sink.message : std::string("evaluation failed")));
        continue;
      }
      if (result->type != XPATH_NODESET) {
        diags.error(rule->origin, "XPath must select elements, but this one yields " +
                                      std::string(result_type_name(result->type)));
        continue;
      }
      CompiledXPath compiled{rule, order, std::move(expression), {}, nullptr};
      if (auto form = per_element_form(rule->pattern)) {
        compiled.per_element.reset(xmlXPathCtxtCompile(context.get(), reinterpret_cast<const xmlChar*>(form->second.c_str())));
        if (compiled.per_element != nullptr) compiled.tag = form->first;
      }
      impl.whole_page_xpaths = impl.whole_page_xpaths || compiled.per_element == nullptr;
      impl.xpaths.push_back(std::move(compiled));
    } else {
      diags.error(rule->origin, "html rules take a CSS selector or xpath:EXPRESSION");
    }
  }
  return out;
}

bool DomRules::empty() const { return impl_->selectors.empty() && impl_->xpaths.empty(); }

std::size_t DomRules::rule_count() const { return impl_->selectors.size() + impl_->xpaths.size(); }

void DomRules::apply(xmlDoc* doc, DomMarks& marks) const {
  marks.clear();
  if (doc == nullptr) return;
  XmlArena::HeapAllocations xpath_memory;  // XPath objects are short-lived: heap, not the tree's arena
  match_selectors(*impl_, doc, marks);
  match_xpaths(*impl_, doc, marks);
}

}  // namespace declutter
