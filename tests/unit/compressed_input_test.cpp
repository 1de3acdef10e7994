// Compressed input in either format: zstd documents, telling the formats apart, and streams
// of records inflated as they are read (gzip'd documents: gzip_input_test.cpp).
#include <catch2/catch.hpp>
#include <pthread.h>
#include <unistd.h>

#include <csignal>

#include <functional>
#include <random>
#include <string>
#include <thread>

#include "compression_support.h"
#include "text/compressed_input.h"
#include "text/xz_input.h"
#include "text/zstd_input.h"

using namespace declutter;
using declutter::testing::gzipped;
using declutter::testing::trained_zstd_dictionary;
using declutter::testing::xz_compressed;
using declutter::testing::zstd_compressed;
using declutter::testing::zstd_compressed_with;
using declutter::testing::zstd_dictionary_frame;

namespace {

using Compress = std::function<std::string(const std::string&)>;
const std::vector<std::pair<const char*, Compress>> kFormats = {
    {"gzip", gzipped}, {"zstd", zstd_compressed}, {"xz", xz_compressed}};

std::string random_letters(std::size_t size, unsigned seed) {
  std::mt19937 random(seed);
  std::string text;
  while (text.size() < size) text += static_cast<char>('a' + random() % 26);
  return text;
}

// Records alike in shape, as a crawl's are, different in their words.
std::vector<std::string> similar_records(std::size_t count) {
  std::vector<std::string> records;
  for (std::size_t i = 0; i < count; ++i)
    records.push_back("{\"url\":\"https://news.example/story/" + std::to_string(i) +
                      "\",\"text\":\"<html><head><title>Story</title></head><body><nav>Home | World</nav><p>" +
                      random_letters(40 + i % 50, static_cast<unsigned>(i)) + "</p></body></html>\"}\n");
  return records;
}

// Everything an InflatingReader gives for `data` written into a pipe in pieces of `piece`
// bytes, and the outcome of its last read. As the record reader does, the first bytes are
// read before the reader is made (a pipe may give fewer than asked).
struct Streamed {
  std::string text;
  std::ptrdiff_t last = 0;
  std::string message;
};
Streamed inflate_through_pipe(const std::string& data, std::size_t piece, std::size_t out_size = 4096) {
  int ends[2];
  REQUIRE(::pipe(ends) == 0);
  std::thread writer([&] {
    // A reader that stops early closes the pipe: the write fails with EPIPE, and the signal
    // meant for this thread stays blocked here instead of ending the test run.
    sigset_t pipe_signal;
    sigemptyset(&pipe_signal);
    sigaddset(&pipe_signal, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &pipe_signal, nullptr);
    for (std::size_t at = 0; at < data.size(); at += piece) {
      const std::size_t size = std::min(piece, data.size() - at);
      if (::write(ends[1], data.data() + at, size) != static_cast<ssize_t>(size)) break;
    }
    ::close(ends[1]);
  });
  char first[8];
  std::size_t got = 0;
  while (got == 0 || (got < sizeof first && may_start_compressed(std::string_view(first, got)))) {
    const ssize_t n = ::read(ends[0], first + got, 1);
    if (n <= 0) break;
    got += static_cast<std::size_t>(n);
  }
  Streamed result;
  {
    const std::unique_ptr<InflatingReader> reader = inflating_reader(ends[0], std::string_view(first, got));
    REQUIRE(reader);
    std::string out(out_size, '\0');
    for (;;) {
      result.last = reader->read(out.data(), out.size());
      if (result.last <= 0) break;
      result.text.append(out.data(), static_cast<std::size_t>(result.last));
    }
    result.message = reader->message();
  }
  ::close(ends[0]);  // a reader that stopped early leaves the writer a closed pipe
  writer.join();
  return result;
}

}  // namespace

TEST_CASE("compressed input: the formats are told by their magic bytes", "[gzip]") {
  CHECK(is_compressed(gzipped("a")));
  CHECK(is_compressed(zstd_compressed("a")));
  CHECK(is_zstd(zstd_compressed("a")));
  CHECK(is_compressed(xz_compressed("a")));
  CHECK(is_xz(xz_compressed("a")));
  CHECK(may_start_compressed("\xFD" "7zX"));
  CHECK_FALSE(is_compressed("\xFD" "7zXZ"));
  CHECK_FALSE(is_compressed("{\"text\":\"a\"}"));
  CHECK_FALSE(is_compressed("\x28\xB5\x2F"));
  CHECK(may_start_compressed(""));
  CHECK(may_start_compressed("\x1F"));
  CHECK(may_start_compressed("\x28\xB5"));
  CHECK(may_start_compressed("\x5D\x2A\x4D"));
  CHECK(is_zstd(zstd_dictionary_frame("dictionary")));
  CHECK_FALSE(may_start_compressed("\n"));
  CHECK_FALSE(may_start_compressed("{\""));
  CHECK_FALSE(may_start_compressed(gzipped("a").substr(0, 3)));  // all of gzip's magic: nothing to wait for
  CHECK(inflating_reader(0, "{\"text\"") == nullptr);
}

TEST_CASE("compressed documents: inflating stops at the size limit instead of filling memory", "[gzip]") {
  const std::string zeros(5'000'000, '\0');
  for (const auto& [name, compress] : kFormats) {
    INFO(name);
    const std::string bomb = compress(zeros);
    REQUIRE(bomb.size() < 50'000);
    std::string out;
    InflateResult result = inflate_document(bomb, 1'000'000, out);
    CHECK(result.status == InflateStatus::too_large);
    CHECK(result.message == std::string(name) + " data inflates to more than --max-doc-bytes (1000000 bytes)");
    CHECK(out.capacity() < 3'000'000);
    CHECK(out == zeros.substr(0, 1'000'000));  // what inflated up to the limit, to tell what it was
    CHECK(inflate_document(bomb, 5'000'000, out).status == InflateStatus::ok);  // exactly at the limit
    CHECK(out == zeros);
  }
}

TEST_CASE("zstd: documents of one frame or several, and damage", "[gzip]") {
  std::string out = "stale";
  CHECK(inflate_document(zstd_compressed("A page of text.\n"), 0, out).status == InflateStatus::ok);
  CHECK(out == "A page of text.\n");
  CHECK(inflate_document(zstd_compressed("first ") + zstd_compressed("second"), 0, out).status == InflateStatus::ok);
  CHECK(out == "first second");
  const std::string big = random_letters(3'000'000, 3);
  CHECK(inflate_document(zstd_compressed(big), 0, out).status == InflateStatus::ok);
  CHECK(out == big);

  const std::string whole = zstd_compressed(big);
  InflateResult truncated = inflate_document(whole.substr(0, whole.size() / 2), 0, out);
  CHECK(truncated.status == InflateStatus::cut_short);
  CHECK(truncated.message == "zstd data is corrupt: unexpected end of data");
  CHECK(!out.empty());  // the blocks before the cut
  CHECK(big.starts_with(out));
  InflateResult trailing = inflate_document(zstd_compressed("page") + "not zstd", 0, out);
  CHECK(trailing.status == InflateStatus::corrupt);
  CHECK(trailing.message.find("zstd data is corrupt: ") == 0);
}

TEST_CASE("xz: documents of one stream or several, padding, and damage", "[gzip]") {
  std::string out = "stale";
  CHECK(inflate_document(xz_compressed("A page of text.\n"), 0, out).status == InflateStatus::ok);
  CHECK(out == "A page of text.\n");
  // Streams one after another, as `cat a.xz b.xz` makes, with the padding the format allows.
  CHECK(inflate_document(xz_compressed("first ") + std::string(4, '\0') + xz_compressed("second"), 0, out).status ==
        InflateStatus::ok);
  CHECK(out == "first second");
  const std::string big = random_letters(3'000'000, 4);
  const std::string whole = xz_compressed(big);
  CHECK(inflate_document(whole, 0, out).status == InflateStatus::ok);
  CHECK(out == big);

  InflateResult truncated = inflate_document(whole.substr(0, whole.size() / 2), 0, out);
  CHECK(truncated.status == InflateStatus::cut_short);
  CHECK(truncated.message == "xz data is corrupt: unexpected end of data");
  CHECK(!out.empty());
  CHECK(big.starts_with(out));
  std::string damaged = whole;
  damaged[damaged.size() / 2] ^= 0x55;
  InflateResult bad = inflate_document(damaged, 0, out);
  CHECK(bad.status == InflateStatus::corrupt);
  CHECK(bad.message.starts_with("xz data is corrupt: "));
  CHECK(out.empty());
  CHECK(inflate_document(xz_compressed("page") + "not the start of another stream", 0, out).status ==
        InflateStatus::corrupt);
}

TEST_CASE("xz: data whose headers ask for a huge dictionary is refused before it is allocated", "[gzip]") {
  // The block header after the 12-byte stream header: its size byte, flags (bit 6, 7: a
  // compressed and an uncompressed size follow, as numbers of 7 bits a byte), then the LZMA2
  // filter (ID 0x21, one byte of properties: the dictionary size), padding, CRC-32.
  std::string xz = xz_compressed("A small page.\n");
  const std::size_t block = 12;
  const std::size_t header_bytes = (static_cast<unsigned char>(xz[block]) + std::size_t{1}) * 4;
  const auto flags = static_cast<unsigned char>(xz[block + 1]);
  std::size_t at = block + 2;
  for (const int field : {0x40, 0x80}) {
    if ((flags & field) == 0) continue;
    while ((static_cast<unsigned char>(xz[at]) & 0x80) != 0) ++at;
    ++at;
  }
  REQUIRE(xz[at] == 0x21);
  REQUIRE(xz[at + 1] == 0x01);
  const auto set_dictionary_size = [&](char code) {
    xz[at + 2] = code;
    const uLong crc = crc32(0, reinterpret_cast<const Bytef*>(xz.data() + block), static_cast<uInt>(header_bytes - 4));
    for (std::size_t i = 0; i < 4; ++i) xz[block + header_bytes - 4 + i] = static_cast<char>((crc >> (8 * i)) & 0xFF);
  };
  set_dictionary_size(40);  // 4 GiB

  std::string out;
  const InflateResult refused = inflate_document(xz, 0, out);
  CHECK(refused.status == InflateStatus::corrupt);
  CHECK(refused.message == "xz data is corrupt: its headers ask for more than 1 GiB of decoder memory");
  Streamed streamed = inflate_through_pipe(xz, 7);
  CHECK(streamed.last == -1);
  CHECK(streamed.message == refused.message);
  set_dictionary_size(28);  // 64 MiB, what xz -9 uses: read
  CHECK(inflate_document(xz, 0, out).status == InflateStatus::ok);
  CHECK(out == "A small page.\n");
}

TEST_CASE("compressed stream: inflated as read, members or frames one after another", "[gzip]") {
  const std::string lines = "{\"text\":\"one\"}\n{\"text\":\"two\"}\n";
  for (const auto& [name, compress] : kFormats) {
    for (std::size_t piece : {std::size_t{1}, std::size_t{2}, std::size_t{7}, std::size_t{1} << 20}) {
      INFO(name << ", pieces of " << piece);
      Streamed one = inflate_through_pipe(compress(lines), piece);
      CHECK(one.last == 0);
      CHECK(one.text == lines);
      Streamed several = inflate_through_pipe(compress("first\n") + compress("") + compress("second\n"), piece);
      CHECK(several.last == 0);
      CHECK(several.text == "first\nsecond\n");
    }
    // More than one buffer in and out, through a small output buffer.
    const std::string big = random_letters(2'000'000, 5);
    Streamed large = inflate_through_pipe(compress(big) + compress(big), 65536, 1000);
    CHECK(large.last == 0);
    CHECK(large.text == big + big);
  }
  // gzip(1) ignores padding after the last member; zstd(1) takes it for damage.
  Streamed padded = inflate_through_pipe(gzipped("first\n") + std::string(512, '\0'), 7);
  CHECK(padded.last == 0);
  CHECK(padded.text == "first\n");
  Streamed trailing = inflate_through_pipe(zstd_compressed("first\n") + "garbage", 7);
  CHECK(trailing.last == -1);
  CHECK(trailing.text == "first\n");
  CHECK(trailing.message.find("zstd data is corrupt: ") == 0);
}

TEST_CASE("compressed stream: truncated or damaged data ends with an error after what did inflate", "[gzip]") {
  const std::string big = random_letters(1'000'000, 7);
  for (const auto& [name, compress] : kFormats) {
    INFO(name);
    const std::string whole = compress(big);
    Streamed truncated = inflate_through_pipe(whole.substr(0, whole.size() / 2), 4096);
    CHECK(truncated.last == -1);
    CHECK(truncated.message == std::string(name) + " data is corrupt: unexpected end of data");
    CHECK_FALSE(truncated.text.empty());
    CHECK(big.compare(0, truncated.text.size(), truncated.text) == 0);  // a true prefix

    Streamed header_only = inflate_through_pipe(whole.substr(0, 10), 4096);
    CHECK(header_only.last == -1);
    CHECK(header_only.text.empty());
  }
  std::string bad_checksum = gzipped(big);
  bad_checksum[bad_checksum.size() - 6] ^= 0x55;
  Streamed damaged = inflate_through_pipe(bad_checksum, 4096);
  CHECK(damaged.last == -1);
  CHECK(damaged.message.find("gzip data is corrupt") == 0);
}

TEST_CASE("zstd: a dictionary frame first serves every frame after it, as .warc.zst files hold them", "[gzip]") {
  const std::vector<std::string> records = similar_records(400);
  const std::string dictionary = trained_zstd_dictionary(records);
  std::string frames;
  std::string expected;
  for (std::size_t i = 0; i < 5; ++i) {
    frames += zstd_compressed_with(records[i], dictionary);
    expected += records[i];
  }
  // Without their dictionary the frames do not decompress: the test needs one.
  std::string out;
  CHECK(inflate_document(frames, 0, out).status == InflateStatus::corrupt);

  const std::string plain_frame = zstd_dictionary_frame(dictionary);
  const std::string compressed_frame = zstd_dictionary_frame(zstd_compressed(dictionary));
  for (const std::string& frame : {plain_frame, compressed_frame}) {
    for (std::size_t piece : {std::size_t{3}, std::size_t{1000}, std::size_t{1} << 20}) {
      INFO("pieces of " << piece);
      const Streamed streamed = inflate_through_pipe(frame + frames, piece);
      CHECK(streamed.last == 0);
      CHECK(streamed.message.empty());
      CHECK(streamed.text == expected);
    }
    CHECK(inflate_document(frame + frames, 0, out).status == InflateStatus::ok);
    CHECK(out == expected);
  }
}

TEST_CASE("zstd: a damaged dictionary frame ends the data with why", "[gzip]") {
  const std::string frame = zstd_dictionary_frame(trained_zstd_dictionary(similar_records(400)));
  const std::string rest = zstd_compressed("page\n");
  const Streamed cut = inflate_through_pipe(frame.substr(0, frame.size() / 2), 1000);
  CHECK(cut.last == -1);
  CHECK(cut.message == "zstd data is corrupt: unexpected end of data");
  std::string out;
  CHECK(inflate_document(frame.substr(0, frame.size() / 2), 0, out).message ==
        "zstd data is corrupt: unexpected end of data");

  const std::string huge = std::string("\x5D\x2A\x4D\x18") + "\xFF\xFF\xFF\x7F" + "tiny";
  const Streamed claimed = inflate_through_pipe(huge + rest, 1000);
  CHECK(claimed.last == -1);
  CHECK(claimed.message == "zstd data is corrupt: the dictionary frame claims 2147483647 bytes");

  const std::string bad_inner = zstd_compressed(frame.substr(8));
  const std::string cut_inner = zstd_dictionary_frame(bad_inner.substr(0, bad_inner.size() - 4));
  const Streamed inner = inflate_through_pipe(cut_inner + rest, 1000);
  CHECK(inner.last == -1);
  CHECK(inner.message.starts_with("the zstd dictionary frame: zstd data is corrupt"));
}
