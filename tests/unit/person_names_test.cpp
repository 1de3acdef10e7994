// rules/names/*.txt and the `name` matcher: a line that is a byline's bare name or names.
#include <catch2/catch.hpp>

#include <string>
#include <utility>
#include <vector>

#include "rules/embedded.h"
#include "text/person_names.h"

using namespace declutter;

namespace {

PersonNames parsed(std::vector<std::pair<std::string, std::string>> files, Diagnostics& diagnostics) {
  return PersonNames::parse(files, diagnostics);
}

PersonNames small_lists() {
  Diagnostics diagnostics;
  PersonNames names = parsed({{"names/given.txt", "# comment\nAna\nboris  # any case\nMateusz\nPiotr\nHans\nJose\nSven\n"},
                              {"names/particles.txt", "de\nla\nvon\n"},
                              {"names/joiners.txt", "and\nund\n"}},
                             diagnostics);
  REQUIRE(diagnostics.items().empty());
  return names;
}

}  // namespace

TEST_CASE("person names: a given name of the lists, then capitalised words, initials or particles", "[names]") {
  const PersonNames names = small_lists();
  for (const char* byline : {"Ana Costa", "Boris T. Kaiser", "Jose de la Cruz", "Hans-Peter Müller",
                             "Mateusz Żochowski-Nowak", "Sven O'Callaghan", "SVEN MICHAELSEN", "Ana Maria Costa Lopes"}) {
    INFO(byline);
    CHECK(names.names_only(byline));
  }
  for (const char* other : {"Ana",                   // one word: a heading, or anything
                            "Ana costa",             // a sentence's start
                            "Costa Ana",             // the given name comes first
                            "Maria Costa",           // not on these lists
                            "Ana Costa wrote this",  // more than a name
                            "Ana Costa 2021", "Ana de", "Jose de la", "Ana Maria Costa Lopes Silva", "Ana C3PO",
                            "Künstlerischer Lebenslauf", ""}) {
    INFO(other);
    CHECK_FALSE(names.names_only(other));
  }
}

TEST_CASE("person names: up to four names joined by a comma, a sign or a joining word", "[names]") {
  const PersonNames names = small_lists();
  CHECK(names.names_only("Mateusz Seroka, Piotr Żochowski"));
  CHECK(names.names_only("Ana Costa and Boris Kaiser"));
  CHECK(names.names_only("Ana Costa & Boris Kaiser / Hans Berg und Piotr Nowak"));
  CHECK_FALSE(names.names_only("Ana Costa, Boris Kaiser, Hans Berg, Piotr Nowak, Jose Cruz"));
  CHECK_FALSE(names.names_only("Ana Costa, "));
  CHECK_FALSE(names.names_only("and Ana Costa"));
  CHECK_FALSE(names.names_only("Ana Costa and the team"));
  CHECK_FALSE(names.names_only("Ana Costa, Lisbon"));  // a dateline's place is no name
}

TEST_CASE("person names: a list line of two words is an error at its file, line and column", "[names]") {
  Diagnostics diagnostics;
  const PersonNames names = parsed({{"names/given.txt", "Ana\n  Ana Maria\n"}}, diagnostics);
  REQUIRE(diagnostics.error_count() == 1);
  const Diagnostic& problem = diagnostics.items()[0];
  CHECK(problem.file + ":" + std::to_string(problem.line) + ":" + std::to_string(problem.column) == "names/given.txt:2:3");
  CHECK(names.names_only("Ana Costa"));  // the good lines still count
  CHECK_FALSE(PersonNames{}.names_only("Ana Costa"));  // no lists, no names
}

TEST_CASE("person names: the shipped lists load cleanly and know given names of many languages", "[names]") {
  std::vector<std::pair<std::string, std::string>> files;
  for (const auto& file : embedded_rule_files())
    if (std::string_view(file.path).starts_with("names/")) files.emplace_back(std::string(file.path), std::string(file.content));
  REQUIRE(files.size() == 3);
  Diagnostics diagnostics;
  const PersonNames names = PersonNames::parse(files, diagnostics);
  CHECK(diagnostics.items().empty());
  for (const char* byline : {"Sarah Miller", "Jürgen Schmidt", "Françoise Dupont", "Javier García", "Giulia Rossi",
                             "Małgorzata Nowak", "Pieter de Vries", "Ursula von der Leyen", "Anna Berg und Jan Holm"}) {
    INFO(byline);
    CHECK(names.names_only(byline));
  }
  for (const char* other : {"Breaking News", "Weitere Artikel", "Read More", "Unsere Themen"}) {
    INFO(other);
    CHECK_FALSE(names.names_only(other));
  }
}
