// gzip'd documents: inflating, concatenated members and damage. The size limit and streams:
// compressed_input_test.cpp.
#include <catch2/catch.hpp>

#include <random>
#include <string>

#include "compression_support.h"
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
  CHECK(gunzip(gzipped("A page of text.\n"), 0, out).status == InflateStatus::ok);
  CHECK(out == "A page of text.\n");

  CHECK(gunzip(gzipped("first ") + gzipped("second"), 0, out).status == InflateStatus::ok);
  CHECK(out == "first second");

  CHECK(gunzip(gzipped(""), 0, out).status == InflateStatus::ok);
  CHECK(out.empty());

  // Several MB of text that does not compress well: the output grows many times over.
  std::mt19937 random(11);
  std::string big;
  while (big.size() < 3'000'000) big += static_cast<char>('a' + random() % 26);
  CHECK(gunzip(gzipped(big), 0, out).status == InflateStatus::ok);
  CHECK(out == big);
}

TEST_CASE("gzip: truncated or damaged data is reported; of truncated data, what inflated is kept", "[gzip]") {
  const std::string text = "A page of text that is long enough to be cut in two.\n";
  const std::string whole = gzipped(text);
  std::string out;
  InflateResult truncated = gunzip(whole.substr(0, whole.size() / 2), 0, out);
  CHECK(truncated.status == InflateStatus::cut_short);
  CHECK(truncated.message.find("gzip data is corrupt") == 0);
  CHECK(text.starts_with(out));
  CHECK(gunzip(whole.substr(0, whole.size() - 1), 0, out).status == InflateStatus::cut_short);  // in the trailer
  CHECK(out == text);

  std::string bad_checksum = whole;
  bad_checksum[bad_checksum.size() - 6] ^= 0x55;  // inside the CRC-32 of the trailer
  CHECK(gunzip(bad_checksum, 0, out).status == InflateStatus::corrupt);

  CHECK(gunzip(whole.substr(0, 10), 0, out).status == InflateStatus::cut_short);  // the header alone
  CHECK(out.empty());
}
