#pragma once
// The CSS subset DOM rules are written in, parsed into a small tree that is either
// translated to XPath (css_to_xpath.h) or matched natively in one walk (dom_rules.h).
// Supported: tag, *, .class, #id, [attr], [attr=v], [attr*=v], [attr^=v], [attr$=v],
// [attr~=v], each with the flag i (ASCII letters in either case: [name="dc.date" i]) or s,
// :has(tag) and :not(:has(tag)) (the element holds, or holds no, element of that tag at any
// depth: .teaser:has(a), .read-more:not(:has(p))), compound selectors (div.a.b#c[x]),
// descendant and child (>) combinators, and comma-separated lists. Anything else is an error
// with a byte offset.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace declutter {

struct AttributeTest {
  enum class Op { exists, equals, contains, prefix, suffix, word };
  std::string name;   // lower-case
  Op op = Op::exists;
  std::string value;  // lower-case when caseless
  bool caseless = false;  // the i flag: ASCII letters match in either case
};

struct CompoundSelector {
  std::string tag;    // lower-case; empty for * or no type selector
  std::vector<std::string> ids;
  std::vector<std::string> classes;
  std::vector<AttributeTest> attributes;
  std::vector<std::string> holds;    // :has(tag): lower-case tags some descendant must have
  std::vector<std::string> lacks;    // :not(:has(tag)): tags no descendant may have
};

enum class Combinator { descendant, child };

struct ComplexSelector {
  std::vector<CompoundSelector> compounds;  // left to right
  std::vector<Combinator> combinators;      // combinators[i] joins compounds[i] and [i + 1]
};

using SelectorList = std::vector<ComplexSelector>;

struct SelectorError {
  std::size_t offset = 0;  // byte offset into the selector text
  std::string message;
};

// A selector may chain at most this many compounds (bounds matching work per element).
constexpr std::size_t kMaxCompoundsPerSelector = 16;

std::optional<SelectorList> parse_selector(std::string_view text, SelectorError& error);

}  // namespace declutter
