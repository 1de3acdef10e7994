#include "regex/regex_facts.h"

namespace declutter {

RegexFacts analyse_pattern(std::string_view pattern, bool caseless, bool extended) {
  return RegexFacts{pattern_shape(pattern, extended), literal_requirement(pattern, caseless, extended)};
}

}  // namespace declutter
