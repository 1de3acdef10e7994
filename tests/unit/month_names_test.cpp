// rules/dates/*.txt: the month names html-date reads in dates written out.
#include <catch2/catch.hpp>

#include <string>
#include <utility>
#include <vector>

#include "html/published_date.h"
#include "rules/embedded.h"
#include "text/month_names.h"

using namespace declutter;

namespace {

MonthNames parsed(const std::string& content, Diagnostics& diagnostics) {
  const std::vector<std::pair<std::string, std::string>> files{{"dates/months.txt", content}};
  return MonthNames::parse(files, diagnostics);
}

}  // namespace

TEST_CASE("month names: a month's number and its names a line, joiners and day suffixes", "[published]") {
  Diagnostics diagnostics;
  const MonthNames names = parsed(
      "# comment\n"
      "1 january jan januar  # trailing comment\n"
      "\n"
      "12 december dez décembre\n"
      "1 jänner\n"  // a month's names may come on several lines
      "joiners de of\n"
      "day-suffixes th\n",
      diagnostics);
  CHECK(diagnostics.items().empty());
  CHECK(names.month_of("january") == 1);
  CHECK(names.month_of("jänner") == 1);
  CHECK(names.month_of("décembre") == 12);
  CHECK(names.month_of("February") == 0);  // callers fold case first
  CHECK(names.month_of("of") == 0);
  CHECK(names.is_joiner("de"));
  CHECK_FALSE(names.is_joiner("dez"));
  CHECK(names.is_day_suffix("th"));
  // A date in words, read with these names only.
  CHECK(normalise_date("28. Jänner 2022", names) == "2022-01-28");
  CHECK(normalise_date("Dez. 28th, 2022", names) == "2022-12-28");
  CHECK_FALSE(normalise_date("28 March 2022", names).has_value());
  CHECK_FALSE(normalise_date("28 March 2022", MonthNames{}).has_value());
}

TEST_CASE("month names: each problem reported at its file, line and column", "[published]") {
  Diagnostics diagnostics;
  const MonthNames names = parsed(
      "13 smarch\n"
      "march mar\n"
      "4 April avr\n"
      "5 mai\n"
      "6 mai\n"
      "7 ju-l juli\n"
      "8\n",
      diagnostics);
  REQUIRE(diagnostics.error_count() == 5);
  const auto& items = diagnostics.items();
  const auto where = [&](std::size_t i) {
    return items[i].file + ":" + std::to_string(items[i].line) + ":" + std::to_string(items[i].column);
  };
  CHECK(where(0) == "dates/months.txt:1:1");
  CHECK(items[0].message.find("months are 1 to 12") != std::string::npos);
  CHECK(where(1) == "dates/months.txt:2:1");
  CHECK(where(2) == "dates/months.txt:3:3");
  CHECK(items[2].message.find("lower case") != std::string::npos);
  CHECK(where(3) == "dates/months.txt:5:3");
  CHECK(items[3].message.find("already names month 5 (dates/months.txt:4:3)") != std::string::npos);
  CHECK(where(4) == "dates/months.txt:6:3");
  CHECK(diagnostics.warning_count() == 1);  // "8" with no names
  // The good words of bad lines still count.
  CHECK(names.month_of("avr") == 4);
  CHECK(names.month_of("mai") == 5);
  CHECK(names.month_of("juli") == 7);
  CHECK(names.month_of("smarch") == 0);
}

TEST_CASE("month names: the shipped file loads cleanly and knows every month in each language", "[published]") {
  std::vector<std::pair<std::string, std::string>> files;
  for (const auto& file : embedded_rule_files())
    if (std::string_view(file.path).starts_with("dates/")) files.emplace_back(std::string(file.path), std::string(file.content));
  REQUIRE_FALSE(files.empty());
  Diagnostics diagnostics;
  const MonthNames names = MonthNames::parse(files, diagnostics);
  CHECK(diagnostics.items().empty());
  // One spelling of each month a language, in order: a name missing or under the wrong number fails.
  const std::vector<std::vector<const char*>> languages{
      {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"},
      {"januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "dezember"},
      {"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"},
      {"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"},
      {"gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre"},
      {"janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro", "novembro", "dezembro"},
      {"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"},
      {"stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia", "września", "października", "listopada", "grudnia"},
      {"ledna", "února", "března", "dubna", "května", "června", "července", "srpna", "září", "října", "listopadu", "prosince"},
      {"januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "desember"},
      {"januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"},
      {"ianuarie", "februarie", "martie", "aprilie", "mai", "iunie", "iulie", "august", "septembrie", "octombrie", "noiembrie", "decembrie"},
      {"január", "február", "március", "április", "május", "június", "július", "augusztus", "szeptember", "október", "november", "december"},
      {"ocak", "şubat", "mart", "nisan", "mayıs", "haziran", "temmuz", "ağustos", "eylül", "ekim", "kasım", "aralık"},
      {"января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"},
      {"januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus", "september", "oktober", "november", "desember"},
  };
  for (const auto& months : languages)
    for (std::size_t i = 0; i < months.size(); ++i) {
      INFO(months[i]);
      CHECK(names.month_of(months[i]) == static_cast<int>(i) + 1);
    }
}
