#include "rules/matcher_set.h"

#include <algorithm>
#include <cstdio>
#include <mutex>

namespace declutter {

const Regex* RegexCache::get(const Rule& rule) {
  auto it = compiled_.find(&rule);
  if (it != compiled_.end()) return &it->second;
  RegexError error;
  auto regex = Regex::compile(rule.pattern, RegexFlags{rule.caseless, rule.extended, rule.dotall}, error);
  if (!regex) return nullptr;  // the parser reported it already
  return &compiled_.emplace(&rule, std::move(*regex)).first->second;
}

MatcherSet::MatcherSet(std::span<const Rule* const> rules, RegexCache& cache) {
  for (const Rule* rule : rules) {
    ++count_;
    switch (rule->match) {
      case MatchKind::phrase: phrases_[rule->pattern].push_back(rule); break;
      case MatchKind::starts: add(starts_, rule); break;
      case MatchKind::ends: add(ends_, rule); break;
      case MatchKind::contains: contains_.push_back(rule); break;
      case MatchKind::regex: {
        if (const Regex* regex = cache.get(*rule)) regexes_.push_back(CompiledRegex{*regex, rule});
        break;
      }
      case MatchKind::selector:
      case MatchKind::xpath: --count_; break;  // DOM rules are the HTML front end's
    }
  }
  for (std::uint32_t i = 0; i < regexes_.size(); ++i) {
    for (unsigned byte = 0; byte < 256; ++byte)
      if (regexes_[i].regex.may_start_with(static_cast<unsigned char>(byte))) regexes_by_first_byte_[byte].push_back(i);
    regexes_by_first_byte_[256].push_back(i);
  }
}

void MatcherSet::add(ByLength& index, const Rule* rule) {
  index.table[rule->pattern].push_back(rule);
  if (std::find(index.lengths.begin(), index.lengths.end(), rule->pattern.size()) == index.lengths.end())
    index.lengths.push_back(rule->pattern.size());
}

const Rule* MatcherSet::probe(const PhraseTable& table, std::string_view key, const LineView& line) {
  const std::vector<const Rule*>* rules = table.find(key);
  if (rules == nullptr) return nullptr;
  for (const Rule* rule : *rules)
    if (position_admits(*rule, line.position)) return rule;
  return nullptr;
}

const Rule* MatcherSet::find_affix(const ByLength& index, const LineView& line, bool prefix) const {
  for (std::size_t length : index.lengths) {
    if (length > line.key.size()) continue;
    std::string_view part = prefix ? line.key.substr(0, length) : line.key.substr(line.key.size() - length);
    if (const Rule* rule = probe(index.table, part, line)) return rule;
  }
  return nullptr;
}

const Rule* MatcherSet::find(const LineView& line, MatchScratch& scratch) const {
  if (count_ == 0) return nullptr;
  if (const Rule* rule = probe(phrases_, line.key, line)) return rule;
  if (const Rule* rule = find_affix(starts_, line, true)) return rule;
  if (const Rule* rule = find_affix(ends_, line, false)) return rule;
  for (const Rule* rule : contains_)
    if (line.key.find(rule->pattern) != std::string_view::npos && position_admits(*rule, line.position)) return rule;
  const std::string_view subject = line.trimmed;
  const auto& candidates = regexes_by_first_byte_[subject.empty() ? 256U : static_cast<unsigned char>(subject.front())];
  for (const std::uint32_t index : candidates) {
    const CompiledRegex& compiled = regexes_[index];
    if (!position_admits(*compiled.rule, line.position) || !compiled.regex.may_match(subject)) continue;
    switch (compiled.regex.match(subject, scratch)) {
      case MatchOutcome::match: return compiled.rule;
      case MatchOutcome::limit_exceeded:
        if (compiled.regex.first_limit_hit()) report_regex_limit(*compiled.rule);
        break;
      case MatchOutcome::no_match: break;
    }
  }
  return nullptr;
}

void report_regex_limit(const Rule& rule) {
  static std::mutex mutex;
  std::lock_guard lock(mutex);
  std::fprintf(stderr,
               "declutter: %s: warning: regex gave up at its backtracking limit; treated as not matching "
               "(reported once): %s\n",
               rule.origin.to_string().c_str(), rule.text.c_str());
}

}  // namespace declutter
