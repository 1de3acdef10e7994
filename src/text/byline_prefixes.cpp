#include "text/byline_prefixes.h"

#include <algorithm>
#include <cstdint>

#include "text/data_lines.h"
#include "text/normalize.h"

namespace declutter {

BylinePrefixes BylinePrefixes::parse(std::span<const std::pair<std::string, std::string>> files,
                                     Diagnostics& diagnostics) {
  BylinePrefixes prefixes;
  std::string folded;
  for (const auto& file : files) {
    for_each_data_line(file.second, [&](std::string_view line, std::uint32_t line_number) {
      line = trim_space(line);
      folded.clear();
      append_lowercase(line, folded);
      if (folded != line) {
        diagnostics.error(SourceLoc{&file.first, line_number, 1}, "byline prefixes must be written in lower case",
                          std::string(line));
        return;
      }
      prefixes.prefixes_.emplace_back(line);
    });
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
