#include "html/published_date.h"

#include <array>
#include <vector>

#include "html/element_values.h"
#include "text/normalize.h"
#include "text/unicode.h"

namespace declutter {
namespace {

// A value longer than this is a sentence, not a date field: no date is looked for inside it.
constexpr std::size_t kLongestDateField = 40;

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// The number the `count` digits at `at` spell, or -1.
int digits_at(std::string_view text, std::size_t at, std::size_t count) {
  if (at + count > text.size()) return -1;
  int value = 0;
  for (std::size_t i = at; i < at + count; ++i) {
    if (!is_digit(text[i])) return -1;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

bool is_leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

std::optional<std::string> checked_date(int year, int month, int day) {
  static constexpr std::array<int, 12> kDays{31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (year < 1900 || year > 2199 || month < 1 || month > 12 || day < 1 || day > kDays[static_cast<std::size_t>(month - 1)])
    return std::nullopt;
  if (month == 2 && day == 29 && !is_leap(year)) return std::nullopt;
  std::string out(10, '0');
  const auto put = [&out](std::size_t at, int value, std::size_t width) {
    for (std::size_t i = width; i-- > 0; value /= 10) out[at + i] = static_cast<char>('0' + value % 10);
  };
  put(0, year, 4);
  out[4] = '-';
  put(5, month, 2);
  out[7] = '-';
  put(8, day, 2);
  return out;
}

std::size_t digit_run(std::string_view text, std::size_t at) {
  std::size_t end = at;
  while (end < text.size() && is_digit(text[end])) ++end;
  return end - at;
}

// A numeric date at `at`: year first (2021-04-26, 2021/4/26, 2021.04.26, each perhaps with a
// time after it, or a compact 20210426) or day first with dots (26.04.2021, 5.5.2022).
// Slashes with the day first or the month first (10/05/2022) are ambiguous and not read.
std::optional<std::string> numeric_date(std::string_view text, std::size_t at) {
  const std::size_t first = digit_run(text, at);
  if (first == 8) return checked_date(digits_at(text, at, 4), digits_at(text, at + 4, 2), digits_at(text, at + 6, 2));
  const std::size_t second_at = at + first + 1;
  if (second_at >= text.size()) return std::nullopt;
  const char separator = text[at + first];
  const std::size_t second = digit_run(text, second_at);
  const std::size_t third_at = second_at + second + 1;
  if (second < 1 || second > 2 || third_at > text.size() || text[third_at - 1] != separator) return std::nullopt;
  const std::size_t third = digit_run(text, third_at);
  if (first == 4 && (separator == '-' || separator == '/' || separator == '.') && (third == 1 || third == 2))
    return checked_date(digits_at(text, at, 4), digits_at(text, second_at, second), digits_at(text, third_at, third));
  if ((first == 1 || first == 2) && separator == '.' && third == 4)
    return checked_date(digits_at(text, third_at, 4), digits_at(text, second_at, second), digits_at(text, at, first));
  return std::nullopt;
}

// A date's parts as written: numbers (with a day
// suffix such as "th" taken off), words (month names known by their month) and times
// ("10:27:24", one part). Joining words ("de") and punctuation are left out.
struct DatePart {
  enum class Kind { number, word, time } kind = Kind::word;
  int value = 0;           // number: its value; word: its month, 0 for none
  std::size_t digits = 0;  // number: how many
};

std::vector<DatePart> date_parts(std::string_view text, const MonthNames& months) {
  std::vector<DatePart> parts;
  std::string folded;
  for (std::size_t pos = 0; pos < text.size();) {
    if (is_digit(text[pos])) {
      const std::size_t digits = digit_run(text, pos);
      std::size_t end = pos + digits;
      if (end < text.size() && text[end] == ':') {  // a time: its numbers and colons, one part
        while (end < text.size() && (is_digit(text[end]) || text[end] == ':')) ++end;
        parts.push_back(DatePart{DatePart::Kind::time, 0, 0});
        pos = end;
        continue;
      }
      parts.push_back(DatePart{DatePart::Kind::number, digits <= 4 ? digits_at(text, pos, digits) : -1, digits});
      pos = end;
      continue;
    }
    const unicode::CodePoint c = unicode::decode(text, pos);
    if (!c.valid || !unicode::is_letter(c.value)) {
      pos += c.length;
      continue;
    }
    const std::size_t start = pos;
    while (pos < text.size()) {
      const unicode::CodePoint next = unicode::decode(text, pos);
      if (!next.valid || !unicode::is_letter(next.value)) break;
      pos += next.length;
    }
    folded.clear();
    append_lowercase(text.substr(start, pos - start), folded);
    if (months.is_joiner(folded)) continue;
    const bool after_digits = start > 0 && is_digit(text[start - 1]);
    if (after_digits && !parts.empty() && parts.back().kind == DatePart::Kind::number && months.is_day_suffix(folded))
      continue;
    parts.push_back(DatePart{DatePart::Kind::word, months.month_of(folded), 0});
  }
  return parts;
}

// A date written with its month's name, anywhere among its parts: day month year ("28.
// Dezember 2022", "Wed, 04 May 2022 02:41:00 GMT"), month day year ("December 28th, 2022",
// "Fri Feb 18 10:27:24 2022", a time between) or year month day ("2022. december 28.").
std::optional<std::string> named_date(std::string_view text, const MonthNames& months) {
  if (months.empty()) return std::nullopt;
  const std::vector<DatePart> parts = date_parts(text, months);
  const auto day_at = [&](std::size_t i) {
    return i < parts.size() && parts[i].kind == DatePart::Kind::number && parts[i].digits <= 2 ? parts[i].value : 0;
  };
  const auto year_at = [&](std::size_t i) {
    return i < parts.size() && parts[i].kind == DatePart::Kind::number && parts[i].digits == 4 ? parts[i].value : 0;
  };
  const auto month_at = [&](std::size_t i) {
    return i < parts.size() && parts[i].kind == DatePart::Kind::word ? parts[i].value : 0;
  };
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (const int month = month_at(i + 1); month != 0) {
      if (day_at(i) != 0 && year_at(i + 2) != 0) return checked_date(year_at(i + 2), month, day_at(i));
      if (year_at(i) != 0 && day_at(i + 2) != 0) return checked_date(year_at(i), month, day_at(i + 2));
    }
    if (const int month = month_at(i); month != 0 && day_at(i + 1) != 0) {
      const std::size_t year = i + 2 < parts.size() && parts[i + 2].kind == DatePart::Kind::time ? i + 3 : i + 2;
      if (year_at(year) != 0) return checked_date(year_at(year), month, day_at(i + 1));
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> normalise_date(std::string_view text, const MonthNames& months) {
  text = trim_space(text);
  if (auto date = numeric_date(text, 0)) return date;
  // Otherwise a date among words ("Di., 25.01.2022 - 14:45", "Posted 2021-04-26", "28.
  // Dezember 2022"), in a value short enough to be a date field and not a sentence.
  if (text.size() > kLongestDateField) return std::nullopt;
  if (auto date = named_date(text, months)) return date;
  for (std::size_t at = 1; at < text.size(); ++at)
    if (is_digit(text[at]) && !is_digit(text[at - 1]))
      if (auto date = numeric_date(text, at)) return date;
  return std::nullopt;
}

std::optional<std::string> date_of_element(const xmlNode* element, const Rule& rule, const MonthNames& months) {
  return element_value(element, rule, {"content", "datetime"},
                       [&months](std::string_view value) { return normalise_date(value, months); });
}

std::optional<PublishedDate> find_published_date(DomMarks& marks, const MonthNames& months) {
  auto found = first_metadata_value(marks, Action::html_date, [&months](const xmlNode* element, const Rule& rule) {
    return date_of_element(element, rule, months);
  });
  if (!found) return std::nullopt;
  return PublishedDate{std::move(found->first), found->second};
}

}  // namespace declutter
