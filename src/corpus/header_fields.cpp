#include "corpus/header_fields.h"

#include "text/ascii.h"

namespace declutter {

namespace {

// Field values are trimmed of spaces and tabs (RFC 9112, 5.1), and of the CR of a CRLF line.
std::string_view trim_field(std::string_view text) {
  const auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\r'; };
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

}  // namespace

std::string_view header_field(std::string_view fields, std::string_view name) {
  while (!fields.empty()) {
    const std::size_t newline = fields.find('\n');
    const std::string_view line = fields.substr(0, newline);
    fields = newline == std::string_view::npos ? std::string_view() : fields.substr(newline + 1);
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    if (equals_ignoring_ascii_case(trim_field(line.substr(0, colon)), name)) {
      return trim_field(line.substr(colon + 1));
    }
  }
  return {};
}

bool media_type_is(std::string_view content_type, std::string_view media_type) {
  return equals_ignoring_ascii_case(trim_field(content_type.substr(0, content_type.find(';'))), media_type);
}

std::string_view content_type_parameter(std::string_view content_type, std::string_view name) {
  std::size_t semicolon = content_type.find(';');
  while (semicolon != std::string_view::npos) {
    const std::string_view rest = content_type.substr(semicolon + 1);
    semicolon = rest.find(';');
    const std::string_view parameter = rest.substr(0, semicolon);
    content_type = rest;
    const std::size_t equals = parameter.find('=');
    if (equals == std::string_view::npos) continue;
    if (!equals_ignoring_ascii_case(trim_field(parameter.substr(0, equals)), name)) continue;
    std::string_view value = trim_field(parameter.substr(equals + 1));
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') value = value.substr(1, value.size() - 2);
    return value;
  }
  return {};
}

}  // namespace declutter
