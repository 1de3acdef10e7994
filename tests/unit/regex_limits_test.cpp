#include <catch2/catch.hpp>

#include <array>
#include <string>
#include <vector>

#include "regex/byte_classes.h"
#include "regex/pattern_analysis.h"
#include "regex/pcre.h"
#include "text/unicode.h"

using namespace declutter;

namespace {

constexpr std::size_t kNone = SubjectLimits{}.max_bytes;

std::string utf8(char32_t c) {
  std::array<char, 4> bytes{};
  return std::string(bytes.data(), unicode::encode(c, bytes.data()));
}

SubjectLimits limits(const std::string& pattern) { return subject_limits(pattern, false); }

bool is_scalar(char32_t c) { return c < 0xD800 || c > 0xDFFF; }

// The code points below U+30000 (every cased letter is there) that `pattern` matches whole.
std::vector<char32_t> whole_matches(const std::string& pattern, bool caseless) {
  RegexError error;
  const auto regex = Regex::compile("^(?:" + pattern + ")$", RegexFlags{caseless, false, false}, error);
  REQUIRE(regex);
  MatchScratch scratch;
  std::vector<char32_t> found;
  for (char32_t c = 1; c < 0x30000; ++c)
    if (is_scalar(c) && regex->match(utf8(c), scratch) == MatchOutcome::match) found.push_back(c);
  return found;
}

}  // namespace

TEST_CASE("subject limits: the longest subject a pinned pattern can match", "[regex][limits]") {
  CHECK(limits("^abc$").max_bytes == 4);        // three bytes, and $ may stand before a final newline
  CHECK(limits("^abk$").max_bytes == 6);        // caseless k may be the Kelvin sign (3 bytes)
  CHECK(limits("^é$").max_bytes == 5);          // any other character counts 4
  CHECK(limits(R"(^\d{1,2}:\d{2}$)").max_bytes == 18);  // \d may be a digit of another script
  CHECK(limits("^(ab|cde)?$").max_bytes == 4);
  CHECK(limits("^ab$|^cde$").max_bytes == 4);
  CHECK(limits(R"(^(?=[^.]{0,80}+$)\S+.*$)").max_bytes == 321);  // a lookahead pins the end
  CHECK(limits(R"(\A.{2}\z)").max_bytes == 9);
  CHECK(limits("^a+$").max_bytes == kNone);
  CHECK(limits("abc$").max_bytes == kNone);      // the match may start anywhere
  CHECK(limits("^abc").max_bytes == kNone);      // ... or end anywhere
  CHECK(limits("^ab$|cde").max_bytes == kNone);  // one branch is not pinned
  CHECK(limits("(?m)^ab$").max_bytes == kNone);  // ^ and $ match at inner line breaks
  CHECK(limits(R"(^(?!.{0,3}$)ab$)").max_bytes == 3);  // a negative lookahead bounds nothing itself
  CHECK(limits(R"(^\X$)").max_bytes == kNone);   // not understood: nothing concluded
  CHECK(subject_limits("^abc$", true).max_bytes == kNone);  // extended mode
}

TEST_CASE("subject limits: byte classes every subject a pattern matches holds", "[regex][limits]") {
  const ByteClasses colon = byte_class::of_ascii(':');
  CHECK((limits(R"(^(read more|see also)\s*:)").needs & colon) != 0);
  CHECK((limits("(x:|y:)").needs & colon) != 0);
  CHECK((limits("(?=.*:)x").needs & colon) != 0);  // a lookahead's text is in the subject too
  CHECK((limits("a|b:").needs & colon) == 0);      // only one branch needs it
  CHECK((limits("x:?").needs & colon) == 0);
  CHECK((limits("(?!:)x").needs & colon) == 0);
  CHECK((limits("[^:]x").needs & colon) == 0);
  CHECK(limits(R"(^\p{L}.$)").needs == 0);
  CHECK(limits(R"(^\d$)").needs == byte_class::kDigitOrNonAscii);  // UCP: digits of every script
  CHECK(limits("^[0-9]$").needs == (byte_class::kDigit | byte_class::kDigitOrNonAscii));
  CHECK(limits("^[0-9-x]$").needs == 0);           // after a range, a dash is a member
  CHECK(limits("^[a-z]$").needs == 0);
  CHECK(limits("^é$").needs == byte_class::kNonAscii);
  // Bracket classes and alternations of rare classes: one of them.
  CHECK(limits(R"(^.{0,9}\s[\/|])").any_of == (byte_class::of_ascii('/') | byte_class::of_ascii('|')));
  CHECK(limits("(a:|b/)").any_of == (colon | byte_class::of_ascii('/')));
  CHECK(limits("(a:|b)").any_of == 0);
  CHECK(limits("[ab]").any_of == 0);  // letters are too common to be worth it
  // A few branches: all the classes of one of them.
  const SubjectLimits credit = limits(R"(\bcc[ -]by\b|\bpublic domain\b)");
  CHECK(credit.branch_needs.count == 2);
  CHECK(credit.admits("CC BY 4.0", byte_classes("CC BY 4.0")));
  CHECK(credit.admits("in the Public Domain", byte_classes("in the Public Domain")));
  CHECK_FALSE(credit.admits("cool stuff", byte_classes("cool stuff")));
  CHECK(limits("(a:|b)x").branch_needs.count == 2);  // inside a sequence, from its group
  CHECK(limits("(a|)x").branch_needs.count == 0);     // an empty branch needs nothing
  CHECK(limits("a|b|c|d|e|f|g|h|i").branch_needs.count == 0);  // too many branches
}

TEST_CASE("subject limits: the bytes a subject pinned by $ ends with", "[regex][limits]") {
  const SubjectLimits getty = limits("(getty images|reuters)$");
  CHECK(getty.may_end_with('s'));
  CHECK(getty.may_end_with('S'));
  CHECK(getty.may_end_with(0xBF));  // the long s
  CHECK(getty.may_end_with('\n'));  // $ before a final newline
  CHECK_FALSE(getty.may_end_with('.'));
  CHECK_FALSE(getty.may_be_empty());
  CHECK(limits("ok$").may_end_with(0xAA));  // the Kelvin sign
  const SubjectLimits spaces = limits(R"(foo\s*[.!]?$)");
  CHECK(spaces.may_end_with('o'));
  CHECK(spaces.may_end_with(' '));
  CHECK(spaces.may_end_with('!'));
  CHECK(spaces.may_end_with(0xA0));  // the last byte of a no-break space
  CHECK_FALSE(spaces.may_end_with('x'));
  CHECK(limits("^(x|y?)$").may_be_empty());  // an empty branch
  CHECK(limits("a$|b").may_end_with('x'));   // one branch is not pinned
  CHECK(limits(R"(a\p{L}$)").may_end_with('x'));
  CHECK(limits("aé$").may_end_with('x'));    // é's other case ends otherwise: unknown
  // A range of digits ends with any digit of it, not only with the two that name it.
  const SubjectLimits digits = limits("^[0-9]+ [3-5]$");
  for (const char digit : {'3', '4', '5'}) CHECK(digits.may_end_with(static_cast<unsigned char>(digit)));
  CHECK_FALSE(digits.may_end_with('2'));
  CHECK_FALSE(digits.may_end_with('6'));
  CHECK(limits("^x[0-9]$").may_end_with('7'));
}

TEST_CASE("caseless ASCII letters match only their cases, the Kelvin sign and the long s", "[regex][limits]") {
  for (char32_t letter = 'a'; letter <= 'z'; ++letter) {
    std::vector<char32_t> expected{letter - 0x20, letter};
    if (letter == 'k') expected.push_back(0x212A);
    if (letter == 's') expected.push_back(0x17F);
    CHECK(whole_matches(utf8(letter), true) == expected);
  }
}

TEST_CASE("Latin-1 letters with one other case match exactly the two", "[regex][limits][literals]") {
  for (char32_t c = 0x80; c < 0x100; ++c) {
    const std::optional<char32_t> other = latin1_other_case(c);
    if (!other) continue;
    INFO(static_cast<unsigned>(c));
    std::vector<char32_t> expected{std::min(c, *other), std::max(c, *other)};
    CHECK(whole_matches(utf8(c), true) == expected);
  }
  // Left out for good reason: their other cases are more than one, or beyond Latin-1.
  CHECK_FALSE(latin1_other_case(0xDF));  // ß, ẞ
  CHECK(whole_matches(utf8(0xDF), true).size() == 2);
  CHECK_FALSE(latin1_other_case(0xE5));  // å, Å and the Angstrom sign
  CHECK(whole_matches(utf8(0xE5), true).size() == 3);
  CHECK_FALSE(latin1_other_case(0xF7));  // ÷
  CHECK_FALSE(latin1_other_case('i'));
  CHECK_FALSE(latin1_other_case(0x130));  // İ
}

TEST_CASE("subject limits never reject a subject the matcher accepts", "[regex][limits]") {
  const std::vector<std::string> patterns{
      "^abc$", "^abk$", "^sk$", "^é$", R"(^\d{1,2}:\d{2}$)", R"(^(?=[^.]{0,8}+$)\S+.*$)", R"(^(x:|y\/)$)",
      R"(^.{0,9}\s[\/|]\s*(reuters|afp)$)", R"(\bcc[ -]by\b)", "(getty images|reuters)$", R"(^\w+\s*$)",
      R"(^(?i:welcome)( the)?$)", "^ß$", "^İ$", "^ı$", "^(?:ä|x)bc$", R"(^\p{Lu}\p{L}{0,3}$)", R"(^\s*\R?$)",
      "^[^a]{1,3}$", R"(^(\d+ min read)$|^(reading time)\s*:)", "^[0-9-x]$", "ok$", R"((?<=a)b$)", "^$", "^a?$",
      R"(\bcc[ -]by\b|\bpublic domain\b|via (wikimedia|commons))", "(x:|y)z", "(a|k)(b|c)$"};
  const std::vector<std::string> subjects{
      "abc", "ABC", "abc\n", "AB\xE2\x84\xAA", "\xC5\xBF\xE2\x84\xAA", "\xC3\x89", "\xC3\xA9", "12:30",
      "\xD9\xA1\xD9\xA2:\xD9\xA3\xD9\xA4", "newsletter", "x:", "y/", "photo / Reuters", "a | AFP",
      "CC-BY 4.0", "cc by", "Getty Images", "GETTY IMAGE\xC5\xBF", "reuters\n", "word \xC2\xA0",
      "Welcome the", "WELCOME", "\xE1\xBA\x9E", "ss", "i\xCC\x87", "I", "\xC3\xA4" "bc", "\xC3\x84" "BC",
      "Xbc", "\xC3\x9C" "ber", "\xE2\x80\xA8", "\r\n", "", "\n", "\xFF\xFE", "a\xFF", "bb\xFF", "-", "x",
      "o\xE2\x84\xAA", "ab", "3 min read", "Reading time: 4", "\xF0\x9D\x9F\x8E"};
  MatchScratch scratch;
  for (const auto& pattern : patterns) {
    const SubjectLimits analysed = limits(pattern);
    for (bool caseless : {false, true}) {
      RegexError error;
      const auto regex = Regex::compile(pattern, RegexFlags{caseless, false, false}, error);
      REQUIRE(regex);
      for (const auto& subject : subjects) {
        if (regex->match(subject, scratch) != MatchOutcome::match) continue;
        INFO(pattern << " on " << subject);
        CHECK(analysed.admits(subject, byte_classes(subject)));
      }
    }
  }
}

TEST_CASE("byte classes of a line", "[regex][limits]") {
  const ByteClasses plain = byte_classes("Hello world");
  CHECK((plain & byte_class::of_ascii('h')) != 0);
  CHECK((plain & byte_class::of_ascii('H')) == byte_class::of_ascii('h'));  // letters fold
  CHECK((plain & byte_class::kSpace) != 0);
  CHECK((plain & (byte_class::kDigit | byte_class::kNonAscii | byte_class::of_ascii(':'))) == 0);
  CHECK((byte_classes("\xE2\x84\xAA") & byte_class::of_ascii('k')) != 0);  // the Kelvin sign
  CHECK((byte_classes("\xC5\xBF") & byte_class::of_ascii('s')) != 0);      // the long s
  CHECK((byte_classes("\xD9\xA3") & byte_class::kDigitOrNonAscii) != 0);
  CHECK((byte_classes("7") & byte_class::kDigitOrNonAscii) != 0);
  CHECK(byte_classes("") == 0);
  CHECK((byte_classes("a longer line: 12 | 3 / x (y)") & byte_class::of_ascii('|')) != 0);
}
