#pragma once
// `declutter check` warnings: rules that load fine but are probably mistakes, or cost far
// more than they need to. The mistake checks are sound (they never warn about a rule that
// could be right); the cost checks name a cost, and a rule may be worth it:
//  - a regex that can never match a line: a character required after `$` or before `^`
//    (no multi-line mode, so both are the ends of the line), or white space required
//    right after `^` or right before `$` (regexes see the line with surrounding white
//    space trimmed);
//  - the same rule twice in one effective rule set (action, matcher and pattern equal);
//  - a slow regex: no literal first character or anchor, and a quantified group that
//    itself contains an unbounded quantifier (`(a+)+`, `(\w*\s)*`), which backtracks
//    exponentially on lines that almost match; or a leading `.*`, which turns each search
//    quadratic and is redundant in a search anyway;
//  - a costly regex: one the prefilter (regex/pattern_analysis.h) cannot rule any line out
//    for, with no literal text, length bound, rare byte class, first or last byte it
//    knows, so PCRE2 runs on every line; a backreference (`(\w+) \1`) does that to a
//    pattern. This one is about speed, not correctness.
#include <optional>
#include <string>

#include "core/diagnostic.h"
#include "rules/catalog.h"
#include "rules/rule.h"

namespace declutter {

// Why the rule's regex can never match a line, or nothing.
std::optional<std::string> regex_never_matches(const Rule& rule);
// Why the rule's regex is slow, or nothing.
std::optional<std::string> regex_is_slow(const Rule& rule);
// Why the prefilter lets every line through to the rule's regex, or nothing.
std::optional<std::string> regex_runs_on_every_line(const Rule& rule);
// Why a caseless regex whose text is in cased letters past Latin-1 gives the prefilter
// nothing to look for, or nothing when it does not or is not caseless.
std::optional<std::string> caseless_text_hides_literals(const Rule& rule);

// Adds the warnings for every rule the catalog's effective sets (common alone and each
// publisher) contain. Never adds errors.
void lint_rules(const RuleCatalog& catalog, Diagnostics& diagnostics);

}  // namespace declutter
