#pragma once
// CSS subset -> XPath 1.0, the documented meaning of every selector rule: `--explain` and
// the tests use it, and the native matcher in dom_rules.cpp must agree with it.
#include <optional>
#include <string>
#include <string_view>

#include "html/css_selector.h"

namespace declutter {

std::string selector_to_xpath(const SelectorList& selectors);

// Parses and translates; on unsupported syntax fills `error` (offset into `css`).
std::optional<std::string> css_to_xpath(std::string_view css, SelectorError& error);

// An XPath 1.0 string literal for any text (XPath has no escapes; mixed quotes need concat).
std::string xpath_literal(std::string_view text);

}  // namespace declutter
