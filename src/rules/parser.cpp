#include "rules/parser.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <optional>
#include <system_error>

#include "core/settings.h"
#include "regex/pcre.h"
#include "text/encoding.h"
#include "text/normalize.h"

namespace declutter {
namespace {

struct ActionName {
  std::string_view word;
  Action action;
};
constexpr std::array kActions{
    ActionName{"drop", Action::drop},         ActionName{"keep", Action::keep},
    ActionName{"cut", Action::cut},           ActionName{"cut-block", Action::cut_block},
    ActionName{"cut-before", Action::cut_before}, ActionName{"cut-list", Action::cut_list},
    ActionName{"drop-header", Action::drop_header},
    ActionName{"html-drop", Action::html_drop},
    ActionName{"html-keep", Action::html_keep}, ActionName{"html-root", Action::html_root},
    ActionName{"html-date", Action::html_date}, ActionName{"html-author", Action::html_author},
};

// run= beyond this is no list of lines but a page: the longest run a rule may ask for.
constexpr unsigned kMaxRunLines = 50;

std::optional<Action> action_named(std::string_view word) {
  for (const auto& a : kActions)
    if (a.word == word) return a.action;
  return std::nullopt;
}


bool is_blank(char c) { return c == ' ' || c == '\t'; }

// Reads one line of a rule file token by token, tracking the column of each token.
class LineParser {
 public:
  LineParser(const std::string* path, std::uint32_t line_no, std::string_view line, Diagnostics& diags)
      : path_(path), line_no_(line_no), line_(line), diags_(diags) {}

  void parse(RuleFile& file) {
    skip_blanks();
    if (at_end() || line_[pos_] == '#') return;
    std::size_t keyword_at = pos_;
    std::string_view keyword = read_word();
    if (keyword == "site") return parse_site(file);
    if (keyword == "inherit") return parse_inherit(file);
    if (keyword == "include") return parse_include(file);
    if (keyword == "set") return parse_set(file);
    if (keyword == "disable") {
      skip_blanks();
      std::size_t at = pos_;
      std::string_view word = read_word();
      auto action = action_named(word);
      if (!action) return error(at, word.empty() ? "disable needs a rule, e.g. disable drop \"Popular\""
                                                 : "disable needs a rule, e.g. disable drop \"Popular\"; '" +
                                                       std::string(word) + "' is not an action");
      return parse_rule(*action, file.disabled);
    }
    auto action = action_named(keyword);
    if (!action) {
      return error(keyword_at, "unknown verb '" + std::string(keyword) +
                                   "' (expected drop, keep, cut, cut-block, cut-before, cut-list, drop-header, html-drop, "
                                   "html-keep, html-root, html-date, html-author, site, inherit, include, set or disable)");
    }
    parse_rule(*action, file.rules);
  }

 private:
  bool at_end() const { return pos_ >= line_.size(); }
  void skip_blanks() {
    while (!at_end() && is_blank(line_[pos_])) ++pos_;
  }
  // A comment starts at '#' preceded by white space and followed by white space or the end.
  bool at_comment() const {
    if (at_end() || line_[pos_] != '#') return false;
    bool after_space = pos_ == 0 || is_blank(line_[pos_ - 1]);
    bool before_space = pos_ + 1 >= line_.size() || is_blank(line_[pos_ + 1]);
    return after_space && before_space;
  }
  bool at_rest_end() {
    skip_blanks();
    return at_end() || at_comment();
  }
  std::string_view read_word() {
    std::size_t start = pos_;
    while (!at_end() && !is_blank(line_[pos_])) ++pos_;
    return line_.substr(start, pos_ - start);
  }
  SourceLoc loc(std::size_t at) const {
    return SourceLoc{path_, line_no_, static_cast<std::uint32_t>(at + 1)};
  }
  void error(std::size_t at, std::string message) { diags_.error(loc(at), std::move(message), std::string(line_)); }
  void expect_end(std::string_view what) {
    if (!at_rest_end()) error(pos_, "unexpected text after " + std::string(what));
  }

  void parse_site(RuleFile& file) {
    if (at_rest_end()) return error(pos_, "site needs at least one domain, e.g. site example.com");
    while (!at_rest_end()) {
      std::size_t at = pos_;
      std::string_view word = read_word();
      bool excluded = word.front() == '~';
      if (excluded) word.remove_prefix(1);
      std::string domain;
      append_lowercase(word, domain);
      bool valid = !domain.empty() && domain.front() != '.' && domain.back() != '.' &&
                   std::all_of(domain.begin(), domain.end(), [](char c) {
                     return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-' ||
                            static_cast<unsigned char>(c) >= 0x80;
                   });
      if (!valid) return error(at, "'" + std::string(word) + "' is not a domain name");
      (excluded ? file.excluded : file.sites).push_back(std::move(domain));
    }
  }

  void parse_inherit(RuleFile& file) {
    skip_blanks();
    std::size_t at = pos_;
    std::string_view word = read_word();
    if (word == "common") {
      file.inherit_common = true;
    } else if (word == "none") {
      file.inherit_common = false;
    } else {
      return error(at, "inherit takes 'common' or 'none'");
    }
    expect_end("inherit");
  }

  void parse_include(RuleFile& file) {
    skip_blanks();
    std::size_t at = pos_;
    std::string_view word = read_word();
    if (word.empty()) return error(at, "include needs a file name relative to the rules directory");
    if (word.find("..") != std::string_view::npos || word.front() == '/')
      return error(at, "include paths stay inside the rules directory");
    file.includes.push_back(IncludeLine{std::string(word), loc(at)});
    expect_end("include");
  }

  void parse_set(RuleFile& file) {
    skip_blanks();
    std::size_t name_at = pos_;
    std::string_view name = read_word();
    if (name.empty()) return error(name_at, "set needs a setting name and a value");
    const SettingSpec* spec = find_setting(name);
    if (spec == nullptr) return error(name_at, "unknown setting '" + std::string(name) + "'");
    skip_blanks();
    std::size_t value_at = pos_;
    std::string_view value = read_word();
    if (value.empty()) return error(value_at, "set " + std::string(name) + " needs a value");
    if (auto problem = validate_setting(*spec, value))
      return error(value_at, "bad value for " + std::string(name) + ": " + *problem);
    SettingLine setting{std::string(name), std::string(value), loc(name_at), std::nullopt};
    skip_blanks();
    if (!at_rest_end()) {
      constexpr std::string_view kFormat = "format=";
      const std::size_t option_at = pos_;
      const std::string_view option = read_word();
      if (!option.starts_with(kFormat))
        return error(option_at, "unexpected '" + std::string(option) + "' after the value (set takes one option, format=)");
      setting.format = parse_source_format(option.substr(kFormat.size()));
      if (!setting.format) return error(option_at + kFormat.size(), "format= takes text or html");
    }
    file.settings.push_back(std::move(setting));
    expect_end("the setting");
  }

  // Reads "..." with \" and \\ escapes. Returns nothing (after an error) when unterminated.
  std::optional<std::string> read_quoted() {
    std::size_t start = pos_++;
    std::string out;
    while (!at_end()) {
      char c = line_[pos_++];
      if (c == '"') return out;
      if (c == '\\' && !at_end()) c = line_[pos_++];
      out += c;
    }
    error(start, "unterminated string: add the closing \"");
    return std::nullopt;
  }

  // Reads /pattern/flags; `\/` stands for a slash inside the pattern.
  bool read_regex(Rule& rule) {
    std::size_t start = pos_++;
    std::string pattern;
    bool closed = false;
    while (!at_end()) {
      char c = line_[pos_++];
      if (c == '/') {
        closed = true;
        break;
      }
      if (c == '\\' && !at_end() && line_[pos_] == '/') {
        pattern += '/';
        ++pos_;
        continue;
      }
      pattern += c;
      if (c == '\\' && !at_end()) pattern += line_[pos_++];
    }
    if (!closed) {
      error(start, "unterminated regex: add the closing /");
      return false;
    }
    while (!at_end() && !is_blank(line_[pos_])) {
      char flag = line_[pos_];
      if (flag == 'i') {
        rule.caseless = true;
      } else if (flag == 'x') {
        rule.extended = true;
      } else if (flag == 's') {
        rule.dotall = true;
      } else {
        error(pos_, std::string("unknown regex flag '") + flag + "' (use i, x or s)");
        return false;
      }
      ++pos_;
    }
    RegexError problem;
    if (!Regex::valid(pattern, RegexFlags{rule.caseless, rule.extended, rule.dotall}, problem)) {
      // Point at the offending byte: the pattern starts one column after the opening slash.
      error(start + 1 + std::min(problem.offset, pattern.size()), "bad regex: " + problem.message);
      return false;
    }
    rule.pattern = std::move(pattern);
    return true;
  }

  // key=value options that follow the matchers.
  bool parse_option(std::string_view word, std::size_t at, Rule& rule) {
    auto eq = word.find('=');
    std::string_view key = word.substr(0, eq);
    std::string_view value = word.substr(eq + 1);
    if (key == "after" || key == "before") {
      auto share = parse_share(value);
      if (!share) {
        error(at + eq + 1, std::string(key) + "= takes a share of the document such as 40% or 0.4");
        return false;
      }
      (key == "after" ? rule.after : rule.before) = *share;
      return true;
    }
    if (key == "mode") {
      rule.focus = 0;
      std::size_t offset = 0;
      while (offset <= value.size()) {
        auto comma = value.find(',', offset);
        std::string_view mode = value.substr(offset, comma == std::string_view::npos ? value.npos : comma - offset);
        if (mode == "balanced") {
          rule.focus |= focus_balanced;
        } else if (mode == "precision") {
          rule.focus |= focus_precision;
        } else if (mode == "recall") {
          rule.focus |= focus_recall;
        } else {
          error(at + eq + 1 + offset, "mode= takes balanced, precision or recall (comma-separated)");
          return false;
        }
        if (comma == std::string_view::npos) break;
        offset = comma + 1;
      }
      return true;
    }
    if (key == "marker") {
      if (value != "keep" && value != "drop") {
        error(at + eq + 1, "marker= takes keep or drop");
        return false;
      }
      if (rule.action != Action::cut && rule.action != Action::cut_block && rule.action != Action::cut_before) {
        error(at, "marker= applies to cut, cut-block and cut-before only");
        return false;
      }
      rule.keep_marker = value == "keep";
      return true;
    }
    if (key == "run") {
      unsigned lines = 0;
      const auto [end, problem] = std::from_chars(value.data(), value.data() + value.size(), lines);
      if (problem != std::errc{} || end != value.data() + value.size() || lines < 2 || lines > kMaxRunLines) {
        error(at + eq + 1, "run= takes a number of lines from 2 to " + std::to_string(kMaxRunLines));
        return false;
      }
      if (rule.action != Action::keep && rule.action != Action::drop) {
        error(at, "run= applies to keep and drop only");
        return false;
      }
      rule.min_run = static_cast<std::uint8_t>(lines);
      return true;
    }
    if (key == "key") {
      if (rule.action != Action::html_date && rule.action != Action::html_author) {
        error(at, "key= applies to html-date and html-author only");
        return false;
      }
      if (value.empty()) {
        error(at + eq + 1, "key= takes the name of a JSON member, e.g. key=datePublished");
        return false;
      }
      rule.json_key = std::string(value);
      return true;
    }
    error(at, "unknown option '" + std::string(key) + "' (expected after=, before=, mode=, marker=, run= or key=)");
    return false;
  }

  static bool is_option_word(std::string_view word) {
    return word.starts_with("after=") || word.starts_with("before=") || word.starts_with("mode=") ||
           word.starts_with("marker=") || word.starts_with("run=") || word.starts_with("key=");
  }

  void parse_html_rule(Action action, std::vector<Rule>& out) {
    Rule rule;
    rule.action = action;
    skip_blanks();
    std::size_t start = pos_;
    // The selector runs to a comment or the end; trailing option words are split off.
    std::size_t end = start;
    while (end < line_.size()) {
      if (line_[end] == '#' && end > start && is_blank(line_[end - 1]) &&
          (end + 1 >= line_.size() || is_blank(line_[end + 1])))
        break;
      ++end;
    }
    std::string_view body = trim_space(line_.substr(start, end - start));
    while (true) {
      auto space = body.find_last_of(" \t");
      std::string_view last = space == std::string_view::npos ? body : body.substr(space + 1);
      if (!is_option_word(last)) break;
      if (!parse_option(last, static_cast<std::size_t>(last.data() - line_.data()), rule)) return;
      body = trim_space(body.substr(0, space == std::string_view::npos ? 0 : space));
    }
    if (body.empty()) return error(start, std::string(action_name(action)) + " needs a CSS selector or xpath:EXPR");
    std::size_t body_at = static_cast<std::size_t>(body.data() - line_.data());
    if (body.starts_with("xpath:")) {
      rule.match = MatchKind::xpath;
      body.remove_prefix(6);
      body_at += 6;
      if (body.empty()) return error(body_at, "xpath: needs an expression");
    } else {
      rule.match = MatchKind::selector;
    }
    rule.pattern = std::string(body);
    rule.origin = loc(body_at);
    out.push_back(std::move(rule));
    pos_ = line_.size();
  }

  void parse_rule(Action action, std::vector<Rule>& out) {
    if (is_dom_action(action)) return parse_html_rule(action, out);
    std::vector<Rule> parsed;
    MatchKind kind = MatchKind::phrase;
    std::size_t kind_at = 0;
    bool kind_pending = false;
    while (!at_rest_end()) {
      std::size_t at = pos_;
      char c = line_[pos_];
      if (c == '"' || c == '/') {
        Rule rule;
        rule.action = action;
        rule.origin = loc(at);
        if (c == '"') {
          auto text = read_quoted();
          if (!text) return;
          rule.match = kind;
          phrase_key(*text, rule.pattern);
          if (rule.pattern.empty())
            return error(at, "the phrase is empty once white space and decoration are stripped");
          kind_pending = false;
        } else {
          if (kind_pending) return error(kind_at, "starts/ends/contains take a quoted phrase, not a regex");
          rule.match = MatchKind::regex;
          if (!read_regex(rule)) return;
        }
        if (!at_end() && !is_blank(line_[pos_]))
          return error(pos_, "put white space between a matcher and what follows it");
        parsed.push_back(std::move(rule));
        continue;
      }
      std::string_view word = read_word();
      if (word == "starts" || word == "ends" || word == "contains") {
        if (kind_pending) return error(kind_at, "'" + std::string(word) + "' follows a matcher word with no phrase");
        kind = word == "starts" ? MatchKind::starts : word == "ends" ? MatchKind::ends : MatchKind::contains;
        kind_at = at;
        kind_pending = true;
        continue;
      }
      if (word == "phrase") {
        kind = MatchKind::phrase;
        continue;
      }
      if (word == "name") {
        if (kind_pending) return error(kind_at, "starts/ends/contains take a quoted phrase, not name");
        // Alone, a line that is a name is as often an article's (a list of people, an
        // interview's speaker) as a byline: only the header tells them apart.
        if (action != Action::drop_header)
          return error(at, "'name' matches a byline in the article's header: use it with drop-header");
        Rule rule;
        rule.action = action;
        rule.origin = loc(at);
        rule.match = MatchKind::name;
        rule.pattern = "name";
        parsed.push_back(std::move(rule));
        continue;
      }
      if (word.find('=') != std::string_view::npos) {
        if (parsed.empty()) return error(at, "options come after the matchers");
        Rule options;
        options.action = action;
        if (!parse_option(word, at, options)) return;
        // Options apply to every matcher on the line.
        for (auto& rule : parsed) {
          if (word.starts_with("after=")) rule.after = options.after;
          if (word.starts_with("before=")) rule.before = options.before;
          if (word.starts_with("mode=")) rule.focus = options.focus;
          if (word.starts_with("marker=")) rule.keep_marker = options.keep_marker;
          if (word.starts_with("run=")) rule.min_run = options.min_run;
        }
        continue;
      }
      return error(at, "unexpected '" + std::string(word) +
                           "': phrases go in double quotes, regexes between slashes (/.../i)");
    }
    if (kind_pending) return error(kind_at, "starts/ends/contains need a quoted phrase after them");
    if (parsed.empty())
      return error(pos_, std::string(action_name(action)) + " needs a \"phrase\" or a /regex/" +
                             (action == Action::drop_header ? " or name" : ""));
    for (auto& rule : parsed) {
      if (rule.after >= rule.before) return error(rule.origin.column - 1, "after= must be smaller than before=");
      out.push_back(std::move(rule));
    }
  }

  const std::string* path_;
  std::uint32_t line_no_;
  std::string_view line_;
  Diagnostics& diags_;
  std::size_t pos_ = 0;
};

std::string percent(double share) {
  return std::to_string(static_cast<int>(std::lround(share * 100.0))) + "%";
}

}  // namespace

std::string_view action_name(Action action) {
  for (const auto& a : kActions)
    if (a.action == action) return a.word;
  return "?";
}

RuleFile parse_rule_file(const std::string* path, std::string_view content, Diagnostics& diagnostics) {
  RuleFile file;
  file.path = path;
  std::uint32_t line_no = 0;
  std::size_t start = 0;
  while (start < content.size()) {
    std::size_t end = content.find('\n', start);
    if (end == std::string_view::npos) end = content.size();
    std::string_view line = content.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    ++line_no;
    if (line_no == 1 && line.starts_with(kUtf8ByteOrderMark)) line.remove_prefix(kUtf8ByteOrderMark.size());
    LineParser(path, line_no, line, diagnostics).parse(file);
    start = end + 1;
  }
  return file;
}

std::string canonical_text(const Rule& rule) {
  std::string out(action_name(rule.action));
  out += ' ';
  switch (rule.match) {
    case MatchKind::phrase: break;
    case MatchKind::starts: out += "starts "; break;
    case MatchKind::ends: out += "ends "; break;
    case MatchKind::contains: out += "contains "; break;
    case MatchKind::regex: break;
    case MatchKind::selector: break;
    case MatchKind::xpath: out += "xpath:"; break;
    case MatchKind::name: break;
  }
  if (rule.match == MatchKind::regex) {
    out += '/';
    for (char c : rule.pattern) {
      if (c == '/') out += '\\';
      out += c;
    }
    out += '/';
    if (rule.caseless) out += 'i';
    if (rule.extended) out += 'x';
    if (rule.dotall) out += 's';
  } else if (rule.match == MatchKind::selector || rule.match == MatchKind::xpath || rule.match == MatchKind::name) {
    out += rule.pattern;
  } else {
    out += '"';
    for (char c : rule.pattern) {
      if (c == '"' || c == '\\') out += '\\';
      out += c;
    }
    out += '"';
  }
  if (rule.after > 0.0) out += " after=" + percent(rule.after);
  if (rule.before < 1.0) out += " before=" + percent(rule.before);
  if (rule.keep_marker) out += " marker=keep";
  if (rule.min_run > 1) out += " run=" + std::to_string(rule.min_run);
  if (!rule.json_key.empty()) out += " key=" + rule.json_key;
  if (rule.focus != focus_all) {
    out += " mode=";
    bool first = true;
    for (auto [bit, name] : {std::pair{focus_balanced, "balanced"}, std::pair{focus_precision, "precision"},
                             std::pair{focus_recall, "recall"}}) {
      if ((rule.focus & bit) == 0) continue;
      if (!first) out += ',';
      out += name;
      first = false;
    }
  }
  return out;
}

}  // namespace declutter
