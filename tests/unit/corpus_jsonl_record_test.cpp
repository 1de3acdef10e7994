#include <catch2/catch.hpp>

#include "core/retained_buffer.h"
#include "corpus/jsonl_record.h"

using declutter::JsonlRecord;

namespace {
std::string replaced(JsonlRecord& record, std::string_view line, std::string_view text,
                     std::string_view field = "text") {
  std::string reason;
  REQUIRE(record.parse(line, field, {}, reason) == JsonlRecord::Parse::ok);
  std::string out;
  record.append_replaced(text, {}, out);
  return out;
}
}  // namespace

TEST_CASE("jsonl record: replaces only the field's value, byte for byte elsewhere", "[corpus]") {
  JsonlRecord record;
  const std::string line =
      R"({"id": 7,  "meta":{"n":1.50e3,"s":"\u00e9"}, "text" : "old \"value\"" , "url":"https://a.example/x"})";
  std::string reason;
  REQUIRE(record.parse(line, "text", {}, reason) == JsonlRecord::Parse::ok);
  CHECK(record.value() == "old \"value\"");
  CHECK(record.url() == "https://a.example/x");
  std::string out;
  record.append_replaced("new", {}, out);
  CHECK(out ==
        R"({"id": 7,  "meta":{"n":1.50e3,"s":"\u00e9"}, "text" : "new" , "url":"https://a.example/x"})");
}

TEST_CASE("jsonl record: custom field, escaped key, first of duplicate keys", "[corpus]") {
  JsonlRecord record;
  CHECK(replaced(record, R"({"text":"t","body":"b"})", "B!", "body") == R"({"text":"t","body":"B!"})");
  CHECK(replaced(record, R"({"bo\u0064y":"b"})", "x", "body") == R"({"bo\u0064y":"x"})");
  CHECK(replaced(record, R"({"text":"a","text":"b"})", "x") == R"({"text":"x","text":"b"})");
}

TEST_CASE("jsonl record: clean text is escaped as JSON", "[corpus]") {
  JsonlRecord record;
  CHECK(replaced(record, R"({"text":""})", "a\"b\\c\nd\te\x01") ==
        R"({"text":"a\"b\\c\nd\te\u0001"})");
  CHECK(replaced(record, R"({"text":""})", "caf\xC3\xA9 \xE2\x82\xAC") ==
        "{\"text\":\"caf\xC3\xA9 \xE2\x82\xAC\"}");
}

TEST_CASE("jsonl record: invalid UTF-8 in clean text becomes U+FFFD", "[corpus]") {
  JsonlRecord record;
  CHECK(replaced(record, R"({"text":""})", "a\xFF" "b\xC3") ==
        "{\"text\":\"a\xEF\xBF\xBD" "b\xEF\xBF\xBD\"}");
  CHECK(replaced(record, R"({"text":""})", "\xED\xA0\x80") ==  // encoded surrogate
        "{\"text\":\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\"}");
}

TEST_CASE("jsonl record: malformed lines say why", "[corpus]") {
  JsonlRecord record;
  std::string reason;
  CHECK(record.parse(R"({"text": "unterminated)", "text", {}, reason) == JsonlRecord::Parse::malformed);
  CHECK(reason.find("invalid JSON") != std::string::npos);
  CHECK(record.parse(R"(["text"])", "text", {}, reason) == JsonlRecord::Parse::malformed);
  CHECK(reason == "not a JSON object");
  CHECK(record.parse(R"({"body":"x"})", "text", {}, reason) == JsonlRecord::Parse::malformed);
  CHECK(reason == "no field \"text\"");
  CHECK(record.parse(R"({"text":null})", "text", {}, reason) == JsonlRecord::Parse::malformed);
  CHECK(reason == "field \"text\" is not a string");
  CHECK(record.parse(R"({"text":"a","x":[1,,2]})", "text", {}, reason) ==
        JsonlRecord::Parse::malformed);
  CHECK(record.parse(R"({"text":"a"} trailing)", "text", {}, reason) == JsonlRecord::Parse::malformed);
  CHECK(record.parse("{\"text\":\"\xFF\"}", "text", {}, reason) == JsonlRecord::Parse::malformed);
}

TEST_CASE("jsonl record: blank lines and CRLF", "[corpus]") {
  JsonlRecord record;
  std::string reason;
  CHECK(record.parse("", "text", {}, reason) == JsonlRecord::Parse::blank);
  CHECK(record.parse(" \t\r", "text", {}, reason) == JsonlRecord::Parse::blank);
  CHECK(replaced(record, "{\"text\":\"a\"}\r", "b") == "{\"text\":\"b\"}\r");
}

TEST_CASE("jsonl record: url absent or not a string is empty", "[corpus]") {
  JsonlRecord record;
  std::string reason;
  REQUIRE(record.parse(R"({"text":"a","url":5})", "text", {}, reason) == JsonlRecord::Parse::ok);
  CHECK(record.url().empty());
  REQUIRE(record.parse(R"({"text":"a"})", "text", {}, reason) == JsonlRecord::Parse::ok);
  CHECK(record.url().empty());
}

namespace {
std::string with_metadata(std::string_view line, std::string_view metadata = R"({"m":1})") {
  JsonlRecord record;
  std::string reason;
  REQUIRE(record.parse(line, "text", "declutter", reason) == JsonlRecord::Parse::ok);
  std::string out;
  record.append_replaced("new", metadata, out);
  return out;
}
}  // namespace

TEST_CASE("jsonl record: metadata is added as the last member, the rest kept byte for byte", "[corpus]") {
  CHECK(with_metadata(R"({"text":"old"})") == R"({"text":"new","declutter":{"m":1}})");
  CHECK(with_metadata(R"({"text":"old", "id": 1.50e3 } )") == R"({"text":"new", "id": 1.50e3 ,"declutter":{"m":1}} )");
  CHECK(with_metadata("{\"text\":\"old\"}\r") == "{\"text\":\"new\",\"declutter\":{\"m\":1}}\r");
  // No metadata (the processor had none): the line as without --metadata.
  CHECK(with_metadata(R"({"text":"old"})", "") == R"({"text":"new"})");
}

TEST_CASE("jsonl record: the record's own metadata field is replaced, whatever its value", "[corpus]") {
  CHECK(with_metadata(R"({"declutter":{"a":[1,{"b":"}"}]},"text":"old","n":2})") ==
        R"({"declutter":{"m":1},"text":"new","n":2})");
  CHECK(with_metadata(R"({"text":"old","declutter" : [1, 2] ,"n":2})") == R"({"text":"new","declutter" : {"m":1} ,"n":2})");
  CHECK(with_metadata(R"({"text":"old","declutter":"x \" y"})") == R"({"text":"new","declutter":{"m":1}})");
  CHECK(with_metadata(R"({"declutter": 12 , "text":"old"})") == R"({"declutter": {"m":1} , "text":"new"})");
  CHECK(with_metadata(R"({"text":"old","declutter":null})") == R"({"text":"new","declutter":{"m":1}})");
  // The first of duplicate keys, as for the document's field.
  CHECK(with_metadata(R"({"text":"old","declutter":true,"declutter":false})") ==
        R"({"text":"new","declutter":{"m":1},"declutter":false})");
}

TEST_CASE("jsonl record: small records after a huge one (the parsers start afresh) parse as before", "[corpus]") {
  JsonlRecord record;
  const std::string body(3 * declutter::kRetainedBufferBytes, 'x');
  const std::string huge = R"({"text":")" + body + R"(","url":"https://a.example/big"})";
  std::string reason;
  REQUIRE(record.parse(huge, "text", {}, reason) == JsonlRecord::Parse::ok);
  CHECK(record.value().size() == body.size());
  CHECK(record.url() == "https://a.example/big");
  CHECK(replaced(record, R"({"id":1,"text":"a \"b\""})", "c") == R"({"id":1,"text":"c"})");
  CHECK(record.url().empty());
  CHECK(record.parse(R"({"id":2,"text":)", "text", {}, reason) == JsonlRecord::Parse::malformed);
  CHECK(replaced(record, huge, "small") == R"({"text":"small","url":"https://a.example/big"})");
}
