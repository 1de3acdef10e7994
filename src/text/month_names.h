#pragma once
// The words of dates written out ("28. Dezember 2022", "December 28th, 2022", "28 de
// diciembre de 2022"), from the rules' dates/*.txt files: month names in any language, the
// words that may join a date's parts, and the suffixes a day's digits may carry.
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "core/diagnostic.h"

namespace declutter {

class MonthNames {
 public:
  // (relative path, content) of each file; every problem, with its line and column, lands in
  // `diagnostics`, and the file's other lines are read anyway.
  static MonthNames parse(std::span<const std::pair<std::string, std::string>> files, Diagnostics& diagnostics);

  // For a word already case-folded (text/normalize.h's append_lowercase):
  int month_of(std::string_view word) const;  // 1..12, or 0 for no month name
  bool is_joiner(std::string_view word) const { return joiners_.contains(std::string(word)); }
  bool is_day_suffix(std::string_view word) const { return day_suffixes_.contains(std::string(word)); }
  bool empty() const { return months_.empty(); }

 private:
  struct Month {
    int month = 0;
    // where the name was first given, for the error when another line gives it another month
    std::uint32_t file = 0;
    std::uint32_t line = 0;
    std::uint32_t column = 0;
  };
  std::unordered_map<std::string, Month> months_;
  std::unordered_set<std::string> joiners_;
  std::unordered_set<std::string> day_suffixes_;
};

}  // namespace declutter
