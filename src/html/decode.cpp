#include "html/decode.h"

#include <iconv.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <utility>

#include "text/utf8.h"

namespace declutter {
namespace {

// How far into the page a charset declaration is looked for. Browsers stop at 1024 bytes;
// real pages put large inline scripts before their <meta>, so we look further, and further
// still when the bytes are not UTF-8 (the declaration then matters).
constexpr std::size_t kPrescanBytes = 4096;
constexpr std::size_t kDeepPrescanBytes = 65536;

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

class IconvHandle {
 public:
  IconvHandle(const char* to, const char* from) : handle_(iconv_open(to, from)) {}
  ~IconvHandle() {
    if (ok()) iconv_close(handle_);
  }
  IconvHandle(const IconvHandle&) = delete;
  IconvHandle& operator=(const IconvHandle&) = delete;
  bool ok() const { return handle_ != reinterpret_cast<iconv_t>(-1); }  // NOLINT: iconv's error value
  iconv_t get() const { return handle_; }

 private:
  iconv_t handle_;
};

char lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

std::string lowered(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), lower);
  return out;
}

bool equals_nocase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (lower(a[i]) != lower(b[i])) return false;
  return true;
}

std::size_t find_nocase(std::string_view text, std::string_view needle, std::size_t from) {
  for (std::size_t i = from; i + needle.size() <= text.size(); ++i) {
    if (equals_nocase(text.substr(i, needle.size()), needle)) return i;
  }
  return std::string_view::npos;
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

// The label after "charset=" in a content attribute such as "text/html; charset=utf-8".
std::string_view charset_from_content(std::string_view content) {
  std::size_t at = find_nocase(content, "charset", 0);
  while (at != std::string_view::npos) {
    std::size_t i = at + 7;
    while (i < content.size() && is_space(content[i])) ++i;
    if (i < content.size() && content[i] == '=') {
      ++i;
      while (i < content.size() && is_space(content[i])) ++i;
      if (i < content.size() && (content[i] == '"' || content[i] == '\'')) {
        const char quote = content[i++];
        const std::size_t end = content.find(quote, i);
        if (end == std::string_view::npos) return {};
        return content.substr(i, end - i);
      }
      std::size_t end = i;
      while (end < content.size() && !is_space(content[end]) && content[end] != ';') ++end;
      return content.substr(i, end - i);
    }
    at = find_nocase(content, "charset", at + 7);
  }
  return {};
}

// Reads the attributes of the tag whose name ends at `i`; stops after '>'. The callback
// receives each (lower-case-insensitive) name and raw value.
template <typename OnAttribute>
std::size_t read_attributes(std::string_view text, std::size_t i, OnAttribute on_attribute) {
  while (i < text.size()) {
    while (i < text.size() && (is_space(text[i]) || text[i] == '/')) ++i;
    if (i >= text.size() || text[i] == '>') return i + 1;
    const std::size_t name_start = i;
    while (i < text.size() && !is_space(text[i]) && text[i] != '=' && text[i] != '>' && text[i] != '/') ++i;
    const std::string_view name = text.substr(name_start, i - name_start);
    while (i < text.size() && is_space(text[i])) ++i;
    std::string_view value;
    if (i < text.size() && text[i] == '=') {
      ++i;
      while (i < text.size() && is_space(text[i])) ++i;
      if (i < text.size() && (text[i] == '"' || text[i] == '\'')) {
        const char quote = text[i++];
        const std::size_t end = text.find(quote, i);
        if (end == std::string_view::npos) return text.size();
        value = text.substr(i, end - i);
        i = end + 1;
      } else {
        const std::size_t value_start = i;
        while (i < text.size() && !is_space(text[i]) && text[i] != '>') ++i;
        value = text.substr(value_start, i - value_start);
      }
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
    if (equals_nocase(name, "charset")) {
      charset = trim(value);
    } else if (equals_nocase(name, "content")) {
      content = value;
    } else if (equals_nocase(name, "http-equiv")) {
      http_equiv_content_type = equals_nocase(trim(value), "content-type");
    }
  });
  if (!charset.empty()) return charset;
  if (http_equiv_content_type || !content.empty()) return trim(charset_from_content(content));
  return {};
}

std::string prescan(std::string_view head) {
  std::size_t i = 0;
  if (head.substr(0, 5) == "<?xml") {
    const std::size_t end = head.find("?>");
    if (end != std::string_view::npos) {
      std::string_view declared;
      read_attributes(head.substr(0, end), 5, [&](std::string_view name, std::string_view value) {
        if (equals_nocase(name, "encoding")) declared = trim(value);
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
    if (equals_nocase(head.substr(lt, 5), "<meta") && lt + 5 < head.size() &&
        (is_space(head[lt + 5]) || head[lt + 5] == '/')) {
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

// Whether undeclared, non-UTF-8 bytes look like a single-byte legacy encoding: most of their
// non-ASCII bytes fail as UTF-8, rather than a few stray bytes in UTF-8 text.
bool mostly_single_byte(std::string_view raw) {
  std::size_t non_ascii = 0;
  for (char c : raw)
    if (static_cast<unsigned char>(c) >= 0x80) ++non_ascii;
  std::string repaired;
  repair_utf8(raw, repaired);
  std::size_t replacements = 0;
  for (std::size_t at = repaired.find(kReplacement); at != std::string::npos;
       at = repaired.find(kReplacement, at + kReplacement.size()))
    ++replacements;
  return replacements * 2 >= non_ascii;
}

void drop_nul_bytes(std::string& text) {
  if (std::memchr(text.data(), 0, text.size()) == nullptr) return;
  text.erase(std::remove(text.begin(), text.end(), '\0'), text.end());
}

struct LabelGroup {
  std::string_view encoding;
  std::array<std::string_view, 12> labels;
};

// WHATWG Encoding Standard label table, the part the web still uses.
constexpr std::array kLabelGroups{
    LabelGroup{"UTF-8", {"utf-8", "utf8", "unicode-1-1-utf-8", "x-unicode20utf8", "unicode11utf8",
                         "utf-16", "utf-16le", "utf-16be", "unicode", "ucs-2", "unicodefffe"}},
    LabelGroup{"WINDOWS-1252", {"windows-1252", "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "l1",
                                "us-ascii", "ascii", "cp1252", "cp819", "x-cp1252", "ansi_x3.4-1968"}},
    LabelGroup{"GB18030", {"gb18030", "gbk", "gb2312", "x-gbk", "chinese", "csgb2312", "gb_2312-80",
                           "cp936", "windows-936", "euc-cn", "iso-ir-58", "csgbk"}},
    LabelGroup{"CP932", {"shift_jis", "shift-jis", "sjis", "x-sjis", "ms_kanji", "ms932", "windows-31j",
                         "csshiftjis", "cp932"}},
    LabelGroup{"CP949", {"euc-kr", "ks_c_5601-1987", "windows-949", "cp949", "korean", "csksc56011987",
                         "ks_c_5601-1989", "ksc5601", "ksc_5601", "iso-ir-149"}},
    LabelGroup{"BIG5-HKSCS", {"big5", "big5-hkscs", "x-x-big5", "cn-big5", "csbig5"}},
    LabelGroup{"WINDOWS-1254", {"iso-8859-9", "iso8859-9", "latin5", "l5", "windows-1254", "cp1254",
                                "x-cp1254", "iso_8859-9"}},
    LabelGroup{"WINDOWS-874", {"tis-620", "windows-874", "iso-8859-11", "iso8859-11", "dos-874"}},
    LabelGroup{"EUC-JP", {"euc-jp", "x-euc-jp", "cseucpkdfmtjapanese"}},
    LabelGroup{"ISO-2022-JP", {"iso-2022-jp", "csiso2022jp"}},
};

// Labels like "iso-8859-2", "latin2", "windows-1250", "koi8-r" that iconv knows by name.
std::string normalised_single_byte(std::string_view label) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 8> kLatinAliases{{
      {"latin2", "iso-8859-2"}, {"latin3", "iso-8859-3"}, {"latin4", "iso-8859-4"},
      {"latin6", "iso-8859-10"}, {"cyrillic", "iso-8859-5"}, {"arabic", "iso-8859-6"},
      {"greek", "iso-8859-7"}, {"hebrew", "iso-8859-8"}}};
  for (const auto& [alias, name] : kLatinAliases)
    if (label == alias) label = name;
  std::string name(label);
  if (name.rfind("iso8859-", 0) == 0) name = "iso-" + name.substr(3);
  if (name.rfind("iso_8859-", 0) == 0) name[3] = '-';
  if (name.rfind("cp125", 0) == 0 || name.rfind("x-cp125", 0) == 0)
    name = "windows-" + name.substr(name.find("125"));
  std::transform(name.begin(), name.end(), name.begin(),
                 [](char c) { return static_cast<char>(std::toupper(static_cast<unsigned char>(c))); });
  return name;
}

}  // namespace

std::string find_declared_charset(std::string_view head) { return prescan(head.substr(0, kPrescanBytes)); }

std::string encoding_for_label(std::string_view raw_label) {
  const std::string label = lowered(trim(raw_label));
  if (label.empty()) return {};
  for (const auto& group : kLabelGroups)
    for (std::string_view known : group.labels)
      if (!known.empty() && known == label) return std::string(group.encoding);
  std::string name = normalised_single_byte(label);
  if (name == "X-USER-DEFINED") return "WINDOWS-1252";
  const IconvHandle probe("UTF-8", name.c_str());
  return probe.ok() ? name : std::string();
}

bool convert_to_utf8(std::string_view in, const std::string& encoding, std::string& out) {
  out.clear();
  const IconvHandle converter("UTF-8", encoding.c_str());
  if (!converter.ok()) return false;
  out.resize(in.size() * 2 + 16);
  // iconv's interface is not const-correct; it never writes through the input pointer.
  char* source = const_cast<char*>(in.data());  // NOLINT
  std::size_t source_left = in.size();
  std::size_t written = 0;
  while (source_left > 0) {
    char* target = out.data() + written;
    std::size_t target_left = out.size() - written;
    const std::size_t result = iconv(converter.get(), &source, &source_left, &target, &target_left);
    written = out.size() - target_left;
    if (result != static_cast<std::size_t>(-1)) break;
    if (errno == E2BIG) {
      out.resize(out.size() * 2);
    } else if (errno == EILSEQ || errno == EINVAL) {
      // Undecodable (or truncated final) sequence: one U+FFFD per bad byte, then go on.
      if (out.size() - written < kReplacement.size()) out.resize(out.size() * 2);
      std::memcpy(out.data() + written, kReplacement.data(), kReplacement.size());
      written += kReplacement.size();
      ++source;
      --source_left;
      iconv(converter.get(), nullptr, nullptr, nullptr, nullptr);  // reset shift state
    } else {
      break;
    }
  }
  out.resize(written);
  return true;
}

HtmlDecoding decode_html_bytes(std::string_view raw, std::string& out) {
  HtmlDecoding result;
  if (raw.substr(0, 3) == "\xEF\xBB\xBF") {
    result.encoding = "UTF-8";
    result.repaired = !repair_utf8(raw.substr(3), out);
  } else if (raw.substr(0, 2) == "\xFF\xFE" || raw.substr(0, 2) == "\xFE\xFF") {
    result.encoding = raw[0] == '\xFE' ? "UTF-16BE" : "UTF-16LE";
    utf16_to_utf8(raw.substr(2), raw[0] == '\xFE', out);
  } else {
    const bool valid_utf8 = is_valid_utf8(raw);
    std::string label = find_declared_charset(raw);
    if (label.empty() && !valid_utf8) label = prescan(raw.substr(0, kDeepPrescanBytes));
    std::string encoding = encoding_for_label(label);
    // A page whose bytes all form valid UTF-8 is UTF-8 whatever it declares: legacy text
    // with non-ASCII bytes almost never validates by accident, mislabelled pages are
    // common, and ASCII reads the same either way (ISO-2022-JP, being 7-bit, excepted).
    if (valid_utf8 && encoding != "ISO-2022-JP") encoding = "UTF-8";
    if (encoding.empty()) encoding = mostly_single_byte(raw) ? "WINDOWS-1252" : "UTF-8";
    if (encoding != "UTF-8" && convert_to_utf8(raw, encoding, out)) {
      result.encoding = std::move(encoding);
    } else {
      result.encoding = "UTF-8";
      result.repaired = !repair_utf8(raw, out);
    }
  }
  drop_nul_bytes(out);
  return result;
}

}  // namespace declutter
