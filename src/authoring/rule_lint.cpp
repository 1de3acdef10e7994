#include "authoring/rule_lint.h"

#include <algorithm>
#include <memory>
#include <set>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "html/dom_rules.h"
#include "regex/pattern_analysis.h"
#include "regex/pcre.h"
#include "text/unicode.h"

namespace declutter {
namespace {

// One top-level element of a regex: what it is and how its quantifier lets it repeat.
struct Atom {
  enum class Kind { consuming, start_anchor, end_anchor, zero_width, group, alternation } kind = Kind::consuming;
  bool space = false;           // a literal space or tab (ASCII white space that trimming removes)
  std::size_t min = 1;          // least repetitions its quantifier allows
  bool unbounded = false;       // * + {n,} (not possessive)
  bool nested_unbounded = false;  // a group containing an unbounded quantifier
};

// Scans a (non-extended) pattern into top-level atoms. Groups are single atoms; nested
// unbounded quantifiers are found on the way. Returns false for syntax it does not model.
class RegexScanner {
 public:
  explicit RegexScanner(std::string_view pattern) : p_(pattern) {}

  bool scan(std::vector<Atom>& atoms, bool& nested) {
    nested = false;
    while (i_ < p_.size()) {
      Atom atom;
      if (!next_atom(atom, nested)) return false;
      atoms.push_back(atom);
    }
    return true;
  }

 private:
  bool next_atom(Atom& atom, bool& nested) {
    char c = p_[i_];
    if (c == '|') {
      ++i_;
      atom.kind = Atom::Kind::alternation;
      return true;
    }
    if (c == '^' || c == '$') {
      ++i_;
      atom.kind = c == '^' ? Atom::Kind::start_anchor : Atom::Kind::end_anchor;
      atom.min = 0;
      return quantifier(atom);
    }
    if (c == '(') return group(atom, nested);
    if (c == ')') return false;
    if (c == '[') {
      if (!skip_class()) return false;
      return quantifier(atom);
    }
    if (c == '\\') {
      if (i_ + 1 >= p_.size()) return false;
      char e = p_[i_ + 1];
      i_ += 2;
      if (e == 'b' || e == 'B' || e == 'G' || e == 'K') {
        atom.kind = Atom::Kind::zero_width;
      } else if (e == 'A') {
        atom.kind = Atom::Kind::start_anchor;
      } else if (e == 'z' || e == 'Z') {
        atom.kind = Atom::Kind::end_anchor;
      } else if (e == 'Q' || e == 'E' || e == 'x' || e == 'p' || e == 'P' || e == 'g' || e == 'k' || e == 'N' ||
                 e == 'o' || e == 'c' || (e >= '0' && e <= '9')) {
        return false;  // multi-character escapes and back-references: not modelled
      } else {
        atom.space = e == 't';
      }
      return quantifier(atom);
    }
    ++i_;
    atom.space = c == ' ' || c == '\t';
    // A multi-byte UTF-8 character is one atom.
    while (i_ < p_.size() && (static_cast<unsigned char>(p_[i_]) & 0xC0) == 0x80) ++i_;
    return quantifier(atom);
  }

  bool group(Atom& atom, bool& nested) {
    ++i_;
    bool lookaround = false;
    if (i_ < p_.size() && p_[i_] == '?') {
      std::string_view rest = p_.substr(i_);
      lookaround = rest.starts_with("?=") || rest.starts_with("?!") || rest.starts_with("?<=") ||
                   rest.starts_with("?<!");
      // (?i) and friends set options for the rest of the pattern: not modelled.
      std::size_t k = i_ + 1;
      while (k < p_.size() && ((p_[k] >= 'a' && p_[k] <= 'z') || p_[k] == '-' || p_[k] == '^')) ++k;
      if (k < p_.size() && p_[k] == ')') return false;
    }
    // Find the matching parenthesis, noting unbounded quantifiers inside.
    bool inner_unbounded = false;
    bool after_atom = false;  // the previous element can take a quantifier
    int depth = 1;
    while (i_ < p_.size() && depth > 0) {
      char c = p_[i_];
      if (c == '\\') {
        i_ += 2;
        after_atom = true;
        continue;
      }
      if (c == '[') {
        if (!skip_class()) return false;
        after_atom = true;
        continue;
      }
      ++i_;
      if (c == '(' || c == '|') {
        depth += c == '(' ? 1 : 0;
        after_atom = false;
      } else if (c == ')') {
        --depth;
        after_atom = true;
      } else if ((c == '*' || c == '+' || c == '?') && after_atom) {
        bool possessive = i_ < p_.size() && p_[i_] == '+';
        if (possessive || (i_ < p_.size() && p_[i_] == '?')) ++i_;
        if (c != '?' && !possessive) inner_unbounded = true;
        after_atom = false;
      } else if (c == '{' && after_atom && is_open_range(i_ - 1)) {
        inner_unbounded = true;
        after_atom = false;
      } else {
        after_atom = true;
      }
    }
    if (depth != 0) return false;
    atom.kind = lookaround ? Atom::Kind::zero_width : Atom::Kind::group;
    if (!quantifier(atom)) return false;
    atom.nested_unbounded = inner_unbounded;
    if (inner_unbounded && atom.unbounded) nested = true;
    return true;
  }

  bool skip_class() {
    ++i_;  // '['
    if (i_ < p_.size() && p_[i_] == '^') ++i_;
    if (i_ < p_.size() && p_[i_] == ']') ++i_;  // a leading ] is literal
    while (i_ < p_.size() && p_[i_] != ']') {
      if (p_[i_] == '\\') ++i_;
      else if (p_.substr(i_).starts_with("[:")) {
        auto end = p_.find(":]", i_ + 2);
        if (end == std::string_view::npos) return false;
        i_ = end + 1;
      }
      ++i_;
    }
    if (i_ >= p_.size()) return false;
    ++i_;  // ']'
    return true;
  }

  // `{n,}` (an unbounded counted repeat) at `at`.
  bool is_open_range(std::size_t at) const {
    std::size_t k = at + 1;
    bool digits = false;
    while (k < p_.size() && p_[k] >= '0' && p_[k] <= '9') ++k, digits = true;
    return digits && k + 1 < p_.size() && p_[k] == ',' && p_[k + 1] == '}';
  }

  bool quantifier(Atom& atom) {
    if (i_ >= p_.size()) return true;
    char c = p_[i_];
    if (c == '?' || c == '*' || c == '+') {
      ++i_;
      atom.min = c == '+' ? atom.min : 0;
      atom.unbounded = c != '?';
    } else if (c == '{') {
      std::size_t k = i_ + 1;
      std::size_t low = 0;
      bool digits = false;
      while (k < p_.size() && p_[k] >= '0' && p_[k] <= '9') low = low * 10 + static_cast<std::size_t>(p_[k++] - '0'), digits = true;
      if (!digits) return true;  // a literal brace
      bool open = false;
      if (k < p_.size() && p_[k] == ',') {
        ++k;
        open = k < p_.size() && p_[k] == '}';
        while (k < p_.size() && p_[k] >= '0' && p_[k] <= '9') ++k;
      }
      if (k >= p_.size() || p_[k] != '}') return true;
      i_ = k + 1;
      atom.min = low == 0 ? 0 : atom.min;
      atom.unbounded = open;
    } else {
      return true;
    }
    if (i_ < p_.size() && p_[i_] == '+') {
      ++i_;
      atom.unbounded = false;  // possessive: never backtracks
    } else if (i_ < p_.size() && p_[i_] == '?') {
      ++i_;
    }
    return true;
  }

  std::string_view p_;
  std::size_t i_ = 0;
};

bool consumes(const Atom& atom) { return atom.kind == Atom::Kind::consuming && atom.min > 0; }

// Whether the compiled pattern starts with a known character or is anchored, so that
// PCRE2 can skip ahead instead of trying every start position.
bool has_literal_start(const Rule& rule) {
  return Regex::has_literal_start(rule.pattern, RegexFlags{rule.caseless, rule.extended, rule.dotall});
}

std::string source_line(const RuleCatalog& catalog, const SourceLoc& at) {
  if (at.file == nullptr || at.line == 0) return {};
  for (const auto& source : catalog.sources()) {
    if (source.display != *at.file) continue;
    std::string_view content = source.content;
    std::size_t start = 0;
    for (std::uint32_t line = 1; line < at.line && start != std::string_view::npos; ++line) {
      start = content.find('\n', start);
      if (start != std::string_view::npos) ++start;
    }
    if (start == std::string_view::npos) return {};
    std::string_view text = content.substr(start, content.find('\n', start) - start);
    if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
    return std::string(text);
  }
  return {};
}

// Rules with equal keys do the same thing (position guards and focus aside).
std::string rule_key(const Rule& rule) {
  std::string key;
  key += static_cast<char>('0' + static_cast<int>(rule.action));
  key += static_cast<char>('0' + static_cast<int>(rule.match));
  key += rule.caseless ? 'i' : '-';
  key += rule.extended ? 'x' : '-';
  key += rule.dotall ? 's' : '-';
  key += rule.pattern;
  return key;
}

}  // namespace

std::optional<std::string> regex_never_matches(const Rule& rule) {
  if (rule.match != MatchKind::regex || rule.extended) return std::nullopt;
  std::vector<Atom> atoms;
  bool nested = false;
  if (!RegexScanner(rule.pattern).scan(atoms, nested)) return std::nullopt;
  for (const auto& atom : atoms)
    if (atom.kind == Atom::Kind::alternation) return std::nullopt;
  for (std::size_t i = 0; i < atoms.size(); ++i) {
    if (atoms[i].kind == Atom::Kind::end_anchor) {
      for (std::size_t j = i + 1; j < atoms.size(); ++j)
        if (consumes(atoms[j])) return std::string("it requires a character after `$`, the end of the line");
      if (i > 0 && atoms[i - 1].space && atoms[i - 1].min > 0)
        return std::string("it requires white space before `$`, but regexes see the line with surrounding white "
                           "space trimmed");
    }
    if (atoms[i].kind == Atom::Kind::start_anchor) {
      for (std::size_t j = 0; j < i; ++j)
        if (consumes(atoms[j])) return std::string("it requires a character before `^`, the start of the line");
      if (i + 1 < atoms.size() && atoms[i + 1].space && atoms[i + 1].min > 0)
        return std::string("it requires white space after `^`, but regexes see the line with surrounding white "
                           "space trimmed");
    }
  }
  return std::nullopt;
}

std::optional<std::string> regex_is_slow(const Rule& rule) {
  if (rule.match != MatchKind::regex) return std::nullopt;
  std::string_view pattern = rule.pattern;
  if (pattern.starts_with(".*") || pattern.starts_with(".+"))
    return std::string("it starts with `") + std::string(pattern.substr(0, 2)) +
           "`, which makes every search quadratic in the line length; a search finds a match anywhere in the line "
           "without it";
  if (rule.extended) return std::nullopt;
  std::vector<Atom> atoms;
  bool nested = false;
  if (!RegexScanner(pattern).scan(atoms, nested) || !nested) return std::nullopt;
  if (has_literal_start(rule)) return std::nullopt;
  return std::string("a repeated group contains an unbounded quantifier (like `(a+)+`) and the pattern has no "
                     "literal first character or anchor: lines that almost match backtrack exponentially");
}

std::optional<std::string> regex_runs_on_every_line(const Rule& rule) {
  if (rule.match != MatchKind::regex) return std::nullopt;
  RegexError error;
  const auto regex = Regex::compile(rule.pattern, RegexFlags{rule.caseless, rule.extended, rule.dotall}, error);
  if (!regex || regex->literals().filters()) return std::nullopt;
  const SubjectLimits& limits = regex->limits();
  constexpr ByteClasses kCommon = byte_class::kLetters | byte_class::kSpace | byte_class::kNonAscii | byte_class::kComputed;
  const bool rare_classes = (limits.needs & ~kCommon) != 0 || limits.any_of != 0 || limits.branch_needs.count != 0;
  if (rare_classes || limits.max_bytes != SubjectLimits{}.max_bytes || !limits.may_be_empty()) return std::nullopt;
  for (unsigned char letter = 'a'; letter <= 'z'; ++letter)
    if (!regex->may_start_with(letter) && !regex->may_start_with(static_cast<unsigned char>(letter - 'a' + 'A')))
      return std::nullopt;
  return std::string("the prefilter finds nothing in it that rules a line out (no literal text every match holds, "
                     "no length bound, no digit or punctuation mark it needs), so PCRE2 runs on every line; a "
                     "backreference or a construct the analysis does not read hides all of it (rules/README.md, "
                     "\"Regexes\")");
}

std::optional<std::string> caseless_text_hides_literals(const Rule& rule) {
  if (rule.match != MatchKind::regex || !rule.caseless) return std::nullopt;
  bool cased_non_ascii = false;
  for (std::size_t at = 0; at < rule.pattern.size() && !cased_non_ascii;) {
    const unicode::CodePoint c = unicode::decode(rule.pattern, at);
    at += c.length;
    cased_non_ascii = c.valid && c.value >= 0x80 && unicode::is_letter(c.value) && !caseless_safe(c.value) &&
                      !latin1_other_case(c.value);
  }
  if (!cased_non_ascii) return std::nullopt;
  RegexError error;
  const auto regex = Regex::compile(rule.pattern, RegexFlags{rule.caseless, rule.extended, rule.dotall}, error);
  if (!regex) return std::nullopt;
  // What is left of its text between those letters, spaces and short ASCII runs, is in
  // almost every line: as weak as nothing.
  const LiteralRequirement& literals = regex->literals();
  constexpr std::size_t kWeakInfixBytes = 3;
  const bool weak = !literals.filters() ||
                    std::any_of(literals.infixes.begin(), literals.infixes.end(),
                                [](const std::string& infix) { return infix.size() < kWeakInfixBytes; });
  if (!weak) return std::nullopt;
  return std::string("it is caseless and its text is in letters whose other case is spelt with other bytes "
                     "(Cyrillic, Greek, most of Latin past Latin-1), so the prefilter finds nothing every match "
                     "holds and PCRE2 runs on every line the other gates let through; write the text as phrases "
                     "(`\"...\"`, `starts \"...\"`, `contains \"...\"` compare the case-folded line), or spell "
                     "its cases in the pattern (`[Пп]одпишитесь`) without `i` (rules/README.md, \"Regexes\")");
}

void lint_rules(const RuleCatalog& catalog, Diagnostics& diagnostics) {
  std::vector<const RuleFile*> sets{nullptr};
  for (const auto& publisher : catalog.publishers()) sets.push_back(&publisher);
  std::set<const Rule*> checked;
  std::set<std::pair<const Rule*, const Rule*>> duplicates;
  Diagnostics ignored;  // include problems are the loader's to report
  for (const RuleFile* publisher : sets) {
    EffectiveRules effective = catalog.effective(publisher, ignored);
    const auto& rules = effective.rules;
    std::unordered_map<std::string, const Rule*> seen;
    for (std::size_t i = 0; i < rules.size(); ++i) {
      const Rule& rule = *rules[i];
      if (checked.insert(&rule).second) {
        if (auto why = regex_never_matches(rule))
          diagnostics.warning(rule.origin, "this regex can never match: " + *why, source_line(catalog, rule.origin));
        if (auto why = regex_is_slow(rule))
          diagnostics.warning(rule.origin, "slow regex: " + *why, source_line(catalog, rule.origin));
        if (auto why = regex_runs_on_every_line(rule))
          diagnostics.warning(rule.origin, "costly regex: " + *why, source_line(catalog, rule.origin));
        else if (auto why_caseless = caseless_text_hides_literals(rule))
          diagnostics.warning(rule.origin, "costly regex: " + *why_caseless, source_line(catalog, rule.origin));
        if (rule.match == MatchKind::xpath && !xpath_runs_in_walk(rule.pattern))
          diagnostics.warning(rule.origin,
                              "costly XPath: it is not of the form //tag[...], so libxml2 evaluates it over the whole "
                              "page, in a walk of its own, on every HTML document (two //*[...] rules once cost HTML "
                              "mode 55% more instructions); name the tag (//div[...]) or write a selector, which "
                              "`:has(tag)` may help express (rules/README.md, \"Selectors\")",
                              source_line(catalog, rule.origin));
      }
      auto [it, first] = seen.try_emplace(rule_key(rule), &rule);
      if (first) continue;
      const Rule& earlier = *it->second;
      if (!duplicates.emplace(&earlier, &rule).second) continue;
      diagnostics.warning(rule.origin,
                          "duplicate rule: `" + std::string(action_name(rule.action)) + "` with the same " +
                              (rule.match == MatchKind::regex ? "regex" : "pattern") + " is already at " +
                              earlier.origin.to_string(),
                          source_line(catalog, rule.origin));
    }
  }
}

}  // namespace declutter
