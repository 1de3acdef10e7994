#include <catch2/catch.hpp>

#include <cstdint>

#include "core/hash_counter.h"

using declutter::HashCounter;

TEST_CASE("hash counter counts keys, grows past its estimate and forgets on reset", "[core]") {
  HashCounter counter;
  counter.reset(4);
  CHECK(counter.add(0) == 1);  // every value is a key, 0 included
  CHECK(counter.add(7) == 1);
  CHECK(counter.add(7) == 2);
  // Keys that differ only in high bits, and far more of them than reset() expected.
  for (std::uint64_t k = 1; k <= 1000; ++k) counter.add(k << 40U);
  for (std::uint64_t k = 1; k <= 1000; ++k) CHECK(counter.add(k << 40U) == 2);
  CHECK(counter.count(7) == 2);
  CHECK(counter.count(0) == 1);
  CHECK(counter.count(12345) == 0);
  counter.reset(2);
  CHECK(counter.count(7) == 0);
  CHECK(counter.add(7) == 1);
}
