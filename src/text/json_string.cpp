#include "text/json_string.h"

#include <simdjson.h>

#include <array>

namespace declutter {

namespace {

// Length of the valid UTF-8 sequence at `at`, or 0 when the byte there starts none.
std::size_t valid_sequence_length(std::string_view text, std::size_t at) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(at);
  const std::size_t left = text.size() - at;
  const auto continuation = [&](std::size_t i) { return (byte(at + i) & 0xC0U) == 0x80U; };
  if (lead < 0x80U) return 1;
  if (lead >= 0xC2U && lead <= 0xDFU) return left >= 2 && continuation(1) ? 2 : 0;
  if (lead >= 0xE0U && lead <= 0xEFU) {
    if (left < 3 || !continuation(1) || !continuation(2)) return 0;
    const unsigned char second = byte(at + 1);
    if (lead == 0xE0U && second < 0xA0U) return 0;   // overlong
    if (lead == 0xEDU && second >= 0xA0U) return 0;  // surrogate
    return 3;
  }
  if (lead >= 0xF0U && lead <= 0xF4U) {
    if (left < 4 || !continuation(1) || !continuation(2) || !continuation(3)) return 0;
    const unsigned char second = byte(at + 1);
    if (lead == 0xF0U && second < 0x90U) return 0;   // overlong
    if (lead == 0xF4U && second >= 0x90U) return 0;  // above U+10FFFF
    return 4;
  }
  return 0;
}

void append_escaped_valid_utf8(std::string_view text, std::string& out) {
  static constexpr std::array<char, 16> kHex = {'0', '1', '2', '3', '4', '5', '6', '7',
                                                '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'};
  std::size_t run = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20U && c != '"' && c != '\\') continue;
    out.append(text.substr(run, i - run));
    run = i + 1;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      default:
        out += "\\u00";
        out += kHex[c >> 4U];
        out += kHex[c & 0xFU];
    }
  }
  out.append(text.substr(run));
}

}  // namespace

void append_json_string(std::string_view text, std::string& out) {
  out += '"';
  if (simdjson::validate_utf8(text.data(), text.size())) {
    append_escaped_valid_utf8(text, out);
  } else {
    std::string repaired;
    repaired.reserve(text.size() + 16);
    for (std::size_t i = 0; i < text.size();) {
      const std::size_t length = valid_sequence_length(text, i);
      if (length == 0) {
        repaired += "\xEF\xBF\xBD";
        ++i;
      } else {
        repaired.append(text.substr(i, length));
        i += length;
      }
    }
    append_escaped_valid_utf8(repaired, out);
  }
  out += '"';
}

}  // namespace declutter
