#pragma once
// Pre-order walks over a libxml2 tree without recursion or an explicit stack: the tree's
// parent and sibling pointers are the stack, so 100,000 levels of nesting cost nothing.
#include <libxml/tree.h>

#include <string_view>

namespace declutter {

// Calls enter(node) for every node under and including `root` in document order; when it
// returns true and the node is an element, its children are visited. exit(node) follows
// once the node's subtree is done (also for nodes whose children were skipped).
template <typename Enter, typename Exit>
void walk_tree(xmlNode* root, Enter&& enter, Exit&& exit) {
  xmlNode* node = root;
  while (node != nullptr) {
    const bool descend = enter(node);
    if (descend && node->type == XML_ELEMENT_NODE && node->children != nullptr) {
      node = node->children;
      continue;
    }
    while (true) {
      exit(node);
      if (node == root) return;
      if (node->next != nullptr) {
        node = node->next;
        break;
      }
      node = node->parent;
    }
  }
}

inline std::string_view node_name(const xmlNode* node) {
  return node->name != nullptr ? std::string_view(reinterpret_cast<const char*>(node->name)) : std::string_view();
}

inline std::string_view xml_text(const xmlChar* text) {
  return text != nullptr ? std::string_view(reinterpret_cast<const char*>(text)) : std::string_view();
}

// The value of an attribute node as both parsers store it: one text child (or none).
inline std::string_view attribute_value(const xmlAttr* attribute) {
  const xmlNode* child = attribute->children;
  return child != nullptr && child->type == XML_TEXT_NODE ? xml_text(child->content) : std::string_view();
}

// The value of the named attribute, or nothing when the element lacks it.
inline bool find_attribute(const xmlNode* element, std::string_view name, std::string_view& value) {
  for (const xmlAttr* a = element->properties; a != nullptr; a = a->next) {
    if (xml_text(a->name) == name) {
      value = attribute_value(a);
      return true;
    }
  }
  return false;
}

}  // namespace declutter
