#include "text/month_names.h"

#include <cstdint>
#include <vector>

#include "text/data_lines.h"
#include "text/normalize.h"
#include "text/unicode.h"

namespace declutter {
namespace {

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

// A name is letters only: a date's tokens are runs of letters, so anything else could never match.
bool letters_only(std::string_view word) {
  for (std::size_t pos = 0; pos < word.size();) {
    const unicode::CodePoint c = unicode::decode(word, pos);
    if (!c.valid || !unicode::is_letter(c.value)) return false;
    pos += c.length;
  }
  return true;
}

struct Word {
  std::string_view text;
  std::uint32_t column = 0;
};

std::vector<Word> split_words(std::string_view line) {
  std::vector<Word> words;
  for (std::size_t pos = 0; pos < line.size();) {
    while (pos < line.size() && is_blank(line[pos])) ++pos;
    const std::size_t start = pos;
    while (pos < line.size() && !is_blank(line[pos])) ++pos;
    if (pos > start) words.push_back(Word{line.substr(start, pos - start), static_cast<std::uint32_t>(start + 1)});
  }
  return words;
}

}  // namespace

MonthNames MonthNames::parse(std::span<const std::pair<std::string, std::string>> files, Diagnostics& diagnostics) {
  MonthNames names;
  std::string folded;
  for (std::uint32_t file = 0; file < files.size(); ++file) {
    const std::string& path = files[file].first;  // named, not bound: lambdas capture it
    const std::string& content = files[file].second;
    for_each_data_line(content, [&](std::string_view line, std::uint32_t line_number) {
      const std::vector<Word> words = split_words(line);
      const auto report = [&](bool error, std::uint32_t column, const std::string& message) {
        const SourceLoc at{&path, line_number, column};
        error ? diagnostics.error(at, message, std::string(line)) : diagnostics.warning(at, message, std::string(line));
      };
      const std::string_view head = words.front().text;
      int month = 0;
      std::unordered_set<std::string>* word_set = nullptr;
      if (head == "joiners") {
        word_set = &names.joiners_;
      } else if (head == "day-suffixes") {
        word_set = &names.day_suffixes_;
      } else if (head.size() <= 2 && head.find_first_not_of("0123456789") == std::string_view::npos) {
        month = head.size() == 1 ? head[0] - '0' : (head[0] - '0') * 10 + (head[1] - '0');
        if (month < 1 || month > 12) {
          report(true, words.front().column, "no month " + std::string(head) + ": months are 1 to 12");
          return;
        }
      } else {
        report(true, words.front().column,
               "a line starts with a month's number (1-12), 'joiners' or 'day-suffixes', not '" + std::string(head) + "'");
        return;
      }
      if (words.size() == 1) report(false, words.front().column, "no words after '" + std::string(head) + "'");
      for (std::size_t i = 1; i < words.size(); ++i) {
        const Word& word = words[i];
        folded.clear();
        append_lowercase(word.text, folded);
        if (folded != word.text) {
          report(true, word.column, "'" + std::string(word.text) + "' must be written in lower case");
          continue;
        }
        if (!letters_only(word.text)) {
          report(true, word.column, "'" + std::string(word.text) + "' is not letters only: dates are read as runs of letters");
          continue;
        }
        if (word_set != nullptr) {
          word_set->emplace(word.text);
          continue;
        }
        const auto [known, added] = names.months_.emplace(std::string(word.text), Month{month, file, line_number, word.column});
        if (!added && known->second.month != month) {
          const SourceLoc first{&files[known->second.file].first, known->second.line, known->second.column};
          report(true, word.column,
                 "'" + std::string(word.text) + "' already names month " + std::to_string(known->second.month) + " (" +
                     first.to_string() + ")");
        }
      }
    });
  }
  return names;
}

int MonthNames::month_of(std::string_view word) const {
  const auto found = months_.find(std::string(word));
  return found == months_.end() ? 0 : found->second.month;
}

}  // namespace declutter
