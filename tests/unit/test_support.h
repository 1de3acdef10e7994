#pragma once
// Helpers for stage tests: documents from text, rules from rule-file text, kept lines.
#include <string>
#include <vector>

#include "core/document.h"
#include "rules/parser.h"
#include "text/segment.h"

namespace declutter::testing {

inline Document text_document(std::string text) {
  Document doc;
  doc.source = std::move(text);
  segment_lines(doc);
  return doc;
}

inline std::vector<std::string> kept_lines(const Document& doc) {
  std::vector<std::string> out;
  for (const auto& block : doc.blocks)
    if (block.kept()) out.emplace_back(block.text);
  return out;
}

// A regex rule built directly, without a rule file.
inline Rule regex_rule(std::string pattern, bool caseless = false) {
  Rule rule;
  rule.match = MatchKind::regex;
  rule.pattern = std::move(pattern);
  rule.caseless = caseless;
  return rule;
}

// Parsed rules that stay alive for the test; pointers for the stage constructors.
struct RuleList {
  explicit RuleList(const std::string& text) : path("test.rules") { file = parse_rule_file(&path, text, diagnostics); }
  std::vector<const Rule*> with(Action action) const {
    std::vector<const Rule*> out;
    for (const auto& rule : file.rules)
      if (rule.action == action) out.push_back(&rule);
    return out;
  }
  std::string path;
  Diagnostics diagnostics;
  RuleFile file;
};

}  // namespace declutter::testing
