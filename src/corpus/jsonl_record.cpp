#include "corpus/jsonl_record.h"

#include <simdjson.h>

#include <array>

namespace declutter {

struct JsonlRecord::Parsers {
  simdjson::dom::parser dom;
  simdjson::ondemand::parser ondemand;
};

JsonlRecord::JsonlRecord() : parsers_(std::make_unique<Parsers>()) {}
JsonlRecord::~JsonlRecord() = default;

namespace {

bool is_blank(std::string_view line) {
  for (const char c : line) {
    if (c != ' ' && c != '\t' && c != '\r') return false;
  }
  return true;
}

constexpr std::size_t kRetainedBufferBytes = std::size_t{8} << 20;

}  // namespace

JsonlRecord::Parse JsonlRecord::parse(std::string_view line, std::string_view field,
                                      std::string& reason) {
  line_ = line;
  value_ = {};
  url_ = {};
  if (is_blank(line)) return Parse::blank;

  if (padded_.capacity() > kRetainedBufferBytes &&
      line.size() + simdjson::SIMDJSON_PADDING <= kRetainedBufferBytes) {
    std::string().swap(padded_);
  }
  padded_.reserve(line.size() + simdjson::SIMDJSON_PADDING);
  padded_.assign(line);

  simdjson::dom::element root;
  if (const auto error = parsers_->dom.parse(padded_.data(), padded_.size(), false).get(root)) {
    reason = std::string("invalid JSON: ") + simdjson::error_message(error);
    return Parse::malformed;
  }
  simdjson::dom::object object;
  if (root.get_object().get(object) != simdjson::SUCCESS) {
    reason = "not a JSON object";
    return Parse::malformed;
  }
  simdjson::dom::element value;
  if (object.at_key(field).get(value) != simdjson::SUCCESS) {
    reason = "no field \"" + std::string(field) + "\"";
    return Parse::malformed;
  }
  if (value.get_string().get(value_) != simdjson::SUCCESS) {
    reason = "field \"" + std::string(field) + "\" is not a string";
    return Parse::malformed;
  }
  std::string_view url;
  if (object.at_key("url").get_string().get(url) == simdjson::SUCCESS) url_ = url;

  // The DOM parser validated the line; the On-Demand parser tells where the value sits.
  simdjson::padded_string_view view(padded_.data(), padded_.size(), padded_.capacity());
  auto document = parsers_->ondemand.iterate(view);
  simdjson::ondemand::object fields;
  if (document.get_object().get(fields) == simdjson::SUCCESS) {
    for (auto member : fields) {
      std::string_view key;
      if (member.unescaped_key().get(key) != simdjson::SUCCESS) break;
      if (key != field) continue;
      std::string_view token;
      if (member.value().raw_json_token().get(token) != simdjson::SUCCESS) break;
      // The token runs on to the next structural character; the string ends at its last quote.
      const std::size_t closing = token.rfind('"');
      if (token.empty() || token.front() != '"' || closing == 0 ||
          closing == std::string_view::npos) {
        break;
      }
      value_begin_ = static_cast<std::size_t>(token.data() - padded_.data());
      value_end_ = value_begin_ + closing + 1;
      return Parse::ok;
    }
  }
  reason = "cannot locate field \"" + std::string(field) + "\"";
  return Parse::malformed;
}

void JsonlRecord::append_replaced(std::string_view text, std::string& out) const {
  out.append(line_.substr(0, value_begin_));
  append_json_string(text, out);
  out.append(line_.substr(value_end_));
}

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

void append_error_record(std::string_view message, std::uint64_t line, std::string& out) {
  out += "{\"error\":";
  append_json_string(message, out);
  out += ",\"line\":";
  out += std::to_string(line);
  out += '}';
}

}  // namespace declutter
