#include <catch2/catch.hpp>

#include <string>
#include <utility>
#include <vector>

#include "rules/embedded.h"
#include "score/stopwords.h"
#include "score/text_scan.h"

using namespace declutter;
using namespace declutter::score;

TEST_CASE("stopword lists parse one word a line, with comments, per language", "[score]") {
  const std::vector<std::pair<std::string, std::string>> files{
      {"stopwords/en.txt", "# English\nthe\nand  # joins\n\nof\n"},
      {"stopwords/de.txt", "die\nund\n"},
      {"stopwords/fr.txt", "et\nde\n"},
      {"stopwords/README.md", "not a list\n"},
  };
  Diagnostics diagnostics;
  const StopwordLists lists = StopwordLists::parse(files, diagnostics);
  CHECK(diagnostics.items().empty());
  REQUIRE(lists.languages() == std::vector<std::string>{"en", "de", "fr"});
  CHECK(lists.languages_of("the") == (1U << 0U));
  CHECK(lists.languages_of("and") == (1U << 0U));
  CHECK(lists.languages_of("und") == (1U << 1U));
  CHECK(lists.languages_of("de") == (1U << 2U));
  CHECK(lists.languages_of("The") == 0U);  // callers fold case first
  CHECK(lists.languages_of("joins") == 0U);
  CHECK(lists.language_index("fr") == 2);
  CHECK(lists.language_index("xx") == -1);
}

TEST_CASE("stopword lists report words that are not lower case", "[score]") {
  const std::vector<std::pair<std::string, std::string>> files{{"stopwords/en.txt", "the\nThe\ntwo words\n"}};
  Diagnostics diagnostics;
  const StopwordLists lists = StopwordLists::parse(files, diagnostics);
  REQUIRE(diagnostics.error_count() == 2);
  CHECK(diagnostics.items()[0].line == 2);
  CHECK(diagnostics.items()[1].line == 3);
  CHECK(lists.word_count() == 1);
}

TEST_CASE("the shipped stopword lists load cleanly and cover nine languages", "[score]") {
  std::vector<std::pair<std::string, std::string>> files;
  for (const auto& file : embedded_rule_files())
    if (file.path.substr(0, 10) == "stopwords/") files.emplace_back(std::string(file.path), std::string(file.content));
  Diagnostics diagnostics;
  const StopwordLists lists = StopwordLists::parse(files, diagnostics);
  CHECK(diagnostics.items().empty());
  for (const char* code : {"en", "de", "fr", "es", "it", "pt", "nl", "ru", "pl"}) CHECK(lists.language_index(code) >= 0);
  CHECK(lists.languages_of("über") != 0U);
  CHECK(lists.languages_of("что") != 0U);
  CHECK(lists.languages_of("się") != 0U);
}

TEST_CASE("case folding and word splitting cover Latin, Greek and Cyrillic, and CJK runs", "[score]") {
  std::string folded;
  fold_into("ÜBER Straße ŁÓDŹ МОСКВА", folded);
  CHECK(folded == "über straße łódź москва");
  std::vector<std::pair<std::string, bool>> words;
  for_each_word("L'homme, 3 fois: 东京 tower", [&](std::string_view word, bool cjk) { words.emplace_back(std::string(word), cjk); });
  REQUIRE(words.size() == 5);
  CHECK(words[0].first == "L");
  CHECK(words[1].first == "homme");
  CHECK(words[2].first == "fois");
  CHECK(words[3] == std::make_pair(std::string("东京"), true));
  CHECK(words[4] == std::make_pair(std::string("tower"), false));
  std::size_t pos = 0;
  CHECK(next_code_point("\xFF" "a", pos) == U'\uFFFD');  // malformed byte: replaced, one byte consumed
  CHECK(pos == 1);
}
