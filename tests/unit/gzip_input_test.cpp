// gzip'd documents: inflating, concatenated members, damage, and the size limit.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <random>
#include <string>
#include <thread>

#include "gzip_support.h"
#include "text/gzip_input.h"

using namespace declutter;
using declutter::testing::gzipped;


TEST_CASE("gzip: recognised by its magic bytes only", "[gzip]") {
  CHECK(is_gzip(gzipped("hello")));
  CHECK_FALSE(is_gzip("hello"));
  CHECK_FALSE(is_gzip("\x1F\x8B"));
  CHECK_FALSE(is_gzip("\x1F\x8B\x07 not deflate"));
  CHECK_FALSE(is_gzip(""));
}

TEST_CASE("gzip: inflates one member, several members, and large documents", "[gzip]") {
  std::string out = "stale";
  CHECK(gunzip(gzipped("A page of text.\n"), 0, out).status == GunzipStatus::ok);
  CHECK(out == "A page of text.\n");

  CHECK(gunzip(gzipped("first ") + gzipped("second"), 0, out).status == GunzipStatus::ok);
  CHECK(out == "first second");

  CHECK(gunzip(gzipped(""), 0, out).status == GunzipStatus::ok);
  CHECK(out.empty());

  // Several MB of text that does not compress well: the output grows many times over.
  std::mt19937 random(11);
  std::string big;
  while (big.size() < 3'000'000) big += static_cast<char>('a' + random() % 26);
  CHECK(gunzip(gzipped(big), 0, out).status == GunzipStatus::ok);
  CHECK(out == big);
}

TEST_CASE("gzip: truncated or damaged data is reported, not half-read", "[gzip]") {
  const std::string whole = gzipped("A page of text that is long enough to be cut in two.\n");
  std::string out;
  GunzipResult truncated = gunzip(whole.substr(0, whole.size() / 2), 0, out);
  CHECK(truncated.status == GunzipStatus::corrupt);
  CHECK(truncated.message.find("gzip data is corrupt") == 0);
  CHECK(out.empty());

  std::string bad_checksum = whole;
  bad_checksum[bad_checksum.size() - 6] ^= 0x55;  // inside the CRC-32 of the trailer
  CHECK(gunzip(bad_checksum, 0, out).status == GunzipStatus::corrupt);

  CHECK(gunzip(whole.substr(0, 10), 0, out).status == GunzipStatus::corrupt);  // the header alone
}

TEST_CASE("gzip: stops at the size limit instead of filling memory", "[gzip]") {
  const std::string zeros(5'000'000, '\0');
  const std::string bomb = gzipped(zeros);
  REQUIRE(bomb.size() < 50'000);
  std::string out;
  GunzipResult result = gunzip(bomb, 1'000'000, out);
  CHECK(result.status == GunzipStatus::too_large);
  CHECK(result.message.find("--max-doc-bytes") != std::string::npos);
  CHECK(out.capacity() < 3'000'000);
  CHECK(gunzip(bomb, 5'000'000, out).status == GunzipStatus::ok);  // exactly at the limit
  CHECK(out == zeros);
}

namespace {

// Everything a GzipFdReader gives for `data` written into a pipe in pieces of `piece`
// bytes (the first read then finds fewer bytes than a whole buffer, or the magic), and the
// outcome of its last read.
struct Streamed {
  std::string text;
  std::ptrdiff_t last = 0;
  std::string message;
};
Streamed inflate_through_pipe(const std::string& data, std::size_t piece, std::size_t out_size = 4096) {
  int ends[2];
  REQUIRE(::pipe(ends) == 0);
  std::thread writer([&] {
    for (std::size_t at = 0; at < data.size(); at += piece) {
      const std::size_t size = std::min(piece, data.size() - at);
      REQUIRE(::write(ends[1], data.data() + at, size) == static_cast<ssize_t>(size));
    }
    ::close(ends[1]);
  });
  // As RecordReader does: the first bytes are read, then handed over.
  char first[3];
  std::size_t got = 0;
  while (got < sizeof first) {
    const ssize_t n = ::read(ends[0], first + got, sizeof first - got);
    REQUIRE(n >= 0);
    if (n == 0) break;
    got += static_cast<std::size_t>(n);
  }
  Streamed result;
  {
    GzipFdReader reader(ends[0], std::string_view(first, got));
    std::string out(out_size, '\0');
    for (;;) {
      result.last = reader.read(out.data(), out.size());
      if (result.last <= 0) break;
      result.text.append(out.data(), static_cast<std::size_t>(result.last));
    }
    result.message = reader.message();
  }
  writer.join();
  ::close(ends[0]);
  return result;
}

}  // namespace

TEST_CASE("gzip stream: inflated as read, members one after another, padding after them ignored", "[gzip]") {
  const std::string lines = "{\"text\":\"one\"}\n{\"text\":\"two\"}\n";
  for (std::size_t piece : {std::size_t{1}, std::size_t{2}, std::size_t{7}, std::size_t{1} << 20}) {
    INFO(piece);
    Streamed one = inflate_through_pipe(gzipped(lines), piece);
    CHECK(one.last == 0);
    CHECK(one.text == lines);
    Streamed members = inflate_through_pipe(gzipped("first\n") + gzipped("") + gzipped("second\n"), piece);
    CHECK(members.last == 0);
    CHECK(members.text == "first\nsecond\n");
    Streamed padded = inflate_through_pipe(gzipped("first\n") + std::string(512, '\0'), piece);
    CHECK(padded.last == 0);
    CHECK(padded.text == "first\n");
  }
  // More than one buffer in and out, through a small output buffer.
  std::mt19937 random(5);
  std::string big;
  while (big.size() < 2'000'000) big += static_cast<char>('a' + random() % 26);
  Streamed large = inflate_through_pipe(gzipped(big) + gzipped(big), 65536, 1000);
  CHECK(large.last == 0);
  CHECK(large.text == big + big);
}

TEST_CASE("gzip stream: truncated or damaged data ends with an error after what did inflate", "[gzip]") {
  std::mt19937 random(7);
  std::string big;
  while (big.size() < 1'000'000) big += static_cast<char>('a' + random() % 26);
  const std::string whole = gzipped(big);
  Streamed truncated = inflate_through_pipe(whole.substr(0, whole.size() / 2), 4096);
  CHECK(truncated.last == -1);
  CHECK(truncated.message == "gzip data is corrupt: unexpected end of data");
  CHECK_FALSE(truncated.text.empty());
  CHECK(big.compare(0, truncated.text.size(), truncated.text) == 0);  // a true prefix

  std::string bad_checksum = whole;
  bad_checksum[bad_checksum.size() - 6] ^= 0x55;
  Streamed damaged = inflate_through_pipe(bad_checksum, 4096);
  CHECK(damaged.last == -1);
  CHECK(damaged.message.find("gzip data is corrupt") == 0);

  Streamed header_only = inflate_through_pipe(whole.substr(0, 10), 4096);
  CHECK(header_only.last == -1);
  CHECK(header_only.text.empty());
}
