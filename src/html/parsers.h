#pragma once
// HTML text (valid UTF-8, as html/decode.h produces) -> libxml2 document. Broken markup is
// normal input; neither parser fails on it. Character references are decoded by both.
#include <cstddef>
#include <string_view>

#include "html/xml_doc.h"
#include "pipeline/engine.h"

namespace declutter {

// libxml2's own HTML 4 parser (recovering, no network, no depth limit).
XmlDocPtr parse_with_libxml2(std::string_view utf8_html);

// Gumbo's HTML5 tree construction, converted node by node into a libxml2 document.
XmlDocPtr parse_with_gumbo(std::string_view utf8_html);

// The chosen parser; gumbo hands pathologically deep pages (see estimate_nesting) to libxml2.
XmlDocPtr parse_html(std::string_view utf8_html, HtmlParser parser);

// An upper estimate of how deeply the page's elements nest, from a scan of its tags.
std::size_t estimate_nesting(std::string_view utf8_html);

}  // namespace declutter
