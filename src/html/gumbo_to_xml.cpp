// Gumbo -> libxml2. Gumbo allocates through a bump arena that is dropped whole afterwards:
// gumbo_destroy_output() frees nodes recursively and would overflow the stack on deeply
// nested input, and the arena is faster anyway. The conversion walks parent pointers, so
// it needs no stack either.
#include <gumbo.h>
#include <libxml/HTMLtree.h>

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "html/chunk_arena.h"
#include "html/parsers.h"

namespace declutter {
namespace {

void* gumbo_allocate(void* arena, std::size_t size) { return static_cast<ChunkArena*>(arena)->allocate(size); }
void gumbo_deallocate(void*, void*) {}

const xmlChar* as_xml(const char* text) { return reinterpret_cast<const xmlChar*>(text); }

// Gumbo lower-cases known tag names; unknown ones keep their source spelling.
const char* element_name(const GumboElement& element, std::string& scratch) {
  if (element.tag != GUMBO_TAG_UNKNOWN) return gumbo_normalized_tagname(element.tag);
  GumboStringPiece piece = element.original_tag;
  gumbo_tag_from_original_text(&piece);
  scratch.assign(piece.data, piece.length);
  std::transform(scratch.begin(), scratch.end(), scratch.begin(),
                 [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); });
  if (scratch.empty()) scratch = "unknown";
  return scratch.c_str();
}

void copy_attributes(const GumboElement& element, xmlNode* node) {
  xmlAttr* last = nullptr;
  for (unsigned i = 0; i < element.attributes.length; ++i) {
    const auto* attribute = static_cast<const GumboAttribute*>(element.attributes.data[i]);
    // Created unattached so appending stays O(1) per attribute (xmlNewProp walks the list).
    xmlAttr* prop = xmlNewNsProp(nullptr, nullptr, as_xml(attribute->name), as_xml(attribute->value));
    if (prop == nullptr) continue;
    prop->parent = node;
    prop->doc = node->doc;
    if (prop->children != nullptr) prop->children->doc = node->doc;
    if (last == nullptr) {
      node->properties = prop;
    } else {
      last->next = prop;
      prop->prev = last;
    }
    last = prop;
  }
}

xmlNode* convert_node(const GumboNode& source, xmlDoc* doc, std::string& scratch) {
  switch (source.type) {
    case GUMBO_NODE_ELEMENT:
    case GUMBO_NODE_TEMPLATE: {
      xmlNode* node = xmlNewDocNode(doc, nullptr, as_xml(element_name(source.v.element, scratch)), nullptr);
      if (node != nullptr) {
        node->line = static_cast<unsigned short>(std::min<unsigned>(source.v.element.start_pos.line, 65535));
        copy_attributes(source.v.element, node);
      }
      return node;
    }
    case GUMBO_NODE_TEXT:
    case GUMBO_NODE_WHITESPACE:
    case GUMBO_NODE_CDATA: {
      const char* text = source.v.text.text;
      return xmlNewDocText(doc, as_xml(text));
    }
    case GUMBO_NODE_COMMENT:
    case GUMBO_NODE_DOCUMENT:
      return nullptr;
  }
  return nullptr;
}

const GumboVector* children_of(const GumboNode& node) {
  if (node.type == GUMBO_NODE_ELEMENT || node.type == GUMBO_NODE_TEMPLATE) return &node.v.element.children;
  if (node.type == GUMBO_NODE_DOCUMENT) return &node.v.document.children;
  return nullptr;
}

}  // namespace

XmlDocPtr parse_with_gumbo(std::string_view utf8_html) {
  ensure_libxml2_initialised();
  ChunkArena arena;
  GumboOptions options = kGumboDefaultOptions;
  options.allocator = &gumbo_allocate;
  options.deallocator = &gumbo_deallocate;
  options.userdata = &arena;
  options.max_errors = 0;  // parse errors are normal input; recording them costs time
  const GumboOutput* output = gumbo_parse_with_options(&options, utf8_html.data(), utf8_html.size());

  XmlDocPtr doc(htmlNewDocNoDtD(nullptr, nullptr));
  doc->dict = xmlDictCreate();  // element and attribute names interned once per document
  std::string scratch;

  // Pre-order walk over Gumbo's tree by parent pointers and sibling indices; `target` is the
  // libxml2 node that mirrors the Gumbo node we are inside of.
  const GumboNode* root = output->root;
  xmlNode* root_copy = convert_node(*root, doc.get(), scratch);
  xmlDocSetRootElement(doc.get(), root_copy);
  const GumboNode* current = root;
  xmlNode* target = root_copy;
  std::size_t next_child = 0;
  while (true) {
    const GumboVector* children = children_of(*current);
    if (children != nullptr && next_child < children->length && target != nullptr) {
      const auto* child = static_cast<const GumboNode*>(children->data[next_child]);
      xmlNode* copy = convert_node(*child, doc.get(), scratch);
      if (copy != nullptr) {
        append_child(target, copy);
        if (children_of(*child) != nullptr) {
          current = child;
          target = copy;
          next_child = 0;
          continue;
        }
      }
      ++next_child;
      continue;
    }
    if (current == root) break;
    next_child = current->index_within_parent + 1;
    current = current->parent;
    target = target->parent;
  }
  return doc;
}

}  // namespace declutter
