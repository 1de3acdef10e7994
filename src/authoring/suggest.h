#pragma once
// `declutter suggest`: lines that recur across several pages of one publisher and that no
// rule drops yet are that site's chrome (menus, widget titles, newsletter pitches). They
// are ranked and written as ready-to-paste `drop "..."` rules.
#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/document.h"

namespace declutter {

struct Suggestion {
  std::string text;            // the line as first seen, surrounding white space trimmed
  std::size_t pages = 0;       // pages it appears on
  double edge = 1.0;           // closest distance to the top or bottom of a page, as a share
  bool near_top = true;        // which edge that was
  std::size_t order = 0;       // first-seen order, the last tie-breaker
};

class RecurrenceCounter {
 public:
  // Counts the lines of one decided page. Lines a rule decided (dropped, cut, or kept by a
  // keep rule) count as covered everywhere: suggesting them again would be noise.
  void add_page(const Document& doc);
  std::size_t pages() const { return pages_; }
  // Uncovered lines on at least `min_pages` pages, most pages first, then nearest an edge.
  std::vector<Suggestion> suggestions(std::size_t min_pages) const;

 private:
  struct Seen {
    Suggestion suggestion;
    std::size_t last_page = 0;   // 1-based page that last counted it, so a page counts once
    bool covered = false;
  };
  std::unordered_map<std::string, Seen> lines_;  // by phrase key
  std::size_t pages_ = 0;
  std::string key_;
};

// The default threshold: half the pages, at least 2.
std::size_t default_min_pages(std::size_t pages);

// A phrase rule for a line: `drop "..."` with `"` and `\` escaped.
std::string phrase_rule(std::string_view line);

// The whole suggestion listing: a header comment, then a comment and a rule per line.
std::string format_suggestions(const std::vector<Suggestion>& suggestions, std::size_t pages,
                               std::size_t min_pages);

}  // namespace declutter
