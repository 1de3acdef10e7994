#pragma once
// Pages for the metadata rules' tests (html-date, html-author): one page read under a list of
// DOM rules by both parsers.
#include <string>
#include <vector>

#include "html/html_front_end.h"
#include "test_support.h"

namespace declutter::testing {

// Reads <html><head>HEAD</head><body>BODY</body></html> under the DOM rules of `rule_text`
// with `words`, by libxml2 and by Gumbo, and returns inspect(libxml2's document, Gumbo's), called
// while the rules live: the documents point at the rule that read each value.
template <class Inspect>
auto read_with_both_parsers(const std::string& head, const std::string& body, const std::string& rule_text,
                            const MetadataWords& words, Inspect inspect) {
  RuleList rules(rule_text);
  REQUIRE_FALSE(rules.diagnostics.has_errors());
  std::vector<const Rule*> all;
  for (const auto& rule : rules.file.rules) all.push_back(&rule);
  Diagnostics diagnostics;
  const DomRules compiled = DomRules::compile(all, diagnostics);
  REQUIRE_FALSE(diagnostics.has_errors());
  const std::string page = "<html><head>" + head + "</head><body>" + body + "</body></html>";
  Document libxml2;
  Document gumbo;
  build_html_document(page, HtmlParser::libxml2, compiled, libxml2, words);
  build_html_document(page, HtmlParser::gumbo, compiled, gumbo, words);
  return inspect(libxml2, gumbo);
}

}  // namespace declutter::testing
