#pragma once
// One parsed rule, as written in a rule file. Rules are owned by the RuleCatalog and live
// as long as it does; blocks point at the rule that decided them.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/diagnostic.h"
#include "core/document.h"

namespace declutter {

enum class Action : std::uint8_t {
  drop,        // drop the matching line
  keep,        // keep the matching line whatever any other rule or the scorer says
  cut,         // drop from the matching line to the end of the document
  cut_block,   // drop from the matching line to the next paragraph break
  cut_before,  // drop everything before the matching line
  cut_list,    // drop the matching line, a box's heading, and the box's headlines the scorer kept below it
  drop_header, // drop the matching line where the scorer took it for the article's header (a byline)
  html_drop,   // drop DOM elements matching a selector before text is produced
  html_keep,   // protect DOM elements (and their text) from html_drop and scoring
  html_root,   // extract only from the first element matching the selector
  html_date,   // read the page's publication date from the elements matching the selector
  html_author, // read the article's author from the elements matching the selector
};
inline constexpr std::size_t kActionCount = static_cast<std::size_t>(Action::html_author) + 1;

// The actions that act on the DOM, written with a CSS selector or xpath:, for HTML input only.
inline constexpr bool is_dom_action(Action action) {
  return action == Action::html_drop || action == Action::html_keep || action == Action::html_root ||
         action == Action::html_date || action == Action::html_author;
}

enum class MatchKind : std::uint8_t {
  phrase,    // the whole normalised line equals the text
  starts,    // the normalised line starts with the text
  ends,      // ... ends with it
  contains,  // ... contains it
  regex,     // PCRE2 search on the line with surrounding white space trimmed
  selector,  // CSS subset (html_* actions)
  xpath,     // raw XPath (html_* actions)
  name,      // the line is a person's name or a few (text/person_names.h); drop_header only
};

// Which --precision / --recall focus a rule applies in (bit set).
enum FocusMask : std::uint8_t { focus_balanced = 1, focus_precision = 2, focus_recall = 4, focus_all = 7 };

// The verb that writes an action in a rule file: "drop", "cut-block", "html-root", ...
std::string_view action_name(Action action);

struct Rule {
  Action action = Action::drop;
  MatchKind match = MatchKind::phrase;
  std::string pattern;            // phrase: normalised key; regex: source; selector/xpath: text
  SourceLoc origin;               // where it was written (column of the matcher)
  bool caseless = false;          // regex flags
  bool extended = false;
  bool dotall = false;
  bool keep_marker = false;       // cut*: marker=keep leaves the marker line itself in place
  double after = 0.0;             // fires only past this share of the document's text ...
  double before = 1.0;            // ... and before this share
  std::uint8_t focus = focus_all;
  // keep and drop: the rule acts only on runs of at least this many lines it matches, each at
  // most one other line after the last (blank lines aside); a lone match is left alone.
  std::uint8_t min_run = 1;
  // html-date and html-author with key=NAME: the element's text is JSON (JSON-LD) and the
  // value is that of the first member NAME in it, at any depth.
  std::string json_key;
  bool from_common = false;       // loaded from the common set (subject to the safety valve)
};

// The canonical text of a rule, as --explain prints it: drop "menu", cut /^related$/i after=40%.
// Worked out when asked for: a run that explains nothing never needs it.
std::string canonical_text(const Rule& rule);

// The verdict a line rule (keep or drop) gives the lines it matches.
inline Verdict line_verdict(const Rule& rule) { return rule.action == Action::keep ? Verdict::keep : Verdict::drop; }

}  // namespace declutter
