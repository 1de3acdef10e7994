#pragma once
// One JSON Lines record: find the document field (and `url`) in a line, and write the line
// back with only that field's value replaced. Everything else in the line is copied byte for
// byte, so other fields, key order, number spelling and escapes survive untouched.
// simdjson validates the whole line (DOM parser) and locates the value (On-Demand parser).
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace declutter {

class JsonlRecord {
 public:
  enum class Parse { ok, blank, malformed };

  JsonlRecord();
  ~JsonlRecord();
  JsonlRecord(const JsonlRecord&) = delete;
  JsonlRecord& operator=(const JsonlRecord&) = delete;

  // Parses `line` (without its newline). On `malformed`, `reason` says why. The views
  // returned below stay valid until the next parse.
  Parse parse(std::string_view line, std::string_view field, std::string& reason);
  std::string_view value() const { return value_; }  // the field, unescaped
  std::string_view url() const { return url_; }      // the `url` field, empty when absent

  // Appends the parsed line with the field's value replaced by `text` (no newline).
  void append_replaced(std::string_view text, std::string& out) const;

 private:
  struct Parsers;
  std::unique_ptr<Parsers> parsers_;
  std::string padded_;
  std::string_view line_;
  std::string_view value_;
  std::string_view url_;
  std::size_t value_begin_ = 0;  // the value's opening quote in the line
  std::size_t value_end_ = 0;    // one past its closing quote
};

// Appends `text` as a quoted JSON string; invalid UTF-8 becomes U+FFFD so the line stays valid.
void append_json_string(std::string_view text, std::string& out);
// Appends {"error":"<message>","line":<line>}.
void append_error_record(std::string_view message, std::uint64_t line, std::string& out);

}  // namespace declutter
