// html-date: the publication date read from <meta>, <time>, microdata and JSON-LD.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "html/html_front_end.h"
#include "html/published_date.h"
#include "metadata_support.h"
#include "robustness_support.h"
#include "test_support.h"

using namespace declutter;

namespace {

// The month names of the built-in rules (rules/dates/months.txt).
const MetadataWords& built_in_words() {
  static const std::unique_ptr<Engine> engine = testing::engine_for(InputFormat::html);
  return engine->metadata_words();
}
const MonthNames& built_in_months() { return built_in_words().months; }

// The date the rules find on the page, and the line of the rule that found it ("" and 0 for none).
struct Found {
  std::string date;
  std::uint32_t line = 0;
};

Found published(const std::string& head, const std::string& rule_text, const std::string& body = "<p>Text.</p>") {
  return testing::read_with_both_parsers(head, body, rule_text, built_in_words(), [](const Document& libxml2, const Document& gumbo) {
    CHECK(gumbo.published == libxml2.published);  // both parsers agree
    return Found{libxml2.published, libxml2.published_rule != nullptr ? libxml2.published_rule->origin.line : 0};
  });
}

const std::string kRules =
    "html-date meta[property=\"article:published_time\"]\n"
    "html-date script[type=\"application/ld+json\"] key=datePublished\n"
    "html-date [itemprop=datePublished]\n";

}  // namespace

TEST_CASE("published date: the formats pages write, made YYYY-MM-DD", "[published]") {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"2021-04-26", "2021-04-26"},
      {" 2021-04-26T10:00:00+02:00 ", "2021-04-26"},
      {"2022-02-02T12:10:00.000Z", "2022-02-02"},
      {"2021-05-11 09:49:18", "2021-05-11"},
      {"2021/04/26", "2021-04-26"},
      {"2022-5-5 22:17:36", "2022-05-05"},
      {"20210426", "2021-04-26"},
      {"26.04.2021", "2021-04-26"},
      {"5.5.2022", "2022-05-05"},
      {"Wed, 04 May 2022 02:41:00 GMT", "2022-05-04"},
      {"4 may 2022", "2022-05-04"},
      {"Di., 25.01.2022 - 14:45", "2022-01-25"},
      {"Posted 2021-04-26", "2021-04-26"},
      {"2024-02-29", "2024-02-29"},
      // month names, from rules/dates/months.txt
      {"28. Dezember 2022", "2022-12-28"},
      {"Mittwoch, 28. Dezember 2022, 14:45 Uhr", "2022-12-28"},
      {"December 28th, 2022", "2022-12-28"},
      {"Dec. 1, 2022", "2022-12-01"},
      {"Fri Feb 18 10:27:24 2022", "2022-02-18"},
      {"28 de diciembre de 2022", "2022-12-28"},
      {"1er janvier 2023", "2023-01-01"},
      {"le 3 mars 2021", "2021-03-03"},
      {"2022. december 28.", "2022-12-28"},
      {"28 grudnia 2022", "2022-12-28"},
      {"3 ŞUBAT 2021", "2021-02-03"},
      {"5 марта 2020 г.", "2020-03-05"},
      {"28. März 2022", "2022-03-28"},
      {"12 травня 2023", "2023-05-12"},
      {"3 Δεκεμβρίου 2021", "2021-12-03"},
      {"15 ΜΑΐΟΥ 2020", "2020-05-15"},  // capitals fold to the listed name
      {"28. joulukuuta 2022", "2022-12-28"},
      {"7. listopada 2021.", "2021-11-07"},  // November in Polish and Czech, not Croatian October
      {"7. studenoga 2021.", "2021-11-07"},
      {"14. avgusta 2019", "2019-08-14"},
      {"5 септември 2022 г.", "2022-09-05"},
      {"10 أكتوبر 2022", "2022-10-10"},
  };
  for (const auto& [text, date] : cases) {
    INFO(text);
    CHECK(normalise_date(text, built_in_months()) == date);
  }
  // No date, no such day, an order that cannot be told, a sentence that mentions a date.
  for (const char* text : {"", "yesterday", "2021", "2023-02-29", "2021-13-01", "2021-04-32", "1850-01-01",
                           "10/05/2022", "202104261", "12:30",
                           "The council met on 2021-04-26 and agreed on the budget for next year.",
                           // a month without a day, a year that is no year, a day the month lacks,
                           // a word that is no month, a day suffix that is none
                           "Dezember 2022", "May 2022 12 people", "30 February 2020", "28 Decemer 2022",
                           "28xy December 2022 and more", "Monday 28 de 2022"}) {
    INFO(text);
    CHECK_FALSE(normalise_date(text, built_in_months()).has_value());
  }
}

TEST_CASE("published date: the first rule that finds a date decides, whatever the page's order", "[published]") {
  const std::string meta = R"(<meta property="article:published_time" content="2021-04-26T10:00:00+02:00">)";
  const std::string json_ld = R"(<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2020-01-02"}</script>)";
  // The JSON-LD stands first on the page, the meta rule first in the rules.
  Found both = published(json_ld + meta, kRules);
  CHECK(both.date == "2021-04-26");
  CHECK(both.line == 1);
  Found only_json = published(json_ld, kRules);
  CHECK(only_json.date == "2020-01-02");
  CHECK(only_json.line == 2);
  // A meta tag with no readable date gives way to the next rule.
  Found unreadable = published(R"(<meta property="article:published_time" content="soon">)" + json_ld, kRules);
  CHECK(unreadable.date == "2020-01-02");
  CHECK(published("<title>t</title>", kRules).date.empty());
  CHECK(published("<title>t</title>", kRules).line == 0);
}

TEST_CASE("published date: JSON-LD at any depth, in the sixth script, or not quite JSON", "[published]") {
  const std::string graph = R"(<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
      {"@type":"WebSite","name":"x"},{"@type":"Article","author":{"name":"A"},"datePublished":"2019-03-04T05:06:07Z"}]}</script>)";
  CHECK(published(graph, kRules).date == "2019-03-04");
  std::string many;
  for (int i = 0; i < 5; ++i) many += R"(<script type="application/ld+json">{"@type":"BreadcrumbList"}</script>)";
  CHECK(published(many + R"(<script type="application/ld+json">{"datePublished":"2018-07-08"}</script>)", kRules).date ==
        "2018-07-08");
  // A trailing comma and single quotes: the member is still found.
  CHECK(published(R"(<script type="application/ld+json">{"datePublished": '2021-05-12', }</script>)", kRules).date ==
        "2021-05-12");
  CHECK(published(R"(<script type="application/ld+json">{"headline":"x"}</script>)", kRules).date.empty());
}

TEST_CASE("published date: microdata from an attribute or the element's text", "[published]") {
  CHECK(published("", kRules, R"(<p>By A <time itemprop="datePublished" datetime="2017-01-02">2 Jan</time></p>)").date ==
        "2017-01-02");
  CHECK(published("", kRules, R"(<p>Posted <span itemprop="datePublished">26.04.2021</span></p>)").date == "2021-04-26");
  CHECK(published("", kRules, R"(<meta itemprop="datePublished" content="2016-12-23">)").date == "2016-12-23");
  // An attribute with no readable date gives way to the element's text.
  CHECK(published("", kRules, R"(<time itemprop="datePublished" datetime="23. Juni 2016">23.06.2016 um 16:14 Uhr</time>)")
            .date == "2016-06-23");
}

TEST_CASE("published date: the built-in rules read the usual places; text input has none", "[published]") {
  const auto engine = testing::engine_for(InputFormat::automatic);
  REQUIRE(engine != nullptr);
  Worker worker(*engine);
  const std::string body = "<body><article><h1>Pier to be rebuilt</h1><p>The harbour board met.</p></article></body>";
  const std::vector<std::pair<std::string, std::string>> heads = {
      {R"(<meta property="article:published_time" content="2021-04-26T10:00:00+02:00">)", "2021-04-26"},
      {R"(<meta property="og:article:published_time" content="2021-04-27">)", "2021-04-27"},
      {R"(<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2021-04-28"}</script>)", "2021-04-28"},
      {R"(<meta itemprop="datePublished" content="2021-04-29">)", "2021-04-29"},
      {R"(<meta name="date" content="2021-04-30">)", "2021-04-30"},
      {R"(<meta name="DC.date.issued" content="2021-05-01">)", "2021-05-01"},
      {R"(<meta name="parsely-pub-date" content="2021-05-02T08:00:00Z">)", "2021-05-02"},
      {R"(<meta name="sailthru.date" content="2021-05-03 08:00:00">)", "2021-05-03"},
      // A blog theme's <time>, the least trusted source: any <meta> above wins over it.
      {R"(<meta name="date" content="2021-05-04"><body><time class="entry-date published" datetime="2020-01-01">)", "2021-05-04"},
      {R"(</head><body><p><time class="entry-date published" datetime="2021-05-05T09:30:10+01:00">5 May</time></p>)",
       "2021-05-05"},
  };
  for (const auto& [head, date] : heads) {
    INFO(head);
    const Document& doc = worker.analyse({"<html><head>" + head + "</head>" + body + "</html>", ""});
    CHECK(doc.published == date);
    REQUIRE(doc.published_rule != nullptr);
    CHECK(doc.published_rule->origin.file->find("html.rules") != std::string::npos);
  }
  // A <time> in the page is no publication date by itself: teaser lists carry other dates.
  const Document& teasers =
      worker.analyse({"<html><body><ul><li><time datetime=\"2020-01-01\">1 Jan</time> Old story</li></ul>" + body, ""});
  CHECK(teasers.published.empty());
  // Text input has no markup to read a date from, and the previous page's date is gone.
  worker.analyse({std::string("<html><head><meta name=\"date\" content=\"2021-04-30\"></head>") + body, ""});
  const Document& text = worker.analyse({"Pier to be rebuilt\n\nPublished 2021-04-30.\n", ""});
  CHECK(text.published.empty());
  CHECK(text.published_rule == nullptr);
}
