#include "regex/pattern_analysis.h"

#include <array>
#include <cstring>
#include <limits>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "regex/literal_info.h"
#include "text/unicode.h"

namespace declutter {
namespace {

// Bytes of which a match of one item contains at least one; empty when unknown.
struct ByteSet {
  std::array<unsigned char, RequiredBytes::kMax> bytes{};
  std::size_t count = 0;
  bool unknown = false;

  void add(unsigned char byte) {
    if (unknown) return;
    for (std::size_t i = 0; i < count; ++i)
      if (bytes[i] == byte) return;
    if (count < bytes.size()) {
      bytes.at(count) = byte;
      ++count;
    } else {
      unknown = true;
    }
  }
  bool usable() const { return !unknown && count > 0; }
  // Lower is better: fewer bytes, and bytes that ordinary prose rarely contains.
  std::size_t cost() const {
    std::size_t cost = count;
    for (std::size_t i = 0; i < count; ++i) {
      const unsigned char b = bytes[i];
      const bool common = b == ' ' || (b >= '0' && b <= '9') || ((b | 0x20U) >= 'a' && (b | 0x20U) <= 'z');
      if (common) cost += 4;
    }
    return cost;
  }
};

bool is_ascii_alnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

}  // namespace

// Non-ASCII characters that have no other case: Latin-1 punctuation and signs, general
// punctuation (dashes, quotes, bullets, guillemets), arrows, geometric shapes, CJK
// punctuation, kana and ideographs (unit tests check this against PCRE2's caseless matching).
bool caseless_safe(char32_t c) {
  return (c >= 0xA0 && c <= 0xBF && c != 0xAA && c != 0xB5 && c != 0xBA) || c == 0xD7 || c == 0xF7 ||
         (c >= 0x2010 && c <= 0x205E) || (c >= 0x2190 && c <= 0x21FF) || (c >= 0x25A0 && c <= 0x25FF) ||
         (c >= 0x3000 && c <= 0x30FF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF);
}

namespace {

// The bytes a non-empty match of an item can start with.
struct FirstBytes {
  FirstByteSet bits{};
  bool known = true;

  void add(unsigned byte) { bits[byte / 64U] |= 1ULL << (byte % 64U); }
  void add_range(unsigned low, unsigned high) {
    for (unsigned byte = low; byte <= high; ++byte) add(byte);
  }
  // An ASCII letter in either case; k and s also match the Kelvin sign and the long s.
  void add_letter(unsigned lower) {
    add(lower);
    add(lower ^ 0x20U);
    if (lower == 'k' || lower == 's') add_non_ascii();
  }
  void add_non_ascii() { add_range(0xC2, 0xF4); }  // every lead byte of a multi-byte character
  void merge(const FirstBytes& other) {
    known = known && other.known;
    for (std::size_t i = 0; i < bits.size(); ++i) bits[i] |= other.bits[i];
  }
};

// What the analysis knows about one item of a pattern.
struct Item {
  ByteSet required;
  FirstBytes first;
  bool zero_width = false;  // an assertion: consumes nothing, so the next item starts the match
  literals::Info text;      // the literal text its matches consist of (unknown by default)

  static Item assertion(bool anchors) {
    Item item = unknown();
    item.zero_width = true;
    item.text = literals::Info::assertion(anchors);
    return item;
  }

  static Item unknown() {
    Item item;
    item.required.unknown = true;
    item.first.known = false;
    return item;
  }
};

// Recursive descent over the pattern; `failed` means the syntax went beyond what is
// understood, and then nothing is concluded.
class Analyzer {
 public:
  // `caseless`: whether letters match their other cases (literal text is read so).
  // `with_text`: whether to work out the literal text too (the costlier part).
  explicit Analyzer(std::string_view pattern, bool caseless = true, bool with_text = false)
      : p_(pattern), caseless_(caseless), with_text_(with_text) {}

  struct Result {
    std::optional<ByteSet> required;
    std::optional<FirstByteSet> first;
    std::optional<literals::Info> text;
  };
  Result run() {
    const Sequence top = sequence();
    Result result;
    if (failed_ || pos_ != p_.size()) return result;
    if (!top.alternation && top.required.usable()) result.required = top.required;
    if (top.first.known) result.first = top.first.bits;
    if (with_text_ && !multiline_) result.text = top.text;
    return result;
  }
  // Whether an inline option turned caseless matching on somewhere.
  bool saw_caseless_option() const { return saw_caseless_option_; }

 private:
  struct Sequence {
    ByteSet required;   // the best set among the required items (of the whole, without '|')
    FirstBytes first;   // union over the alternatives of their first consuming item's bytes
    bool alternation = false;
    literals::Info text;
  };
  struct Quantifier {
    std::size_t min = 1;
    std::size_t max = 1;  // SIZE_MAX: unbounded
  };

  bool at_end() const { return pos_ >= p_.size(); }
  char peek(std::size_t ahead = 0) const { return pos_ + ahead < p_.size() ? p_[pos_ + ahead] : '\0'; }

  // Items until ')' or the end.
  Sequence sequence() {
    Sequence result;
    FirstBytes alternative_first;
    bool alternative_started = false;  // its first consuming item was seen
    const auto close_alternative = [&] {
      if (!alternative_started) alternative_first.known = false;  // it may match the empty string
      result.first.merge(alternative_first);
      alternative_first = FirstBytes{};
      alternative_started = false;
    };
    std::vector<literals::Info> branches;
    literals::SequenceBuilder branch;
    while (!at_end() && !failed_ && peek() != ')') {
      if (peek() == '|') {
        result.alternation = true;
        close_alternative();
        if (with_text_) branches.push_back(branch.finish());
        branch = literals::SequenceBuilder{};
        ++pos_;
        continue;
      }
      const Item item = this->item();
      const Quantifier quantifier = this->quantifier();
      const std::size_t min = quantifier.min;
      if (min >= 1 && item.required.usable() && (!result.required.usable() || item.required.cost() < result.required.cost()))
        result.required = item.required;
      if (!alternative_started && !item.zero_width) {
        alternative_started = true;
        alternative_first = item.first;
        if (min == 0) alternative_first.known = false;
      }
      if (with_text_) branch.add(literals::repeat(item.text, min, quantifier.max));
    }
    close_alternative();
    if (with_text_) {
      branches.push_back(branch.finish());
      result.text = literals::alternation(branches);
    }
    return result;
  }

  // The repeat counts the quantifier after an item allows (1..1 when there is none);
  // lazy and possessive forms match no text the greedy form could not.
  Quantifier quantifier() {
    Quantifier q;
    const char c = peek();
    if (c == '?' || c == '*' || c == '+') {
      q.min = c == '+' ? 1 : 0;
      q.max = c == '?' ? 1 : std::numeric_limits<std::size_t>::max();
      ++pos_;
    } else if (c == '{') {
      std::size_t i = pos_ + 1;
      const auto number = [&](std::size_t& value) {
        std::size_t digits = 0;
        value = 0;
        while (i < p_.size() && p_[i] >= '0' && p_[i] <= '9' && digits < 6) {
          value = value * 10 + static_cast<std::size_t>(p_[i] - '0');
          ++i;
          ++digits;
        }
        return digits > 0 && value <= 65535;
      };
      if (!number(q.min)) return fail_quantifier();
      q.max = q.min;
      if (i < p_.size() && p_[i] == ',') {
        ++i;
        q.max = std::numeric_limits<std::size_t>::max();
        if (i < p_.size() && p_[i] != '}' && !number(q.max)) return fail_quantifier();
      }
      if (i >= p_.size() || p_[i] != '}' || q.max < q.min) return fail_quantifier();
      pos_ = i + 1;
    } else {
      return q;
    }
    if (peek() == '?' || peek() == '+') ++pos_;  // lazy or possessive
    return q;
  }

  Quantifier fail_quantifier() {
    fail();
    return Quantifier{0, 0};
  }

  std::size_t fail() {
    failed_ = true;
    pos_ = p_.size();
    return 0;
  }

  // A literal character starting at pos_ (advanced past it), added to `item`. Returns its
  // folded text (regex/pattern_analysis.h), or nothing when a match of it may be spelt
  // otherwise than the fold can tell.
  std::optional<std::string> literal(Item& item) {
    const unicode::CodePoint c = unicode::decode(p_, pos_);
    if (!c.valid) {
      fail();
      return std::nullopt;
    }
    const auto lead = static_cast<unsigned char>(p_[pos_]);
    const auto last = static_cast<unsigned char>(p_[pos_ + c.length - 1]);
    const std::string_view spelling = p_.substr(pos_, c.length);
    pos_ += c.length;
    if (c.value < 0x80) {
      const char32_t lower = c.value | 0x20U;
      if (lower >= 'a' && lower <= 'z') {
        item.first.add_letter(lower);
        const std::string folded(1, static_cast<char>(lower));
        // Caseless k and s also match the Kelvin sign and the long s: no required byte
        // (the line fold maps those two onto k and s, so the folded text still holds).
        if (lower == 'k' || lower == 's') {
          item.required.unknown = true;
          return folded;
        }
        item.required.add(static_cast<unsigned char>(lower));
        item.required.add(static_cast<unsigned char>(lower ^ 0x20U));
        return folded;
      }
      item.first.add(last);
      item.required.add(last);
      return std::string(1, static_cast<char>(c.value));
    }
    if (!caseless_safe(c.value)) {
      item.required.unknown = true;  // it may have another case, spelt with other bytes
      item.first.known = false;
      // The line fold turns these two into ASCII; other letters keep their bytes, which a
      // case-sensitive match must contain.
      if (caseless_ || c.value == kKelvinSign || c.value == kLongS) return std::nullopt;
      return std::string(spelling);
    }
    item.first.add(lead);
    item.required.add(last);  // the final byte of a character's UTF-8 form is part of any match of it
    return std::string(spelling);
  }

  // An escape after '\' (pos_ at the character after it), added to `item`: literal
  // punctuation; \d \s \w by their ASCII members plus every non-ASCII lead byte (UCP);
  // other classes and assertions as unknown; forms whose extent is not obvious (\x \o \Q
  // \g \k, numbers) end the analysis.
  std::optional<std::string> escape(Item& item) {
    if (at_end()) {
      fail();
      return std::nullopt;
    }
    const char c = peek();
    if (!is_ascii_alnum(c) && static_cast<unsigned char>(c) < 0x80) {
      ++pos_;
      item.required.add(static_cast<unsigned char>(c));
      item.first.add(static_cast<unsigned char>(c));
      return std::string(1, c);
    }
    item.required.unknown = true;
    if (c == 'p' || c == 'P') {
      ++pos_;
      if (peek() == '{') {
        const std::size_t close = p_.find('}', pos_);
        if (close == std::string_view::npos) {
          fail();
          return std::nullopt;
        }
        pos_ = close + 1;
      } else {
        ++pos_;
      }
      item.first.known = false;
      return std::nullopt;
    }
    if (std::strchr("dDsSwWbBhHvVRAzZGKntrfea", c) == nullptr) {
      fail();
      return std::nullopt;
    }
    ++pos_;
    switch (c) {
      case 'd':
        item.first.add_range('0', '9');
        item.first.add_non_ascii();
        break;
      case 's':
        item.first.add(' ');
        item.first.add_range('\t', '\r');
        item.first.add_non_ascii();
        break;
      case 'w':
        item.first.add_range('0', '9');
        item.first.add_range('A', 'Z');
        item.first.add_range('a', 'z');
        item.first.add('_');
        item.first.add_non_ascii();
        break;
      case 'b': case 'B': case 'A': case 'z': case 'Z': case 'G': case 'K':
        item.zero_width = true;
        item.text = literals::Info::assertion(c == 'A');
        break;
      default:
        item.first.known = false;
        break;
    }
    return std::nullopt;
  }

  Item item() {
    const char c = peek();
    switch (c) {
      case '\\': {
        ++pos_;
        Item item;
        if (auto text = escape(item); text && with_text_) item.text = literals::Info::literal(std::move(*text));
        return item;
      }
      case '[': return bracket_class();
      case '(': return group();
      case '^': case '$': {
        ++pos_;
        return Item::assertion(c == '^');
      }
      case '.':
        ++pos_;
        return Item::unknown();
      case '*': case '+': case '?': case '{': case ')':
        fail();
        return Item::unknown();
      default: {
        Item item;
        if (auto text = literal(item); text && with_text_) item.text = literals::Info::literal(std::move(*text));
        return item;
      }
    }
  }

  // A small class of literal characters is known exactly (one of its members).
  Item bracket_class() {
    ++pos_;  // '['
    Item item;
    literals::StringSet members;
    bool members_known = true;
    const auto member = [&](std::optional<std::string> text) {
      if (text && members.size() < kMaxClassMembers) members.push_back(std::move(*text));
      else members_known = false;
    };
    if (peek() == '^') {
      item = Item::unknown();
      members_known = false;
      ++pos_;
    }
    bool first = true;
    while (!failed_) {
      if (at_end()) {
        fail();
        break;
      }
      const char c = peek();
      if (c == ']' && !first) {
        ++pos_;
        break;
      }
      first = false;
      if (c == '[' && (peek(1) == ':' || peek(1) == '.' || peek(1) == '=')) {
        fail();  // POSIX classes
        break;
      }
      if (c == '-' && peek(1) != ']') {
        // A range (or a literal dash we need not tell apart): no conclusion from this class.
        item.required.unknown = true;
        item.first.known = false;
        members_known = false;
        ++pos_;
        continue;
      }
      if (c == '\\') {
        ++pos_;
        member(escape(item));
        continue;
      }
      member(literal(item));
    }
    item.zero_width = false;  // \b inside a class is a backspace
    if (with_text_ && members_known && !members.empty()) item.text = literals::Info::one_of(std::move(members));
    return item;
  }

  Item group() {
    ++pos_;  // '('
    bool consuming = true;  // false for lookaround: the group matches no characters itself
    if (peek() == '*') {
      fail();
      return Item::unknown();
    }
    if (peek() == '?') {
      ++pos_;
      const char kind = peek();
      if (kind == ':' || kind == '>') {
        ++pos_;
      } else if (kind == '=' || kind == '!') {
        ++pos_;
        consuming = false;
      } else if (kind == '<' && (peek(1) == '=' || peek(1) == '!')) {
        pos_ += 2;
        consuming = false;
      } else {
        // Option letters, then ':' (a group with options) or ')' (a setting). Caseless
        // anywhere makes the whole pattern's text caseless (the caller reruns); multiline
        // lets ^ match inside the subject, which no literal text is anchored to.
        while (!at_end() && std::strchr("imnsJU-^", peek()) != nullptr) {
          if (peek() == 'i') saw_caseless_option_ = true;
          if (peek() == 'm') multiline_ = true;
          ++pos_;
        }
        if (peek() == ')') {
          ++pos_;
          return Item::assertion(false);
        }
        if (peek() != ':') {
          fail();  // named groups, recursion, conditionals, callouts, the x option...
          return Item::unknown();
        }
        ++pos_;
      }
    }
    const Sequence inner = sequence();
    if (failed_ || peek() != ')') {
      fail();
      return Item::unknown();
    }
    ++pos_;
    if (!consuming) return Item::assertion(false);
    Item item = Item::unknown();
    if (!inner.alternation) item.required = inner.required;
    item.first = inner.first;
    item.text = inner.text;
    return item;
  }

  static constexpr char32_t kKelvinSign = 0x212A;
  static constexpr char32_t kLongS = 0x17F;
  static constexpr std::size_t kMaxClassMembers = 8;

  std::string_view p_;
  bool caseless_ = true;
  bool with_text_ = false;
  std::size_t pos_ = 0;
  bool failed_ = false;
  bool saw_caseless_option_ = false;
  bool multiline_ = false;
};

}  // namespace

bool RequiredBytes::admits(std::string_view subject) const {
  if (count == 0) return true;
  for (std::size_t i = 0; i < count; ++i)
    if (std::memchr(subject.data(), bytes[i], subject.size()) != nullptr) return true;
  return false;
}

RequiredBytes required_bytes(std::string_view pattern, bool extended) {
  RequiredBytes result;
  if (extended) return result;
  const std::optional<ByteSet> set = Analyzer(pattern).run().required;
  if (!set) return result;
  result.count = set->count;
  for (std::size_t i = 0; i < set->count; ++i) result.bytes[i] = set->bytes[i];
  return result;
}

std::optional<FirstByteSet> first_bytes(std::string_view pattern, bool extended) {
  if (extended) return std::nullopt;
  return Analyzer(pattern).run().first;
}

LiteralRequirement literal_requirement(std::string_view pattern, bool caseless, bool extended) {
  LiteralRequirement result;
  if (extended) return result;
  Analyzer analyzer(pattern, caseless, true);
  std::optional<literals::Info> text = analyzer.run().text;
  if (!caseless && analyzer.saw_caseless_option()) text = Analyzer(pattern, true, true).run().text;
  if (!text) return result;
  for (const literals::Atom& atom : text->condition.atoms) {
    if (atom.text.empty()) return LiteralRequirement{};
    // What is still relative to the match's start is not anchored: the match may start anywhere.
    (atom.anchor == literals::Anchor::line_start ? result.prefixes : result.infixes).push_back(atom.text);
  }
  // Drop literals another one implies: a line holding them holds the shorter one too.
  // (The atoms are distinct, so a literal is only compared with itself within its own list.)
  const auto implied = [](const std::vector<std::string>& others, const std::string& literal, bool at_start) {
    for (const auto& other : others)
      if (&other != &literal && (at_start ? literal.starts_with(other) : literal.find(other) != std::string::npos)) return true;
    return false;
  };
  std::vector<std::string> prefixes;
  for (const auto& prefix : result.prefixes)
    if (!implied(result.prefixes, prefix, true) && !implied(result.infixes, prefix, false)) prefixes.push_back(prefix);
  std::vector<std::string> infixes;
  for (const auto& infix : result.infixes)
    if (!implied(result.infixes, infix, false)) infixes.push_back(infix);
  result.prefixes = std::move(prefixes);
  result.infixes = std::move(infixes);
  return result;
}

}  // namespace declutter
