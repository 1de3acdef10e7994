#pragma once
// One JSON Lines record: find the document field (and `url`) in a line, and write the line
// back with only that field's value replaced. Everything else in the line is copied byte for
// byte, so other fields, key order, number spelling and escapes survive untouched.
// simdjson validates the whole line (DOM parser) and locates the value (On-Demand parser).
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "text/json_string.h"

namespace declutter {

class JsonlRecord {
 public:
  enum class Parse { ok, blank, malformed };

  JsonlRecord();
  ~JsonlRecord();
  JsonlRecord(const JsonlRecord&) = delete;
  JsonlRecord& operator=(const JsonlRecord&) = delete;

  // Parses `line` (without its newline). `metadata_field`, unless empty, is the field that
  // append_replaced will add or replace. On `malformed`, `reason` says why. The views
  // returned below stay valid until the next parse.
  Parse parse(std::string_view line, std::string_view field, std::string_view metadata_field,
              std::string& reason);
  std::string_view value() const { return value_; }  // the field, unescaped
  std::string_view url() const { return url_; }      // the `url` field, empty when absent

  // Appends the parsed line with the field's value replaced by `text` (no newline). A
  // non-empty `metadata` (JSON) becomes the value of the metadata field: in its place when
  // the record has one, else added as its last member.
  void append_replaced(std::string_view text, std::string_view metadata, std::string& out) const;

 private:
  struct Parsers;
  std::unique_ptr<Parsers> parsers_;
  std::string padded_;
  std::string_view line_;
  std::string_view value_;
  std::string_view url_;
  std::size_t value_begin_ = 0;  // the value's opening quote in the line
  std::size_t value_end_ = 0;    // one past its closing quote
  std::string_view metadata_field_;
  std::size_t metadata_begin_ = 0;  // the metadata field's value in the line, when it has one
  std::size_t metadata_end_ = 0;
  std::size_t object_end_ = 0;      // the record's closing brace
};

// Appends {"error":"<message>","line":<line>}.
void append_error_record(std::string_view message, std::uint64_t line, std::string& out);

}  // namespace declutter
