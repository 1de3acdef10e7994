#pragma once
// A parsed rule file: its header (site, inherit, include, set, disable) and its rules.
#include <optional>
#include <string>
#include <vector>

#include "core/source_format.h"
#include "rules/rule.h"

namespace declutter {

struct SettingLine {
  std::string name;
  std::string value;
  SourceLoc origin;
  std::optional<SourceFormat> format;  // `format=text`: documents of that format only
};

struct IncludeLine {
  std::string path;   // relative to the rules directory
  SourceLoc origin;
};

struct RuleFile {
  const std::string* path = nullptr;    // display path, owned by the catalog
  std::vector<std::string> sites;       // `site example.com`: domains this file serves
  std::vector<std::string> excluded;    // `site ~shop.example.com`
  bool inherit_common = true;           // `inherit none` opts out of the common set
  std::vector<IncludeLine> includes;
  std::vector<SettingLine> settings;
  std::vector<Rule> rules;
  std::vector<Rule> disabled;           // `disable drop "Popular"`: common rules to switch off
};

}  // namespace declutter
