#include "text/byline_prefixes.h"

#include <algorithm>
#include <cstdint>

#include "text/normalize.h"

namespace declutter {

BylinePrefixes BylinePrefixes::parse(std::span<const std::pair<std::string, std::string>> files,
                                     Diagnostics& diagnostics) {
  BylinePrefixes prefixes;
  std::string folded;
  for (const auto& file : files) {
    std::string_view rest = file.second;
    std::uint32_t line_number = 0;
    while (!rest.empty()) {
      const std::size_t eol = rest.find('\n');
      std::string_view line = rest.substr(0, eol);
      rest = eol == std::string_view::npos ? std::string_view{} : rest.substr(eol + 1);
      ++line_number;
      if (const std::size_t hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
      line = trim_space(line);
      if (line.empty()) continue;
      folded.clear();
      append_lowercase(line, folded);
      if (folded != line) {
        diagnostics.error(SourceLoc{&file.first, line_number, 1}, "byline prefixes must be written in lower case",
                          std::string(line));
        continue;
      }
      prefixes.prefixes_.emplace_back(line);
    }
  }
  std::stable_sort(prefixes.prefixes_.begin(), prefixes.prefixes_.end(),
                   [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  return prefixes;
}

std::string_view BylinePrefixes::strip(std::string_view name) const {
  std::string folded;
  for (const std::string& prefix : prefixes_) {
    if (name.size() <= prefix.size() + 1 || name[prefix.size()] != ' ') continue;
    folded.clear();
    append_lowercase(name.substr(0, prefix.size()), folded);
    if (folded == prefix) return trim_space(name.substr(prefix.size() + 1));
  }
  return name;
}

}  // namespace declutter
