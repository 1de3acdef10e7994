#pragma once
// libxml2's XPath handles behind RAII, and an error sink that keeps an expression's first
// error for the rule's diagnostic instead of letting libxml2 print it.
#include <libxml/xpath.h>

#include <algorithm>
#include <memory>
#include <string>

namespace declutter {

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
inline XPathContextPtr make_context(xmlDoc* doc, XPathErrorSink* sink) {
  XPathContextPtr context(xmlXPathNewContext(doc));
  if (context && sink != nullptr) {
    context->error = &XPathErrorSink::receive;
    context->userData = sink;
  }
  return context;
}

}  // namespace declutter
