#pragma once
// --format auto: is this input an HTML page or a text dump?
#include <string_view>

namespace declutter {

// True when, after a BOM, white space, comments and an XML declaration, the input opens
// with a doctype or a tag that pages start with (<html>, <head>, <body>, <div>, <p>,
// <meta>, <article>, ...). Only the start counts: a text dump that quotes "<p>" further
// down is still text.
bool looks_like_html(std::string_view head);

}  // namespace declutter
