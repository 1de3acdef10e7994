#include "regex/pattern_analysis.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <limits>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "regex/byte_classes.h"
#include "regex/literal_info.h"
#include "text/ascii.h"
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
      const bool common = b == ' ' || (b >= '0' && b <= '9') || is_ascii_letter(b);
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
// punctuation, kana and ideographs, and the scripts without case (unit tests check this
// against PCRE2's caseless matching).
std::optional<char32_t> latin1_other_case(char32_t c) {
  // Not the multiplication and division signs, nor ß, ÿ and å, whose other cases lie
  // outside Latin-1 (ẞ, Ÿ) or are more than one (Å and the Angstrom sign).
  const bool upper = c >= 0xC0 && c <= 0xDE && c != 0xD7 && c != 0xC5;
  const bool lower = c >= 0xE0 && c <= 0xFE && c != 0xF7 && c != 0xE5;
  if (upper) return c + 0x20;
  if (lower) return c - 0x20;
  return std::nullopt;
}

bool caseless_safe(char32_t c) {
  // Scripts without case: Hebrew, Arabic (and its supplement), Syriac, Thaana, the Indic
  // scripts from Devanagari to Malayalam, Thai, Lao, Hangul.
  if ((c >= 0x590 && c <= 0x7BF) || (c >= 0x900 && c <= 0xD7F) || (c >= 0xE00 && c <= 0xEFF) ||
      (c >= 0x1100 && c <= 0x11FF) || (c >= 0xAC00 && c <= 0xD7A3))
    return true;
  return (c >= 0xA0 && c <= 0xBF && c != 0xAA && c != 0xB5 && c != 0xBA) || c == 0xD7 || c == 0xF7 ||
         (c >= 0x2010 && c <= 0x205E) || (c >= 0x2150 && c <= 0x215F) /* fractions */ ||
         (c >= 0x2190 && c <= 0x21FF) || (c >= 0x25A0 && c <= 0x25FF) || (c >= 0x3000 && c <= 0x30FF) ||
         (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF);
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
  // The last byte of an ASCII letter in either case, or of the Kelvin sign or the long s.
  void add_letter_end(unsigned lower) {
    add(lower);
    add(lower ^ 0x20U);
    if (lower == 'k') add(0xAA);
    if (lower == 's') add(0xBF);
  }
  void add_continuation() { add_range(0x80, 0xBF); }  // the last byte of every multi-byte character
  static FirstBytes unknown() { return FirstBytes{{}, false}; }
  void merge(const FirstBytes& other) {
    known = known && other.known;
    for (std::size_t i = 0; i < bits.size(); ++i) bits[i] |= other.bits[i];
  }
};

constexpr std::size_t kUnbounded = std::numeric_limits<std::size_t>::max();
// The most bytes one character can take in UTF-8: the width of anything but an ASCII literal,
// since a caseless character may match another case spelt with more bytes.
constexpr std::size_t kWideChar = 4;

std::size_t add_bytes(std::size_t a, std::size_t b) { return a == kUnbounded || b == kUnbounded ? kUnbounded : a + b; }
std::size_t repeat_bytes(std::size_t bytes, std::size_t times) {
  if (bytes == 0 || times == 0) return 0;
  return bytes == kUnbounded || times == kUnbounded || bytes > kUnbounded / times ? kUnbounded : bytes * times;
}

// How far the matches of an item reach in the subject, in bytes; kUnbounded where nothing is
// known. Positions are absolute (0 is the subject's start: ^ and \A pin it, and a match
// attempt never starts past it since match() always starts at offset 0).
struct Extent {
  std::size_t max_bytes = kUnbounded;    // the most bytes one match consumes
  std::size_t span_end = kUnbounded;     // matched from `start`: the subject is at most start + this long
  std::size_t end_at = kUnbounded;       // where any match ends at most (a ^ inside pins its start)
  std::size_t subject_max = kUnbounded;  // any match: the subject is at most this long

  static Extent consuming(std::size_t bytes) {
    Extent extent;
    extent.max_bytes = bytes;
    return extent;
  }
  // The extent of `next` matched right after this one (sequence order).
  void append(const Extent& next) {
    subject_max = std::min({subject_max, next.subject_max, add_bytes(end_at, next.span_end)});
    span_end = std::min(span_end, add_bytes(max_bytes, next.span_end));
    end_at = std::min(next.end_at, add_bytes(end_at, next.max_bytes));
    max_bytes = add_bytes(max_bytes, next.max_bytes);
  }
  // Either this or `other` matches (alternation): what holds for both.
  void unite(const Extent& other) {
    max_bytes = std::max(max_bytes, other.max_bytes);
    span_end = std::max(span_end, other.span_end);
    end_at = std::max(end_at, other.end_at);
    subject_max = std::max(subject_max, other.subject_max);
  }
  // Repeated min..max times: the first repetition starts where the whole does and every
  // repetition is a match of the item, so its limits hold when there is one.
  Extent repeated(std::size_t min, std::size_t max) const {
    Extent extent = consuming(repeat_bytes(max_bytes, max));
    if (min == 0) return extent;
    extent.span_end = span_end;
    extent.end_at = end_at;
    extent.subject_max = subject_max;
    return extent;
  }
};

// What the analysis knows about one item of a pattern.
struct Item {
  ByteSet required;
  FirstBytes first;
  bool zero_width = false;  // an assertion: consumes nothing, so the next item starts the match
  literals::Info text;      // the literal text its matches consist of (unknown by default)
  // For a literal character instead of `text` (one_of these spellings): most items are
  // one, and the sequence joins runs of them into one string without building an Info each.
  std::optional<literals::StringSet> spellings;
  Extent extent;            // how far its matches reach
  ByteClasses needs = 0;    // byte classes (regex/byte_classes.h) every match of it contains
  // The bytes its matches end with, known only when no match is empty; and, when it
  // matches, the bytes the subject ends with (a $ after a known last byte).
  FirstBytes last = FirstBytes::unknown();
  FirstBytes subject_last = FirstBytes::unknown();
  bool ends_subject = false;  // $, \z or \Z
  // Classes of which every match contains one (0: none known); only rare ones, not letters
  // or the space, which almost every line has: `[\/|]` gives '/' or '|'.
  ByteClasses any_of = 0;
  // The classes each branch of an alternation needs, when it has a few and each needs some:
  // every match holds all the classes of one of them.
  ClassChoice branch_needs;

  static Item assertion(bool anchors) {
    Item item = unknown();
    item.zero_width = true;
    item.text = literals::Info::assertion(anchors);
    item.extent = Extent::consuming(0);
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
    SubjectLimits limits;
  };
  Result run() {
    const Sequence top = sequence();
    Result result;
    if (failed_ || pos_ != p_.size()) return result;
    if (!multiline_) {
      result.limits.max_bytes = top.extent.subject_max;
      result.limits.needs = top.needs;
      if (top.subject_last.known) result.limits.last_bytes = top.subject_last.bits;
      result.limits.any_of = top.any_of;
      result.limits.branch_needs = top.branch_needs;
    }
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
    Extent extent;          // over the alternatives
    ByteClasses needs = 0;  // needed by every alternative
    FirstBytes last = FirstBytes::unknown();          // see Item
    FirstBytes subject_last = FirstBytes::unknown();
    ByteClasses any_of = 0;
    ClassChoice branch_needs;
  };

  // Of two choices, the one a line more likely fails: the one whose least demanding branch
  // needs the most classes beyond what is needed anyway (none counts as nothing).
  static const ClassChoice& likelier_to_fail(const ClassChoice& a, const ClassChoice& b, ByteClasses needed) {
    const auto least = [&](const ClassChoice& choice) {
      int fewest = -1;
      for (std::size_t i = 0; i < choice.count; ++i) {
        const int extra = std::popcount(choice.sets[i] & ~needed);
        if (fewest < 0 || extra < fewest) fewest = extra;
      }
      return fewest;
    };
    return least(b) > least(a) ? b : a;
  }

  static constexpr ByteClasses kCommonClasses = byte_class::kLetters | byte_class::kSpace;
  // A set of classes standing for what one alternative needs (its own set, else one rare
  // class it needs), for a set over the alternatives; 0 when it has none.
  static ByteClasses representative(ByteClasses needs, ByteClasses any_of) {
    const ByteClasses rare = needs & ~kCommonClasses;
    if (rare != 0) return rare & (~rare + 1);  // its lowest class
    return any_of;
  }
  // The better of two sets (one of fewer classes), 0 standing for none.
  static ByteClasses better(ByteClasses a, ByteClasses b) {
    if (a == 0) return b;
    if (b == 0) return a;
    return std::popcount(b) < std::popcount(a) ? b : a;
  }
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
    Extent alternative_extent = Extent::consuming(0);
    ByteClasses alternative_needs = 0;
    FirstBytes alternative_last = FirstBytes::unknown();  // what its match so far ends with
    FirstBytes alternative_subject_last = FirstBytes::unknown();
    ByteClasses alternative_any_of = 0;
    ByteClasses standing_for_all = 0;  // the union of the alternatives' representatives
    ClassChoice alternative_branch_needs;  // the likeliest to fail among its items'
    ClassChoice needs_by_alternative;      // what each alternative needs, while they are few
    bool alternatives_all_need = true;
    bool first_alternative = true;
    const auto close_alternative = [&] {
      if (!alternative_started) alternative_first.known = false;  // it may match the empty string
      result.first.merge(alternative_first);
      alternative_first = FirstBytes{};
      alternative_started = false;
      if (first_alternative) {
        result.extent = alternative_extent;
        result.needs = alternative_needs;
        result.last = alternative_last;
        result.subject_last = alternative_subject_last;
        result.any_of = alternative_any_of;
        result.branch_needs = alternative_branch_needs;
        standing_for_all = representative(alternative_needs, alternative_any_of);
      } else {
        const ByteClasses standing = representative(alternative_needs, alternative_any_of);
        standing_for_all = standing_for_all == 0 || standing == 0 ? 0 : standing_for_all | standing;
        result.any_of = standing_for_all;
        result.branch_needs = ClassChoice{};
        result.extent.unite(alternative_extent);
        result.needs &= alternative_needs;
        result.last.merge(alternative_last);
        result.subject_last.merge(alternative_subject_last);
      }
      if (alternative_needs == 0 || needs_by_alternative.count == needs_by_alternative.sets.size()) alternatives_all_need = false;
      else needs_by_alternative.sets[needs_by_alternative.count++] = alternative_needs;
      first_alternative = false;
      alternative_extent = Extent::consuming(0);
      alternative_needs = 0;
      alternative_last = FirstBytes::unknown();
      alternative_subject_last = FirstBytes::unknown();
      alternative_any_of = 0;
      alternative_branch_needs = ClassChoice{};
    };
    std::vector<literals::Info> branches;
    literals::SequenceBuilder branch;
    std::string literal_run;  // literal text not yet added to `branch`
    const auto add_literal_run = [&] {
      if (literal_run.empty()) return;
      branch.add(literals::Info::literal(std::move(literal_run)));
      literal_run.clear();
    };
    while (!at_end() && !failed_ && peek() != ')') {
      if (peek() == '|') {
        result.alternation = true;
        close_alternative();
        if (with_text_) {
          add_literal_run();
          branches.push_back(branch.finish());
        }
        branch = literals::SequenceBuilder{};
        ++pos_;
        continue;
      }
      Item item = this->item();
      const Quantifier quantifier = this->quantifier();
      const std::size_t min = quantifier.min;
      alternative_extent.append(item.extent.repeated(min, quantifier.max));
      if (min >= 1) {
        alternative_needs |= item.needs;
        alternative_any_of = better(alternative_any_of, item.any_of);
        alternative_branch_needs = likelier_to_fail(alternative_branch_needs, item.branch_needs, alternative_needs);
      }
      if (item.ends_subject && alternative_last.known) {
        alternative_subject_last = alternative_last;
        alternative_subject_last.add('\n');  // $ also matches before a final newline
      } else if (min >= 1 && item.subject_last.known) {
        alternative_subject_last = item.subject_last;
      }
      if (!item.zero_width) {
        // The last repetition ends the match so far; an optional item may leave the end before it.
        if (min >= 1) alternative_last = item.last;
        else if (alternative_last.known && item.last.known) alternative_last.merge(item.last);
        else alternative_last = FirstBytes::unknown();
      }
      if (min >= 1 && item.required.usable() && (!result.required.usable() || item.required.cost() < result.required.cost()))
        result.required = item.required;
      if (!alternative_started && !item.zero_width) {
        alternative_started = true;
        alternative_first = item.first;
        if (min == 0) alternative_first.known = false;
      }
      if (with_text_) {
        // Most items are one literal character standing once: a run of them joins the
        // branch as one string, not character by character (the same facts, far cheaper).
        const bool once = min == 1 && quantifier.max == 1;
        const literals::Info& text = item.text;
        if (item.spellings && once && item.spellings->size() == 1 && !item.spellings->front().empty()) {
          literal_run += item.spellings->front();
        } else if (item.spellings) {
          add_literal_run();
          branch.add(literals::repeat(literals::Info::one_of(std::move(*item.spellings)), min, quantifier.max));
        } else if (once && !text.zero_width && !text.anchored && text.exact && text.exact->size() == 1 &&
                   !text.exact->front().empty()) {
          literal_run += text.exact->front();
        } else {
          add_literal_run();
          branch.add(literals::repeat(text, min, quantifier.max));
        }
      }
    }
    close_alternative();
    if (result.alternation && alternatives_all_need) result.branch_needs = needs_by_alternative;
    if (with_text_) {
      add_literal_run();
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
  std::optional<literals::StringSet> literal(Item& item) {
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
      const bool letter = lower >= 'a' && lower <= 'z';
      item.needs = byte_class::of_ascii(static_cast<unsigned char>(c.value));
      // Caseless k and s also match the Kelvin sign (3 bytes) and the long s (2 bytes).
      item.extent = Extent::consuming(letter && caseless_ && (lower == 'k' || lower == 's') ? 3 : 1);
      item.last = FirstBytes{};
      if (letter) {
        item.last.add_letter_end(lower);
        item.first.add_letter(lower);
        const std::string folded(1, static_cast<char>(lower));
        // Caseless k and s also match the Kelvin sign and the long s: no required byte
        // (the line fold maps those two onto k and s, so the folded text still holds).
        if (lower == 'k' || lower == 's') {
          item.required.unknown = true;
          return literals::StringSet{folded};
        }
        item.required.add(static_cast<unsigned char>(lower));
        item.required.add(static_cast<unsigned char>(lower ^ 0x20U));
        return literals::StringSet{folded};
      }
      item.first.add(last);
      item.last.add(last);
      item.required.add(last);
      return literals::StringSet{std::string(1, static_cast<char>(c.value))};
    }
    // Its other case may be spelt with other bytes, but only the Kelvin sign and the long s
    // have an ASCII one (unit tests check this against PCRE2).
    item.extent = Extent::consuming(caseless_ ? kWideChar : c.length);
    item.needs = c.value == kKelvinSign ? byte_class::of_ascii('k')
                 : c.value == kLongS    ? byte_class::of_ascii('s')
                                        : byte_class::kNonAscii;
    if (!caseless_safe(c.value)) {
      item.required.unknown = true;  // it may have another case, spelt with other bytes
      item.first.known = false;
      // The line fold turns these two into ASCII; other letters keep their bytes, which a
      // case-sensitive match must contain.
      if (c.value == kKelvinSign || c.value == kLongS) return std::nullopt;
      if (!caseless_) return literals::StringSet{std::string(spelling)};
      // A Latin-1 letter matches itself and its one other case: both spellings are known.
      if (const std::optional<char32_t> other = latin1_other_case(c.value)) {
        std::array<char, 4> encoded{};
        const std::string other_spelling(encoded.data(), unicode::encode(*other, encoded.data()));
        literals::StringSet both{std::string(spelling), other_spelling};
        std::sort(both.begin(), both.end());  // a StringSet is sorted
        return both;
      }
      return std::nullopt;
    }
    item.first.add(lead);
    item.last = FirstBytes{};
    item.last.add(last);
    item.required.add(last);  // the final byte of a character's UTF-8 form is part of any match of it
    return literals::StringSet{std::string(spelling)};
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
      item.extent = Extent::consuming(1);
      item.needs = byte_class::of_ascii(static_cast<unsigned char>(c));
      item.last = FirstBytes{};
      item.last.add(static_cast<unsigned char>(c));
      item.required.add(static_cast<unsigned char>(c));
      item.first.add(static_cast<unsigned char>(c));
      return std::string(1, c);
    }
    item.required.unknown = true;
    item.extent = Extent::consuming(kWideChar);  // one character of a class (\R: at most \r\n)
    item.needs = 0;
    item.last = FirstBytes::unknown();
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
        item.needs = byte_class::kDigitOrNonAscii;  // digits of every script (UCP)
        item.last = FirstBytes{};
        item.last.add_range('0', '9');
        item.last.add_continuation();
        break;
      case 's':
        item.first.add(' ');
        item.first.add_range('\t', '\r');
        item.first.add_non_ascii();
        item.last = FirstBytes{};
        item.last.add(' ');
        item.last.add_range('\t', '\r');
        item.last.add_continuation();
        break;
      case 'w':
        item.first.add_range('0', '9');
        item.first.add_range('A', 'Z');
        item.first.add_range('a', 'z');
        item.first.add('_');
        item.first.add_non_ascii();
        item.last = item.first;
        item.last.add_continuation();
        break;
      case 'b': case 'B': case 'A': case 'z': case 'Z': case 'G': case 'K':
        item.zero_width = true;
        item.text = literals::Info::assertion(c == 'A');
        item.extent = Extent::consuming(0);
        if (c == 'A') item.extent.end_at = 0;
        if (c == 'z' || c == 'Z') {
          item.extent.span_end = 1;  // \Z: or before a final newline
          item.ends_subject = true;
        }
        break;
      case 'n': case 't': case 'r': case 'f': case 'e': case 'a': {
        item.first.known = false;
        item.extent = Extent::consuming(1);
        static constexpr std::string_view kEscapes = "n\nt\tr\rf\fe\x1B" "a\a";
        item.last = FirstBytes{};
        item.last.add(static_cast<unsigned char>(kEscapes[kEscapes.find(c) + 1]));
        break;
      }
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
        if (auto text = escape(item); text && with_text_) item.spellings = literals::StringSet{std::move(*text)};
        return item;
      }
      case '[': return bracket_class();
      case '(': return group();
      case '^': case '$': {
        ++pos_;
        Item item = Item::assertion(c == '^');
        if (c == '^') {
          item.extent.end_at = 0;
        } else {
          item.extent.span_end = 1;  // at the end, or before a final newline
          item.ends_subject = true;
        }
        return item;
      }
      case '.': {
        ++pos_;
        Item item = Item::unknown();
        item.extent = Extent::consuming(kWideChar);
        return item;
      }
      case '*': case '+': case '?': case '{': case ')':
        fail();
        return Item::unknown();
      default: {
        Item item;
        if (auto text = literal(item); text && with_text_) item.spellings = std::move(text);
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
    const auto member = [&](std::optional<literals::StringSet> spellings) {
      if (spellings && members.size() + spellings->size() <= kMaxClassMembers)
        members.insert(members.end(), spellings->begin(), spellings->end());
      else
        members_known = false;
    };
    // One character: as wide as its widest member, and of the classes all members share;
    // a negated class or a range other than of digits may be any character.
    std::size_t width = 1;
    ByteClasses shared = ~ByteClasses{0};
    bool any_character = false;
    bool digit_before = false;  // the last member was a literal digit, which may start a range
    FirstBytes class_last;      // the union of the members' last bytes
    ByteClasses members_any_of = 0;  // the union of the members' classes, unless one has none
    const auto read_member = [&](bool escaped) {
      const char c = peek();
      if (escaped) {
        std::optional<std::string> text = escape(item);
        member(text ? std::optional<literals::StringSet>(literals::StringSet{std::move(*text)}) : std::nullopt);
      } else {
        member(literal(item));
      }
      width = std::max(width, std::min(item.extent.max_bytes, kWideChar));
      shared &= item.needs;
      class_last.merge(item.last);
      members_any_of |= item.needs == 0 ? kCommonClasses : item.needs;
      return !escaped && c >= '0' && c <= '9';
    };
    if (peek() == '^') {
      item = Item::unknown();
      members_known = false;
      any_character = true;
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
        // A range (or a literal dash we need not tell apart): no conclusion from this class,
        // but for a range of digits, whose first bytes are the digits themselves.
        item.required.unknown = true;
        members_known = false;
        const bool digits = digit_before && peek(1) >= '0' && peek(1) <= '9';
        if (digits) {
          // Every digit of the range, which is also every last byte it can end a match with.
          const auto low = static_cast<unsigned char>(p_[pos_ - 1]);
          const auto high = static_cast<unsigned char>(peek(1));
          item.first.add_range(low, high);
          class_last.add_range(low, high);
        } else {
          item.first.known = false;
        }
        ++pos_;
        if (digits) read_member(false);  // the range ends at a digit too: all its members are digits
        else any_character = true;
        digit_before = false;
        continue;
      }
      if (c == '\\') {
        ++pos_;
        digit_before = read_member(true);
        continue;
      }
      digit_before = read_member(false);
    }
    item.zero_width = false;  // \b inside a class is a backspace
    item.extent = Extent::consuming(any_character ? kWideChar : width);
    item.needs = any_character ? 0 : shared;
    if (!any_character && (members_any_of & kCommonClasses) == 0) item.any_of = members_any_of;
    item.last = any_character ? FirstBytes::unknown() : class_last;
    if (with_text_ && members_known && !members.empty()) item.text = literals::Info::one_of(std::move(members));
    return item;
  }

  Item group() {
    ++pos_;  // '('
    bool consuming = true;  // false for lookaround: the group matches no characters itself
    bool positive = true;   // a lookaround's text is in the subject unless it is negative
    bool ahead = true;      // a lookahead starts where the group stands
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
        positive = kind == '=';
      } else if (kind == '<' && (peek(1) == '=' || peek(1) == '!')) {
        positive = peek(1) == '=';
        ahead = false;
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
    if (!consuming) {
      Item item = Item::assertion(false);
      if (!positive) return item;
      // `^(?=.{0,80}$)` bounds the subject; a lookbehind's own start is not known.
      item.extent.subject_max = inner.extent.subject_max;
      if (ahead) item.extent.span_end = inner.extent.span_end;
      take_subject_classes(item, inner);
      return item;
    }
    Item item = Item::unknown();
    if (!inner.alternation) item.required = inner.required;
    item.first = inner.first;
    item.text = std::move(inner.text);
    item.extent = inner.extent;
    item.last = inner.last;
    take_subject_classes(item, inner);
    return item;
  }

  // What a group's inner sequence says about the subject's byte classes and its end, which
  // holds for the group (a positive lookaround's text is in the subject too).
  static void take_subject_classes(Item& item, const Sequence& inner) {
    item.needs = inner.needs;
    item.subject_last = inner.subject_last;
    item.any_of = inner.any_of;
    item.branch_needs = inner.branch_needs;
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

PatternShape pattern_shape(std::string_view pattern, bool extended) {
  PatternShape shape;
  if (extended) return shape;
  // Read caseless: what it concludes holds with or without (?i).
  const Analyzer::Result result = Analyzer(pattern).run();
  if (result.required) {
    shape.required.count = result.required->count;
    for (std::size_t i = 0; i < result.required->count; ++i) shape.required.bytes[i] = result.required->bytes[i];
  }
  shape.first = result.first;
  shape.limits = result.limits;
  return shape;
}

RequiredBytes required_bytes(std::string_view pattern, bool extended) { return pattern_shape(pattern, extended).required; }

SubjectLimits subject_limits(std::string_view pattern, bool extended) { return pattern_shape(pattern, extended).limits; }

std::optional<FirstByteSet> first_bytes(std::string_view pattern, bool extended) {
  return pattern_shape(pattern, extended).first;
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
  // A line's first bytes already leave PCRE2 very few lines, and alternatives multiply into
  // thousands of long prefixes ("das bestehende passwort muss mindestens", ...): whole, the
  // common set's made a trie of 24,000 nodes, a third of a one-page run.
  for (auto& prefix : result.prefixes)
    if (prefix.size() > kMaxPrefixBytes) prefix.resize(kMaxPrefixBytes);
  // Each list distinct: two copies of one literal (an alternative's "x" anywhere and another's
  // "x" at its match's start) would each imply the other away below, and with them a
  // requirement every match of those alternatives meets.
  for (std::vector<std::string>* list : {&result.prefixes, &result.infixes}) {
    std::sort(list->begin(), list->end());
    list->erase(std::unique(list->begin(), list->end()), list->end());
  }
  // Drop literals another one implies: a line holding them holds the shorter one too.
  // (Each list holds distinct literals, so a literal is only compared with itself within its own list.)
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
