#include "html/element_values.h"

#include <simdjson.h>

#include "html/dom_walk.h"

namespace declutter {
namespace {

constexpr std::size_t kMaxElementText = std::size_t{1} << 20;
constexpr int kMaxJsonDepth = 32;
// A parser keeps tables of about 14 times the largest text it has read for as long as it
// lives; JSON over this size gets a parser of its own, freed with it, so that one page's
// megabyte of JSON-LD does not stay with the thread for the rest of the run.
constexpr std::size_t kKeptParserBytes = std::size_t{64} << 10;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// The text a member's value holds, as json_member_text describes; nothing for numbers,
// objects without a "name" ({"@id":"#author"}) and the like.
std::optional<std::string> value_text(simdjson::dom::element value, bool in_array = false) {
  std::string_view text;
  if (value.get_string().get(text) == simdjson::SUCCESS) return std::string(text);
  simdjson::dom::object object;
  if (value.get_object().get(object) == simdjson::SUCCESS) {
    if (object["name"].get_string().get(text) == simdjson::SUCCESS) return std::string(text);
    return std::nullopt;
  }
  simdjson::dom::array array;
  if (!in_array && value.get_array().get(array) == simdjson::SUCCESS) {
    std::string joined;
    for (simdjson::dom::element item : array)
      if (auto part = value_text(item, true); part && !part->empty()) {
        if (!joined.empty()) joined += ", ";
        joined += *part;
      }
    if (!joined.empty()) return joined;
  }
  return std::nullopt;
}

std::optional<std::string> find_member(simdjson::dom::element element, std::string_view key, int depth = 0) {
  if (depth > kMaxJsonDepth) return std::nullopt;
  simdjson::dom::object object;
  if (element.get_object().get(object) == simdjson::SUCCESS) {
    for (auto [name, value] : object) {
      if (name == key)
        if (auto text = value_text(value)) return text;
      if (auto found = find_member(value, key, depth + 1)) return found;
    }
    return std::nullopt;
  }
  simdjson::dom::array array;
  if (element.get_array().get(array) == simdjson::SUCCESS)
    for (simdjson::dom::element item : array)
      if (auto found = find_member(item, key, depth + 1)) return found;
  return std::nullopt;
}

std::optional<std::string> scan_member(std::string_view text, std::string_view key) {
  const std::string quoted = '"' + std::string(key) + '"';
  for (std::size_t at = text.find(quoted); at != std::string_view::npos; at = text.find(quoted, at + 1)) {
    std::size_t pos = at + quoted.size();
    while (pos < text.size() && is_space(text[pos])) ++pos;
    if (pos >= text.size() || text[pos] != ':') continue;
    ++pos;
    while (pos < text.size() && is_space(text[pos])) ++pos;
    if (pos >= text.size() || (text[pos] != '"' && text[pos] != '\'')) continue;
    const std::size_t end = text.find(text[pos], pos + 1);
    if (end == std::string_view::npos) return std::nullopt;
    return std::string(text.substr(pos + 1, end - pos - 1));
  }
  return std::nullopt;
}

}  // namespace

void append_element_text(const xmlNode* element, std::string& out) {
  walk_tree(
      const_cast<xmlNode*>(element),
      [&out](xmlNode* node) {
        if ((node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) && out.size() < kMaxElementText)
          out.append(xml_text(node->content));
        return true;
      },
      [](xmlNode*) {});
}

std::optional<std::string> json_member_text(std::string_view json, std::string_view key) {
  thread_local simdjson::dom::parser kept_parser;
  std::optional<simdjson::dom::parser> own_parser;
  simdjson::dom::parser& parser = json.size() <= kKeptParserBytes ? kept_parser : own_parser.emplace();
  simdjson::dom::element root;
  if (parser.parse(json).get(root) == simdjson::SUCCESS) return find_member(root, key);
  return scan_member(json, key);
}

}  // namespace declutter
