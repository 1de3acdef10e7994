#pragma once
// Makes gzip, zstd, xz, deflate and brotli data for the tests of compressed input.
#include <brotli/encode.h>
#include <catch2/catch.hpp>
#include <lzma.h>
#include <zlib.h>
#include <zdict.h>
#include <zstd.h>

#include <cstdint>
#include <numeric>
#include <vector>

#include <string>

namespace declutter::testing {

// `text` compressed by zlib with `window_bits` (zlib.h, deflateInit2): 15 + 16 writes a
// gzip member, 15 a zlib stream, -15 bare deflate data.
inline std::string zlib_compressed(const std::string& text, int window_bits) {
  z_stream stream{};
  REQUIRE(deflateInit2(&stream, Z_BEST_SPEED, Z_DEFLATED, window_bits, 8, Z_DEFAULT_STRATEGY) == Z_OK);
  std::string out(deflateBound(&stream, static_cast<uLong>(text.size())) + 32, '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));  // NOLINT
  stream.avail_in = static_cast<uInt>(text.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());  // NOLINT
  stream.avail_out = static_cast<uInt>(out.size());
  REQUIRE(deflate(&stream, Z_FINISH) == Z_STREAM_END);
  out.resize(stream.total_out);
  deflateEnd(&stream);
  return out;
}

// `text` as one gzip member, the way gzip(1) writes it.
inline std::string gzipped(const std::string& text) { return zlib_compressed(text, 15 + 16); }

// A zstd dictionary trained on `samples`, as crawlers that write .warc.zst train one on
// their records.
inline std::string trained_zstd_dictionary(const std::vector<std::string>& samples) {
  const std::string joined = std::accumulate(samples.begin(), samples.end(), std::string());
  std::vector<std::size_t> sizes;
  for (const std::string& sample : samples) sizes.push_back(sample.size());
  std::string dictionary(16 * 1024, '\0');
  const std::size_t size = ZDICT_trainFromBuffer(dictionary.data(), dictionary.size(), joined.data(), sizes.data(),
                                                 static_cast<unsigned>(sizes.size()));
  REQUIRE(ZDICT_isError(size) == 0);
  dictionary.resize(size);
  return dictionary;
}

// `text` as one .xz stream, the way xz(1) writes it.
inline std::string xz_compressed(const std::string& text) {
  std::string out(lzma_stream_buffer_bound(text.size()), '\0');
  std::size_t size = 0;
  REQUIRE(lzma_easy_buffer_encode(LZMA_PRESET_DEFAULT, LZMA_CHECK_CRC64, nullptr,
                                  reinterpret_cast<const std::uint8_t*>(text.data()), text.size(),  // NOLINT
                                  reinterpret_cast<std::uint8_t*>(out.data()), &size, out.size()) == LZMA_OK);  // NOLINT
  out.resize(size);
  return out;
}

// `text` as one zstd frame compressed with `dictionary`.
inline std::string zstd_compressed_with(const std::string& text, const std::string& dictionary) {
  std::string out(ZSTD_compressBound(text.size()), '\0');
  ZSTD_CCtx* context = ZSTD_createCCtx();
  const std::size_t size = ZSTD_compress_usingDict(context, out.data(), out.size(), text.data(), text.size(),
                                                   dictionary.data(), dictionary.size(), 3);
  ZSTD_freeCCtx(context);
  REQUIRE(ZSTD_isError(size) == 0);
  out.resize(size);
  return out;
}

// The skippable frame (magic 0x184D2A5D) a .warc.zst file starts with, holding `dictionary`.
inline std::string zstd_dictionary_frame(const std::string& dictionary) {
  std::string frame = "\x5D\x2A\x4D\x18";
  for (int shift = 0; shift < 32; shift += 8) frame += static_cast<char>((dictionary.size() >> shift) & 0xFF);
  return frame + dictionary;
}

// `text` as brotli data, the way a web server sends Content-Encoding: br.
inline std::string brotli_compressed(const std::string& text) {
  std::string out(BrotliEncoderMaxCompressedSize(text.size()), '\0');
  std::size_t size = out.size();
  REQUIRE(BrotliEncoderCompress(BROTLI_DEFAULT_QUALITY, BROTLI_DEFAULT_WINDOW, BROTLI_MODE_TEXT, text.size(),
                                reinterpret_cast<const std::uint8_t*>(text.data()), &size,  // NOLINT
                                reinterpret_cast<std::uint8_t*>(out.data())) == BROTLI_TRUE);  // NOLINT
  out.resize(size);
  return out;
}

// `text` as one zstd frame, the way zstd(1) writes it.
inline std::string zstd_compressed(const std::string& text) {
  std::string out(ZSTD_compressBound(text.size()), '\0');
  const std::size_t size = ZSTD_compress(out.data(), out.size(), text.data(), text.size(), 3);
  REQUIRE(ZSTD_isError(size) == 0);
  out.resize(size);
  return out;
}

}  // namespace declutter::testing
