#include "html/dom_rules.h"

#include <libxml/HTMLparser.h>
#include <libxml/xpath.h>

#include <algorithm>
#include <cctype>
#include <optional>
#include <utility>
#include <string>
#include <string_view>
#include <unordered_map>

#include "html/css_selector.h"
#include "html/dom_walk.h"
#include "html/name_cache.h"
#include "html/xml_arena.h"
#include "html/xml_doc.h"
#include "text/ascii.h"

namespace declutter {
namespace {

struct XPathCompFree {
  void operator()(xmlXPathCompExpr* p) const { xmlXPathFreeCompExpr(p); }
};
struct XPathContextFree {
  void operator()(xmlXPathContext* p) const { xmlXPathFreeContext(p); }
};
struct XPathObjectFree {
  void operator()(xmlXPathObject* p) const { xmlXPathFreeObject(p); }
};
using XPathCompPtr = std::unique_ptr<xmlXPathCompExpr, XPathCompFree>;
using XPathContextPtr = std::unique_ptr<xmlXPathContext, XPathContextFree>;
using XPathObjectPtr = std::unique_ptr<xmlXPathObject, XPathObjectFree>;

struct XPathErrorSink {
  bool set = false;
  std::string message;
  int offset = 0;

  static void receive(void* self, xmlError* error) {
    auto* sink = static_cast<XPathErrorSink*>(self);
    if (sink->set || error == nullptr) return;
    sink->set = true;
    sink->message = error->message != nullptr ? error->message : "invalid XPath";
    while (!sink->message.empty() && (sink->message.back() == '\n' || sink->message.back() == ' '))
      sink->message.pop_back();
    sink->offset = std::max(error->int1, 0);
  }
};

// A context whose errors go to `sink` instead of libxml2's global handlers.
XPathContextPtr make_context(xmlDoc* doc, XPathErrorSink* sink) {
  XPathContextPtr context(xmlXPathNewContext(doc));
  if (context && sink != nullptr) {
    context->error = &XPathErrorSink::receive;
    context->userData = sink;
  }
  return context;
}

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

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

bool has_word(std::string_view list, std::string_view word) {
  std::size_t i = 0;
  while (i < list.size()) {
    while (i < list.size() && is_space(list[i])) ++i;
    std::size_t end = i;
    while (end < list.size() && !is_space(list[end])) ++end;
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

// The attributes of one element that selector keys and compound tests look at.
struct ElementView {
  std::string_view tag;
  std::string_view id;
  std::string_view classes;
  bool has_id = false;
};

bool compound_matches(const CompoundSelector& compound, const xmlNode* element, const ElementView& view) {
  if (!compound.tag.empty() && compound.tag != view.tag) return false;
  for (const auto& id : compound.ids)
    if (!view.has_id || view.id != id) return false;
  for (const auto& name : compound.classes)
    if (!has_word(view.classes, name)) return false;
  for (const auto& test : compound.attributes)
    if (!attribute_matches(test, element)) return false;
  return true;
}

struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
};
// Compound lists by key (a class, an id, ...), behind a cheap filter on (length, first and
// last byte): most class tokens on a page key no rule and are turned away without hashing.
class KeyIndex {
 public:
  using Map = std::unordered_map<std::string, std::vector<std::uint32_t>, StringHash, std::equal_to<>>;
  std::vector<std::uint32_t>& operator[](const std::string& key) {
    if (!key.empty()) filter_[shape(key)] = true;
    return map_[key];
  }
  const std::vector<std::uint32_t>* find(std::string_view key) const {
    if (key.empty() || !filter_[shape(key)]) return nullptr;
    auto it = map_.find(key);
    return it == map_.end() ? nullptr : &it->second;
  }
  bool empty() const { return map_.empty(); }

 private:
  static std::size_t shape(std::string_view key) {
    const auto first = static_cast<unsigned char>(key.front());
    const auto last = static_cast<unsigned char>(key.back());
    return ((key.size() & 31U) << 10 | (first & 31U) << 5 | (last & 31U)) % kFilterBits;
  }
  static constexpr std::size_t kFilterBits = 32768;
  Map map_;
  std::vector<bool> filter_ = std::vector<bool>(kFilterBits, false);
};

// The needles of [attr*=needle] tests on one attribute, found in one pass over a value:
// a bigram filter rejects almost every position before any comparison runs.
class SubstringIndex {
 public:
  void add(const std::string& needle, std::uint32_t flat) {
    for (std::size_t i = 0; i < needles_.size(); ++i)
      if (needles_[i] == needle) {
        flats_[i].push_back(flat);
        return;
      }
    const auto index = static_cast<std::uint32_t>(needles_.size());
    needles_.push_back(needle);
    flats_.push_back({flat});
    if (needle.size() == 1) {
      short_needles_.push_back(index);
    } else {
      const std::uint16_t key = bigram(needle[0], needle[1]);
      seen_bigrams_[key] = true;
      by_bigram_[key].push_back(index);
    }
  }

  // Calls found(flat) for every compound whose needle occurs in `value` (once per needle).
  template <typename Found>
  void scan(std::string_view value, std::vector<std::uint32_t>& hits, Found&& found) const {
    hits.clear();
    for (std::uint32_t index : short_needles_)
      if (value.find(needles_[index][0]) != std::string_view::npos) hits.push_back(index);
    for (std::size_t i = 0; i + 1 < value.size(); ++i) {
      const std::uint16_t key = bigram(value[i], value[i + 1]);
      if (!seen_bigrams_[key]) continue;
      for (std::uint32_t index : by_bigram_.at(key)) {
        const std::string& needle = needles_[index];
        if (value.compare(i, needle.size(), needle) == 0 && std::find(hits.begin(), hits.end(), index) == hits.end())
          hits.push_back(index);
      }
    }
    for (std::uint32_t index : hits)
      for (std::uint32_t flat : flats_[index]) found(flat);
  }

 private:
  static std::uint16_t bigram(char a, char b) {
    return static_cast<std::uint16_t>((static_cast<unsigned char>(a) << 8) | static_cast<unsigned char>(b));
  }
  std::vector<std::string> needles_;
  std::vector<std::vector<std::uint32_t>> flats_;
  std::vector<std::uint32_t> short_needles_;
  std::vector<bool> seen_bigrams_ = std::vector<bool>(65536, false);
  std::unordered_map<std::uint16_t, std::vector<std::uint32_t>> by_bigram_;
};

// "//tag[pred]..." without positional predicates selects exactly the tag elements for which
// "self::tag[pred]..." holds, so such rules are tried only on the tag elements the selector
// walk meets, not by a separate walk over the whole page. Returns the tag and the self::
// form, or nothing when the expression has another shape.
std::optional<std::pair<std::string, std::string>> per_element_form(std::string_view xpath) {
  while (!xpath.empty() && is_space(xpath.back())) xpath.remove_suffix(1);
  while (!xpath.empty() && is_space(xpath.front())) xpath.remove_prefix(1);
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
        while (next < predicates.size() && is_space(predicates[next])) ++next;
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

SourceLoc shifted(const SourceLoc& at, std::size_t offset) {
  SourceLoc out = at;
  if (out.column != 0) out.column += static_cast<std::uint32_t>(offset);
  return out;
}

}  // namespace

struct DomRules::Impl {
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

  void match_selectors(xmlDoc* doc, DomMarks& marks) const;
  void match_xpaths(xmlDoc* doc, DomMarks& marks) const;
};

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

void DomRules::Impl::match_selectors(xmlDoc* doc, DomMarks& marks) const {
  xmlNode* root = xmlDocGetRootElement(doc);
  const bool per_element_xpaths =
      std::any_of(xpaths.begin(), xpaths.end(), [](const CompiledXPath& x) { return x.per_element != nullptr; });
  if (root == nullptr || (selectors.empty() && !per_element_xpaths)) return;
  XPathErrorSink ignored;
  XPathContextPtr context = per_element_xpaths ? make_context(doc, &ignored) : XPathContextPtr();
  // counters[c]: how many elements on the current ancestor path matched compound c with
  // everything left of it; entries: those compounds, element by element (frames mark where
  // each element's run starts). One walk, linear in the tree, however deep it is.
  auto& counters = marks.counters;
  auto& entries = marks.entries;
  auto& frames = marks.frames;
  counters.assign(compounds.size(), 0);
  entries.clear();
  frames.clear();
  std::vector<char> root_found(selectors.size(), 0);

  ElementView view;
  // What an attribute name means to the selectors, looked up once per name and page.
  struct AttributeKeys {
    const std::vector<std::uint32_t>* by_name = nullptr;
    const SubstringIndex* substrings = nullptr;
    bool is_id = false;
    bool is_class = false;
  };
  const auto keys_of = [&](const xmlChar* attribute_name) {
    AttributeKeys found;
    const std::string_view name = xml_text(attribute_name);
    found.by_name = by_attribute.find(name);
    if (auto it = by_substring.find(name); it != by_substring.end()) found.substrings = &it->second;
    found.is_id = name == "id";
    found.is_class = name == "class";
    return found;
  };
  NameCache<const std::vector<std::uint32_t>*> tag_keys;
  NameCache<AttributeKeys> attribute_keys;
  tag_keys.clear();
  attribute_keys.clear();
  const auto consider = [&](std::uint32_t flat, const xmlNode* element, std::uint32_t parent_begin,
                            std::uint32_t own_begin) {
    const CompoundRef ref = compounds[flat];
    const CompiledSelector& compiled = selectors[ref.selector];
    if (ref.index > 0) {
      const std::uint32_t previous = flat - 1;
      if (compiled.selector.combinators[ref.index - 1] == Combinator::child) {
        const auto first = entries.begin() + parent_begin;
        const auto last = entries.begin() + own_begin;
        if (std::find(first, last, previous) == last) return;
      } else if (counters[previous] == 0) {
        return;
      }
    }
    if (std::find(entries.begin() + own_begin, entries.end(), flat) != entries.end()) return;
    if (!compound_matches(compiled.selector.compounds[ref.index], element, view)) return;
    entries.push_back(flat);
  };
  const auto consider_all = [&](const KeyIndex& index, std::string_view key, const xmlNode* element,
                                std::uint32_t parent_begin, std::uint32_t own_begin) {
    const std::vector<std::uint32_t>* flats = index.find(key);
    if (flats == nullptr) return;
    for (std::uint32_t flat : *flats) consider(flat, element, parent_begin, own_begin);
  };

  walk_tree(
      root,
      [&](xmlNode* node) {
        if (node->type != XML_ELEMENT_NODE) return false;
        const std::uint32_t parent_begin = frames.empty() ? 0 : frames.back();
        const auto own_begin = static_cast<std::uint32_t>(entries.size());
        frames.push_back(own_begin);
        view = ElementView{node_name(node), {}, {}, false};
        for (const xmlAttr* a = node->properties; a != nullptr; a = a->next) {
          const AttributeKeys keys = attribute_keys.get(a->name, [&] { return keys_of(a->name); });
          if (keys.is_id) {
            view.id = attribute_value(a);
            view.has_id = true;
          } else if (keys.is_class) {
            view.classes = attribute_value(a);
          }
        }
        if (view.has_id) consider_all(by_id, view.id, node, parent_begin, own_begin);
        if (!by_class.empty()) {
          std::string_view rest = view.classes;
          while (!rest.empty()) {
            std::size_t start = 0;
            while (start < rest.size() && is_space(rest[start])) ++start;
            std::size_t end = start;
            while (end < rest.size() && !is_space(rest[end])) ++end;
            if (end > start) consider_all(by_class, rest.substr(start, end - start), node, parent_begin, own_begin);
            rest.remove_prefix(end);
          }
        }
        if (!by_attribute.empty() || !by_substring.empty())
          for (const xmlAttr* a = node->properties; a != nullptr; a = a->next) {
            const AttributeKeys keys = attribute_keys.get(a->name, [&] { return keys_of(a->name); });
            if (keys.by_name != nullptr)
              for (std::uint32_t flat : *keys.by_name) consider(flat, node, parent_begin, own_begin);
            if (keys.substrings != nullptr)
              keys.substrings->scan(attribute_value(a), marks.hits,
                                    [&](std::uint32_t flat) { consider(flat, node, parent_begin, own_begin); });
          }
        if (per_element_xpaths)
          for (const auto& compiled : xpaths) {
            if (compiled.per_element == nullptr || compiled.tag != view.tag) continue;
            context->node = node;
            XPathObjectPtr result(xmlXPathCompiledEval(compiled.per_element.get(), context.get()));
            if (!result || result->type != XPATH_NODESET || result->nodesetval == nullptr || result->nodesetval->nodeNr == 0)
              continue;
            marks.record(node, compiled.rule, compiled.order);
          }
        const auto* tag_flats = tag_keys.get(node->name, [&]() -> const std::vector<std::uint32_t>* {
          return by_tag.find(view.tag);
        });
        if (tag_flats != nullptr)
          for (std::uint32_t flat : *tag_flats) consider(flat, node, parent_begin, own_begin);
        for (std::uint32_t flat : universal) consider(flat, node, parent_begin, own_begin);

        for (std::size_t i = own_begin; i < entries.size(); ++i) {
          const std::uint32_t flat = entries[i];
          ++counters[flat];
          const CompoundRef ref = compounds[flat];
          const CompiledSelector& compiled = selectors[ref.selector];
          if (ref.index + 1 != compiled.selector.compounds.size()) continue;
          if (compiled.rule->action == Action::html_root) {
            if (root_found[ref.selector] != 0) continue;
            root_found[ref.selector] = 1;
          }
          marks.record(node, compiled.rule, compiled.order);
        }
        return true;
      },
      [&](xmlNode* node) {
        if (node->type != XML_ELEMENT_NODE) return;
        const std::uint32_t own_begin = frames.back();
        frames.pop_back();
        for (std::size_t i = own_begin; i < entries.size(); ++i) --counters[entries[i]];
        entries.resize(own_begin);
      });
}

void DomRules::Impl::match_xpaths(xmlDoc* doc, DomMarks& marks) const {
  if (!whole_page_xpaths) return;
  xmlXPathOrderDocElems(doc);  // document order in O(1) when node-sets are sorted
  XPathErrorSink ignored;  // evaluation errors were caught at compile time on the probe page
  XPathContextPtr context = make_context(doc, &ignored);
  if (!context) return;
  for (const auto& compiled : xpaths) {
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
  impl_->match_selectors(doc, marks);
  impl_->match_xpaths(doc, marks);
}

}  // namespace declutter
