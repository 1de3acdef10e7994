#include <catch2/catch.hpp>

#include <string>
#include <utility>
#include <vector>

#include "rules/embedded.h"
#include "score/stopwords.h"

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

TEST_CASE("stopword lookups reject words longer than any list's and longer-than-64-byte entries", "[score]") {
  const std::string long_word(65, 'a');
  const std::vector<std::pair<std::string, std::string>> files{{"stopwords/en.txt", "a\nthe\n" + long_word + "\n"}};
  Diagnostics diagnostics;
  const StopwordLists lists = StopwordLists::parse(files, diagnostics);
  CHECK(diagnostics.error_count() == 1);
  CHECK(lists.word_count() == 2);
  CHECK(lists.max_word_bytes() == 3);
  CHECK(lists.languages_of("them") == 0U);
  CHECK(lists.languages_of("") == 0U);
  CHECK(lists.languages_of("a") == 1U);
}

TEST_CASE("stopword tables grow and keep every word with all its languages", "[score]") {
  std::string en;
  std::string de;
  for (int i = 0; i < 500; ++i) en += "w" + std::to_string(i) + "\n";
  for (int i = 250; i < 750; ++i) de += "w" + std::to_string(i) + "\n";
  const std::vector<std::pair<std::string, std::string>> files{{"stopwords/en.txt", en}, {"stopwords/de.txt", de}};
  Diagnostics diagnostics;
  const StopwordLists lists = StopwordLists::parse(files, diagnostics);
  CHECK(lists.word_count() == 750);
  for (int i = 0; i < 750; ++i) {
    const LanguageMask expected = (i < 500 ? 1U : 0U) | (i >= 250 ? 2U : 0U);
    CHECK(lists.languages_of("w" + std::to_string(i)) == expected);
  }
  CHECK(lists.languages_of("w750") == 0U);
  // Words on no list land in empty slots, in slots other words hold, or pass the filter by
  // chance: none of them is found.
  for (int i = 750; i < 20000; ++i) CHECK(lists.languages_of("w" + std::to_string(i)) == 0U);
}

TEST_CASE("stopwords of up to eight bytes are packed; a NUL byte does not make two words one", "[score]") {
  using namespace std::string_literals;
  const std::vector<std::pair<std::string, std::string>> files{
      {"stopwords/en.txt", "ab\nabcdefgh\nabcdefghi\n"s + "ab\0\n"s}};
  Diagnostics diagnostics;
  const StopwordLists lists = StopwordLists::parse(files, diagnostics);
  CHECK(lists.word_count() == 4);
  CHECK(lists.max_word_bytes() == 9);
  CHECK(lists.languages_of("abcdefgh") == 1U);
  CHECK(lists.languages_of("abcdefghi") == 1U);
  CHECK(lists.languages_of("abcdefg") == 0U);
  CHECK(lists.languages_of("ab") == 1U);
  CHECK(lists.languages_of("ab\0"s) == 1U);
  CHECK(lists.languages_of("ab\0\0"s) == 0U);
  CHECK(lists.languages_of_packed(0x6261U) == 1U);  // "ab"
}
