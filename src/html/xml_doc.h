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

// Safe to call from any thread, any number of times; libxml2 must be initialised once
// before threads parse concurrently.
void ensure_libxml2_initialised();

}  // namespace declutter
