#include "regex/byte_classes.h"

#include <array>
#include <string_view>

#include "text/ascii.h"

namespace declutter {
namespace {

constexpr std::string_view kPunctuation = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
constexpr unsigned kFirstPunctuationBit = 29;
constexpr unsigned kSpaceBit = kFirstPunctuationBit + kPunctuation.size();
static_assert(1ULL << kSpaceBit == byte_class::kSpace);

constexpr ByteClasses ascii_class(unsigned char c) {
  if (is_ascii_letter(c)) return 1ULL << (ascii_lower(c) - 'a');
  if (c >= '0' && c <= '9') return byte_class::kDigit | byte_class::kDigitOrNonAscii;
  if (c == ' ') return 1ULL << kSpaceBit;
  const std::size_t at = kPunctuation.find(static_cast<char>(c));
  return at == std::string_view::npos || c == 0 ? 0 : 1ULL << (kFirstPunctuationBit + at);
}

constexpr std::array<ByteClasses, 256> kTable = [] {
  std::array<ByteClasses, 256> table{};
  for (unsigned byte = 0; byte < 0x80; ++byte) table[byte] = ascii_class(static_cast<unsigned char>(byte));
  for (unsigned byte = 0x80; byte < 256; ++byte) table[byte] = byte_class::kNonAscii | byte_class::kDigitOrNonAscii;
  table[0xAA] |= ascii_class('k');  // the Kelvin sign ends in AA
  table[0xBF] |= ascii_class('s');  // the long s ends in BF
  return table;
}();

}  // namespace

ByteClasses byte_class::of_ascii(unsigned char c) { return c < 0x80 ? kTable[c] : 0; }

ByteClasses byte_classes(std::string_view subject) {
  const auto* p = reinterpret_cast<const unsigned char*>(subject.data());
  const std::size_t size = subject.size();
  // Four independent chains, so the loads and ORs overlap.
  ByteClasses a = 0, b = 0, c = 0, d = 0;
  std::size_t i = 0;
  for (; i + 4 <= size; i += 4) {
    a |= kTable[p[i]];
    b |= kTable[p[i + 1]];
    c |= kTable[p[i + 2]];
    d |= kTable[p[i + 3]];
  }
  for (; i < size; ++i) a |= kTable[p[i]];
  return a | b | c | d;
}

}  // namespace declutter
