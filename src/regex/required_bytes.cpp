#include "regex/required_bytes.h"

#include <cstring>
#include <optional>

#include "text/unicode.h"

namespace declutter {
namespace {

// Bytes of which a match of one item contains at least one; empty when unknown.
struct ByteSet {
  unsigned char bytes[RequiredBytes::kMax] = {};
  std::size_t count = 0;
  bool unknown = false;

  void add(unsigned char byte) {
    if (unknown) return;
    for (std::size_t i = 0; i < count; ++i)
      if (bytes[i] == byte) return;
    if (count == RequiredBytes::kMax) {
      unknown = true;
      return;
    }
    bytes[count++] = byte;
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

// Recursive descent over the pattern; `failed` means the syntax went beyond what is
// understood, and then nothing is concluded.
class Analyzer {
 public:
  explicit Analyzer(std::string_view pattern) : p_(pattern) {}

  std::optional<ByteSet> run() {
    bool alternation = false;
    ByteSet best = sequence(alternation);
    if (failed_ || pos_ != p_.size() || alternation || !best.usable()) return std::nullopt;
    return best;
  }

 private:
  bool at_end() const { return pos_ >= p_.size(); }
  char peek(std::size_t ahead = 0) const { return pos_ + ahead < p_.size() ? p_[pos_ + ahead] : '\0'; }

  // Items until ')' or the end. The result is the best set among the required items;
  // `alternation` reports a '|' at this level, which makes every item optional.
  ByteSet sequence(bool& alternation) {
    ByteSet best;
    while (!at_end() && !failed_ && peek() != ')') {
      if (peek() == '|') {
        alternation = true;
        ++pos_;
        continue;
      }
      ByteSet item = this->item();
      const std::size_t min = quantifier_min();
      if (min >= 1 && item.usable() && (!best.usable() || item.cost() < best.cost())) best = item;
    }
    return best;
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

  ByteSet unknown() {
    ByteSet set;
    set.unknown = true;
    return set;
  }

  // A literal character starting at pos_ (advanced past it), into `set`.
  void literal(ByteSet& set) {
    const unicode::CodePoint c = unicode::decode(p_, pos_);
    if (!c.valid) {
      fail();
      return;
    }
    const auto last = static_cast<unsigned char>(p_[pos_ + c.length - 1]);
    pos_ += c.length;
    if (c.value < 0x80) {
      const char32_t lower = c.value | 0x20U;
      if (lower >= 'a' && lower <= 'z') {
        // Caseless k and s also match the Kelvin sign and the long s: no requirement.
        if (lower == 'k' || lower == 's') {
          set.unknown = true;
          return;
        }
        set.add(static_cast<unsigned char>(lower));
        set.add(static_cast<unsigned char>(lower ^ 0x20U));
        return;
      }
      set.add(last);
      return;
    }
    if (!caseless_safe(c.value)) {
      set.unknown = true;  // it may have another case, spelt with other bytes
      return;
    }
    set.add(last);  // the final byte of a character's UTF-8 form is part of any match of it
  }

  // An escape after '\' (pos_ at the character after it). Literal punctuation goes into
  // `set`; classes (\d \s \p{..}) and assertions leave it unknown; forms whose extent is
  // not obvious (\x \o \Q \g \k, numbers) end the analysis.
  void escape(ByteSet& set) {
    if (at_end()) {
      fail();
      return;
    }
    const char c = peek();
    if (!is_ascii_alnum(c) && static_cast<unsigned char>(c) < 0x80) {
      ++pos_;
      set.add(static_cast<unsigned char>(c));
      return;
    }
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
      set.unknown = true;
      return;
    }
    const bool simple = std::strchr("dDsSwWbBhHvVRAzZGKntrfea", c) != nullptr;
    if (!simple) {
      fail();
      return;
    }
    ++pos_;
    set.unknown = true;
  }

  ByteSet item() {
    const char c = peek();
    switch (c) {
      case '\\': {
        ++pos_;
        ByteSet set;
        escape(set);
        return set;
      }
      case '[': return bracket_class();
      case '(': return group();
      case '.': case '^': case '$':
        ++pos_;
        return unknown();
      case '*': case '+': case '?': case '{': case ')':
        fail();
        return unknown();
      default: {
        ByteSet set;
        literal(set);
        return set;
      }
    }
  }

  ByteSet bracket_class() {
    ++pos_;  // '['
    ByteSet set;
    if (peek() == '^') {
      set.unknown = true;
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
        set.unknown = true;  // a range (or a literal dash we need not tell apart)
        ++pos_;
        continue;
      }
      if (c == '\\') {
        ++pos_;
        escape(set);
        continue;
      }
      literal(set);
    }
    return set;
  }

  ByteSet group() {
    ++pos_;  // '('
    bool capturing_content = true;  // whether the group's content must match for the group to
    if (peek() == '*') {
      fail();
      return unknown();
    }
    if (peek() == '?') {
      ++pos_;
      const char kind = peek();
      if (kind == ':' || kind == '>') {
        ++pos_;
      } else if (kind == '=' || kind == '!') {
        ++pos_;
        capturing_content = false;
      } else if (kind == '<' && (peek(1) == '=' || peek(1) == '!')) {
        pos_ += 2;
        capturing_content = false;
      } else {
        // Option letters, then ':' (a group with options) or ')' (a setting).
        while (!at_end() && std::strchr("imnsJU-^", peek()) != nullptr) ++pos_;
        if (peek() == ')') {
          ++pos_;
          return unknown();
        }
        if (peek() != ':') {
          fail();  // named groups, recursion, conditionals, callouts, the x option...
          return unknown();
        }
        ++pos_;
      }
    }
    bool alternation = false;
    ByteSet inner = sequence(alternation);
    if (failed_ || peek() != ')') {
      fail();
      return unknown();
    }
    ++pos_;
    if (!capturing_content || alternation) return unknown();
    return inner;
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
  const std::optional<ByteSet> set = Analyzer(pattern).run();
  if (!set) return result;
  result.count = set->count;
  for (std::size_t i = 0; i < set->count; ++i) result.bytes[i] = set->bytes[i];
  return result;
}

}  // namespace declutter
