#pragma once
// Parses the rule language (see rules/README.md). Every problem becomes a diagnostic with
// file:line:col; a bad line is skipped and parsing goes on, so one run reports them all.
#include <string>
#include <string_view>

#include "core/diagnostic.h"
#include "rules/rule_file.h"

namespace declutter {

RuleFile parse_rule_file(const std::string* path, std::string_view content, Diagnostics& diagnostics);

}  // namespace declutter
