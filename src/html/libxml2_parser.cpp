#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/parser.h>

#include <algorithm>
#include <climits>
#include <mutex>

#include "html/dom_walk.h"
#include "html/parsers.h"
#include "html/xml_arena.h"

namespace declutter {
namespace {

xmlNode* child_element(xmlNode* parent, std::string_view name) {
  for (xmlNode* child = parent->children; child != nullptr; child = child->next)
    if (child->type == XML_ELEMENT_NODE && node_name(child) == name) return child;
  return nullptr;
}

// libxml2's parser ends the document at the first </html>: a later <html> (pages joined into
// one, a CMS that writes a second document after the first) becomes a second root element,
// which every walk from the root misses. HTML5 parsers (Gumbo, browsers) put what follows
// into the body; so does this. A later <html>'s <head> and <body> are wrappers: their
// children are what moves.
void move_later_roots_into_body(xmlDoc* doc) {
  xmlNode* const root = xmlDocGetRootElement(doc);
  if (root == nullptr) return;
  xmlNode* body = child_element(root, "body");
  if (body == nullptr) body = root;
  for (xmlNode* node = root->next; node != nullptr;) {
    xmlNode* const next_root = node->next;
    if (node->type == XML_ELEMENT_NODE) {
      xmlUnlinkNode(node);
      const bool wrapper = node_name(node) == "html";
      for (xmlNode* part = wrapper ? node->children : node; part != nullptr;) {
        xmlNode* const next_part = wrapper ? part->next : nullptr;
        const std::string_view name = part->type == XML_ELEMENT_NODE ? node_name(part) : std::string_view();
        if (name == "head" || name == "body") {
          for (xmlNode* child = part->children; child != nullptr;) {
            xmlNode* const next_child = child->next;
            append_child(body, child);
            child = next_child;
          }
          part->children = part->last = nullptr;
        } else {
          append_child(body, part);
        }
        part = next_part;
      }
      if (wrapper) node->children = node->last = nullptr;
    }
    node = next_root;
  }
}

}  // namespace

void ensure_libxml2_initialised() {
  static std::once_flag once;
  std::call_once(once, [] {
    install_xml_allocator();
    XmlArena::HeapAllocations global_tables;  // they outlive any page's arena
    xmlInitParser();
  });
}

XmlDocPtr parse_with_libxml2(std::string_view utf8_html) {
  ensure_libxml2_initialised();
  // HUGE lifts the 256-level depth limit (past it, recovery mode silently stops parsing and
  // the rest of the page is lost); IGNORE_ENC keeps libxml2 from re-decoding our UTF-8
  // because of a <meta charset> that described the original bytes.
  constexpr int kOptions = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                           HTML_PARSE_NONET | HTML_PARSE_COMPACT | HTML_PARSE_IGNORE_ENC | XML_PARSE_HUGE;
  // libxml2 takes an int size; a page past 2 GB is cut there rather than rejected.
  const int size = utf8_html.size() > static_cast<std::size_t>(INT_MAX) ? INT_MAX : static_cast<int>(utf8_html.size());
  XmlDocPtr doc(htmlReadMemory(utf8_html.data(), size, nullptr, "UTF-8", kOptions));
  if (!doc) doc.reset(htmlNewDocNoDtD(nullptr, nullptr));  // empty input
  move_later_roots_into_body(doc.get());
  return doc;
}

namespace {

// Gumbo's tree construction scans the stack of open elements for many start and end tags,
// so its time grows with the square of the nesting depth (100,000 nested <div>s take half a
// minute). Real pages nest a few dozen levels; past this bound the page goes to libxml2,
// whose parser stays linear.
constexpr std::size_t kGumboMaxNesting = 4096;

bool is_void_element(std::string_view rest) {
  static constexpr std::string_view kVoid[] = {"br", "img", "input", "meta", "link", "hr", "wbr", "area",
                                               "base", "col", "embed", "param", "source", "track"};
  for (std::string_view tag : kVoid) {
    if (rest.size() <= tag.size()) continue;
    bool same = true;
    for (std::size_t i = 0; i < tag.size() && same; ++i)
      same = static_cast<char>(rest[i] | 0x20) == tag[i];
    const char after = rest[tag.size()];
    if (same && (after == '>' || after == ' ' || after == '/' || after == '\t' || after == '\n')) return true;
  }
  return false;
}

}  // namespace

// An upper estimate of the element nesting: start tags that are not void, minus end tags.
std::size_t estimate_nesting(std::string_view html) {
  std::size_t depth = 0;
  std::size_t deepest = 0;
  for (std::size_t at = html.find('<'); at != std::string_view::npos; at = html.find('<', at + 1)) {
    if (at + 1 >= html.size()) break;
    const char next = html[at + 1];
    if (next == '/') {
      if (depth > 0) --depth;
    } else if ((next | 0x20) >= 'a' && (next | 0x20) <= 'z' && !is_void_element(html.substr(at + 1))) {
      deepest = std::max(deepest, ++depth);
    }
  }
  return deepest;
}

XmlDocPtr parse_html(std::string_view utf8_html, HtmlParser parser) {
  if (parser == HtmlParser::gumbo && estimate_nesting(utf8_html) <= kGumboMaxNesting) return parse_with_gumbo(utf8_html);
  return parse_with_libxml2(utf8_html);
}

}  // namespace declutter
