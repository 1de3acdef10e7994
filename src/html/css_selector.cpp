#include "html/css_selector.h"

#include <cctype>

#include "text/ascii.h"

namespace declutter {
namespace {

bool is_name_char(char c) {
  const auto byte = static_cast<unsigned char>(c);
  return std::isalnum(byte) != 0 || c == '-' || c == '_' || byte >= 0x80;
}

class SelectorParser {
 public:
  SelectorParser(std::string_view text, SelectorError& error) : text_(text), error_(error) {}

  std::optional<SelectorList> parse() {
    SelectorList list;
    skip_space();
    while (true) {
      ComplexSelector complex;
      if (!parse_complex(complex)) return std::nullopt;
      list.push_back(std::move(complex));
      skip_space();
      if (at_end()) break;
      if (peek() != ',') {
        fail(unexpected_message());
        return std::nullopt;
      }
      ++pos_;
      skip_space();
      if (at_end()) {
        fail("expected a selector after ','");
        return std::nullopt;
      }
    }
    return list;
  }

 private:
  bool at_end() const { return pos_ >= text_.size(); }
  char peek() const { return text_[pos_]; }
  void skip_space() {
    while (!at_end() && is_html_space(peek())) ++pos_;
  }

  bool fail(std::string message) { return fail_at(pos_, std::move(message)); }
  bool fail_at(std::size_t offset, std::string message) {
    error_.offset = offset;
    error_.message = std::move(message);
    return false;
  }

  std::string unexpected_message() const {
    const char c = peek();
    if (c == ':') return "pseudo-classes (':...') are not supported, but for :has(tag) and :not(:has(tag))";
    if (c == '+' || c == '~') return std::string("the '") + c + "' combinator is not supported (only descendant and '>')";
    if (c == '|') return "namespaces ('|') are not supported";
    return std::string("unexpected '") + c + "' in selector";
  }

  bool parse_complex(ComplexSelector& complex) {
    while (true) {
      if (complex.compounds.size() == kMaxCompoundsPerSelector)
        return fail("selector chains more than " + std::to_string(kMaxCompoundsPerSelector) + " compounds");
      CompoundSelector compound;
      if (!parse_compound(compound)) return false;
      complex.compounds.push_back(std::move(compound));
      const std::size_t before_space = pos_;
      skip_space();
      if (at_end() || peek() == ',') return true;
      if (peek() == '>') {
        ++pos_;
        skip_space();
        if (at_end()) return fail("expected a selector after '>'");
        complex.combinators.push_back(Combinator::child);
      } else if (pos_ > before_space && starts_compound(peek())) {
        complex.combinators.push_back(Combinator::descendant);
      } else {
        return fail(unexpected_message());
      }
    }
  }

  static bool starts_compound(char c) {
    return is_name_char(c) || c == '*' || c == '.' || c == '#' || c == '[' || c == ':';
  }

  bool parse_compound(CompoundSelector& compound) {
    const std::size_t start = pos_;
    if (!at_end() && peek() == '*') {
      ++pos_;
    } else if (!at_end() && is_name_char(peek())) {
      compound.tag = lower(read_name());
    }
    while (!at_end()) {
      const char c = peek();
      if (c == '.' || c == '#') {
        ++pos_;
        std::string name = read_name();
        if (name.empty()) return fail(std::string("expected a name after '") + c + "'");
        (c == '.' ? compound.classes : compound.ids).push_back(std::move(name));
      } else if (c == '[') {
        AttributeTest test;
        if (!parse_attribute(test)) return false;
        compound.attributes.push_back(std::move(test));
      } else if (c == ':') {
        if (!parse_has(compound)) return false;
      } else {
        break;
      }
    }
    if (pos_ == start) return fail(at_end() ? "expected a selector" : unexpected_message());
    if (!at_end() && !is_html_space(peek()) && peek() != ',' && peek() != '>') return fail(unexpected_message());
    return true;
  }

  // ":has(tag)" or ":not(:has(tag))", a type selector inside: the element's descendants are
  // asked only for a tag, which the walk answers by looking down the matched element alone.
  bool parse_has(CompoundSelector& compound) {
    const bool negated = text_.substr(pos_).starts_with(":not(:has(");
    if (!negated && !text_.substr(pos_).starts_with(":has("))
      return fail("pseudo-classes (':...') are not supported, but for :has(tag) and :not(:has(tag))");
    pos_ += negated ? 10 : 5;
    skip_space();
    std::string tag = lower(read_name());
    if (tag.empty()) return fail("expected a tag name inside :has(), such as a or p");
    skip_space();
    for (int closing = negated ? 2 : 1; closing > 0; --closing) {
      if (at_end() || peek() != ')') return fail("expected ')' to close " + std::string(negated ? ":not(:has(" : ":has("));
      ++pos_;
    }
    (negated ? compound.lacks : compound.holds).push_back(std::move(tag));
    return true;
  }

  bool parse_attribute(AttributeTest& test) {
    const std::size_t open = pos_++;
    skip_space();
    test.name = lower(read_name());
    if (test.name.empty()) return fail("expected an attribute name");
    skip_space();
    if (at_end()) return fail_at(open, "unclosed '['");
    if (peek() == ']') {
      ++pos_;
      return true;
    }
    const std::size_t op_at = pos_;
    if (peek() == '=') {
      test.op = AttributeTest::Op::equals;
      ++pos_;
    } else if (pos_ + 1 < text_.size() && text_[pos_ + 1] == '=') {
      switch (peek()) {
        case '*': test.op = AttributeTest::Op::contains; break;
        case '^': test.op = AttributeTest::Op::prefix; break;
        case '$': test.op = AttributeTest::Op::suffix; break;
        case '~': test.op = AttributeTest::Op::word; break;
        case '|': return fail_at(op_at, "the '|=' attribute operator is not supported");
        default: return fail_at(op_at, std::string("unknown attribute operator '") + peek() + "='");
      }
      pos_ += 2;
    } else {
      return fail(unexpected_message());
    }
    skip_space();
    if (at_end()) return fail_at(open, "unclosed '['");
    if (peek() == '"' || peek() == '\'') {
      const char quote = peek();
      const std::size_t end = text_.find(quote, pos_ + 1);
      if (end == std::string_view::npos) return fail("unclosed string");
      test.value = std::string(text_.substr(pos_ + 1, end - pos_ - 1));
      pos_ = end + 1;
    } else {
      test.value = read_name();
      if (test.value.empty()) return fail("expected a value (quote values that are not plain names)");
    }
    skip_space();
    if (at_end()) return fail_at(open, "unclosed '['");
    if (std::isalpha(static_cast<unsigned char>(peek())) != 0) {
      const std::size_t flag_at = pos_;
      const std::string flag = lower(read_name());
      if (flag != "i" && flag != "s") return fail_at(flag_at, "unknown attribute flag '" + flag + "' (i or s)");
      if (flag == "i") {
        test.caseless = true;
        test.value = lower(test.value);
      }
      skip_space();
      if (at_end()) return fail_at(open, "unclosed '['");
    }
    if (peek() != ']') return fail("expected ']'");
    ++pos_;
    return true;
  }

  // A CSS identifier; a backslash takes the next character literally (e.g. "\:" in ids).
  std::string read_name() {
    std::string name;
    while (!at_end()) {
      const char c = peek();
      if (c == '\\' && pos_ + 1 < text_.size()) {
        name.push_back(text_[pos_ + 1]);
        pos_ += 2;
      } else if (is_name_char(c)) {
        name.push_back(c);
        ++pos_;
      } else {
        break;
      }
    }
    return name;
  }

  static std::string lower(std::string text) {
    for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
  }

  std::string_view text_;
  SelectorError& error_;
  std::size_t pos_ = 0;
};

}  // namespace

std::optional<SelectorList> parse_selector(std::string_view text, SelectorError& error) {
  return SelectorParser(text, error).parse();
}

}  // namespace declutter
