#pragma once
// Eight bytes of text in one 64-bit integer ("SIMD within a register"). The ASCII fast
// paths of the tokeniser, phrase keys and title matching test, measure and fold eight bytes
// with a handful of integer operations instead of a branch per byte; plain integers need
// no vector instruction set, so nothing is dispatched at run time.
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace declutter::swar {

static_assert(std::endian::native == std::endian::little, "byte i of a chunk is bits 8i..8i+7");

constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;
constexpr std::uint64_t kCaseBits = kOnes * 0x20U;  // ASCII upper and lower case differ in 0x20

// The eight bytes at `pos`; near the end of `text`, the bytes that are left, zero-padded
// (a NUL byte is neither letter, digit nor space to any caller).
inline std::uint64_t load8(std::string_view text, std::size_t pos) {
  std::uint64_t chunk = 0;
  if (pos + 8 <= text.size()) {
    std::memcpy(&chunk, text.data() + pos, 8);  // one load; a variable length would call memcpy
    return chunk;
  }
  if (pos >= text.size()) return 0;
  if (text.size() >= 8) {  // the text's last eight bytes, shifted down to the ones from `pos` on
    std::memcpy(&chunk, text.data() + text.size() - 8, 8);
    return chunk >> (8 * (pos + 8 - text.size()));
  }
  for (unsigned k = 0; pos + k < text.size(); ++k)
    chunk |= std::uint64_t{static_cast<unsigned char>(text[pos + k])} << (8 * k);
  return chunk;
}

// High bit of each byte that lies in [low, high], both ASCII and low >= 1; other bits 0.
// Works on the low seven bits so that no byte carries into the next, then rules out
// non-ASCII bytes.
constexpr std::uint64_t bytes_in_range(std::uint64_t chunk, unsigned char low, unsigned char high) {
  const std::uint64_t seven = chunk & ~kHighBits;
  const std::uint64_t at_least_low = seven + kOnes * (0x80U - low);
  const std::uint64_t above_high = seven + kOnes * (0x7FU - high);
  return at_least_low & ~above_high & ~chunk & kHighBits;
}

// High bit of each ASCII letter byte.
constexpr std::uint64_t ascii_letters(std::uint64_t chunk) { return bytes_in_range(chunk | kCaseBits, 'a', 'z'); }
// High bit of each ASCII letter or digit byte.
constexpr std::uint64_t ascii_alnum(std::uint64_t chunk) { return ascii_letters(chunk) | bytes_in_range(chunk, '0', '9'); }

// How many bytes from the start of the chunk have their bit set in `marks` (0..8).
constexpr unsigned leading_run(std::uint64_t marks) {
  return static_cast<unsigned>(std::countr_zero(~marks & kHighBits)) / 8;
}

// A mask of the chunk's first `count` bytes (0..8).
constexpr std::uint64_t first_bytes(unsigned count) { return count >= 8 ? ~std::uint64_t{0} : (std::uint64_t{1} << (8 * count)) - 1; }

// The chunk with ASCII capitals made small, other bytes unchanged.
constexpr std::uint64_t fold_ascii(std::uint64_t chunk) {
  return chunk | (bytes_in_range(chunk, 'A', 'Z') >> 2U);  // 0x80 >> 2 is the case bit 0x20
}

// The index of the first byte past ASCII in `text` from `pos` on, or text.size(). Eight
// bytes at a time; the word that holds one says where it is, so mixed text (a non-ASCII
// letter every few words) costs one exit per letter, not a byte-by-byte search after it.
inline std::size_t skip_ascii(std::string_view text, std::size_t pos) {
  while (pos + 8 <= text.size()) {
    std::uint64_t chunk = 0;
    std::memcpy(&chunk, text.data() + pos, 8);
    if (const std::uint64_t high = chunk & kHighBits; high != 0) return pos + static_cast<std::size_t>(std::countr_zero(high)) / 8;
    pos += 8;
  }
  while (pos < text.size() && static_cast<unsigned char>(text[pos]) < 0x80) ++pos;
  return pos;
}

}  // namespace declutter::swar
