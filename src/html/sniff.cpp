#include "html/sniff.h"

#include <array>
#include <cctype>

#include "text/ascii.h"
#include "text/encoding.h"

namespace declutter {
namespace {

// Tags a page or an HTML fragment plausibly opens with.
constexpr std::array<std::string_view, 34> kOpeningTags{
    "html",  "head",   "body",    "div",   "p",       "meta",  "title",  "link",   "script",
    "style", "article", "section", "main",  "header",  "nav",   "table",  "span",   "a",
    "h1",    "h2",      "h3",      "ul",    "ol",      "form",  "base",   "noscript", "iframe",
    "img",   "center",  "font",    "frameset", "aside", "footer", "br"};

char lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

bool starts_with_nocase(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i)
    if (lower(text[i]) != prefix[i]) return false;
  return true;
}


// Skips white space, comments and <?...?> declarations; returns where content starts.
std::size_t skip_preamble(std::string_view text) {
  std::size_t i = 0;
  if (text.starts_with(kUtf8ByteOrderMark)) i = kUtf8ByteOrderMark.size();
  while (i < text.size()) {
    if (is_html_space(text[i])) {
      ++i;
    } else if (text.substr(i, 4) == "<!--") {
      const std::size_t end = text.find("-->", i + 4);
      if (end == std::string_view::npos) return text.size();
      i = end + 3;
    } else if (text.substr(i, 2) == "<?") {
      const std::size_t end = text.find('>', i + 2);
      if (end == std::string_view::npos) return text.size();
      i = end + 1;
    } else {
      break;
    }
  }
  return i;
}

}  // namespace

bool looks_like_html(std::string_view head) {
  const std::size_t start = skip_preamble(head);
  const std::string_view rest = head.substr(start);
  if (rest.size() < 2 || rest[0] != '<') return false;
  if (starts_with_nocase(rest, "<!doctype")) return true;
  for (std::string_view tag : kOpeningTags) {
    if (!starts_with_nocase(rest.substr(1), tag)) continue;
    if (rest.size() == tag.size() + 1) return true;
    const char after = rest[tag.size() + 1];
    if (is_html_space(after) || after == '>' || after == '/') return true;
  }
  return false;
}

}  // namespace declutter
