#include <catch2/catch.hpp>

#include <string>
#include <utility>
#include <vector>

#include "score/features.h"

using namespace declutter;
using namespace declutter::score;

namespace {
const StopwordLists& english() {
  static const StopwordLists lists = [] {
    const std::vector<std::pair<std::string, std::string>> files{{"stopwords/en.txt", "the\nof\nand\na\nin\nto\nis\nit\n"}};
    Diagnostics diagnostics;
    return StopwordLists::parse(files, diagnostics);
  }();
  return lists;
}

BlockFeatures measure(std::string_view text, std::uint32_t link_chars = 0) {
  Block block;
  block.text = text;
  block.link_chars = link_chars;
  return measure_block(block, english(), 0, 2.0F);
}
}  // namespace

TEST_CASE("features: words, characters and stopwords", "[score]") {
  const BlockFeatures f = measure("The history of the harbour is a long one.");
  CHECK(f.alpha_words == 9);
  CHECK(f.words == Approx(9));
  CHECK(f.stopwords == 5);  // the, of, the, is, a
  CHECK(f.stopword_density() == Approx(5.0 / 9.0));
  CHECK(f.chars == 33);
}

TEST_CASE("features: sentence and clause punctuation", "[score]") {
  const BlockFeatures prose = measure("It rained. The ferry, late again, left at 3.15 p.m. and arrived (at last).");
  CHECK(prose.ends_sentence);
  CHECK(prose.sentence_marks == 3);  // "rained.", "p.m." at the end of a word, "last)."; "3.15" is a number
  CHECK(prose.commas == 2);
  const BlockFeatures label = measure("Read more");
  CHECK_FALSE(label.ends_sentence);
  CHECK(label.sentence_marks == 0);
  CHECK(measure("\xE6\x98\xA5\xE5\xA4\xA9\xE3\x80\x82").sentence_marks == 1);  // CJK full stop
}

TEST_CASE("features: capitals, digits, decoration and bullets", "[score]") {
  const BlockFeatures menu = measure("Home | News | Sport | ABOUT US");
  CHECK(menu.title_words == 5);
  CHECK(menu.caps_words == 2);
  CHECK(menu.title_share() == Approx(1.0));
  CHECK(menu.decorations == 3);
  const BlockFeatures date = measure("12.03.2024 14:05");
  CHECK(date.digits == 12);
  CHECK(date.digit_share() == Approx(1.0));
  CHECK(measure("\xE2\x80\xA2 First item").starts_with_bullet);
  CHECK_FALSE(measure("-5 degrees tonight").starts_with_bullet);
}

TEST_CASE("features: link density and CJK length", "[score]") {
  CHECK(measure("Latest stories from the coast", 25).link_density == Approx(1.0));
  CHECK(measure("Latest stories from the coast", 5).link_density == Approx(5.0 / 25.0));
  const BlockFeatures cjk = measure("\xE6\x98\xA5\xE5\xA4\xA9\xE7\x9A\x84\xE6\xA1\xA5");  // four Han characters
  CHECK(cjk.cjk_chars == 4);
  CHECK(cjk.alpha_words == 0);
  CHECK(cjk.words == Approx(2.0));  // 2 characters a word
}

TEST_CASE("features: repetition keys ignore digits and punctuation; title matching normalises", "[score]") {
  std::string buffer;
  const auto a = repetition_key("Comments (3)");
  const auto b = repetition_key("comments (12)");
  const auto c = repetition_key("Comment");
  CHECK(a == b);
  CHECK(a != c);
  CHECK(repetition_key("12:30") == 0U);
  normalise_for_match("  Storm Hits Coast | Example-News ", buffer);
  CHECK(buffer == "storm hits coast example news");
}
