#pragma once
// A prefilter for regex rules: a few bytes of which every match must contain at least one,
// read from the pattern's syntax. A subject containing none of them cannot match, and a
// memchr per byte is far cheaper than running the matcher over a long line that only
// fails after backtracking (`^.{0,200}\s[\/|]...` needs a '/' or a '|').
//
// The analysis is deliberately conservative: it only trusts items it fully understands
// (literal characters and bracket classes of literal characters, outside any alternation
// and under a quantifier of at least one) and gives up on anything else, so an empty
// result only means "no prefilter", never "no match".
#include <cstddef>
#include <string_view>

namespace declutter {

struct RequiredBytes {
  static constexpr std::size_t kMax = 4;
  unsigned char bytes[kMax] = {};
  std::size_t count = 0;  // 0: no prefilter

  // Whether `subject` contains one of the bytes (always true without a prefilter).
  bool admits(std::string_view subject) const;
};

// Case is ignored throughout (both cases of ASCII letters are required-or; a non-ASCII letter
// gives no requirement), so the result holds with or without (?i). `extended` patterns get none.
RequiredBytes required_bytes(std::string_view pattern, bool extended);

}  // namespace declutter
