#include "regex/required_bytes.h"

#include <array>
#include <cstring>
#include <optional>

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

// Non-ASCII characters that have no other case: Latin-1 punctuation and signs, general
// punctuation (dashes, quotes, bullets, guillemets), arrows, geometric shapes.
bool caseless_safe(char32_t c) {
  return (c >= 0xA0 && c <= 0xBF && c != 0xAA && c != 0xB5 && c != 0xBA) || c == 0xD7 || c == 0xF7 ||
         (c >= 0x2010 && c <= 0x205E) || (c >= 0x2190 && c <= 0x21FF) || (c >= 0x25A0 && c <= 0x25FF);
}

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
  explicit Analyzer(std::string_view pattern) : p_(pattern) {}

  struct Result {
    std::optional<ByteSet> required;
    std::optional<FirstByteSet> first;
  };
  Result run() {
    const Sequence top = sequence();
    Result result;
    if (failed_ || pos_ != p_.size()) return result;
    if (!top.alternation && top.required.usable()) result.required = top.required;
    if (top.first.known) result.first = top.first.bits;
    return result;
  }

 private:
  struct Sequence {
    ByteSet required;   // the best set among the required items (of the whole, without '|')
    FirstBytes first;   // union over the alternatives of their first consuming item's bytes
    bool alternation = false;
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
    while (!at_end() && !failed_ && peek() != ')') {
      if (peek() == '|') {
        result.alternation = true;
        close_alternative();
        ++pos_;
        continue;
      }
      const Item item = this->item();
      const std::size_t min = quantifier_min();
      if (min >= 1 && item.required.usable() && (!result.required.usable() || item.required.cost() < result.required.cost()))
        result.required = item.required;
      if (!alternative_started && !item.zero_width) {
        alternative_started = true;
        alternative_first = item.first;
        if (min == 0) alternative_first.known = false;
      }
    }
    close_alternative();
    return result;
  }

  // The minimum repeat count the quantifier after an item allows (1 when there is none).
  std::size_t quantifier_min() {
    std::size_t min = 1;
    const char c = peek();
    if (c == '?' || c == '*') {
      min = 0;
      ++pos_;
    } else if (c == '+') {
      ++pos_;
    } else if (c == '{') {
      std::size_t i = pos_ + 1;
      std::size_t digits = 0;
      std::size_t value = 0;
      while (i < p_.size() && p_[i] >= '0' && p_[i] <= '9') {
        value = value * 10 + static_cast<std::size_t>(p_[i] - '0');
        ++i;
        ++digits;
      }
      if (digits == 0 || value > 65535) return fail();
      if (i < p_.size() && p_[i] == ',') {
        ++i;
        while (i < p_.size() && p_[i] >= '0' && p_[i] <= '9') ++i;
      }
      if (i >= p_.size() || p_[i] != '}') return fail();
      pos_ = i + 1;
      min = value;
    } else {
      return min;
    }
    if (peek() == '?' || peek() == '+') ++pos_;  // lazy or possessive
    return min;
  }

  std::size_t fail() {
    failed_ = true;
    pos_ = p_.size();
    return 0;
  }

  // A literal character starting at pos_ (advanced past it), added to `item`.
  void literal(Item& item) {
    const unicode::CodePoint c = unicode::decode(p_, pos_);
    if (!c.valid) {
      fail();
      return;
    }
    const auto lead = static_cast<unsigned char>(p_[pos_]);
    const auto last = static_cast<unsigned char>(p_[pos_ + c.length - 1]);
    pos_ += c.length;
    if (c.value < 0x80) {
      const char32_t lower = c.value | 0x20U;
      if (lower >= 'a' && lower <= 'z') {
        item.first.add_letter(lower);
        // Caseless k and s also match the Kelvin sign and the long s: no requirement.
        if (lower == 'k' || lower == 's') {
          item.required.unknown = true;
          return;
        }
        item.required.add(static_cast<unsigned char>(lower));
        item.required.add(static_cast<unsigned char>(lower ^ 0x20U));
        return;
      }
      item.first.add(last);
      item.required.add(last);
      return;
    }
    if (!caseless_safe(c.value)) {
      item.required.unknown = true;  // it may have another case, spelt with other bytes
      item.first.known = false;
      return;
    }
    item.first.add(lead);
    item.required.add(last);  // the final byte of a character's UTF-8 form is part of any match of it
  }

  // An escape after '\' (pos_ at the character after it), added to `item`: literal
  // punctuation; \d \s \w by their ASCII members plus every non-ASCII lead byte (UCP);
  // other classes and assertions as unknown; forms whose extent is not obvious (\x \o \Q
  // \g \k, numbers) end the analysis.
  void escape(Item& item) {
    if (at_end()) {
      fail();
      return;
    }
    const char c = peek();
    if (!is_ascii_alnum(c) && static_cast<unsigned char>(c) < 0x80) {
      ++pos_;
      item.required.add(static_cast<unsigned char>(c));
      item.first.add(static_cast<unsigned char>(c));
      return;
    }
    item.required.unknown = true;
    if (c == 'p' || c == 'P') {
      ++pos_;
      if (peek() == '{') {
        const std::size_t close = p_.find('}', pos_);
        if (close == std::string_view::npos) {
          fail();
          return;
        }
        pos_ = close + 1;
      } else {
        ++pos_;
      }
      item.first.known = false;
      return;
    }
    if (std::strchr("dDsSwWbBhHvVRAzZGKntrfea", c) == nullptr) {
      fail();
      return;
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
        break;
      default:
        item.first.known = false;
        break;
    }
  }

  Item item() {
    const char c = peek();
    switch (c) {
      case '\\': {
        ++pos_;
        Item item;
        escape(item);
        return item;
      }
      case '[': return bracket_class();
      case '(': return group();
      case '^': case '$': {
        ++pos_;
        Item item = Item::unknown();
        item.zero_width = true;
        return item;
      }
      case '.':
        ++pos_;
        return Item::unknown();
      case '*': case '+': case '?': case '{': case ')':
        fail();
        return Item::unknown();
      default: {
        Item item;
        literal(item);
        return item;
      }
    }
  }

  Item bracket_class() {
    ++pos_;  // '['
    Item item;
    if (peek() == '^') {
      item = Item::unknown();
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
        ++pos_;
        continue;
      }
      if (c == '\\') {
        ++pos_;
        escape(item);
        continue;
      }
      literal(item);
    }
    item.zero_width = false;  // \b inside a class is a backspace
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
        // Option letters, then ':' (a group with options) or ')' (a setting).
        while (!at_end() && std::strchr("imnsJU-^", peek()) != nullptr) ++pos_;
        if (peek() == ')') {
          ++pos_;
          Item setting = Item::unknown();
          setting.zero_width = true;
          return setting;
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
    Item item = Item::unknown();
    if (!consuming) {
      item.zero_width = true;
      return item;
    }
    if (!inner.alternation) item.required = inner.required;
    item.first = inner.first;
    return item;
  }

  std::string_view p_;
  std::size_t pos_ = 0;
  bool failed_ = false;
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

}  // namespace declutter
