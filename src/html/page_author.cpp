#include "html/page_author.h"

#include "html/element_values.h"
#include "text/normalize.h"

namespace declutter {
namespace {

// Quotes a name may be wrapped in ('Ana Costa', "Ana Costa", “Ana Costa”).
std::string_view unquoted(std::string_view text) {
  static constexpr std::string_view kPairs[][2] = {{"'", "'"}, {"\"", "\""}, {"\xE2\x80\x9C", "\xE2\x80\x9D"}};
  for (const auto& pair : kPairs)
    if (text.size() >= pair[0].size() + pair[1].size() && text.starts_with(pair[0]) && text.ends_with(pair[1]))
      return text.substr(pair[0].size(), text.size() - pair[0].size() - pair[1].size());
  return text;
}

bool has_letter(std::string_view text) {
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if ((byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') || byte >= 0x80) return true;
  }
  return false;
}

}  // namespace

std::optional<std::string> normalise_author(std::string_view text, const BylinePrefixes& bylines) {
  if (text.size() > 4 * kLongestAuthor) return std::nullopt;  // a paragraph, not a name
  const std::string spaced = collapse_spaces(text);
  const std::string name(bylines.strip(collapse_spaces(unquoted(spaced))));
  if (name.empty() || name.size() > kLongestAuthor || !has_letter(name)) return std::nullopt;
  if (name.find("://") != std::string::npos || name.starts_with("www.") || name.find_first_of("<>{}") != std::string::npos)
    return std::nullopt;
  return name;
}

std::optional<std::string> author_of_element(const xmlNode* element, const Rule& rule, const BylinePrefixes& bylines) {
  return element_value(element, rule, {"content"},
                       [&bylines](std::string_view value) { return normalise_author(value, bylines); });
}

std::optional<PageAuthor> find_author(DomMarks& marks, const BylinePrefixes& bylines) {
  auto found = first_metadata_value(marks, Action::html_author, [&bylines](const xmlNode* element, const Rule& rule) {
    return author_of_element(element, rule, bylines);
  });
  if (!found) return std::nullopt;
  return PageAuthor{std::move(found->first), found->second};
}

}  // namespace declutter
