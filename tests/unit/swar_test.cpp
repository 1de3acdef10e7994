#include <catch2/catch.hpp>

#include <cstdint>
#include <string>

#include "text/swar.h"

using namespace declutter;

TEST_CASE("swar: load8 reads the eight bytes at any position, zero-padded past the end", "[swar]") {
  std::string text;
  for (int length = 0; length <= 24; ++length) {
    for (std::size_t pos = 0; pos <= text.size() + 1; ++pos) {
      std::uint64_t expected = 0;
      for (unsigned k = 0; k < 8 && pos + k < text.size(); ++k)
        expected |= std::uint64_t{static_cast<unsigned char>(text[pos + k])} << (8 * k);
      INFO("length " << text.size() << " pos " << pos);
      CHECK(swar::load8(text, pos) == expected);
    }
    text += static_cast<char>(0x41 + length * 7);  // ASCII and bytes above 0x7F
    if (length % 3 == 0) text.back() = static_cast<char>(0xC3 + length);
  }
}
