#include "text/utf8.h"

#include <bit>
#include <cstdint>
#include <cstring>

#include "text/swar.h"
#include "text/unicode.h"

namespace declutter {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

// Length of the well-formed sequence starting at in[i], or 0 when it is ill-formed; on 0,
// `bad` receives the length of the maximal ill-formed subpart to replace by one U+FFFD.
std::size_t sequence_length(std::string_view in, std::size_t i, std::size_t& bad) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(in[k]); };
  const unsigned char lead = byte(i);
  std::size_t need = 0;
  unsigned char low = 0x80;
  unsigned char high = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    need = 1;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    need = 2;
    if (lead == 0xE0) low = 0xA0;   // overlong
    if (lead == 0xED) high = 0x9F;  // surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    need = 3;
    if (lead == 0xF0) low = 0x90;   // overlong
    if (lead == 0xF4) high = 0x8F;  // past U+10FFFF
  } else {
    bad = 1;
    return 0;
  }
  std::size_t k = 1;
  for (; k <= need; ++k) {
    if (i + k >= in.size()) break;
    const unsigned char c = byte(i + k);
    const unsigned char lo = k == 1 ? low : 0x80;
    const unsigned char hi = k == 1 ? high : 0xBF;
    if (c < lo || c > hi) break;
  }
  if (k > need) return need + 1;
  bad = k;
  return 0;
}

// Index of the first ill-formed byte, or in.size().
std::size_t first_invalid(std::string_view in) {
  std::size_t i = 0;
  while (true) {
    i = swar::skip_ascii(in, i);
    if (i >= in.size()) return in.size();
    // Two-byte characters (Latin, Greek, Cyrillic, Arabic...) are the common case: inline.
    const auto lead = static_cast<unsigned char>(in[i]);
    if (lead >= 0xC2 && lead <= 0xDF && i + 1 < in.size() && (static_cast<unsigned char>(in[i + 1]) & 0xC0U) == 0x80U) {
      i += 2;
      continue;
    }
    std::size_t bad = 0;
    const std::size_t length = sequence_length(in, i, bad);
    if (length == 0) return i;
    i += length;
  }
}

}  // namespace

bool is_valid_utf8(std::string_view in) { return first_invalid(in) == in.size(); }

std::size_t invalid_sequence_count(std::string_view in) {
  std::size_t count = 0;
  for (std::size_t i = first_invalid(in); i < in.size();) {
    i = swar::skip_ascii(in, i);
    if (i >= in.size()) break;
    std::size_t bad = 0;
    const std::size_t length = sequence_length(in, i, bad);
    if (length == 0) ++count;
    i += length != 0 ? length : bad;
  }
  return count;
}

bool repair_utf8(std::string_view in, std::string& out) {
  std::size_t i = first_invalid(in);
  if (i == in.size()) {
    out.assign(in);
    return true;
  }
  out.clear();
  out.reserve(in.size() + 16);
  std::size_t copied_to = 0;
  while (i < in.size()) {
    i = swar::skip_ascii(in, i);
    if (i >= in.size()) break;
    std::size_t bad = 0;
    const std::size_t length = sequence_length(in, i, bad);
    if (length != 0) {
      i += length;
      continue;
    }
    out.append(in.substr(copied_to, i - copied_to));
    out.append(kReplacement);
    i += bad;
    copied_to = i;
  }
  out.append(in.substr(copied_to));
  return false;
}

void append_utf8(char32_t code_point, std::string& out) {
  const bool scalar = code_point <= 0x10FFFF && (code_point < 0xD800 || code_point > 0xDFFF);
  if (!scalar) {
    out.append(kReplacement);
    return;
  }
  char bytes[4];
  out.append(bytes, unicode::encode(code_point, bytes));
}

void utf16_to_utf8(std::string_view raw, bool big_endian, std::string& out) {
  out.clear();
  out.reserve(raw.size() + raw.size() / 2);
  const auto unit = [&](std::size_t i) -> std::uint32_t {
    const auto a = static_cast<unsigned char>(raw[i]);
    const auto b = static_cast<unsigned char>(raw[i + 1]);
    return big_endian ? (std::uint32_t{a} << 8) | b : (std::uint32_t{b} << 8) | a;
  };
  std::size_t i = 0;
  for (; i + 1 < raw.size(); i += 2) {
    const std::uint32_t u = unit(i);
    if (u >= 0xD800 && u <= 0xDBFF && i + 3 < raw.size()) {
      const std::uint32_t next = unit(i + 2);
      if (next >= 0xDC00 && next <= 0xDFFF) {
        append_utf8(static_cast<char32_t>(0x10000 + ((u - 0xD800) << 10) + (next - 0xDC00)), out);
        i += 2;
        continue;
      }
    }
    append_utf8(static_cast<char32_t>(u), out);  // lone surrogates come out as U+FFFD
  }
  if (i < raw.size()) out.append(kReplacement);  // odd trailing byte
}

}  // namespace declutter
