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

TEST_CASE("hash counter keeps the position a key was first added with, through growth", "[core]") {
  HashCounter counter;
  counter.reset(2);
  counter.add(5, 10);
  counter.add(5, 20);
  for (std::uint32_t k = 1; k <= 100; ++k) counter.add(std::uint64_t{k} << 40U, k);
  CHECK(counter.position(5) == 10);
  CHECK(counter.count(5) == 2);
  CHECK(counter.position(std::uint64_t{77} << 40U) == 77);
  CHECK(counter.position(6) == 0);
}
