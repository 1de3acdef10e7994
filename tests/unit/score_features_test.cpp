#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <utility>
#include <vector>

#include "score/features.h"
#include "text/page_title.h"

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
  return measure_block(text, link_chars, english(), 0, CharsPerWord{});
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

TEST_CASE("features: title matching reads through soft hyphens", "[score]") {
  std::string key;
  normalise_for_match("Neu\xC2\xAD" "es Team f\xC3\xBCr den Sprin\xC2\xAD" "ter", key);
  CHECK(key == "neues team f\xC3\xBCr den sprinter");
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
  // Other scripts' marks: Devanagari danda, Arabic comma and question mark.
  const BlockFeatures hindi = measure("\u0928\u093E\u0935\u0947\u0902 \u091A\u0932\u0947\u0902\u0917\u0940\u0964");
  CHECK(hindi.sentence_marks == 1);
  CHECK(hindi.ends_sentence);
  CHECK(hindi.alpha_words == 2);  // the danda is no letter of the word before it
  const BlockFeatures arabic = measure("\u0645\u062F\u064A\u0646\u0629\u060C \u062C\u0632\u064A\u0631\u0629\u061F");
  CHECK(arabic.commas == 1);
  CHECK(arabic.sentence_marks == 1);
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
  // Thai: no spaces between words either, but words of several characters.
  const BlockFeatures thai = measure("\u0E2A\u0E20\u0E32\u0E40\u0E21\u0E37\u0E2D\u0E07\u0E25\u0E07\u0E21\u0E15\u0E34");
  CHECK(thai.cjk_chars == 13);
  CHECK(thai.unspaced_chars == 13);
  CHECK(thai.alpha_words == 0);
  CHECK(thai.words == Approx(13.0 / 4.0));  // 4 characters a word
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

namespace {
// Stopwords either side of the eight bytes a packed lookup holds, one with a two-byte letter.
const StopwordLists& boundary_words() {
  static const StopwordLists lists = [] {
    const std::vector<std::pair<std::string, std::string>> files{
        {"stopwords/en.txt", "a\nabcdefg\nabcdefgh\nabcdefghi\nabcdefghijklmnopq\n\xC3\xBC" "ber\n"}};
    Diagnostics diagnostics;
    return StopwordLists::parse(files, diagnostics);
  }();
  return lists;
}

BlockFeatures measure_boundary(std::string_view text) { return measure_block(text, 0, boundary_words(), 0, CharsPerWord{}); }

void check_same(const BlockFeatures& a, const BlockFeatures& b) {
  CHECK(a.alpha_words == b.alpha_words);
  CHECK(a.chars == b.chars);
  CHECK(a.letters == b.letters);
  CHECK(a.digits == b.digits);
  CHECK(a.stopwords == b.stopwords);
  CHECK(a.title_words == b.title_words);
  CHECK(a.caps_words == b.caps_words);
  CHECK(a.sentence_marks == b.sentence_marks);
  CHECK(a.commas == b.commas);
  CHECK(a.ends_sentence == b.ends_sentence);
}
}  // namespace

TEST_CASE("features: letter runs read eight bytes at a time count the same at every offset", "[score]") {
  // Words of 1 to 20 letters, ASCII and with two-byte letters inside, shifted across the
  // eight-byte chunks the ASCII path reads: the counts and the repetition key must not move.
  const std::vector<std::string> texts{
      "a abcdefg abcdefgh abcdefghi abcdefghijklmnopq.",
      "ABCDEFGH Abcdefghi ABCDEFGHIJKLMNOPQ, abcdefghijklmnopqrst!",
      "\xC3\x9C" "ber caf\xC3\xA9 na\xC3\xAF" "vet\xC3\xA9 ABCDEFG\xC3\x89HIJ abc\xE2\x80\x99s \xE2\x80\x9Cquoted\xE2\x80\x9D.",
      "x1y2z3 12.5 U.S. end"};
  for (const std::string& text : texts) {
    const BlockFeatures plain = measure_boundary(text);
    const std::uint64_t key = repetition_key(text);
    for (std::size_t shift = 1; shift <= 17; ++shift) {
      INFO(text << " shifted by " << shift);
      const std::string padded = std::string(shift, ' ') + text;
      check_same(measure_boundary(padded), plain);
      CHECK(repetition_key(padded) == key);
    }
  }
}

TEST_CASE("features: stopwords of up to eight bytes and longer ones are both found", "[score]") {
  const BlockFeatures f = measure_boundary("A abcdefg ABCDEFGH abcdefghi Abcdefghijklmnopq \xC3\x9C" "ber abcdef abcdefghij");
  CHECK(f.alpha_words == 8);
  CHECK(f.stopwords == 6);  // all but the six- and ten-letter words
  CHECK(f.title_words == 4);
  CHECK(f.caps_words == 1);  // "A" has one letter
  CHECK(f.letters == 62);
}

TEST_CASE("features: the repetition key follows the letters, not where words or chunks break", "[score]") {
  const std::uint64_t joined = repetition_key("abcdefghijklmnopqrstu");
  CHECK(repetition_key("abc defgh ijklmnop qrstu") == joined);
  CHECK(repetition_key("ABCDEFGH-IJKLMNOP 42 QRSTU") == joined);
  CHECK(repetition_key("a bcdefghijklmnopqrst u.") == joined);
  CHECK(repetition_key("abcdefghijklmnopqrstv") != joined);
  CHECK(repetition_key("\xC3\x9C" "ber") == repetition_key("\xC3\xBC" "BER"));
}

TEST_CASE("features: the title filter never turns away a block that matches the title", "[score]") {
  // Words with capitals, digits, accents and punctuation around them; titles and blocks
  // drawn from them, and blocks cut from the title's own text.
  const std::vector<std::string> words{"Storm", "hits", "COAST", "storm's", "caf\xC3\xA9", "CAF\xC3\x89", "2024",
                                       "x1", "na\xC3\xAFve", "--", "|", "news", "Hits!", "(coast)", "\xE2\x80\x9Cquoted\xE2\x80\x9D",
                                       "a", "tide", "Tide-News", "\xCE\xA9mega", "s"};
  std::mt19937 random(7);
  const auto line = [&](std::size_t count) {
    std::string text;
    for (std::size_t k = 0; k < count; ++k) text += (k > 0 ? " " : "") + words[random() % words.size()];
    return text;
  };
  std::string title;
  std::string candidate;
  TitleFilter filter;
  std::size_t matches = 0;
  std::size_t turned_away = 0;
  for (int trial = 0; trial < 3000; ++trial) {
    const std::string title_text = line(2 + random() % 6);
    normalise_for_match(title_text, title);
    filter.set_title(title);
    std::vector<std::string> blocks{line(1 + random() % 6), title_text, title_text + " | " + line(2)};
    const std::size_t from = random() % title_text.size();
    blocks.push_back(title_text.substr(from, random() % (title_text.size() - from + 1)));  // may cut a character
    for (const std::string& text : blocks) {
      const BlockFeatures f = measure_block(text, 0, english(), 0, CharsPerWord{});
      normalise_for_match(text, candidate);
      const bool match = !candidate.empty() &&
                         (title.find(candidate) != std::string::npos || candidate.find(title) != std::string::npos);
      const bool may = filter.may_match(text, f.letters + f.digits);
      INFO("title: " << title_text << " block: " << text);
      if (match) CHECK(may);
      matches += match ? 1 : 0;
      turned_away += may ? 0 : 1;
    }
  }
  CHECK(matches > 3000);
  CHECK(turned_away > 1000);  // and it does turn blocks away
}

TEST_CASE("features: the title filter turns away shorter blocks with a pair of letters the title lacks", "[score]") {
  std::string title;
  normalise_for_match("Storm Hits Coast", title);
  TitleFilter filter;
  filter.set_title(title);
  CHECK(filter.may_match("HITS coast", 9));
  CHECK_FALSE(filter.may_match("Hits coastal", 11));  // "ta" and "al" are not in the title
  CHECK_FALSE(filter.may_match("Rain", 4));          // "ra" is not in the title
  CHECK(filter.may_match("Rain, storm and hits on the coast", 26));  // as long as the title: may contain it

  std::string paragraph;  // a first line that is a paragraph, not a title: nothing matches it
  while (paragraph.size() <= kLongestTitle) paragraph += "storm hits coast ";
  normalise_for_match(paragraph, title);
  filter.set_title(title);
  CHECK_FALSE(filter.may_match("Storm Hits Coast", 14));
  CHECK_FALSE(filter.may_match(paragraph, static_cast<std::uint32_t>(paragraph.size())));
}

TEST_CASE("features: the repetition key of long blocks and of letters filling whole eight-byte chunks", "[score]") {
  CHECK(repetition_key("abcdefgh ijklmnop") == repetition_key("ABCD-EFGHIJKL MNOP 7"));  // exactly 16 letters
  CHECK(repetition_key("abcdefgh ijklmnop") != repetition_key("abcdefgh ijklmno"));
  std::string words;
  std::string joined;
  for (int i = 0; i < 400; ++i) {
    const std::string word = std::string(1 + i % 13, static_cast<char>('a' + i % 26)) + (i % 5 == 0 ? "\xC3\xA9" : "");
    words += word + (i % 7 == 0 ? ", " : " ");
    joined += word;
  }
  CHECK(repetition_key(words) == repetition_key(joined));
  CHECK(repetition_key(words) != repetition_key(joined + "z"));
}

TEST_CASE("topic words: long words, ASCII folded, bytes past ASCII counted as letters", "[score]") {
  std::vector<std::uint64_t> words;
  const StopwordLists no_lists;
  append_topic_words("The FERRY runs; the ferry stops. Größe, gross!", 5, no_lists, words);
  REQUIRE(words.size() == 5);  // FERRY ferry stops Größe gross: "the" and "runs" are too short
  CHECK(words[0] == words[1]);   // one word in either case
  CHECK(words[0] != words[2]);
  CHECK(words[3] != words[4]);   // ö and ß are letters of their own, not o and ss
  words.clear();
  append_topic_words("Größe", 6, no_lists, words);  // seven bytes
  CHECK(words.size() == 1);
  // Words on a stopword list carry no topic, however long.
  Diagnostics diagnostics;
  const std::vector<std::pair<std::string, std::string>> files{{"stopwords/en.txt", "about\nwhich\n"}};
  const StopwordLists lists = StopwordLists::parse(files, diagnostics);
  words.clear();
  append_topic_words("About the ferry, which sails", 5, lists, words);
  CHECK(words.size() == 2);  // ferry, sails
}
