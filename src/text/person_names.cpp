#include "text/person_names.h"

#include <array>
#include <cstdint>
#include <vector>

#include "text/data_lines.h"
#include "text/normalize.h"
#include "text/unicode.h"

namespace declutter {
namespace {

// A byline of four names is long already; a longer line is a sentence or a list of credits.
constexpr std::size_t kMaxLineBytes = 120;
constexpr std::size_t kMaxNames = 4;
constexpr std::size_t kMaxWordsPerName = 4;

// Tokens that stand between two names on their own: "Ana Costa & Rui Lopes".
constexpr std::array<std::string_view, 6> kSeparators{"&", "/", "|", "·", "•", "+"};

std::string folded(std::string_view word) {
  std::string out;
  append_lowercase(word, out);
  return out;
}

bool opens_with_capital(std::string_view word) {
  return !word.empty() && unicode::is_upper(unicode::decode(word, 0).value);
}

// Letters, and the hyphen and apostrophes of "Pieczewski-Freimuth" and "O'Callaghan".
bool letters_only(std::string_view word) {
  for (std::size_t pos = 0; pos < word.size();) {
    const unicode::CodePoint c = unicode::decode(word, pos);
    if (!c.valid) return false;
    if (!unicode::is_letter(c.value) && c.value != '-' && c.value != '\'' && c.value != U'\u2019') return false;
    pos += c.length;
  }
  return true;
}

// "T." or "J.R.": capitals, each followed by a dot.
bool initials(std::string_view word) {
  if (word.size() < 2) return false;
  for (std::size_t pos = 0; pos < word.size();) {
    const unicode::CodePoint c = unicode::decode(word, pos);
    if (!unicode::is_upper(c.value) || pos + c.length >= word.size() || word[pos + c.length] != '.') return false;
    pos += c.length + 1;
  }
  return true;
}

bool is_separator(std::string_view token) {
  for (std::string_view separator : kSeparators)
    if (token == separator) return true;
  return false;
}

}  // namespace

PersonNames PersonNames::parse(std::span<const std::pair<std::string, std::string>> files, Diagnostics& diagnostics) {
  PersonNames names;
  for (const auto& file : files) {
    const std::string_view path = file.first;
    std::unordered_set<std::string>& list = path.ends_with("particles.txt") ? names.particles_
                                            : path.ends_with("joiners.txt") ? names.joiners_
                                                                             : names.given_;
    for_each_data_line(file.second, [&](std::string_view line, std::uint32_t line_number) {
      const std::string_view word = trim_space(line);
      if (word.find_first_of(" \t") != std::string_view::npos) {
        const auto column = static_cast<std::uint32_t>(word.data() - line.data()) + 1;
        diagnostics.error(SourceLoc{&file.first, line_number, column}, "one name a line: a name list holds single words",
                          std::string(line));
        return;
      }
      list.insert(folded(word));
    });
  }
  return names;
}

bool PersonNames::given(std::string_view word) const { return given_.contains(folded(word)); }
bool PersonNames::particle(std::string_view word) const { return particles_.contains(folded(word)); }
bool PersonNames::joiner(std::string_view word) const { return joiners_.contains(folded(word)); }

bool PersonNames::reads_as_name(std::span<const std::string_view> words) const {
  if (words.size() < 2 || words.size() > kMaxWordsPerName) return false;
  const std::string_view first = words.front();
  // A double given name ("Hans-Peter") is on the lists by its first half.
  const std::size_t hyphen = first.find('-');
  if (!opens_with_capital(first) || !letters_only(first) ||
      !(given(first) || (hyphen != std::string_view::npos && given(first.substr(0, hyphen)))))
    return false;
  for (std::size_t i = 1; i < words.size(); ++i) {
    const std::string_view word = words[i];
    const bool last = i + 1 == words.size();
    if (!last && particle(word)) continue;
    if (!last && initials(word)) continue;
    if (!opens_with_capital(word) || !letters_only(word)) return false;
  }
  return true;
}

bool PersonNames::names_only(std::string_view line) const {
  if (given_.empty() || line.empty() || line.size() > kMaxLineBytes) return false;
  std::vector<std::string_view> words;
  std::size_t names = 0;
  const auto close_name = [&]() {
    if (!reads_as_name(words)) return false;
    ++names;
    words.clear();
    return true;
  };
  while (!line.empty()) {
    const std::size_t space = line.find(' ');
    std::string_view token = line.substr(0, space);
    line = space == std::string_view::npos ? std::string_view{} : line.substr(space + 1);
    if (token.empty()) continue;
    if (is_separator(token) || joiner(token)) {
      if (!close_name()) return false;
      continue;
    }
    const bool comma = token.back() == ',';
    if (comma) token.remove_suffix(1);
    words.push_back(token);
    if (comma && !close_name()) return false;
  }
  return close_name() && names <= kMaxNames;
}

}  // namespace declutter
