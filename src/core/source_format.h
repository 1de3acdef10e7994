#pragma once
// The front end a document went through: text lines, or an HTML DOM. A `set` line may apply
// to one of them only (`format=text`), since a line of text carries less evidence than an
// HTML element and the scorer weighs the two differently.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace declutter {

enum class SourceFormat : std::uint8_t { text, html };
inline constexpr std::size_t kSourceFormats = 2;

inline std::size_t format_index(SourceFormat format) { return static_cast<std::size_t>(format); }

inline std::optional<SourceFormat> parse_source_format(std::string_view name) {
  if (name == "text") return SourceFormat::text;
  if (name == "html") return SourceFormat::html;
  return std::nullopt;
}

}  // namespace declutter
