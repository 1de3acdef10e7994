#include <catch2/catch.hpp>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "emit/text_emitter.h"
#include "test_support.h"
#include "text/normalize.h"
#include "text/page_title.h"
#include "text/unicode.h"

using namespace declutter;
using namespace declutter::testing;

TEST_CASE("phrase keys fold case, spacing and decoration", "[text]") {
  std::string key;
  phrase_key("  •  Main\t MENU  |", key);
  CHECK(key == "main menu");
  phrase_key("\xC2\xA0\xE2\x80\x94 Über UNS \xE2\x80\xBA", key);  // NBSP, em dash, U+203A
  CHECK(key == "über uns");
  phrase_key("ПОДПИСАТЬСЯ", key);
  CHECK(key == "подписаться");
  phrase_key("Date:", key);
  CHECK(key == "date:");
  phrase_key("|||", key);
  CHECK(key.empty());
  phrase_key("bad \xFF byte", key);
  CHECK(key == "bad \xFF byte");
  phrase_key("News\xC2\xADlet\xC2\xADter abon\xC2\xADnie\xC2\xADren", key);  // soft hyphens
  CHECK(key == "newsletter abonnieren");
  // Arrows of all four directions decorate a link ("Antwort ↓", "↑ nach oben").
  phrase_key("Antwort \xE2\x86\x93", key);
  CHECK(key == "antwort");
  phrase_key("\xE2\x86\x91 nach oben", key);
  CHECK(key == "nach oben");
  char buffer[64];
  CHECK(std::string_view(buffer, write_phrase_key("Reply \xE2\x86\x93", buffer)) == "reply");
}

TEST_CASE("trimming handles Unicode spaces", "[text]") {
  CHECK(trim_space("\xC2\xA0 x \xE3\x80\x80") == "x");
  CHECK(trim_trailing_space("  x \t") == "  x");
  CHECK(count_words("  one two\tthree ") == 3);
  CHECK(count_words("") == 0);
  CHECK(count_words("eight by eight bytes, and then some\xC2\xA0more\xE3\x80\x80words \xFF end") == 11);
}

TEST_CASE("count_words: the eight-byte path counts as one character at a time does", "[text]") {
  const auto one_at_a_time = [](std::string_view text) {
    std::size_t words = 0;
    bool in_word = false;
    for (std::size_t i = 0; i < text.size();) {
      const unicode::CodePoint c = unicode::decode(text, i);
      const bool space = c.valid && unicode::is_space(c.value);
      words += !space && !in_word ? 1 : 0;
      in_word = !space;
      i += c.length;
    }
    return words;
  };
  const std::vector<std::string> pieces = {"a", "bc", " ", "  ", "\t", "\n", "\r\n", "\xC2\xA0", "\xE3\x80\x80",
                                           "\xC3\xA9", "\xFF", std::string(1, '\0'), "\x1F", "!"};
  std::minstd_rand random(7);
  for (int round = 0; round < 20000; ++round) {
    std::string text;
    const std::size_t count = random() % 24;
    for (std::size_t k = 0; k < count; ++k) text += pieces[random() % pieces.size()];
    INFO(text);
    REQUIRE(count_words(text) == one_at_a_time(text));
  }
}

TEST_CASE("other white space and soft hyphens found and made plain, past every fast path", "[text]") {
  const auto plain = [](const std::string& text) {
    std::string out(text.size(), '\0');
    out.resize(write_plain(text, out.data()));
    return out;
  };
  CHECK(find_unplain("plain words only") == std::string_view::npos);
  CHECK(find_unplain("") == std::string_view::npos);
  // Quotes, dashes and umlauts share lead bytes with spaces but are none.
  CHECK(find_unplain("\xE2\x80\x99quoted\xE2\x80\x9D \xE2\x80\x93 gr\xC3\xBC\xC3\x9F \xC2\xA9") == std::string_view::npos);
  CHECK(plain("z\xC2\xA0" "cookies") == "z cookies");
  CHECK(find_unplain("News\xC2\xADletter") == 4);
  CHECK(plain("Zur News\xC2\xADlet\xC2\xADter-Anmel\xC2\xAD" "dung") == "Zur Newsletter-Anmeldung");
  CHECK(plain("a\tb\nc\r\nd") == "a b c  d");
  CHECK(plain("10\xE2\x80\xAF" "000 \xE2\x80\x89km\xE3\x80\x80x\xEF\xBB\xBFy") == "10 000  km x y");
  // At every offset, so that the sixteen-byte skip, the load ending with the text and the
  // padded short text are all crossed.
  for (std::size_t size = 1; size <= 40; ++size) {
    for (std::size_t at = 0; at < size; ++at) {
      std::string text(size, 'a');
      text[at] = '\n';
      INFO("size " << size << " at " << at);
      CHECK(find_unplain(text) == at);
      std::string nbsp = text.substr(0, at) + "\xC2\xA0" + text.substr(at + 1);
      CHECK(find_unplain(nbsp) == at);
      CHECK(plain(nbsp) == std::string(at, 'a') + " " + std::string(size - at - 1, 'a'));
    }
    CHECK(find_unplain(std::string(size, 'a')) == std::string_view::npos);
  }
  CHECK(find_unplain("bad \xFF\xC2 byte") == std::string_view::npos);
}

TEST_CASE("segmentation: LF, CRLF, lone CR, blank runs", "[text]") {
  Document doc = text_document("a\r\nb\rc\n\n\n  \nd");
  REQUIRE(doc.blocks.size() == 4);
  CHECK(doc.blocks[0].text == "a");
  CHECK(doc.blocks[1].text == "b");
  CHECK(doc.blocks[2].text == "c");
  CHECK(doc.blocks[3].text == "d");
  CHECK(doc.blocks[3].gap_before);
  CHECK_FALSE(doc.blocks[1].gap_before);
  CHECK(doc.blocks[3].line == 7);
  CHECK(text_document("").blocks.empty());
}

TEST_CASE("emitter applies the output convention", "[text]") {
  std::string out;
  Document doc = text_document("\n\nTitle  \n\nDrop me\n\n\nPara one\nPara two\t\n\n");
  doc.decide(doc.blocks[1], Verdict::drop, Decider::rule);
  emit_text(doc, out);
  CHECK(out == "Title\n\nPara one\nPara two\n");
  Document none = text_document("x\n");
  none.decide(none.blocks[0], Verdict::drop, Decider::rule);
  emit_text(none, out);
  CHECK(out.empty());
  Document no_newline = text_document("last line");
  emit_text(no_newline, out);
  CHECK(out == "last line\n");
  Document dropped_between = text_document("A\nB\nC\n");
  dropped_between.decide(dropped_between.blocks[1], Verdict::drop, Decider::rule);
  emit_text(dropped_between, out);
  CHECK(out == "A\nC\n");
}

TEST_CASE("page title: whether the <title> opens with a headline", "[text]") {
  const auto opens_with = [](std::string_view title, std::string_view headline) {
    return title_opens_with(title, headline.size(), [&](std::string_view part) { return part == headline; });
  };
  CHECK(opens_with("Rain Again All Week | Daily Example", "Rain Again All Week"));
  CHECK(opens_with("Rain Again All Week - Daily - Weather", "Rain Again All Week"));
  CHECK_FALSE(opens_with("Daily - Rain All Week Long", "Rain All Week Long"));
  CHECK_FALSE(opens_with("Rain Again | Daily Example", "Rain Again"));
  CHECK(opens_with("Rain Again |", "Rain Again"));
  CHECK_FALSE(opens_with("Rain | Daily Example", "Daily Example"));
  CHECK_FALSE(opens_with("Daily Example \xC2\xBB Blog \xC2\xBB Rain Again", "Daily Example"));
  CHECK_FALSE(opens_with("Rain Again", "Rain Again"));

  // A hostile title of 100,000 separators: only parts about the headline's size are compared,
  // so the work stays linear in the title's length.
  std::string hostile;
  for (int i = 0; i < 100000; ++i) hostile += "Rain | ";
  std::size_t compared = 0;
  std::size_t longest = 0;
  CHECK_FALSE(title_opens_with(hostile, 10, [&](std::string_view part) {
    ++compared;
    longest = std::max(longest, part.size());
    return false;
  }));
  CHECK(longest <= 2 * 10 + 16);
  CHECK(compared < 10);
}
