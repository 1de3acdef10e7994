#include "rules/matcher_set.h"

#include <algorithm>
#include <bit>
#include <cstdio>
#include <cstring>
#include <mutex>

#include "core/cost_profile.h"

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
    min_after_ = std::min(min_after_, rule->after);
    max_before_ = std::max(max_before_, rule->before);
    switch (rule->match) {
      case MatchKind::phrase: phrases_[rule->pattern].push_back(rule); break;
      case MatchKind::starts: add(starts_, rule, true); break;
      case MatchKind::ends: add(ends_, rule, false); break;
      case MatchKind::contains: contains_.push_back(rule); break;
      case MatchKind::regex: {
        if (const Regex* regex = cache.get(*rule)) regexes_.push_back(CompiledRegex{*regex, rule});
        break;
      }
      case MatchKind::selector:
      case MatchKind::xpath: --count_; break;  // DOM rules are the HTML front end's
      case MatchKind::name: --count_; break;   // the header stage's own test (text/person_names.h)
    }
  }
  std::vector<const LiteralRequirement*> requirements;  // not copies: thousands of strings
  requirements.reserve(regexes_.size());
  for (const CompiledRegex& compiled : regexes_) requirements.push_back(&compiled.regex.literals());
  prefilter_ = LiteralScanner(requirements);
  possible_by_first_byte_.assign(257, LiteralScanner::Mask{});
  possible_by_last_byte_.assign(257, LiteralScanner::Mask{});
  const std::size_t masked = std::min(regexes_.size(), LiteralScanner::kMaxRegexes);
  for (std::size_t i = 0; i < masked; ++i) {
    const Regex& regex = regexes_[i].regex;
    for (unsigned byte = 0; byte < 257; ++byte) {
      if (byte == 256 || regex.may_start_with(static_cast<unsigned char>(byte))) set_bit(possible_by_first_byte_[byte], i);
      if (byte == 256 ? regex.limits().may_be_empty() : regex.limits().may_end_with(static_cast<unsigned char>(byte)))
        set_bit(possible_by_last_byte_[byte], i);
    }
  }
  if (regexes_.size() == count_ && regexes_.size() <= LiteralScanner::kMaxRegexes)
    for (unsigned byte = 0; byte < 257; ++byte) nothing_starts_with_[byte] = !any(possible_by_first_byte_[byte]);
  const auto limits = [&](std::size_t i) -> const SubjectLimits& { return regexes_[i].regex.limits(); };
  std::vector<std::size_t> bounds;
  ByteClasses needed = 0;
  for (std::size_t i = 0; i < masked; ++i) {
    if (limits(i).max_bytes != SubjectLimits{}.max_bytes) bounds.push_back(limits(i).max_bytes);
    needed |= limits(i).needs;
  }
  std::sort(bounds.begin(), bounds.end());
  bounds.erase(std::unique(bounds.begin(), bounds.end()), bounds.end());
  for (const std::size_t bound : bounds) {
    LengthGate gate{bound, {}};
    for (std::size_t i = 0; i < masked; ++i)
      if (limits(i).max_bytes < bound) set_bit(gate.ruled_out, i);
    length_gates_.push_back(gate);
  }
  for (std::size_t i = 0; i < masked; ++i)
    if (!bounds.empty() && limits(i).max_bytes <= bounds.back()) set_bit(bounded_, i);
  for (std::size_t i = 0; i < masked; ++i) {
    if (limits(i).any_of == 0) continue;
    auto same = std::find_if(any_of_gates_.begin(), any_of_gates_.end(),
                             [&](const AnyOfGate& g) { return g.any_of == limits(i).any_of; });
    if (same == any_of_gates_.end()) same = any_of_gates_.insert(any_of_gates_.end(), AnyOfGate{limits(i).any_of, {}});
    set_bit(same->ruled_out, i);
  }
  for (unsigned shift = 0; shift < 64; shift += 4) {
    if (((needed >> shift) & 0xFU) == 0) continue;
    ClassGate gate{shift, {}};
    for (unsigned lacking = 0; lacking < 16; ++lacking)
      for (std::size_t i = 0; i < masked; ++i)
        if (((limits(i).needs >> shift) & lacking) != 0) set_bit(gate.ruled_out[lacking], i);
    class_gates_.push_back(gate);
  }
}

LiteralScanner::Mask MatcherSet::possible(const LineView& line) const {
  const std::string_view subject = line.trimmed;
  LiteralScanner::Mask possible = possible_by_first_byte_[subject.empty() ? 256U : static_cast<unsigned char>(subject.front())];
  const LiteralScanner::Mask& by_last = possible_by_last_byte_[subject.empty() ? 256U : static_cast<unsigned char>(subject.back())];
  for (std::size_t word = 0; word < possible.size(); ++word) possible[word] &= by_last[word];
  if (!any(possible)) return possible;
  const auto length_gate = std::find_if(length_gates_.begin(), length_gates_.end(),
                                        [&](const LengthGate& g) { return g.max_bytes >= subject.size(); });
  rule_out(possible, length_gate == length_gates_.end() ? bounded_ : length_gate->ruled_out);
  if (!any(possible)) return possible;
  const ByteClasses lacking = ~line.classes();
  LiteralScanner::Mask ruled_out{};
  for (const ClassGate& gate : class_gates_) merge(ruled_out, gate.ruled_out[(lacking >> gate.shift) & 0xFU]);
  for (const AnyOfGate& gate : any_of_gates_)
    if ((gate.any_of & ~lacking) == 0) merge(ruled_out, gate.ruled_out);
  rule_out(possible, ruled_out);
  return possible;
}

namespace {
constexpr std::size_t kEdgeBytes = 4;

// The first (prefix) or last four bytes of `text`, which holds at least four.
std::uint32_t edge_of(std::string_view text, bool prefix) {
  std::uint32_t edge = 0;
  std::memcpy(&edge, text.data() + (prefix ? 0 : text.size() - kEdgeBytes), kEdgeBytes);
  return edge;
}
}  // namespace

void MatcherSet::add(ByLength& index, const Rule* rule, bool prefix) {
  const std::string_view pattern = rule->pattern;
  index.table[rule->pattern].push_back(rule);
  std::vector<std::size_t>& lengths = pattern.size() < kEdgeBytes ? index.short_lengths : index.lengths;
  if (std::find(lengths.begin(), lengths.end(), pattern.size()) == lengths.end()) lengths.push_back(pattern.size());
  if (pattern.size() >= kEdgeBytes) {
    const std::uint32_t edge = edge_of(pattern, prefix);
    const auto at = std::lower_bound(index.edges.begin(), index.edges.end(), edge);
    if (at == index.edges.end() || *at != edge) index.edges.insert(at, edge);
  }
}

const Rule* MatcherSet::probe(const PhraseTable& table, std::string_view key, std::uint64_t hash,
                              const LineView& line) {
  const std::vector<const Rule*>* rules = table.find(key, hash);
  if (rules == nullptr) return nullptr;
  for (const Rule* rule : *rules)
    if (position_admits(*rule, line.position)) return rule;
  return nullptr;
}

// A label's colon does not make it another line: "Mehr Themen:" is the heading "Mehr Themen".
const Rule* MatcherSet::probe_without_colon(const LineView& line) const {
  std::string_view key = line.key;
  if (key.empty() || key.back() != ':') return nullptr;
  key.remove_suffix(1);
  while (!key.empty() && key.back() == ' ') key.remove_suffix(1);
  return key.empty() ? nullptr : probe(phrases_, key, hash_string(key), line);
}

const Rule* MatcherSet::find_affix(const ByLength& index, const LineView& line, bool prefix) const {
  const auto probe_lengths = [&](const std::vector<std::size_t>& lengths) -> const Rule* {
    for (std::size_t length : lengths) {
      if (length > line.key.size()) continue;
      if (length == line.key.size()) {
        if (const Rule* rule = probe(index.table, line.key, line.key_hash, line)) return rule;
        continue;
      }
      std::string_view part = prefix ? line.key.substr(0, length) : line.key.substr(line.key.size() - length);
      if (const Rule* rule = probe(index.table, part, hash_string(part), line)) return rule;
    }
    return nullptr;
  };
  if (const Rule* rule = probe_lengths(index.short_lengths)) return rule;
  // Most lines start (or end) like no phrase: one search instead of a probe per length.
  if (line.key.size() < kEdgeBytes ||
      !std::binary_search(index.edges.begin(), index.edges.end(), edge_of(line.key, prefix)))
    return nullptr;
  return probe_lengths(index.lengths);
}

const Rule* MatcherSet::find(const LineView& line, MatchScratch& scratch) const {
  if (nothing_starts_with_[line.trimmed.empty() ? 256U : static_cast<unsigned char>(line.trimmed.front())]) return nullptr;
  if (count_ == 0 || line.position < min_after_ || line.position >= max_before_ + 1e-9) return nullptr;
  if (regexes_.size() < count_) {  // not only regexes: look up the phrases first
    if (const Rule* rule = probe(phrases_, line.key, line.key_hash, line)) return rule;
    if (const Rule* rule = probe_without_colon(line)) return rule;
    if (const Rule* rule = find_affix(starts_, line, true)) return rule;
    if (const Rule* rule = find_affix(ends_, line, false)) return rule;
    for (const Rule* rule : contains_)
      if (line.key.find(rule->pattern) != std::string_view::npos && position_admits(*rule, line.position)) return rule;
  }
  if (regexes_.empty()) return nullptr;
  // Candidates in file order: the words of the mask low to high, then any regexes past it.
  const LiteralScanner::Mask possible = this->possible(line);
  const LiteralScanner::Mask candidates =
      any(possible) ? prefilter_.candidates(line.trimmed, line.classes(), possible) : possible;
  for (std::size_t word = 0; word < candidates.size(); ++word) {
    for (std::uint64_t bits = candidates[word]; bits != 0; bits &= bits - 1) {
      const std::size_t index = word * 64 + static_cast<std::size_t>(std::countr_zero(bits));
      if (regex_matches(regexes_[index], line, scratch)) return regexes_[index].rule;
    }
  }
  for (std::size_t index = LiteralScanner::kMaxRegexes; index < regexes_.size(); ++index)
    if (regex_matches(regexes_[index], line, scratch)) return regexes_[index].rule;
  return nullptr;
}

bool MatcherSet::regex_matches(const CompiledRegex& compiled, const LineView& line, MatchScratch& scratch) {
  // What one of an alternation's branches needs is checked here, for the few candidates the
  // literal prefilter left, rather than among the gates for every regex of every line.
  if (!position_admits(*compiled.rule, line.position) || !compiled.regex.limits().branch_needs.admits(line.classes()) ||
      !compiled.regex.may_match(line.trimmed))
    return false;
  switch (scratch.costs == nullptr ? compiled.regex.match(line.trimmed, scratch) : timed_match(compiled, line, scratch)) {
    case MatchOutcome::match: return true;
    case MatchOutcome::limit_exceeded:
      if (compiled.regex.first_limit_hit()) report_regex_limit(*compiled.rule);
      return false;
    case MatchOutcome::no_match: return false;
  }
  return false;
}

MatchOutcome MatcherSet::timed_match(const CompiledRegex& compiled, const LineView& line, MatchScratch& scratch) {
  const std::uint64_t start = monotonic_nanoseconds();
  const MatchOutcome outcome = compiled.regex.match(line.trimmed, scratch);
  scratch.costs->add_regex(*compiled.rule, outcome == MatchOutcome::match, monotonic_nanoseconds() - start);
  return outcome;
}

void report_regex_limit(const Rule& rule) {
  static std::mutex mutex;
  std::lock_guard lock(mutex);
  std::fprintf(stderr,
               "declutter: %s: warning: regex gave up at its backtracking limit; treated as not matching "
               "(reported once): %s\n",
               rule.origin.to_string().c_str(), canonical_text(rule).c_str());
}

}  // namespace declutter
