#pragma once
// The article's author, as html-author rules find it: in a <meta> tag's content, an
// element's text, or a member of a JSON-LD script (key=author: a name, a Person's name, or
// several joined with ", "). The first rule, in rule order, whose elements hold a readable
// name decides.
#include <optional>
#include <string>
#include <string_view>

#include "html/dom_rules.h"
#include "text/byline_prefixes.h"

namespace declutter {

// A name as a page states it, white space collapsed, surrounding quotes and a byline prefix
// ("By", "Von") taken off; nothing when it is empty, longer than a byline (kLongestAuthor bytes), holds no letter, or
// is an address or markup (a profile URL in article:author, "{{author}}" left by a template).
inline constexpr std::size_t kLongestAuthor = 120;
std::optional<std::string> normalise_author(std::string_view text, const BylinePrefixes& bylines);

// The author an element gives for `rule`: the value of key=NAME in its text read as JSON,
// or else the first of its content attribute and its text that holds a readable name.
std::optional<std::string> author_of_element(const xmlNode* element, const Rule& rule, const BylinePrefixes& bylines);

struct PageAuthor {
  std::string name;
  const Rule* rule = nullptr;  // the html-author rule that found it
};

// The first name the html-author rules' matches give, trying rules in order.
std::optional<PageAuthor> find_author(DomMarks& marks, const BylinePrefixes& bylines);

}  // namespace declutter
