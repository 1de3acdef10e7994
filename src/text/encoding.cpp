#include "text/encoding.h"

#include <iconv.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <optional>
#include <utility>

#include "text/ascii.h"
#include "text/utf8.h"

namespace declutter {
namespace {

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

// The label lower-cased, without the spaces around it.
std::string normalised_label(std::string_view label) {
  while (!label.empty() && is_html_space(label.front())) label.remove_prefix(1);
  while (!label.empty() && is_html_space(label.back())) label.remove_suffix(1);
  std::string out(label);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](char c) { return static_cast<char>(ascii_lower(static_cast<unsigned char>(c))); });
  return out;
}

}  // namespace

std::string encoding_for_label(std::string_view raw_label) {
  const std::string label = normalised_label(raw_label);
  if (label.empty()) return {};
  for (const auto& group : kLabelGroups)
    for (std::string_view known : group.labels)
      if (!known.empty() && known == label) return std::string(group.encoding);
  std::string name = normalised_single_byte(label);
  if (name == "X-USER-DEFINED") return "WINDOWS-1252";
  const IconvHandle probe("UTF-8", name.c_str());
  return probe.ok() ? name : std::string();
}

std::string encoding_for_option(std::string_view raw_label) {
  const std::string label = normalised_label(raw_label);
  if (label == "utf-16" || label == "utf-16le" || label == "unicode" || label == "ucs-2") return "UTF-16LE";
  if (label == "utf-16be" || label == "unicodefffe") return "UTF-16BE";
  return encoding_for_label(label);
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

bool looks_single_byte(std::string_view raw) {
  std::size_t non_ascii = 0;
  for (char c : raw)
    if (static_cast<unsigned char>(c) >= 0x80) ++non_ascii;
  return invalid_sequence_count(raw) * 2 >= non_ascii;
}

Decoding decode_as(std::string_view raw, const std::string& encoding, std::string& out) {
  Decoding result;
  if (encoding != "UTF-8" && convert_to_utf8(raw, encoding, out)) {
    result.encoding = encoding;
  } else {
    result.repaired = !repair_utf8(raw, out);
  }
  return result;
}

std::optional<Decoding> decode_byte_order_mark(std::string_view raw, std::string& out) {
  Decoding result;
  if (raw.starts_with(kUtf8ByteOrderMark)) {
    result.repaired = !repair_utf8(raw.substr(kUtf8ByteOrderMark.size()), out);
  } else if (raw.substr(0, 2) == "\xFF\xFE" || raw.substr(0, 2) == "\xFE\xFF") {
    const bool big_endian = raw[0] == '\xFE';
    result.encoding = big_endian ? "UTF-16BE" : "UTF-16LE";
    utf16_to_utf8(raw.substr(2), big_endian, out);
  } else {
    return std::nullopt;
  }
  return result;
}

Decoding decode_text_bytes(std::string_view raw, std::string& out, const std::string& forced,
                           std::string_view declared) {
  if (auto by_mark = decode_byte_order_mark(raw, out)) return *by_mark;
  if (!forced.empty()) return decode_as(raw, forced, out);
  if (repair_utf8(raw, out)) return {};
  if (!declared.empty()) return decode_as(raw, std::string(declared), out);
  if (!looks_single_byte(raw)) return Decoding{"UTF-8", true, false};
  Decoding result = decode_as(raw, "WINDOWS-1252", out);
  result.guessed = true;
  return result;
}

}  // namespace declutter
