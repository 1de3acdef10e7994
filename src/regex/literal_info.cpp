#include "regex/literal_info.h"

#include <algorithm>
#include <limits>
#include <utility>

namespace declutter::literals {
namespace {

void normalise(StringSet& set) {
  std::sort(set.begin(), set.end());
  set.erase(std::unique(set.begin(), set.end()), set.end());
}

// Every string of `left` followed by every string of `right`; nothing when too many.
std::optional<StringSet> joined(const StringSet& left, const StringSet& right) {
  if (left.size() * right.size() > kMaxStrings) return std::nullopt;
  StringSet out;
  out.reserve(left.size() * right.size());
  for (const auto& a : left)
    for (const auto& b : right) out.push_back(a + b);
  normalise(out);
  return out;
}

// `set` joined with `right` in place (a pattern's literal characters extend every string of
// the sets being built, one at a time: no new set per character); false, and `set`
// unchanged, when the result would hold too many strings.
bool extend(StringSet& set, const StringSet& right) {
  if (set.size() * right.size() > kMaxStrings) return false;
  if (right.size() != 1) {
    set = *joined(set, right);
    return true;
  }
  // Distinct strings stay distinct with the same suffix; only their order can change
  // ("a" < "ab", but "ac" > "abc").
  for (auto& text : set) text += right.front();
  if (!std::is_sorted(set.begin(), set.end())) std::sort(set.begin(), set.end());
  return true;
}

std::optional<StringSet> united(const StringSet& left, const StringSet& right) {
  if (left.size() + right.size() > kMaxStrings) return std::nullopt;
  StringSet out = left;
  out.insert(out.end(), right.begin(), right.end());
  normalise(out);
  return out;
}

// The union of many sets, given up (as united() would) once the union so far and the next
// set hold more than kMaxStrings together. Duplicates are only removed when that is near.
class UnionBuilder {
 public:
  void add(const std::optional<StringSet>& set) {
    if (!out_) return;
    if (!set) return out_.reset();
    if (out_->size() + set->size() > kMaxStrings) {
      normalise(*out_);
      if (out_->size() + set->size() > kMaxStrings) return out_.reset();
    }
    out_->insert(out_->end(), set->begin(), set->end());
  }
  std::optional<StringSet> finish() {
    if (out_) normalise(*out_);
    return std::move(out_);
  }

 private:
  std::optional<StringSet> out_ = StringSet{};
};

bool has_empty(const StringSet& set) { return !set.empty() && set.front().empty(); }  // sorted: "" first

// One of `set` at `anchor`; nothing known when the set holds the empty string.
Condition condition_of(const StringSet& set, Anchor anchor) {
  Condition condition;
  if (set.empty() || has_empty(set)) return condition;
  for (const auto& text : set) condition.atoms.push_back(Atom{text, anchor});
  return condition;
}

void tidy(Condition& condition) {
  std::sort(condition.atoms.begin(), condition.atoms.end());
  condition.atoms.erase(std::unique(condition.atoms.begin(), condition.atoms.end()), condition.atoms.end());
}

void relocate(Condition& condition, Anchor from, Anchor to) {
  for (auto& atom : condition.atoms)
    if (atom.anchor == from) atom.anchor = to;
  tidy(condition);
}

}  // namespace

Info Info::literal(std::string text) { return one_of(StringSet{std::move(text)}); }

Info Info::one_of(StringSet strings) {
  normalise(strings);
  Info info;
  info.condition = condition_of(strings, Anchor::match_start);
  info.prefix = strings;
  info.exact = std::move(strings);
  return info;
}

Info Info::assertion(bool anchors) {
  Info info;
  info.zero_width = true;
  info.anchored = anchors;
  return info;
}

long selectivity(const Condition& condition) {
  if (!condition.known()) return std::numeric_limits<long>::min();
  long shortest = std::numeric_limits<long>::max();
  for (const auto& atom : condition.atoms) {
    // A literal at the line's start is checked without a scan and rules out more lines.
    const long weight = static_cast<long>(atom.text.size()) + (atom.anchor == Anchor::anywhere ? 0 : 3);
    shortest = std::min(shortest, weight);
  }
  // Fewer atoms break ties: each one is another chance of a false candidate.
  return shortest * 1024 - static_cast<long>(std::min<std::size_t>(condition.atoms.size(), 1023));
}

void SequenceBuilder::consider(Condition condition) {
  if (!condition.known()) return;
  for (const auto& atom : condition.atoms)
    if (atom.text.empty()) return;
  if (selectivity(condition) > selectivity(best_)) best_ = std::move(condition);
}

void SequenceBuilder::consider_run() {
  consider(condition_of(run_, run_at_start_ ? Anchor::match_start : Anchor::anywhere));
}

void SequenceBuilder::add(const Info& item) {
  if (item.zero_width) {
    if (item.anchored && !consumed_) anchored_ = true;
    return;
  }
  const bool first = !consumed_;
  consumed_ = true;
  if (first && item.anchored) anchored_ = true;
  if (item.exact) {
    if (exact_ && !extend(*exact_, *item.exact)) exact_.reset();
    if (prefix_open_ && !extend(*prefix_, *item.exact)) prefix_open_ = false;
    if (!extend(run_, *item.exact)) {
      consider_run();
      run_ = *item.exact;
      run_at_start_ = false;
    }
    return;
  }
  exact_.reset();
  if (prefix_open_) {
    prefix_open_ = false;
    if (item.prefix)
      if (auto longer = joined(*prefix_, *item.prefix)) prefix_ = std::move(*longer);
  }
  consider_run();
  if (item.prefix)
    if (auto longer = joined(run_, *item.prefix))
      consider(condition_of(*longer, run_at_start_ ? Anchor::match_start : Anchor::anywhere));
  Condition inner = item.condition;
  // The item's own match starts where the sequence's does only with nothing before it.
  const bool item_at_start = run_at_start_ && run_.size() == 1 && run_.front().empty();
  if (!item_at_start) relocate(inner, Anchor::match_start, Anchor::anywhere);
  consider(std::move(inner));
  run_ = StringSet{std::string()};
  run_at_start_ = false;
}

Info SequenceBuilder::finish() {
  consider_run();
  Info info;
  info.exact = std::move(exact_);
  info.prefix = std::move(prefix_);
  info.anchored = anchored_;
  info.condition = std::move(best_);
  if (info.anchored) relocate(info.condition, Anchor::match_start, Anchor::line_start);
  return info;
}

Info alternation(const std::vector<Info>& branches) {
  if (branches.size() == 1) return branches.front();
  Info info;
  info.exact = StringSet{};
  info.prefix = StringSet{};
  info.anchored = true;
  bool condition_known = true;
  // The branches' sets are gathered and sorted once at the end instead of once per branch.
  UnionBuilder exact;
  UnionBuilder prefix;
  for (const Info& branch : branches) {
    exact.add(branch.exact);
    prefix.add(branch.prefix);
    info.anchored = info.anchored && branch.anchored;
    if (!branch.condition.known()) condition_known = false;
    if (condition_known)
      info.condition.atoms.insert(info.condition.atoms.end(), branch.condition.atoms.begin(),
                                  branch.condition.atoms.end());
  }
  if (!condition_known) info.condition = Condition{};
  tidy(info.condition);
  info.exact = exact.finish();
  info.prefix = prefix.finish();
  return info;
}

Info repeat(const Info& item, std::size_t min, std::size_t max) {
  if (item.zero_width) return Info::assertion(item.anchored && min > 0);
  if (min == 0) {
    if (max == 1 && item.exact) {
      if (auto optional = united(*item.exact, StringSet{std::string()})) return Info::one_of(std::move(*optional));
    }
    return Info{};
  }
  if (min == 1 && max == 1) return item;
  if (item.exact && min == max && min <= kMaxRepeat) {
    std::optional<StringSet> repeated = StringSet{std::string()};
    for (std::size_t i = 0; i < min && repeated; ++i) repeated = joined(*repeated, *item.exact);
    if (repeated) {
      Info info = Info::one_of(std::move(*repeated));
      info.anchored = item.anchored;
      return info;
    }
  }
  // At least one repetition: the first one's facts hold, the whole is no longer exact.
  Info info;
  info.prefix = item.prefix;
  info.condition = item.condition;
  info.anchored = item.anchored;
  return info;
}

}  // namespace declutter::literals
