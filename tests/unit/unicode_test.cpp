#include <catch2/catch.hpp>

#include <cstdint>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "score/features.h"
#include "text/normalize.h"
#include "text/string_map.h"
#include "text/swar.h"
#include "text/unicode.h"

using namespace declutter;
using namespace declutter::score;

namespace {
StopwordLists lists_of(std::vector<std::pair<std::string, std::string>> files) {
  Diagnostics diagnostics;
  StopwordLists lists = StopwordLists::parse(files, diagnostics);
  REQUIRE(diagnostics.items().empty());
  return lists;
}

BlockFeatures measure(std::string_view text, const StopwordLists& lists, int language = 0) {
  return measure_block(text, 0, lists, language, CharsPerWord{});
}
}  // namespace

TEST_CASE("decoding: ASCII, multi-byte, malformed and truncated sequences", "[text]") {
  using unicode::decode;
  CHECK(decode("a", 0).value == U'a');
  const unicode::CodePoint umlaut = decode("\xC3\x84", 0);  // Ä
  CHECK(umlaut.value == 0xC4);
  CHECK(umlaut.length == 2);
  CHECK(decode("\xE6\x9D\xB1", 0).value == 0x6771);      // 東
  CHECK(decode("\xF0\x9F\x98\x80", 0).value == 0x1F600);  // an emoji, four bytes
  for (std::string_view bad : {"\xFF" "a", "\x80", "\xC3", "\xC3" "A", "\xE6\x9D"}) {
    const unicode::CodePoint c = decode(bad, 0);
    CHECK_FALSE(c.valid);
    CHECK(c.value == U'\uFFFD');
    CHECK(c.length == 1);  // one byte consumed: a scan always moves on
  }
  CHECK(unicode::decode_before("x\xC3\x84", 3).value == 0xC4);
  CHECK_FALSE(unicode::decode_before("x\x84", 2).valid);
  char bytes[4];
  CHECK(std::string(bytes, unicode::encode(0x142, bytes)) == "\xC5\x82");  // ł
}

TEST_CASE("case folding: Latin, Greek, Cyrillic and Armenian capitals", "[text]") {
  using unicode::fold_case;
  CHECK(fold_case(U'A') == U'a');
  CHECK(fold_case(0xC4) == 0xE4);    // Ä
  CHECK(fold_case(0xC9) == 0xE9);    // É
  CHECK(fold_case(0xD7) == 0xD7);    // × is no letter
  CHECK(fold_case(0x141) == 0x142);  // Ł
  CHECK(fold_case(0x179) == 0x17A);  // Ź (odd capitals)
  CHECK(fold_case(0x178) == 0xFF);   // Ÿ
  CHECK(fold_case(0x130) == U'i');   // İ
  CHECK(fold_case(0x414) == 0x434);  // Д
  CHECK(fold_case(0x401) == 0x451);  // Ё
  CHECK(fold_case(0x3A3) == 0x3C3);  // Σ
  CHECK(fold_case(0x3C2) == 0x3C2);  // ς stays: a final sigma is a small letter
  CHECK(fold_case(0x388) == 0x3AD);  // Έ
  CHECK(fold_case(0x38F) == 0x3CE);  // Ώ
  CHECK(fold_case(0x387) == 0x387);  // · the Greek semicolon
  CHECK(fold_case(0x218) == 0x219);  // Ș (Romanian)
  CHECK(fold_case(0x21B) == 0x21B);  // ț
  CHECK(fold_case(0x490) == 0x491);  // Ґ (Ukrainian)
  CHECK(fold_case(0x4C1) == 0x4C2);  // Ӂ (odd capitals)
  CHECK(fold_case(0x4C0) == 0x4CF);  // Ӏ
  CHECK(fold_case(0x1EA0) == 0x1EA1);  // Ạ (Vietnamese)
  CHECK(fold_case(0x1EDE) == 0x1EDF);  // Ở
  CHECK(fold_case(0x1E9E) == 0xDF);    // ẞ
  CHECK(fold_case(0x531) == 0x561);    // Ա
  CHECK(fold_case(0xFF21) == 0xFF41);  // Ａ
  CHECK(fold_case(0xFF20) == 0xFF20);  // ＠ and ［, either side of the full-width capitals
  CHECK(fold_case(0xFF3B) == 0xFF3B);
  CHECK(fold_case(0x2013) == 0x2013);  // – and 中: past the table, nothing to fold
  CHECK(fold_case(0x4E2D) == 0x4E2D);
  CHECK(fold_case(0x7FF) == 0x7FF);    // the table's last entry, and the first past it
  CHECK(fold_case(0x800) == 0x800);
  CHECK(unicode::is_upper(0xC9));
  CHECK_FALSE(unicode::is_upper(0xE9));
  CHECK(unicode::is_letter(0x6771));
  CHECK(unicode::is_cjk(0x6771));
  CHECK_FALSE(unicode::is_letter(0x2022));  // bullet
  CHECK_FALSE(unicode::is_letter(0x1F600));
  CHECK(unicode::is_space(0xA0));
  CHECK_FALSE(unicode::is_space(U'x'));
}

TEST_CASE("tokeniser: words break at apostrophes, digits and script changes", "[score]") {
  const StopwordLists lists = lists_of({{"stopwords/fr.txt", "l\nun\n"}});
  // L | homme | fois | 东京 (one CJK run of 2 characters) | tower
  const BlockFeatures f = measure("L'homme, 3 fois: \xE4\xB8\x9C\xE4\xBA\xAC tower", lists);
  CHECK(f.alpha_words == 4);
  CHECK(f.cjk_chars == 2);
  CHECK(f.words == Approx(5.0));
  CHECK(f.stopwords == 1);  // "l"
  CHECK(f.title_words == 1);
  CHECK(f.digits == 1);
  // A CJK run next to Latin letters is a word of its own.
  const BlockFeatures mixed = measure("abc\xE4\xB8\x9C" "def", lists);
  CHECK(mixed.alpha_words == 2);
  CHECK(mixed.cjk_chars == 1);
  // A malformed byte is neither letter nor space: it splits a word and counts as a character.
  const BlockFeatures broken = measure("un\xFFun", lists);
  CHECK(broken.alpha_words == 2);
  CHECK(broken.stopwords == 2);
  CHECK(broken.chars == 5);
  CHECK(broken.letters == 4);
}

TEST_CASE("tokeniser: stopwords and capitals beyond ASCII", "[score]") {
  const StopwordLists lists =
      lists_of({{"stopwords/de.txt", "über\nund\n"}, {"stopwords/ru.txt", "что\nи\n"}, {"stopwords/pl.txt", "się\n"}});
  const BlockFeatures german = measure("ÜBER Straße UND Über", lists, 0);
  CHECK(german.alpha_words == 4);
  CHECK(german.stopwords == 3);    // ÜBER, UND, Über fold onto the list's words
  CHECK(german.title_words == 4);
  CHECK(german.caps_words == 2);   // ÜBER, UND
  const BlockFeatures russian = measure("ЧТО Москва и", lists, 1);
  CHECK(russian.stopwords == 2);
  CHECK(russian.title_words == 2);
  CHECK(russian.caps_words == 1);
  CHECK(measure("ŁÓDŹ SIĘ", lists, 2).stopwords == 1);
  CHECK(measure("Ä", lists).caps_words == 0);  // one letter is no all-caps word
  // Per-language hits: the same block counted against each list.
  CHECK(measure("und что и się", lists, 0).stopwords == 1);
  CHECK(measure("und что и się", lists, 1).stopwords == 2);
  CHECK(measure("und что и się", lists, -1).stopwords == 0);
}

TEST_CASE("tokeniser: the window pass detects the language and counts its stopwords", "[score]") {
  const StopwordLists lists = lists_of({{"stopwords/en.txt", "the\nof\nand\nis\na\n"}, {"stopwords/de.txt", "die\nund\nist\n"}});
  std::vector<Block> blocks(3);
  blocks[0].text = "Menu";
  blocks[1].text = "The history of the harbour is a long one, and the town is proud of it.";
  blocks[2].text = "The end of the story is a new bridge and a new harbour wall.";
  std::vector<BlockFeatures> features;
  std::vector<std::uint64_t> keys;
  MeasureScratch scratch;
  const LanguageGuess guess = measure_blocks(blocks, lists, LanguageThresholds{}, CharsPerWord{}, features, keys, scratch);
  CHECK(guess.language == 0);
  CHECK(guess.words == 1 + 16 + 14);
  REQUIRE(features.size() == 3);
  CHECK(features[1].stopwords == 9);
  CHECK(features[1].stopwords == measure_block(blocks[1].text, 0, lists, 0, CharsPerWord{}).stopwords);
  CHECK(keys[0] == repetition_key("MENU (2)"));
  CHECK(keys[1] != keys[2]);
}

TEST_CASE("repetition keys and title forms fold non-ASCII letters", "[score]") {
  CHECK(repetition_key("ÉTÉ à Łódź") == repetition_key("été À ŁÓDŹ!"));
  CHECK(repetition_key("Ab cd") == repetition_key("abc d"));  // letters only: spacing does not count
  CHECK(repetition_key("abcdefghijklmnopq") != repetition_key("abcdefghijklmnop"));
  CHECK(repetition_key("--- 12 ---") == 0U);
  std::string out;
  normalise_for_match("  Über DIE Brücke: 3 Tage  ", out);
  CHECK(out == "über die brücke 3 tage");
  normalise_for_match("\xFF", out);
  CHECK(out.empty());
}

TEST_CASE("phrase keys: long lines, runs of spaces and capitals across eight-byte chunks", "[text]") {
  std::string key;
  phrase_key("The Quick  BROWN Fox\tJumps over THE LAZY DOG, ABCDEFGHIJKLMNOPQRSTUVWXYZ 0123456789 [x] ~", key);
  CHECK(key == "the quick brown fox jumps over the lazy dog, abcdefghijklmnopqrstuvwxyz 0123456789 [x]");
  phrase_key("AAAAAAA  BBBBBBB   CCCCCCCC\r\nDDD", key);
  CHECK(key == "aaaaaaa bbbbbbb cccccccc ddd");
  phrase_key("Straße ÜBER Ärger ДОМ x", key);
  CHECK(key == "straße über ärger дом x");
  std::string appended = "prefix|";
  append_phrase_key("  MENU ", appended);
  CHECK(appended == "prefix|menu");
}

namespace {
// The phrase key the byte-by-byte way, for a line that starts and ends with a letter (so
// no decoration is trimmed): white space runs made one space, everything else folded.
std::string phrase_key_reference(std::string_view line) {
  std::string key;
  bool pending_space = false;
  for (std::size_t i = 0; i < line.size();) {
    const unicode::CodePoint c = unicode::decode(line, i);
    if (c.valid && unicode::is_space(c.value)) {
      pending_space = true;
    } else {
      if (pending_space) key += ' ';
      pending_space = false;
      append_lowercase(line.substr(i, c.length), key);
    }
    i += c.length;
  }
  return key;
}
}  // namespace

TEST_CASE("phrase keys: the eight- and sixteen-byte fast paths agree with the byte-by-byte rules", "[text]") {
  // Pieces that start, end and split the fast path's runs at every offset of a chunk.
  const std::vector<std::string> pieces = {"A", "b", "Z", "9", ":", " ", "  ", "\t", "\n", "\x01", "\x7F",
                                           "\xC3\xBC", "\xC3\x9C", "\xC2\xA0", "\xE3\x80\x80", "\xFF", "|", "-",
                                           "Word", "LONGER WORDS"};
  std::mt19937 random(20261123);
  std::string key;
  for (int round = 0; round < 5000; ++round) {
    std::string line = "x";
    const std::size_t count = random() % 40;
    for (std::size_t k = 0; k < count; ++k) line += pieces[random() % pieces.size()];
    line += "x";
    phrase_key(line, key);
    INFO(line);
    REQUIRE(key == phrase_key_reference(line));
  }
}

TEST_CASE("swar::load8 zero-pads a chunk near the end of the text, at every offset", "[text]") {
  const std::string text = "0123456789abcdefXYZ";
  for (std::size_t length = 0; length <= text.size(); ++length) {
    const std::string_view bytes = std::string_view(text).substr(0, length);
    for (std::size_t pos = 0; pos <= length; ++pos) {
      std::uint64_t expected = 0;
      for (std::size_t k = 0; k < 8 && pos + k < length; ++k)
        expected |= std::uint64_t{static_cast<unsigned char>(bytes[pos + k])} << (8 * k);
      INFO(length << " " << pos);
      CHECK(swar::load8(bytes, pos) == expected);
    }
  }
}

TEST_CASE("hash_string: the one-load tail hashes as the byte-by-byte tail does", "[text]") {
  const auto mix = [](std::uint64_t x) {
    x *= 0xFF51AFD7ED558CCDULL;
    return x ^ (x >> 32U);
  };
  const std::string text = "Phrase keys of every length, \xC3\xBC and all: 0123456789abcdefghijklmnop";
  for (std::size_t length = 0; length <= 64; ++length) {
    const std::string_view bytes = std::string_view(text).substr(0, length);
    std::uint64_t expected = 0x9E3779B97F4A7C15ULL ^ length;
    for (std::size_t at = 0; at < length; at += 8) {
      std::uint64_t chunk = 0;
      for (std::size_t k = 0; k < 8 && at + k < length; ++k)
        chunk |= std::uint64_t{static_cast<unsigned char>(bytes[at + k])} << (8 * k);
      expected = mix(expected ^ chunk);
    }
    INFO(length);
    CHECK(hash_string(bytes) == expected);
  }
}

TEST_CASE("string maps find every key, and only those", "[text]") {
  StringMap<int> map;
  for (int i = 0; i < 1000; ++i) map["key" + std::to_string(i)] = i;
  map[""] = -1;
  CHECK(map.size() == 1001);
  CHECK(map.max_key_size() == 6);
  for (int i = 0; i < 1000; ++i) {
    const int* value = map.find("key" + std::to_string(i));
    REQUIRE(value != nullptr);
    CHECK(*value == i);
  }
  CHECK(*map.find("") == -1);
  CHECK(map.find("key1000") == nullptr);
  CHECK(map.find("a much longer key than any") == nullptr);
  map["key7"] += 1;
  CHECK(*map.find("key7") == 8);
}
