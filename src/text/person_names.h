#pragma once
// Whether a line is nothing but a person's name, or a few of them ("Ana Costa", "Boris T.
// Kaiser", "Mateusz Seroka, Piotr Żochowski"): the bare byline a page prints under its
// headline. A name opens with a given name of the rules' names/ lists, and goes on with one to
// three capitalised words, initials or particles ("von", "de la"); names are joined by a
// comma, "&", "/" or a joining word of the lists ("and", "und"). Read from names/*.txt: a file
// named particles.txt lists particles, one named joiners.txt joining words, every other file
// given names, one a line, in any case.
#include <span>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>

#include "core/diagnostic.h"

namespace declutter {

class PersonNames {
 public:
  // (path as diagnostics show it, content) of each file; every problem lands in `diagnostics`.
  static PersonNames parse(std::span<const std::pair<std::string, std::string>> files, Diagnostics& diagnostics);

  // Whether `line` (trimmed, inner spaces single) is one to four names and nothing else.
  bool names_only(std::string_view line) const;
  bool empty() const { return given_.empty(); }

 private:
  // Which of the lists a folded word is on.
  bool given(std::string_view word) const;
  bool particle(std::string_view word) const;
  bool joiner(std::string_view word) const;
  // Whether the words of one name, as written, read as one.
  bool reads_as_name(std::span<const std::string_view> words) const;

  std::unordered_set<std::string> given_;
  std::unordered_set<std::string> particles_;
  std::unordered_set<std::string> joiners_;
};

}  // namespace declutter
