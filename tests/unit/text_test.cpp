#include <catch2/catch.hpp>

#include "emit/text_emitter.h"
#include "test_support.h"
#include "text/normalize.h"

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
}

TEST_CASE("trimming handles Unicode spaces", "[text]") {
  CHECK(trim_space("\xC2\xA0 x \xE3\x80\x80") == "x");
  CHECK(trim_trailing_space("  x \t") == "  x");
  CHECK(count_words("  one two\tthree ") == 3);
  CHECK(count_words("") == 0);
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
