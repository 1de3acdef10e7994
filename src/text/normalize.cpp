#include "text/normalize.h"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstring>

#include "text/ascii.h"
#include "text/swar.h"
#include "text/unicode.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace declutter {
namespace {

using unicode::CodePoint;
using unicode::kSoftHyphen;

// ASCII characters that decorate menu items and list entries, and ASCII white space.
constexpr bool is_ascii_decoration(unsigned char c) {
  switch (c) {
    case '|': case '-': case '*': case '>': case '<': case '~': case '+': case '=': case '_': case '/': case '\\':
    case ' ': case '\t': case '\n': case '\v': case '\f': case '\r':
      return true;
    default:
      return false;
  }
}

// Characters that decorate menu items and list entries without being part of the phrase.
bool is_decoration_slow(char32_t cp) {
  switch (cp) {
    case 0x00A6: case 0x00AB: case 0x00B7: case 0x00BB:   // broken bar, guillemets, middle dot
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015:  // dashes
    case 0x2022: case 0x2023: case 0x2024: case 0x2027: case 0x2039: case 0x203A: case 0x2043:  // bullets
    case 0x2190: case 0x2191: case 0x2192: case 0x2193: case 0x21D2: case 0x2794: case 0x279C: case 0x27A4:  // arrows
    case 0x25A0: case 0x25AA: case 0x25AB: case 0x25B6: case 0x25B8: case 0x25BA: case 0x25BC: case 0x25C6:
    case 0x25CB: case 0x25CF: case 0x25E6: case 0x2713: case 0x2714: case 0x2715: case 0x2716: case 0x2717:
    case 0x00D7: case 0x2605: case 0x2606: case 0x2661: case 0x2665: case 0x2764:
      return true;
    default:
      return unicode::is_space(cp);
  }
}

inline bool is_decoration(char32_t cp) {
  if (cp < 0x80) return is_ascii_decoration(static_cast<unsigned char>(cp));
  return is_decoration_slow(cp);
}

// Appends the code point `c` decoded from `source`, lower-cased; a malformed byte and a
// character without a lower-case form are copied as they are.
void append_folded(const CodePoint& c, std::string_view source, std::string& out) {
  const char32_t lower = c.valid ? unicode::fold_case(c.value) : c.value;
  if (lower == c.value) {
    out.append(source.substr(0, c.length));
  } else {
    char bytes[4];
    out.append(bytes, unicode::encode(lower, bytes));
  }
}

template <typename Pred>
std::string_view trim_if(std::string_view text, Pred pred, bool front, bool back) {
  std::size_t begin = 0;
  std::size_t end = text.size();
  while (front && begin < end) {
    const CodePoint c = unicode::decode(text, begin);
    if (!c.valid || !pred(c.value)) break;
    begin += c.length;
  }
  while (back && end > begin) {
    const CodePoint c = unicode::decode_before(text, end);
    if (!c.valid || !pred(c.value)) break;
    end -= c.length;
  }
  return text.substr(begin, end - begin);
}

bool is_ascii_space(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

using swar::kHighBits;
using swar::kOnes;

// How many of the eight bytes in `x` phrase_key can copy at once, lower-cased: the run of
// printable ASCII at its start in which every space stands alone (not after
// `space_before`, not before another space). Control characters, tabs and anything
// non-ASCII end the run and take the byte-by-byte path. A space at the end of the run is
// counted in `length` but reported in `ends_in_space` instead of being copied, since what
// follows it (another space, a tab, NBSP) decides whether it is written.
struct PlainRun {
  unsigned length = 0;
  bool ends_in_space = false;
};
PlainRun plain_run(std::uint64_t x, bool space_before) {
  // A borrow out of a byte below 0x20 can mark bytes after it too, never one before it:
  // the first mark is exact, and only the first one counts.
  const std::uint64_t below_space = (x - kOnes * 0x20U) & ~x & kHighBits;
  const std::uint64_t spaces_xor = x ^ (kOnes * 0x20U);
  const std::uint64_t is_space = ~(((spaces_xor & ~kHighBits) + ~kHighBits) | spaces_xor) & kHighBits;
  const std::uint64_t space_after_space = is_space & ((is_space << 8U) | (space_before ? 0x80U : 0U));
  const std::uint64_t stops = (x & kHighBits) | below_space | space_after_space;
  PlainRun run;
  run.length = swar::leading_run(~stops & kHighBits);
  run.ends_in_space = run.length > 0 && ((is_space >> (8 * (run.length - 1))) & 0x80U) != 0;
  return run;
}

#if defined(__SSE2__)
// The same for sixteen bytes at once. SSE2 is part of every x86-64 CPU, so nothing is
// dispatched at run time; other targets use the eight-byte path alone.
PlainRun plain_run(__m128i x, bool space_before) {
  // Signed compare: bytes from 0x80 up are negative, so they stop the run with the controls.
  const auto control_or_high = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmplt_epi8(x, _mm_set1_epi8(' '))));
  const auto is_space = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(x, _mm_set1_epi8(' '))));
  const unsigned space_after_space = is_space & ((is_space << 1U) | (space_before ? 1U : 0U));
  const unsigned stops = control_or_high | space_after_space | 0x10000U;
  PlainRun run;
  run.length = static_cast<unsigned>(std::countr_zero(stops));
  run.ends_in_space = run.length > 0 && ((is_space >> (run.length - 1)) & 1U) != 0;
  return run;
}

__m128i fold_ascii(__m128i x) {
  const __m128i capital = _mm_and_si128(_mm_cmpgt_epi8(x, _mm_set1_epi8('A' - 1)), _mm_cmplt_epi8(x, _mm_set1_epi8('Z' + 1)));
  return _mm_or_si128(x, _mm_and_si128(capital, _mm_set1_epi8(0x20)));
}
#endif

constexpr auto kIsSpace = [](char32_t c) { return unicode::is_space(c); };
constexpr auto kIsDecoration = [](char32_t c) { return is_decoration(c); };

}  // namespace

std::string_view trim_space_slow(std::string_view text) { return trim_if(text, kIsSpace, true, true); }

std::string_view trim_trailing_space_slow(std::string_view text) { return trim_if(text, kIsSpace, false, true); }

std::string collapse_spaces(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (const char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    out += c;
  }
  return out;
}

void append_lowercase(std::string_view text, std::string& out) {
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      out += static_cast<char>(ascii_lower(c));
      ++i;
      continue;
    }
    const CodePoint cp = unicode::decode(text, i);
    append_folded(cp, text.substr(i), out);
    i += cp.length;
  }
}

void phrase_key(std::string_view line, std::string& out) {
  out.clear();
  append_phrase_key(line, out);
}

void append_phrase_key(std::string_view line, std::string& out) {
  const std::size_t start = out.size();
  out.resize(start + line.size() + kPhraseKeySlack);
  out.resize(start + write_phrase_key(line, out.data() + start));
}

std::size_t write_phrase_key(std::string_view line, char* const begin) {
  const std::string_view core = trim_if(line, kIsDecoration, true, true);
  // Lower-casing never lengthens a character and spaces only shrink, so the key fits in
  // the core's size. The slack lets the fast path store a whole chunk when fewer of its
  // bytes belong to the key.
  char* at = begin;
  bool pending_space = false;
  std::size_t i = 0;
  // After a chunk's run was stored (folded, whole), keeps what belongs to the key.
  const auto advance = [&](const PlainRun& run) {
    at += run.length - (run.ends_in_space ? 1 : 0);
    i += run.length;
    pending_space = run.ends_in_space;
  };
  while (i < core.size()) {
#if defined(__SSE2__)
    if (i + 16 <= core.size()) {
      const __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i*>(core.data() + i));
      const PlainRun run = plain_run(chunk, pending_space);
      if (run.length > 0) {
        if (pending_space) *at++ = ' ';
        _mm_storeu_si128(reinterpret_cast<__m128i*>(at), fold_ascii(chunk));
        advance(run);
        continue;
      }
    } else
#endif
    {
      const std::uint64_t chunk = swar::load8(core, i);
      const PlainRun run = plain_run(chunk, pending_space);
      if (run.length > 0) {
        if (pending_space) *at++ = ' ';
        const std::uint64_t folded = swar::fold_ascii(chunk);
        std::memcpy(at, &folded, 8);
        advance(run);
        continue;
      }
    }
    const auto c = static_cast<unsigned char>(core[i]);
    if (c < 0x80) {
      if (is_ascii_space(c)) {
        pending_space = true;
      } else {
        if (pending_space) *at++ = ' ';
        pending_space = false;
        *at++ = static_cast<char>(ascii_lower(c));
      }
      ++i;
      continue;
    }
    const CodePoint cp = unicode::decode(core, i);
    if (cp.value == kSoftHyphen) {
      i += cp.length;
      continue;
    }
    if (cp.valid && unicode::is_space(cp.value)) {
      pending_space = true;
    } else {
      if (pending_space) *at++ = ' ';
      pending_space = false;
      const char32_t lower = cp.valid ? unicode::fold_case(cp.value) : cp.value;
      if (lower == cp.value) {
        for (std::uint32_t k = 0; k < cp.length; ++k) *at++ = core[i + k];
      } else {
        at += unicode::encode(lower, at);
      }
    }
    i += cp.length;
  }
  return static_cast<std::size_t>(at - begin);
}

namespace {

// The lead bytes of the white-space characters past ASCII (unicode::is_space): U+00A0 is
// C2 A0 (and the soft hyphen U+00AD C2 AD); U+1680 E1 9A 80; U+2000..U+205F E2 80/81 ..;
// U+3000 E3 80 80; U+FEFF EF BB BF.
constexpr bool may_lead_a_space(unsigned char byte) {
  return byte == 0xC2 || byte == 0xE1 || byte == 0xE2 || byte == 0xE3 || byte == 0xEF;
}

#if defined(__SSE2__)
// Bit i set where byte i of `x` is a control character or may lead a space past ASCII.
unsigned space_marks(__m128i x) {
  const __m128i control = _mm_cmpeq_epi8(_mm_min_epu8(x, _mm_set1_epi8(0x1F)), x);
  const __m128i c2 = _mm_cmpeq_epi8(x, _mm_set1_epi8(static_cast<char>(0xC2)));
  // E0..E3 differ in their two low bits only; E0 leads no space, a stop there costs a check.
  const __m128i e0_e3 = _mm_cmpeq_epi8(_mm_and_si128(x, _mm_set1_epi8(static_cast<char>(0xFC))), _mm_set1_epi8(static_cast<char>(0xE0)));
  const __m128i ef = _mm_cmpeq_epi8(x, _mm_set1_epi8(static_cast<char>(0xEF)));
  return static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(control, c2), _mm_or_si128(e0_e3, ef))));
}
#endif

// Whether the character at `at`, a control character or a possible lead byte, is one the
// regex subject writes differently (white space other than the plain space, a soft hyphen);
// its length in `length`.
bool unplain_at(std::string_view text, std::size_t at, std::size_t& length) {
  const auto c = static_cast<unsigned char>(text[at]);
  length = 1;
  if (c < 0x80) return c != ' ' && is_ascii_space(c);
  if (!may_lead_a_space(c)) return false;
  const CodePoint cp = unicode::decode(text, at);
  length = cp.length;
  return cp.valid && (unicode::is_space(cp.value) || cp.value == kSoftHyphen);
}

}  // namespace

std::size_t find_unplain(std::string_view text) {
  const std::size_t size = text.size();
#if defined(__SSE2__)
  // Sixteen bytes at a time; the last ones from a load that ends with the text (or, for a
  // short text, from a padded copy), the bytes already read masked off.
  for (std::size_t i = 0; i < size;) {
    std::size_t base = i;
    unsigned marks = 0;
    if (i + 16 <= size) {
      marks = space_marks(_mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i)));
    } else if (size >= 16) {
      base = size - 16;
      marks = space_marks(_mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + base))) & (~0U << (i - base));
    } else {
      alignas(16) char padded[16];
      std::memset(padded, 'x', sizeof padded);
      std::memcpy(padded, text.data(), size);
      base = 0;
      marks = space_marks(_mm_load_si128(reinterpret_cast<const __m128i*>(padded))) & (~0U << i) & ((1U << size) - 1U);
    }
    if (marks == 0) {
      i = base + 16;
      continue;
    }
    const std::size_t at = base + static_cast<std::size_t>(std::countr_zero(marks));
    std::size_t length = 1;
    if (unplain_at(text, at, length)) return at;
    i = at + length;
  }
#else
  for (std::size_t i = 0; i < size;) {
    std::size_t length = 1;
    if (unplain_at(text, i, length)) return i;
    i += length;
  }
#endif
  return std::string_view::npos;
}

std::size_t write_plain(std::string_view text, char* const out) {
  char* at = out;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t unplain = find_unplain(text.substr(i));
    const std::size_t plain = unplain == std::string_view::npos ? text.size() - i : unplain;
    std::memcpy(at, text.data() + i, plain);
    at += plain;
    i += plain;
    if (i == text.size()) break;
    const CodePoint cp = unicode::decode(text, i);
    if (cp.value != kSoftHyphen) *at++ = ' ';
    i += cp.length;
  }
  return static_cast<std::size_t>(at - out);
}

std::size_t count_chars(std::string_view text) {
  const std::string_view trimmed = trim_space(text);
  // Every character has one byte that is no UTF-8 continuation byte (10xxxxxx).
  return static_cast<std::size_t>(std::count_if(trimmed.begin(), trimmed.end(),
                                                [](char byte) { return (static_cast<unsigned char>(byte) & 0xC0U) != 0x80U; }));
}

bool ends_sentence(std::string_view text) {
  text = trim_space(text);
  if (text.empty()) return false;
  CodePoint last = unicode::decode_before(text, text.size());
  if (unicode::is_closing_mark(last.value) && last.length < text.size())
    last = unicode::decode_before(text, text.size() - last.length);
  return unicode::is_sentence_mark(last.value);
}

std::size_t count_words(std::string_view text) {
  std::size_t words = 0;
  bool in_word = false;  // the character before position i belongs to a word
  for (std::size_t i = 0; i < text.size();) {
    // Eight ASCII bytes at once (most of any text, and all of --metadata's clean text is
    // counted): a word starts at each byte that is no space after one that is.
    if (i + 8 <= text.size()) {
      const std::uint64_t chunk = swar::load8(text, i);
      if ((chunk & swar::kHighBits) == 0) {
        const std::uint64_t space = swar::bytes_in_range(chunk, ' ', ' ') | swar::bytes_in_range(chunk, '\t', '\r');
        const std::uint64_t word = ~space & swar::kHighBits;
        const std::uint64_t word_before = (word << 8U) | (in_word ? 0x80U : 0U);
        words += static_cast<std::size_t>(std::popcount(word & ~word_before));
        in_word = (word >> 63U) != 0;
        i += 8;
        continue;
      }
    }
    const CodePoint c = unicode::decode(text, i);
    const bool space = c.valid && unicode::is_space(c.value);
    if (!space && !in_word) ++words;
    in_word = !space;
    i += c.length;
  }
  return words;
}

}  // namespace declutter
