#include "html/css_to_xpath.h"

#include <initializer_list>

namespace declutter {
namespace {

// Appending piecewise (rather than "lit" + string) also sidesteps a GCC 12 -Wrestrict bug.
std::string join(std::initializer_list<std::string_view> pieces) {
  std::string out;
  for (std::string_view piece : pieces) out.append(piece);
  return out;
}

// `attribute` (an XPath expression), its ASCII letters in lower case when `caseless`.
std::string folded(std::string_view attribute, bool caseless) {
  if (!caseless) return std::string(attribute);
  return join({"translate(", attribute, ",'ABCDEFGHIJKLMNOPQRSTUVWXYZ','abcdefghijklmnopqrstuvwxyz')"});
}

std::string word_test(std::string_view attribute, std::string_view word, bool caseless = false) {
  std::string padded = join({" ", word, " "});
  return join({"contains(concat(' ',normalize-space(", folded(join({"@", attribute}), caseless), "),' '),",
               xpath_literal(padded), ")"});
}

std::string attribute_test(const AttributeTest& test) {
  const std::string at = folded(join({"@", test.name}), test.caseless);
  const std::string value = xpath_literal(test.value);
  using Op = AttributeTest::Op;
  // CSS: an empty value never matches for *=, ^=, $= and ~=.
  if (test.op != Op::exists && test.op != Op::equals && test.value.empty()) return "false()";
  switch (test.op) {
    case Op::exists: return join({"@", test.name});  // presence has no case to fold
    case Op::equals: return join({at, "=", value});
    case Op::contains: return join({"contains(", at, ",", value, ")"});
    case Op::prefix: return join({"starts-with(", at, ",", value, ")"});
    case Op::suffix: {
      const std::string back = std::to_string(test.value.size() - 1);
      return join({"substring(", at, ",string-length(", at, ")-", back, ")=", value});
    }
    case Op::word:
      if (test.value.find_first_of(" \t\n\r\f") != std::string::npos) return "false()";
      return word_test(test.name, test.value, test.caseless);
  }
  return "false()";
}

std::string compound_to_xpath(const CompoundSelector& compound) {
  std::string out = compound.tag.empty() ? "*" : compound.tag;
  for (const auto& id : compound.ids) out.append(join({"[@id=", xpath_literal(id), "]"}));
  for (const auto& name : compound.classes) out.append(join({"[", word_test("class", name), "]"}));
  for (const auto& test : compound.attributes) out.append(join({"[", attribute_test(test), "]"}));
  for (const auto& tag : compound.holds) out.append(join({"[.//", tag, "]"}));
  for (const auto& tag : compound.lacks) out.append(join({"[not(.//", tag, ")]"}));
  return out;
}

}  // namespace

std::string xpath_literal(std::string_view text) {
  if (text.find('\'') == std::string_view::npos) return join({"'", text, "'"});
  if (text.find('"') == std::string_view::npos) return join({"\"", text, "\""});
  std::string out = "concat(";
  std::size_t start = 0;
  while (true) {
    const std::size_t quote = text.find('\'', start);
    const std::string_view piece = text.substr(start, quote == std::string_view::npos ? std::string_view::npos : quote - start);
    if (!piece.empty()) out.append(join({"'", piece, "',"}));
    if (quote == std::string_view::npos) break;
    out.append("\"'\",");
    start = quote + 1;
  }
  out.back() = ')';
  return out;
}

std::string selector_to_xpath(const SelectorList& selectors) {
  std::string out;
  for (const auto& complex : selectors) {
    if (!out.empty()) out.append(" | ");
    for (std::size_t i = 0; i < complex.compounds.size(); ++i) {
      out.append(i == 0 || complex.combinators[i - 1] == Combinator::descendant ? "//" : "/");
      out.append(compound_to_xpath(complex.compounds[i]));
    }
  }
  return out;
}

std::optional<std::string> css_to_xpath(std::string_view css, SelectorError& error) {
  auto selectors = parse_selector(css, error);
  if (!selectors) return std::nullopt;
  return selector_to_xpath(*selectors);
}

}  // namespace declutter
