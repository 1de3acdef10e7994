#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

#include "html/decode.h"
#include "html/sniff.h"
#include "text/encoding.h"
#include "text/utf8.h"

using namespace declutter;

TEST_CASE("repair_utf8 keeps valid text and replaces each bad sequence once", "[encoding]") {
  std::string out;
  CHECK(repair_utf8("plain ascii", out));
  CHECK(out == "plain ascii");
  CHECK(repair_utf8("caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80", out));
  CHECK(out == "caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80");

  CHECK_FALSE(repair_utf8("caf\xE9 ok", out));  // latin-1 byte
  CHECK(out == "caf\xEF\xBF\xBD ok");
  CHECK_FALSE(repair_utf8("\xC0\xAF", out));  // overlong: two bad bytes
  CHECK(out == "\xEF\xBF\xBD\xEF\xBF\xBD");
  CHECK_FALSE(repair_utf8("\xED\xA0\x80x", out));  // surrogate
  CHECK(out == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBDx");
  CHECK_FALSE(repair_utf8("a\xE2\x82", out));  // truncated at the end: one replacement
  CHECK(out == "a\xEF\xBF\xBD");
  CHECK_FALSE(repair_utf8("\xF4\x90\x80\x80", out));  // past U+10FFFF
  CHECK(is_valid_utf8(""));
  CHECK_FALSE(is_valid_utf8("12345678\xFF"));
}

TEST_CASE("repair_utf8: fast ASCII skipping agrees with short inputs at every alignment", "[encoding]") {
  // ASCII bytes are never part of a multi-byte sequence, so repairing text made of pieces
  // separated by ASCII runs must equal repairing each piece alone (short: no fast path)
  // and joining the results, whatever the runs' lengths (every offset mod 32).
  const std::vector<std::string> pieces = {
      "\xC3\xA9", "\xE2\x82\xAC", "\xF0\x9F\x98\x80", "\xE9", "\xC0\xAF", "\xED\xA0\x80", "\xE2\x82",
      "\xF4\x90\x80\x80", "\xFF", "\x80", "\xBF\xBF", "\xC2", "\xF0\x9F\x98", "\xDF\xBF", "\xE0\xA0\x80",
      "\xEF\xBF\xBD", "\xC3\xA9\xC3"};
  std::mt19937 random(5);
  std::string repaired;
  for (int round = 0; round < 3000; ++round) {
    std::string input;
    std::string expected;
    bool valid = true;
    const std::size_t count = 1 + random() % 4;
    for (std::size_t k = 0; k < count; ++k) {
      const std::string ascii(1 + random() % 40, static_cast<char>('a' + k));
      input += ascii;
      expected += ascii;
      const std::string& piece = pieces[random() % pieces.size()];
      valid = repair_utf8(piece, repaired) && valid;
      input += piece;
      expected += repaired;
    }
    const std::string tail(random() % 40, 'z');
    input += tail;
    expected += tail;
    INFO(input);
    REQUIRE(repair_utf8(input, repaired) == valid);
    REQUIRE(repaired == expected);
    REQUIRE(is_valid_utf8(input) == valid);
  }
}

TEST_CASE("decode_text_bytes honours BOMs", "[encoding]") {
  std::string out;
  decode_text_bytes("\xEF\xBB\xBFHello", out);
  CHECK(out == "Hello");
  decode_text_bytes(std::string_view("\xFF\xFEH\0i\0\xAC\x20", 8), out);
  CHECK(out == "Hi\xE2\x82\xAC");
  decode_text_bytes(std::string_view("\xFE\xFF\0H\xD8\x3D\xDE\x00", 8), out);
  CHECK(out == "H\xF0\x9F\x98\x80");
  decode_text_bytes(std::string_view("\xFF\xFE\x00\xD8x\0", 6), out);  // lone surrogate
  CHECK(out == "\xEF\xBF\xBDx");
  CHECK(decode_text_bytes(std::string_view("\xFF\xFEH\0", 4), out, "WINDOWS-1251").encoding == "UTF-16LE");  // the mark wins
  CHECK(out == "H");
}

TEST_CASE("decode_text_bytes: UTF-8, else windows-1252 for single-byte text, else repair", "[encoding]") {
  std::string out;
  Decoding utf8 = decode_text_bytes("caf\xC3\xA9", out);
  CHECK(out == "caf\xC3\xA9");
  CHECK((utf8.encoding == "UTF-8" && !utf8.repaired && !utf8.guessed));

  // Every non-ASCII byte fails as UTF-8: a Latin-1 or windows-1252 dump.
  Decoding latin1 = decode_text_bytes("na\xEFve \x93quoted\x94 \x80 5", out);
  CHECK(out == "na\xC3\xAFve \xE2\x80\x9Cquoted\xE2\x80\x9D \xE2\x82\xAC 5");
  CHECK((latin1.encoding == "WINDOWS-1252" && latin1.guessed && !latin1.repaired));

  // Mostly UTF-8 with a stray byte: UTF-8, repaired, so the UTF-8 letters do not turn into
  // mojibake.
  Decoding stray = decode_text_bytes("\xC3\xA9t\xC3\xA9 \xC3\xA0 caf\xE9", out);
  CHECK(out == "\xC3\xA9t\xC3\xA9 \xC3\xA0 caf\xEF\xBF\xBD");
  CHECK((stray.encoding == "UTF-8" && stray.repaired && !stray.guessed));

  // --encoding: the bytes are read as named, even when they would also pass as UTF-8.
  Decoding forced = decode_text_bytes("\xCA\xE0\xF4\xE5", out, "WINDOWS-1251");
  CHECK(out == "\xD0\x9A\xD0\xB0\xD1\x84\xD0\xB5");
  CHECK((forced.encoding == "WINDOWS-1251" && !forced.guessed));
  decode_text_bytes("caf\xC3\xA9", out, "WINDOWS-1252");
  CHECK(out == "caf\xC3\x83\xC2\xA9");
  CHECK(decode_text_bytes("caf\xE9", out, "UTF-8").repaired);
  CHECK(out == "caf\xEF\xBF\xBD");
  decode_text_bytes(std::string_view("H\0i\0", 4), out, "UTF-16LE");
  CHECK(out == "Hi");

  // The transport's charset: read as declared, unless the bytes are valid UTF-8.
  Decoding declared = decode_text_bytes("\xCA\xE0\xF4\xE5", out, {}, "WINDOWS-1251");
  CHECK(out == "\xD0\x9A\xD0\xB0\xD1\x84\xD0\xB5");
  CHECK((declared.encoding == "WINDOWS-1251" && !declared.guessed));
  CHECK(decode_text_bytes("caf\xC3\xA9", out, {}, "WINDOWS-1252").encoding == "UTF-8");
  CHECK(out == "caf\xC3\xA9");
  decode_text_bytes("\xCA\xE0\xF4\xE5", out, "ISO-8859-5", "WINDOWS-1251");  // --encoding beats it
  CHECK(out == "\xD0\xAA\xD1\x80\xD1\x94\xD1\x85");  // ISO-8859-5 reads them otherwise
}

TEST_CASE("invalid_sequence_count counts what repair_utf8 replaces", "[encoding]") {
  for (std::string_view input : {"", "plain", "caf\xC3\xA9", "caf\xE9 cr\xE8me", "\xC0\xAF", "\xED\xA0\x80x",
                                 "a\xE2\x82", "\xF0\x9F\x98\x80\xFF\xFE"}) {
    std::string repaired;
    repair_utf8(input, repaired);
    std::size_t replacements = 0;
    for (std::size_t at = repaired.find("\xEF\xBF\xBD"); at != std::string::npos; at = repaired.find("\xEF\xBF\xBD", at + 3))
      ++replacements;
    INFO(input);
    CHECK(invalid_sequence_count(input) == replacements);
  }
}

TEST_CASE("encoding_for_option reads UTF-16 labels as UTF-16", "[encoding]") {
  CHECK(encoding_for_option(" Latin1 ") == "WINDOWS-1252");
  CHECK(encoding_for_option("utf-16") == "UTF-16LE");
  CHECK(encoding_for_option("UTF-16BE") == "UTF-16BE");
  CHECK(encoding_for_option("utf8") == "UTF-8");
  CHECK(encoding_for_option("koi8-r") == "KOI8-R");
  CHECK(encoding_for_option("klingon").empty());
}

TEST_CASE("looks_like_html sniffs the start of the input only", "[encoding]") {
  CHECK(looks_like_html("<!DOCTYPE html><html>"));
  CHECK(looks_like_html("\xEF\xBB\xBF  <!-- generated -->\n<html lang=en>"));
  CHECK(looks_like_html("<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\">"));
  CHECK(looks_like_html("<div class=\"x\">fragment</div>"));
  CHECK(looks_like_html("<P>Upper case"));
  CHECK(looks_like_html("\n\n<meta charset=utf-8>"));
  CHECK_FALSE(looks_like_html("A headline\n\nText that mentions <p> tags and <div> later."));
  CHECK_FALSE(looks_like_html("<3 love letters"));
  CHECK_FALSE(looks_like_html("<pre-order now>"));
  CHECK_FALSE(looks_like_html(""));
}

TEST_CASE("charset declarations are found the way browsers find them", "[encoding]") {
  CHECK(find_declared_charset("<html><head><meta charset=\"ISO-8859-1\">") == "iso-8859-1");
  CHECK(find_declared_charset("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">") ==
        "windows-1252");
  CHECK(find_declared_charset("<META CONTENT='text/html;charset=Shift_JIS' HTTP-EQUIV='content-type'>") == "shift_jis");
  CHECK(find_declared_charset("<?xml version=\"1.0\" encoding=\"ISO-8859-2\"?><html>") == "iso-8859-2");
  CHECK(find_declared_charset("<!-- <meta charset=koi8-r> --><meta charset=utf-8>") == "utf-8");
  CHECK(find_declared_charset("<meta name=description content=\"charset=nothing\"><p>") == "nothing");
  CHECK(find_declared_charset("<html><body>no declaration</body>").empty());
  CHECK(find_declared_charset("<meta charset=\"utf-8><p>never closed").empty());
  CHECK(charset_in_content_type("text/html; charsetx; charset = 'koi8-r'") == "koi8-r");
  CHECK(charset_in_content_type("text/html; charset=\"utf-8").empty());
  CHECK(charset_in_content_type("text/html;charset=utf-8;q=1") == "utf-8");

  CHECK(encoding_for_label("ISO-8859-1") == "WINDOWS-1252");
  CHECK(encoding_for_label("latin1") == "WINDOWS-1252");
  CHECK(encoding_for_label("us-ascii") == "WINDOWS-1252");
  CHECK(encoding_for_label("gb2312") == "GB18030");
  CHECK(encoding_for_label("Shift_JIS") == "CP932");
  CHECK(encoding_for_label("utf-16") == "UTF-8");
  CHECK(encoding_for_label("windows-1250") == "WINDOWS-1250");
  CHECK(encoding_for_label("iso8859-2") == "ISO-8859-2");
  CHECK(encoding_for_label("no-such-charset").empty());
}

TEST_CASE("decode_html_bytes converts legacy pages and repairs UTF-8 ones", "[encoding]") {
  std::string out;
  auto result = decode_html_bytes("<meta charset=iso-8859-1><p>Gr\xFC\xDF Gott \x80 \x93quoted\x94</p>", out);
  CHECK(result.encoding == "WINDOWS-1252");  // WHATWG: latin1 means windows-1252
  CHECK(out == "<meta charset=iso-8859-1><p>Gr\xC3\xBC\xC3\x9F Gott \xE2\x82\xAC \xE2\x80\x9Cquoted\xE2\x80\x9D</p>");

  result = decode_html_bytes("<meta charset=windows-1250><p>\x9Alechta</p>", out);
  CHECK(out == "<meta charset=windows-1250><p>\xC5\xA1lechta</p>");

  result = decode_html_bytes("<meta charset=gb2312><p>\xD6\xD0\xCE\xC4</p>", out);
  CHECK(out == "<meta charset=gb2312><p>\xE4\xB8\xAD\xE6\x96\x87</p>");

  result = decode_html_bytes("<meta charset=shift_jis><p>\x93\xFA\x96\x7B</p>", out);
  CHECK(out == "<meta charset=shift_jis><p>\xE6\x97\xA5\xE6\x9C\xAC</p>");

  result = decode_html_bytes("<meta charset=utf-8><p>caf\xC3\xA9 and a stray \xE9 byte</p>", out);
  CHECK(result.encoding == "UTF-8");
  CHECK(result.repaired);
  CHECK(out == "<meta charset=utf-8><p>caf\xC3\xA9 and a stray \xEF\xBF\xBD byte</p>");

  // Mislabelled: declares latin1, but every byte is UTF-8.
  decode_html_bytes("<meta charset=iso-8859-1><p>caf\xC3\xA9</p>", out);
  CHECK(out == "<meta charset=iso-8859-1><p>caf\xC3\xA9</p>");

  // No declaration, plainly single-byte text: windows-1252 rather than a row of U+FFFD.
  decode_html_bytes("<p>Caf\xE9 cr\xE8me br\xFBl\xE9" "e</p>", out);
  CHECK(out == "<p>Caf\xC3\xA9 cr\xC3\xA8me br\xC3\xBBl\xC3\xA9\x65</p>");

  decode_html_bytes("\xEF\xBB\xBF<p>bom</p>", out);
  CHECK(out == "<p>bom</p>");
  decode_html_bytes(std::string_view("\xFF\xFE<\0p\0>\0", 8), out);
  CHECK(out == "<p>");
  decode_html_bytes(std::string_view("<p>a\0b</p>", 10), out);
  CHECK(out == "<p>ab</p>");
}

TEST_CASE("decode_html_bytes: --encoding overrides the declared charset and the guess", "[encoding]") {
  std::string out;
  Decoding result = decode_html_bytes("<meta charset=iso-8859-1><p>\xCA\xE0\xF4\xE5</p>", out, "WINDOWS-1251");
  CHECK(result.encoding == "WINDOWS-1251");
  CHECK(out == "<meta charset=iso-8859-1><p>\xD0\x9A\xD0\xB0\xD1\x84\xD0\xB5</p>");
  result = decode_html_bytes("<p>Caf\xE9</p>", out);
  CHECK((result.encoding == "WINDOWS-1252" && result.guessed));
  result = decode_html_bytes("<meta charset=windows-1252><p>Caf\xE9</p>", out);
  CHECK((result.encoding == "WINDOWS-1252" && !result.guessed));
}

TEST_CASE("undecodable bytes in a legacy encoding become U+FFFD", "[encoding]") {
  std::string out;
  REQUIRE(convert_to_utf8("a\x81z", "WINDOWS-1252", out));  // 0x81 is unassigned in glibc's CP1252
  CHECK(out == "a\xEF\xBF\xBDz");
  CHECK_FALSE(convert_to_utf8("x", "NO-SUCH-ENCODING", out));
}
