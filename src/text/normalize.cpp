#include "text/normalize.h"

#include <array>
#include <cstdint>

namespace declutter {
namespace {

// Decodes one UTF-8 sequence at `i`, returning the code point and its length; an invalid
// byte decodes as itself with length 1, so callers never stall.
std::pair<char32_t, std::size_t> decode_at(std::string_view s, std::size_t i) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = byte(i);
  if (c < 0x80) return {c, 1};
  if ((c & 0xE0) == 0xC0 && i + 1 < s.size()) return {((c & 0x1Fu) << 6) | (byte(i + 1) & 0x3Fu), 2};
  if ((c & 0xF0) == 0xE0 && i + 2 < s.size())
    return {((c & 0x0Fu) << 12) | ((byte(i + 1) & 0x3Fu) << 6) | (byte(i + 2) & 0x3Fu), 3};
  if ((c & 0xF8) == 0xF0 && i + 3 < s.size())
    return {((c & 0x07u) << 18) | ((byte(i + 1) & 0x3Fu) << 12) | ((byte(i + 2) & 0x3Fu) << 6) | (byte(i + 3) & 0x3Fu),
            4};
  return {c, 1};
}

// The code point that ends at `end` (exclusive), walking back over continuation bytes.
std::pair<char32_t, std::size_t> decode_before(std::string_view s, std::size_t end) {
  std::size_t start = end - 1;
  while (start > 0 && end - start < 4 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
  auto [cp, len] = decode_at(s, start);
  if (start + len != end) return {static_cast<unsigned char>(s[end - 1]), 1};
  return {cp, len};
}

bool is_space(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' || cp == 0xA0 ||
         cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F ||
         cp == 0x205F || cp == 0x3000 || cp == 0xFEFF;
}

// Characters that decorate menu items and list entries without being part of the phrase.
bool is_decoration(char32_t cp) {
  switch (cp) {
    case '|': case '-': case '*': case '>': case '<': case '~': case '+': case '=': case '_': case '/': case '\\':
    case 0x00A6: case 0x00AB: case 0x00B7: case 0x00BB:   // broken bar, guillemets, middle dot
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015:  // dashes
    case 0x2022: case 0x2023: case 0x2024: case 0x2027: case 0x2039: case 0x203A: case 0x2043:  // bullets
    case 0x2190: case 0x2192: case 0x21D2: case 0x2794: case 0x279C: case 0x27A4:  // arrows
    case 0x25A0: case 0x25AA: case 0x25AB: case 0x25B6: case 0x25B8: case 0x25BA: case 0x25BC: case 0x25C6:
    case 0x25CB: case 0x25CF: case 0x25E6: case 0x2713: case 0x2714: case 0x2715: case 0x2716: case 0x2717:
    case 0x00D7: case 0x2605: case 0x2606: case 0x2661: case 0x2665: case 0x2764:
      return true;
    default:
      return is_space(cp);
  }
}

char32_t to_lower(char32_t cp) {
  if (cp < 0x80) return (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
  if ((cp >= 0xC0 && cp <= 0xDE && cp != 0xD7)) return cp + 32;                 // Latin-1
  if (cp >= 0x100 && cp <= 0x17F) {                                             // Latin Extended-A
    if (cp == 0x130 || cp == 0x131 || cp == 0x138 || cp == 0x149 || cp == 0x17F) return cp;
    bool odd_pairs = (cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E);
    if (odd_pairs) return (cp % 2 == 1) ? cp + 1 : cp;
    return (cp % 2 == 0) ? cp + 1 : cp;
  }
  if (cp >= 0x391 && cp <= 0x3AB && cp != 0x3A2) return cp + 32;                // Greek
  if (cp >= 0x410 && cp <= 0x42F) return cp + 32;                               // Cyrillic
  if (cp >= 0x400 && cp <= 0x40F) return cp + 80;
  return cp;
}

void append_utf8(char32_t cp, std::string& out) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

template <typename Pred>
std::string_view trim_if(std::string_view text, Pred pred, bool front, bool back) {
  std::size_t begin = 0;
  std::size_t end = text.size();
  while (front && begin < end) {
    auto [cp, len] = decode_at(text, begin);
    if (!pred(cp)) break;
    begin += len;
  }
  while (back && end > begin) {
    auto [cp, len] = decode_before(text, end);
    if (!pred(cp)) break;
    end -= len;
  }
  return text.substr(begin, end - begin);
}

}  // namespace

std::string_view trim_space(std::string_view text) { return trim_if(text, is_space, true, true); }

std::string_view trim_trailing_space(std::string_view text) { return trim_if(text, is_space, false, true); }

void append_lowercase(std::string_view text, std::string& out) {
  for (std::size_t i = 0; i < text.size();) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      out += static_cast<char>((c >= 'A' && c <= 'Z') ? c + 32 : c);
      ++i;
      continue;
    }
    auto [cp, len] = decode_at(text, i);
    if (len == 1) {
      out += text[i];  // invalid byte: keep it as it is
    } else {
      char32_t lower = to_lower(cp);
      if (lower == cp) {
        out.append(text.substr(i, len));
      } else {
        append_utf8(lower, out);
      }
    }
    i += len;
  }
}

void phrase_key(std::string_view line, std::string& out) {
  out.clear();
  std::string_view core = trim_if(line, is_decoration, true, true);
  bool pending_space = false;
  for (std::size_t i = 0; i < core.size();) {
    auto c = static_cast<unsigned char>(core[i]);
    std::size_t len = 1;
    bool space = false;
    if (c < 0x80) {
      space = c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
    } else {
      auto decoded = decode_at(core, i);
      len = decoded.second;
      space = is_space(decoded.first);
    }
    if (space) {
      pending_space = true;
    } else {
      if (pending_space) out += ' ';
      pending_space = false;
      append_lowercase(core.substr(i, len), out);
    }
    i += len;
  }
}

std::size_t count_words(std::string_view text) {
  std::size_t words = 0;
  bool in_word = false;
  for (std::size_t i = 0; i < text.size();) {
    auto [cp, len] = decode_at(text, i);
    bool space = is_space(cp);
    if (!space && !in_word) ++words;
    in_word = !space;
    i += len;
  }
  return words;
}

}  // namespace declutter
