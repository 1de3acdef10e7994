#include <catch2/catch.hpp>

#include <cstring>

#include "corpus/record_reader.h"
#include "corpus_harness.h"
#include "compression_support.h"

using declutter::RecordReader;
using declutter::corpus_test::temp_file_with;

namespace {
std::vector<std::string> records_of(const std::string& input, std::optional<char> delimiter) {
  auto file = temp_file_with(input);
  RecordReader reader(fileno(file.get()), delimiter, 0);
  std::vector<std::string> records;
  for (;;) {
    std::string record;
    const auto status = reader.read(record);
    if (status == RecordReader::Status::end) break;
    REQUIRE(status == RecordReader::Status::record);
    records.push_back(record);
  }
  return records;
}
using Records = std::vector<std::string>;
}  // namespace

TEST_CASE("record reader: NUL framing", "[corpus]") {
  using namespace std::string_literals;
  CHECK(records_of("a\0b\0"s, '\0') == Records{"a", "b"});
  CHECK(records_of("a\0b"s, '\0') == Records{"a", "b"});
  CHECK(records_of("\0\0x"s, '\0') == Records{"", "", "x"});
  CHECK(records_of("", '\0').empty());
}

TEST_CASE("record reader: lines keep CR and empty lines", "[corpus]") {
  CHECK(records_of("a\r\n\nb", '\n') == Records{"a\r", "", "b"});
}

TEST_CASE("record reader: whole stream is one record, NUL bytes included, even when empty", "[corpus]") {
  using namespace std::string_literals;
  CHECK(records_of("x\0y\nz"s, std::nullopt) == Records{"x\0y\nz"s});
  CHECK(records_of("", std::nullopt) == Records{""});
}

TEST_CASE("record reader: records span read buffers", "[corpus]") {
  const std::string big(3'000'000, 'q');
  CHECK(records_of(big + "\n" + big + "\nend", '\n') == Records{big, big, "end"});
}

TEST_CASE("record reader: an oversized record yields its prefix and streams the rest", "[corpus]") {
  const std::string big(2'500'000, 'z');
  auto file = temp_file_with("short\n" + big + "\nafter\n");
  RecordReader reader(fileno(file.get()), '\n', 1000);
  std::string record;
  REQUIRE(reader.read(record) == RecordReader::Status::record);
  CHECK(record == "short");
  record.clear();
  REQUIRE(reader.read(record) == RecordReader::Status::oversized);
  CHECK(record.size() == 1000);
  std::size_t rest = 0;
  REQUIRE(reader.stream_rest([&](std::string_view chunk) {
    CHECK(chunk.find('\n') == std::string_view::npos);
    rest += chunk.size();
    return true;
  }));
  CHECK(record.size() + rest == big.size());
  record.clear();
  REQUIRE(reader.read(record) == RecordReader::Status::record);
  CHECK(record == "after");
  record.clear();
  CHECK(reader.read(record) == RecordReader::Status::end);
}

TEST_CASE("record reader: a record of exactly the limit is not oversized", "[corpus]") {
  auto file = temp_file_with("abcd\nabcde\n");
  RecordReader reader(fileno(file.get()), '\n', 4);
  std::string record;
  CHECK(reader.read(record) == RecordReader::Status::record);
  record.clear();
  CHECK(reader.read(record) == RecordReader::Status::oversized);
}

TEST_CASE("record reader: a compressed stream of records is split from what it holds", "[corpus]") {
  using namespace std::string_literals;
  using declutter::testing::gzipped;
  CHECK(records_of(gzipped("a\nb\n") + gzipped("c"), '\n') == Records{"a", "b", "c"});
  CHECK(records_of(gzipped("x\0y\0"s), '\0') == Records{"x", "y"});
  const std::string big(1'500'000, 'q');
  CHECK(records_of(gzipped(big + "\n" + big), '\n') == Records{big, big});
  CHECK(records_of(gzipped(""), '\n').empty());
  CHECK(records_of(declutter::testing::zstd_compressed("z1\nz2\n"), '\n') == Records{"z1", "z2"});
  // A whole stream is one document, handed out as it came: it is inflated on its own,
  // under the document size limit.
  const std::string page = gzipped("<p>page</p>");
  CHECK(records_of(page, std::nullopt) == Records{page});
  // Gzip's magic later in a stream is only bytes.
  CHECK(records_of("a\n" + gzipped("b"), '\n').front() == "a");

  const std::string cut = gzipped("first record\n" + big);
  auto file = temp_file_with(cut.substr(0, cut.size() - 100));
  RecordReader reader(fileno(file.get()), '\n', 0);
  std::string record;
  REQUIRE(reader.read(record) == RecordReader::Status::record);
  CHECK(record == "first record");
  record.clear();
  CHECK(reader.read(record) == RecordReader::Status::error);
  CHECK(reader.error_message() == "gzip data is corrupt: unexpected end of data");
}

TEST_CASE("record reader: read errors are reported", "[corpus]") {
  auto file = temp_file_with("");
  RecordReader reader(-1, '\n', 0);
  std::string record;
  CHECK(reader.read(record) == RecordReader::Status::error);
  CHECK(reader.error_number() == EBADF);
  CHECK(reader.error_message() == std::strerror(EBADF));
}
