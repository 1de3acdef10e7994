#pragma once
// The front end a document went through: text lines, or an HTML DOM. A `set` line may apply
// to one of them only (`format=text`), since a line of text carries less evidence than an
// HTML element and the scorer weighs the two differently. And how its bytes were decoded.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
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

// How a document's bytes were read, for --explain and --stats.
struct Decoding {
  std::string encoding = "UTF-8";  // an iconv name, e.g. "UTF-8", "WINDOWS-1252", "UTF-16LE"
  bool repaired = false;           // invalid sequences were replaced by U+FFFD
  bool guessed = false;            // a legacy encoding chosen because the bytes were not UTF-8
};

}  // namespace declutter
