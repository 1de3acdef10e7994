#pragma once
// The built-in rules' regexes, compiled and analysed at build time: compiling and analysing
// them was nearly all of the start-up of a one-page run. src/build_tools/built_in_regexes_main.cpp
// writes the table; Regex::compile and Regex::valid look patterns up in it, and compile
// the others (--rules DIR) as they come.
#include <span>
#include <string_view>

#include "regex/regex_facts.h"

namespace declutter {

struct BuiltInRegex {
  std::string_view pattern;
  bool caseless = false;
  bool extended = false;
  bool dotall = false;
  PatternShape shape;
  // The pattern's LiteralRequirement, as views: the table is constant data, built by the
  // compiler (a table of std::strings was built at every start and took 37 s to compile).
  std::span<const std::string_view> literal_prefixes;
  std::span<const std::string_view> literal_infixes;
  // The compiled pattern, as pcre2_serialize_encode writes it; it only decodes into the
  // PCRE2 build that wrote it (the one linked in, normally), else the pattern is compiled.
  std::string_view code;

  LiteralRequirement literals() const;
  RegexFacts facts() const { return RegexFacts{shape, literals()}; }
};

// The generated table (empty in the tool that generates it).
std::span<const BuiltInRegex> built_in_regexes();

// The entry for a pattern and its flags, or null.
const BuiltInRegex* find_built_in_regex(std::string_view pattern, bool caseless, bool extended, bool dotall);

}  // namespace declutter
