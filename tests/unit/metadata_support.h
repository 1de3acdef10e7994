#pragma once
// Pages for the metadata rules' tests (html-date, html-author): one page read under a list of
// DOM rules by both parsers.
#include <array>
#include <string>
#include <vector>

#include "html/html_front_end.h"
#include "test_support.h"

namespace declutter::testing {

// The documents libxml2 and Gumbo (in that order) make of <html><head>HEAD</head><body>BODY
// </body></html> under the DOM rules of `rule_text`, reading with `words`.
inline std::array<Document, 2> read_with_both_parsers(const std::string& head, const std::string& body,
                                                      const std::string& rule_text, const MetadataWords& words) {
  RuleList rules(rule_text);
  REQUIRE_FALSE(rules.diagnostics.has_errors());
  std::vector<const Rule*> all;
  for (const auto& rule : rules.file.rules) all.push_back(&rule);
  Diagnostics diagnostics;
  const DomRules compiled = DomRules::compile(all, diagnostics);
  REQUIRE_FALSE(diagnostics.has_errors());
  std::array<Document, 2> documents;
  const std::string page = "<html><head>" + head + "</head><body>" + body + "</body></html>";
  build_html_document(page, HtmlParser::libxml2, compiled, documents[0], words);
  build_html_document(page, HtmlParser::gumbo, compiled, documents[1], words);
  return documents;
}

}  // namespace declutter::testing
