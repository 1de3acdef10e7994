#pragma once
// What pages write in front of an author's name ("By", "Von", "View all posts by"), from the
// rules' bylines/*.txt files: one lower-case prefix a line.
#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/diagnostic.h"

namespace declutter {

class BylinePrefixes {
 public:
  // (path as diagnostics show it, content) of each file; every problem lands in `diagnostics`.
  static BylinePrefixes parse(std::span<const std::pair<std::string, std::string>> files, Diagnostics& diagnostics);

  // `name` without the longest prefix it starts with (in any case) that a space follows, and
  // without that space; `name` itself when none does, or when nothing would be left.
  std::string_view strip(std::string_view name) const;
  std::size_t size() const { return prefixes_.size(); }

 private:
  std::vector<std::string> prefixes_;  // longest first
};

}  // namespace declutter
