#pragma once
// The one tree both HTML parsers produce: a libxml2 document, owned through XmlDocPtr, so
// DOM rules (XPath) and the block builder never care which parser ran.
#include <libxml/tree.h>

#include <memory>

namespace declutter {

struct XmlDocFree {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
using XmlDocPtr = std::unique_ptr<xmlDoc, XmlDocFree>;

// Makes `child` (in no list) the last child of `parent`. By hand, not with xmlAddChild, which
// merges a text node into the one before it (allocating) and walks to the end of the list.
inline void append_child(xmlNode* parent, xmlNode* child) {
  child->parent = parent;
  child->doc = parent->doc;
  child->prev = parent->last;
  child->next = nullptr;
  if (parent->last == nullptr) {
    parent->children = child;
  } else {
    parent->last->next = child;
  }
  parent->last = child;
}

// Safe to call from any thread, any number of times; libxml2 must be initialised once
// before threads parse concurrently.
void ensure_libxml2_initialised();

}  // namespace declutter
