// html-author: the article's author read from <meta>, microdata and JSON-LD.
#include <catch2/catch.hpp>

#include <string>
#include <utility>
#include <vector>

#include "authoring/explain.h"
#include "html/html_front_end.h"
#include "html/page_author.h"
#include "metadata_support.h"
#include "robustness_support.h"
#include "test_support.h"

using namespace declutter;

namespace {

const Engine& built_in_engine() {
  static const std::unique_ptr<Engine> engine = testing::engine_for(InputFormat::html);
  return *engine;
}
const BylinePrefixes& built_in_bylines() { return built_in_engine().metadata_words().bylines; }

// The author the rules find on the page, and the line of the rule that found it ("" and 0 for none).
struct Found {
  std::string name;
  std::uint32_t line = 0;
};

Found author(const std::string& head, const std::string& rule_text, const std::string& body = "<p>Text.</p>") {
  return testing::read_with_both_parsers(
      head, body, rule_text, built_in_engine().metadata_words(), [](const Document& libxml2, const Document& gumbo) {
        CHECK(gumbo.author == libxml2.author);  // both parsers agree
        return Found{libxml2.author, libxml2.author_rule != nullptr ? libxml2.author_rule->origin.line : 0};
      });
}

const std::string kRules =
    "html-author script[type=\"application/ld+json\"] key=author\n"
    "html-author meta[name=author i]\n"
    "html-author [itemprop=author] [itemprop=name], [itemprop=author]\n"
    "html-author meta[property=\"article:author\"]\n";

std::string json_ld(const std::string& object) { return "<script type=\"application/ld+json\">" + object + "</script>"; }

}  // namespace

TEST_CASE("page author: names as pages write them, cleaned", "[author]") {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"Ana Costa", "Ana Costa"},
      {"  Ana \n\t Costa ", "Ana Costa"},
      {"'Luana Patriolino, Raphael Felice'", "Luana Patriolino, Raphael Felice"},
      {"\xE2\x80\x9C" "Ana Costa" "\xE2\x80\x9D", "Ana Costa"},
      {"By Ana Costa", "Ana Costa"},
      {"VON Ana Costa", "Ana Costa"},
      {"View all posts by Ana Costa", "Ana Costa"},
      {"Autor: Ana Costa", "Ana Costa"},
      {"Bystrom Ana", "Bystrom Ana"},  // a prefix only before a space
      {"By", "By"},                    // nothing would be left
      {"Redacción LR", "Redacción LR"},
      {"Łukasz Brzeziński", "Łukasz Brzeziński"},
      {"Автор: Иван Петров", "Иван Петров"},
      {"Του Γιάννη Παπαδόπουλου", "Γιάννη Παπαδόπουλου"},
      {"Tác giả: Minh Anh", "Minh Anh"},
      {"بقلم سارة أحمد", "سارة أحمد"},
      {"Piše: Ana Horvat", "Ana Horvat"},
  };
  for (const auto& [text, name] : cases) {
    INFO(text);
    CHECK(normalise_author(text, built_in_bylines()) == name);
  }
  for (const std::string& text : {std::string(""), std::string("   "), std::string("1234"),
                                  std::string("https://www.facebook.com/ana.costa"), std::string("www.example.com/ana"),
                                  std::string("{{author}}"), std::string("<b>Ana</b>"), std::string(121, 'a')}) {
    INFO(text);
    CHECK_FALSE(normalise_author(text, built_in_bylines()).has_value());
  }
}

TEST_CASE("page author: JSON-LD as a name, a Person, several, or only a reference", "[author]") {
  CHECK(author(json_ld(R"({"@type":"NewsArticle","author":"Ana Costa"})"), kRules).name == "Ana Costa");
  CHECK(author(json_ld(R"({"@type":"NewsArticle","author":{"@type":"Person","name":"Ana Costa"}})"), kRules).name ==
        "Ana Costa");
  CHECK(author(json_ld(R"({"author":[{"@type":"Person","name":"Ana Costa"},{"name":"Mara Lindqvist"},"Ole Berg"]})"),
               kRules)
            .name == "Ana Costa, Mara Lindqvist, Ole Berg");
  CHECK(author(json_ld(R"({"@graph":[{"@type":"WebSite","name":"Harbour Times"},{"@type":"Article","author":{"name":"Ana Costa"}}]})"),
               kRules)
            .name == "Ana Costa");
  // Yoast's {"@id": ...}: no name there, so the next source decides.
  const Found reference = author(json_ld(R"({"@type":"Article","author":{"@id":"https://example.com/#/person/1"}})") +
                                     R"(<meta name="Author" content="Mara Lindqvist">)",
                                 kRules);
  CHECK(reference.name == "Mara Lindqvist");
  CHECK(reference.line == 2);
  // Broken JSON-LD is searched for the member as text.
  CHECK(author(json_ld(R"({"author": "Ana Costa", "headline": "Pier",})"), kRules).name == "Ana Costa");
  // JSON-LD of a catalogue page runs to hundreds of kilobytes (parsed by a parser of its
  // own): a Person's name, which the search as text cannot read, is still found in it.
  std::string parts;
  for (int i = 0; i < 5000; ++i) parts += R"({"@type":"Thing","name":"Item )" + std::to_string(i) + R"("},)";
  const std::string large = R"({"@type":"Article","hasPart":[)" + parts +
                            R"({"name":"Last"}],"author":{"@type":"Person","name":"Ana Costa"}})";
  REQUIRE(large.size() > 128 * 1024);
  CHECK(author(json_ld(large), kRules).name == "Ana Costa");
}

TEST_CASE("page author: the first rule that finds a name decides, whatever the page's order", "[author]") {
  const std::string meta = R"(<meta name="author" content="Mara Lindqvist">)";
  const std::string ld = json_ld(R"({"author":{"name":"Ana Costa"}})");
  const Found both = author(meta + ld, kRules);
  CHECK(both.name == "Ana Costa");
  CHECK(both.line == 1);
  // Microdata: the name inside the author, else the author's own text.
  CHECK(author("", kRules, R"(<p>By <span itemprop="author"><span itemprop="name">Ole Berg</span></span></p>)").name ==
        "Ole Berg");
  CHECK(author("", kRules, R"(<p><span itemprop="author">von Ole Berg</span></p>)").name == "Ole Berg");
  // A profile URL in article:author is no name; nothing else names one.
  const Found url = author(R"(<meta property="article:author" content="https://www.facebook.com/ole.berg">)", kRules);
  CHECK(url.name.empty());
  CHECK(url.line == 0);
}

TEST_CASE("page author: the built-in rules, --explain and a previous page", "[author]") {
  Worker worker(built_in_engine());
  const std::string page =
      "<html><head><title>Pier to be rebuilt</title>" + json_ld(R"({"@type":"NewsArticle","author":{"name":"Ana Costa"}})") +
      "</head><body><article><h1>Pier to be rebuilt</h1><p>The harbour board agreed on Tuesday that the old pier "
      "will be rebuilt in stone before the winter storms arrive, after a long debate.</p></article></body></html>";
  const Document& doc = worker.analyse({page, ""});
  CHECK(doc.author == "Ana Costa");
  REQUIRE(doc.author_rule != nullptr);
  CHECK(std::string(*doc.author_rule->origin.file) == "<embedded>/html.rules");
  std::string text;
  explain_text(doc, text);
  const std::string header = text.substr(0, text.find('\n'));
  CHECK(header.find(", by Ana Costa (<embedded>/html.rules:") != std::string::npos);
  std::string json;
  explain_json(doc, json);
  CHECK(json.find("\"author\":\"Ana Costa\"") != std::string::npos);
  CHECK(json.find("\"author_rule\":\"<embedded>/html.rules:") != std::string::npos);
  // The next page names none: nothing lingers.
  const Document& next = worker.analyse({"<html><body><p>Another page without an author.</p></body></html>", ""});
  CHECK(next.author.empty());
  CHECK(next.author_rule == nullptr);
  // Text input has no markup to name one.
  CHECK(worker.analyse({"By Ana Costa\n\nSome text of a page.\n", ""}).author.empty());
}

TEST_CASE("byline prefixes: one lower-case prefix a line, the longest taken off", "[author]") {
  const std::vector<std::pair<std::string, std::string>> files{
      {"bylines/a.txt", "# comment\nby\nposts by\n\nBy Line\n"}};
  Diagnostics diagnostics;
  const BylinePrefixes prefixes = BylinePrefixes::parse(files, diagnostics);
  REQUIRE(diagnostics.error_count() == 1);
  CHECK(diagnostics.items()[0].file == "bylines/a.txt");
  CHECK(diagnostics.items()[0].line == 5);
  CHECK(prefixes.size() == 2);
  CHECK(prefixes.strip("Posts by Ana") == "Ana");
  CHECK(prefixes.strip("by  Ana") == "Ana");
  CHECK(prefixes.strip("Bylines") == "Bylines");
}
