#include "html/decode.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <optional>
#include <utility>

#include "text/ascii.h"
#include "text/encoding.h"
#include "text/utf8.h"

namespace declutter {
namespace {

// How far into the page a charset declaration is looked for. Browsers stop at 1024 bytes;
// real pages put large inline scripts before their <meta>, so we look further, and further
// still when the bytes are not UTF-8 (the declaration then matters).
constexpr std::size_t kPrescanBytes = 4096;
constexpr std::size_t kDeepPrescanBytes = 65536;

char lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

std::string lowered(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), lower);
  return out;
}

std::size_t find_nocase(std::string_view text, std::string_view needle, std::size_t from) {
  for (std::size_t i = from; i + needle.size() <= text.size(); ++i) {
    if (equals_ignoring_ascii_case(text.substr(i, needle.size()), needle)) return i;
  }
  return std::string_view::npos;
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && is_html_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_html_space(text.back())) text.remove_suffix(1);
  return text;
}

// The value after the '=' at `i`, as HTML reads attribute values: white space skipped, then
// quoted ('"' or '\'') up to its closing quote, or unquoted up to white space or `stop`.
// Leaves `i` past it; std::nullopt when the quote is never closed.
std::optional<std::string_view> value_after_equals(std::string_view text, std::size_t& i, char stop) {
  ++i;
  while (i < text.size() && is_html_space(text[i])) ++i;
  if (i < text.size() && (text[i] == '"' || text[i] == '\'')) {
    const char quote = text[i++];
    const std::size_t end = text.find(quote, i);
    if (end == std::string_view::npos) return std::nullopt;
    const std::string_view value = text.substr(i, end - i);
    i = end + 1;
    return value;
  }
  const std::size_t value_start = i;
  while (i < text.size() && !is_html_space(text[i]) && text[i] != stop) ++i;
  return text.substr(value_start, i - value_start);
}

// Reads the attributes of the tag whose name ends at `i`; stops after '>'. The callback
// receives each (lower-case-insensitive) name and raw value.
template <typename OnAttribute>
std::size_t read_attributes(std::string_view text, std::size_t i, OnAttribute on_attribute) {
  while (i < text.size()) {
    while (i < text.size() && (is_html_space(text[i]) || text[i] == '/')) ++i;
    if (i >= text.size() || text[i] == '>') return i + 1;
    const std::size_t name_start = i;
    while (i < text.size() && !is_html_space(text[i]) && text[i] != '=' && text[i] != '>' && text[i] != '/') ++i;
    const std::string_view name = text.substr(name_start, i - name_start);
    while (i < text.size() && is_html_space(text[i])) ++i;
    std::string_view value;
    if (i < text.size() && text[i] == '=') {
      const std::optional<std::string_view> assigned = value_after_equals(text, i, '>');
      if (!assigned) return text.size();
      value = *assigned;
    }
    if (!name.empty()) on_attribute(name, value);
  }
  return i;
}

// The charset a <meta> tag declares, reading its attributes from `i` (just past "<meta").
std::string_view meta_charset(std::string_view text, std::size_t i, std::size_t& next) {
  std::string_view charset;
  std::string_view content;
  bool http_equiv_content_type = false;
  next = read_attributes(text, i, [&](std::string_view name, std::string_view value) {
    if (equals_ignoring_ascii_case(name, "charset")) {
      charset = trim(value);
    } else if (equals_ignoring_ascii_case(name, "content")) {
      content = value;
    } else if (equals_ignoring_ascii_case(name, "http-equiv")) {
      http_equiv_content_type = equals_ignoring_ascii_case(trim(value), "content-type");
    }
  });
  if (!charset.empty()) return charset;
  if (http_equiv_content_type || !content.empty()) return trim(charset_in_content_type(content));
  return {};
}

std::string prescan(std::string_view head) {
  std::size_t i = 0;
  if (head.substr(0, 5) == "<?xml") {
    const std::size_t end = head.find("?>");
    if (end != std::string_view::npos) {
      std::string_view declared;
      read_attributes(head.substr(0, end), 5, [&](std::string_view name, std::string_view value) {
        if (equals_ignoring_ascii_case(name, "encoding")) declared = trim(value);
      });
      if (!declared.empty()) return lowered(declared);
    }
  }
  while (i < head.size()) {
    const std::size_t lt = head.find('<', i);
    if (lt == std::string_view::npos) break;
    if (head.substr(lt, 4) == "<!--") {
      const std::size_t end = head.find("-->", lt + 4);
      if (end == std::string_view::npos) break;
      i = end + 3;
      continue;
    }
    if (equals_ignoring_ascii_case(head.substr(lt, 5), "<meta") && lt + 5 < head.size() &&
        (is_html_space(head[lt + 5]) || head[lt + 5] == '/')) {
      std::size_t next = 0;
      const std::string_view label = meta_charset(head, lt + 5, next);
      if (!label.empty()) return lowered(label);
      i = next;
      continue;
    }
    i = lt + 1;
  }
  return {};
}

void drop_nul_bytes(std::string& text) {
  if (std::memchr(text.data(), 0, text.size()) == nullptr) return;
  text.erase(std::remove(text.begin(), text.end(), '\0'), text.end());
}

}  // namespace

std::string_view charset_in_content_type(std::string_view content) {
  std::size_t at = find_nocase(content, "charset", 0);
  while (at != std::string_view::npos) {
    std::size_t i = at + 7;
    while (i < content.size() && is_html_space(content[i])) ++i;
    if (i < content.size() && content[i] == '=') return value_after_equals(content, i, ';').value_or(std::string_view());
    at = find_nocase(content, "charset", at + 7);
  }
  return {};
}

std::string find_declared_charset(std::string_view head) { return prescan(head.substr(0, kPrescanBytes)); }

Decoding decode_html_bytes(std::string_view raw, std::string& out, const std::string& forced,
                           std::string_view declared) {
  Decoding result;
  if (auto by_mark = decode_byte_order_mark(raw, out)) {
    result = std::move(*by_mark);
  } else if (!forced.empty()) {
    result = decode_as(raw, forced, out);
  } else {
    const bool valid_utf8 = is_valid_utf8(raw);
    std::string encoding(declared);
    if (encoding.empty()) {
      std::string label = find_declared_charset(raw);
      if (label.empty() && !valid_utf8) label = prescan(raw.substr(0, kDeepPrescanBytes));
      encoding = encoding_for_label(label);
    }
    // A page whose bytes all form valid UTF-8 is UTF-8 whatever it or its server declares:
    // legacy text with non-ASCII bytes almost never validates by accident, mislabelled pages
    // are common (servers that call every page ISO-8859-1), and ASCII reads the same either
    // way (ISO-2022-JP, being 7-bit, excepted).
    if (valid_utf8 && encoding != "ISO-2022-JP") encoding = "UTF-8";
    if (valid_utf8 && encoding == "UTF-8") {
      out.assign(raw);  // validated above: no second pass
    } else {
      const bool guessed = encoding.empty() && looks_single_byte(raw);
      if (encoding.empty()) encoding = guessed ? "WINDOWS-1252" : "UTF-8";
      result = decode_as(raw, encoding, out);
      result.guessed = guessed;
    }
  }
  drop_nul_bytes(out);
  return result;
}

}  // namespace declutter
