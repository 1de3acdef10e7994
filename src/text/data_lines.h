#pragma once
// The line format of the rules' word lists (stopwords/, dates/, bylines/): one entry a line,
// '#' starts a comment, blank lines are skipped.
#include <cstdint>
#include <string_view>

namespace declutter {

// Calls visit(line, number) for each line of `content` that holds anything besides a comment
// and white space: `line` is the text before any '#', untrimmed (columns stay as written);
// `number` counts from 1.
template <class Visit>
void for_each_data_line(std::string_view content, Visit visit) {
  std::uint32_t number = 0;
  while (!content.empty()) {
    const std::size_t eol = content.find('\n');
    std::string_view line = content.substr(0, eol);
    content = eol == std::string_view::npos ? std::string_view{} : content.substr(eol + 1);
    ++number;
    if (const std::size_t hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    visit(line, number);
  }
}

}  // namespace declutter
