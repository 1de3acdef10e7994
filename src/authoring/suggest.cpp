#include "authoring/suggest.h"

#include <algorithm>
#include <cstdio>

#include "rules/rule.h"
#include "text/normalize.h"

namespace declutter {
namespace {
bool decided_by_rule(const Block& block) {
  if (block.rule == nullptr) return false;
  return block.decider == Decider::rule || block.decider == Decider::section_cut ||
         block.decider == Decider::dom_rule;
}
}  // namespace

void RecurrenceCounter::add_page(const Document& doc) {
  ++pages_;
  const std::size_t count = doc.blocks.size();
  for (std::size_t i = 0; i < count; ++i) {
    const Block& block = doc.blocks[i];
    phrase_key(block.text, key_);
    if (key_.empty()) continue;
    auto [it, inserted] = lines_.try_emplace(key_);
    Seen& seen = it->second;
    if (inserted) {
      seen.suggestion.text = std::string(trim_space(block.text));
      seen.suggestion.order = lines_.size();
    }
    if (decided_by_rule(block)) seen.covered = true;
    double from_top = static_cast<double>(i) / static_cast<double>(count);
    double from_bottom = static_cast<double>(count - 1 - i) / static_cast<double>(count);
    double edge = std::min(from_top, from_bottom);
    if (edge < seen.suggestion.edge) {
      seen.suggestion.edge = edge;
      seen.suggestion.near_top = from_top <= from_bottom;
    }
    if (seen.last_page != pages_) {
      seen.last_page = pages_;
      ++seen.suggestion.pages;
    }
  }
}

std::vector<Suggestion> RecurrenceCounter::suggestions(std::size_t min_pages) const {
  std::vector<Suggestion> out;
  for (const auto& [key, seen] : lines_)
    if (!seen.covered && seen.suggestion.pages >= min_pages) out.push_back(seen.suggestion);
  std::sort(out.begin(), out.end(), [](const Suggestion& a, const Suggestion& b) {
    if (a.pages != b.pages) return a.pages > b.pages;
    if (a.edge != b.edge) return a.edge < b.edge;
    return a.order < b.order;
  });
  return out;
}

std::size_t default_min_pages(std::size_t pages) { return std::max<std::size_t>(2, (pages + 1) / 2); }

std::string phrase_rule(std::string_view line) {
  std::string out = "drop \"";
  for (char c : line) {
    if (c == '"' || c == '\\') out += '\\';
    // A rule is one line: a tab would survive, but say it plainly.
    out += c == '\t' ? ' ' : c;
  }
  out += '"';
  return out;
}

std::string format_suggestions(const std::vector<Suggestion>& suggestions, std::size_t pages,
                               std::size_t min_pages) {
  std::string out = "# declutter suggest: " + std::to_string(pages) + " pages; " +
                    std::to_string(suggestions.size()) + " lines recur on at least " + std::to_string(min_pages) +
                    " of them and no rule decides them yet.\n"
                    "# Review each one: keep the site's chrome, never an article sentence.\n";
  for (const auto& s : suggestions) {
    char where[64];
    std::snprintf(where, sizeof where, "%s (%d%% from it)", s.near_top ? "near the top" : "near the bottom",
                  static_cast<int>(s.edge * 100.0 + 0.5));
    out += "\n# on " + std::to_string(s.pages) + " of " + std::to_string(pages) + " pages, " + where + "\n";
    out += phrase_rule(s.text);
    out += '\n';
  }
  return out;
}

}  // namespace declutter
