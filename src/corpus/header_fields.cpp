#include "corpus/header_fields.h"

#include "text/ascii.h"

namespace declutter {

// Values are trimmed of spaces and tabs (RFC 9112, 5.1), and of the CR of a CRLF line.
std::string_view header_field(std::string_view fields, std::string_view name) {
  while (!fields.empty()) {
    const std::size_t newline = fields.find('\n');
    const std::string_view line = fields.substr(0, newline);
    fields = newline == std::string_view::npos ? std::string_view() : fields.substr(newline + 1);
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    if (equals_ignoring_ascii_case(trim_ascii_blanks(line.substr(0, colon)), name)) {
      return trim_ascii_blanks(line.substr(colon + 1));
    }
  }
  return {};
}

bool media_type_is(std::string_view content_type, std::string_view media_type) {
  return equals_ignoring_ascii_case(trim_ascii_blanks(content_type.substr(0, content_type.find(';'))), media_type);
}

}  // namespace declutter
