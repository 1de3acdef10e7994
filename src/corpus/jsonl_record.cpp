#include "corpus/jsonl_record.h"

#include <simdjson.h>

#include "core/retained_buffer.h"

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

// Where a string value sits in the padded line: its raw token runs on to the next structural
// character, and the string ends at its last quote.
bool locate_string(simdjson::ondemand::value value, std::size_t& begin, std::size_t& end, const char* base) {
  const std::string_view token = value.raw_json_token();
  const std::size_t closing = token.rfind('"');
  if (token.empty() || token.front() != '"' || closing == 0 || closing == std::string_view::npos) return false;
  begin = static_cast<std::size_t>(token.data() - base);
  end = begin + closing + 1;
  return true;
}

// Where any value sits: objects and arrays to their closing bracket, without the white space
// their raw text runs on with.
bool locate_any(simdjson::ondemand::value value, std::size_t& begin, std::size_t& end, const char* base) {
  simdjson::ondemand::json_type type;
  if (value.type().get(type) != simdjson::SUCCESS) return false;
  std::string_view raw;
  switch (type) {
    case simdjson::ondemand::json_type::string:
      return locate_string(value, begin, end, base);
    case simdjson::ondemand::json_type::object: {
      simdjson::ondemand::object object;
      if (value.get_object().get(object) != simdjson::SUCCESS || object.raw_json().get(raw) != simdjson::SUCCESS)
        return false;
      break;
    }
    case simdjson::ondemand::json_type::array: {
      simdjson::ondemand::array array;
      if (value.get_array().get(array) != simdjson::SUCCESS || array.raw_json().get(raw) != simdjson::SUCCESS)
        return false;
      break;
    }
    default:
      raw = value.raw_json_token();
  }
  raw = raw.substr(0, raw.find_last_not_of(" \t\r\n") + 1);
  begin = static_cast<std::size_t>(raw.data() - base);
  end = begin + raw.size();
  return !raw.empty();
}

}  // namespace

JsonlRecord::Parse JsonlRecord::parse(std::string_view line, std::string_view field,
                                      std::string_view metadata_field, std::string& reason) {
  line_ = line;
  value_ = {};
  url_ = {};
  if (is_blank(line)) return Parse::blank;

  // The padded copy and simdjson's parsers, whose tables never shrink, are sized by the
  // longest line since they were made: after a huge record, fresh ones for the small.
  if (outgrown(padded_.capacity(), line.size())) {
    std::string().swap(padded_);
    parsers_ = std::make_unique<Parsers>();
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

  // The DOM parser validated the line; the On-Demand parser tells where the values sit.
  metadata_field_ = metadata_field;
  metadata_begin_ = metadata_end_ = 0;
  object_end_ = line.find_last_not_of(" \t\r\n");  // validated as an object: its '}'
  simdjson::padded_string_view view(padded_.data(), padded_.size(), padded_.capacity());
  auto document = parsers_->ondemand.iterate(view);
  simdjson::ondemand::object fields;
  bool value_found = false;
  if (document.get_object().get(fields) == simdjson::SUCCESS) {
    for (auto member : fields) {
      std::string_view key;
      if (member.unescaped_key().get(key) != simdjson::SUCCESS) break;
      // The first of duplicate keys, as the DOM lookups above read them.
      const bool is_field = key == field && !value_found;
      const bool is_metadata = !metadata_field.empty() && key == metadata_field && metadata_end_ == 0;
      if (!is_field && !is_metadata) continue;
      simdjson::ondemand::value member_value;
      if (member.value().get(member_value) != simdjson::SUCCESS) break;
      if (is_field) {
        if (!locate_string(member_value, value_begin_, value_end_, padded_.data())) break;
        value_found = true;
      } else if (!locate_any(member_value, metadata_begin_, metadata_end_, padded_.data())) {
        break;
      }
      if (value_found && (metadata_field.empty() || metadata_end_ != 0)) break;
    }
  }
  if (value_found) return Parse::ok;
  reason = "cannot locate field \"" + std::string(field) + "\"";
  return Parse::malformed;
}

void JsonlRecord::append_replaced(std::string_view text, std::string_view metadata, std::string& out) const {
  if (metadata.empty()) {
    out.append(line_.substr(0, value_begin_));
    append_json_string(text, out);
    out.append(line_.substr(value_end_));
    return;
  }
  // Two edits in line order: the document's value, and the metadata's value or a new member
  // before the closing brace.
  const bool has_metadata = metadata_end_ != 0;
  const std::size_t metadata_begin = has_metadata ? metadata_begin_ : object_end_;
  const std::size_t metadata_end = has_metadata ? metadata_end_ : object_end_;
  const auto append_metadata = [&] {
    if (!has_metadata) {
      out += ',';
      append_json_string(metadata_field_, out);
      out += ':';
    }
    out.append(metadata);
  };
  if (value_begin_ < metadata_begin) {
    out.append(line_.substr(0, value_begin_));
    append_json_string(text, out);
    out.append(line_.substr(value_end_, metadata_begin - value_end_));
    append_metadata();
    out.append(line_.substr(metadata_end));
  } else {
    out.append(line_.substr(0, metadata_begin));
    append_metadata();
    out.append(line_.substr(metadata_end, value_begin_ - metadata_end));
    append_json_string(text, out);
    out.append(line_.substr(value_end_));
  }
}

void append_error_record(std::string_view message, std::uint64_t line, std::string& out) {
  out += "{\"error\":";
  append_json_string(message, out);
  out += ",\"line\":";
  out += std::to_string(line);
  out += '}';
}

}  // namespace declutter
