// Hostile and broken input (issue 7): every class of bad input in docs/bad-input.md has a
// test here that shows what declutter does with it. "Finishes" bounds are generous on
// purpose: they catch hangs and blow-ups, not slow machines.
#include <catch2/catch.hpp>

#include <functional>
#include <random>
#include <string>

#include "cli/worker_processors.h"
#include "cli_support.h"
#include "corpus_harness.h"
#include "robustness_support.h"
#include "text/utf8.h"

using namespace declutter;
using namespace declutter::testing;

namespace {

std::string random_bytes(std::size_t size, std::uint32_t seed) {
  std::mt19937 generator(seed);
  std::uniform_int_distribution<int> byte(0, 255);
  std::string out(size, '\0');
  for (auto& c : out) c = static_cast<char>(byte(generator));
  return out;
}

}  // namespace

TEST_CASE("robustness: NUL bytes in text mode are kept, not a line end", "[robustness]") {
  auto engine = engine_for(InputFormat::text);
  REQUIRE(engine);
  const std::string page = std::string("Hello world, this is a sentence.\0with a NUL inside.\n", 52) +
                           "Second line of the text here.\n";
  CHECK(extract_with(*engine, page) == page);
}

TEST_CASE("robustness: binary garbage in text mode finishes and yields something", "[robustness]") {
  auto engine = engine_for(InputFormat::text);
  REQUIRE(engine);
  for (std::uint32_t seed : {1U, 2U, 3U}) {
    CpuClock clock;
    std::string out = extract_with(*engine, random_bytes(1 << 20, seed));
    CHECK(clock.seconds() < kFinishesWithinSeconds);
    CHECK_FALSE(out.empty());
    CHECK(is_valid_utf8(out));
  }
}

TEST_CASE("robustness: invalid UTF-8 in UTF-8 text is repaired with U+FFFD, the rest of the line kept", "[robustness]") {
  auto engine = engine_for(InputFormat::text);
  REQUIRE(engine);
  // A Latin-1 byte, a truncated sequence, an overlong slash, a surrogate, a stray continuation,
  // in a document that is otherwise UTF-8 (its first line).
  const std::string utf8_line = "Gr\xC3\xBC\xC3\x9F" "e aus K\xC3\xB6ln und sch\xC3\xB6ne Gr\xC3\xBC\xC3\x9F" "e, a sentence.\n";
  const std::string page = utf8_line + "Caf\xE9 au lait is a sentence here.\nBroken \xE2\x82 and \xC0\xAF and \xED\xA0\x80 "
                                       "and \x80 bytes in a line.\n";
  const std::string fffd = "\xEF\xBF\xBD";
  CHECK(extract_with(*engine, page) == utf8_line + "Caf" + fffd + " au lait is a sentence here.\nBroken " + fffd +
                                           " and " + fffd + fffd + " and " + fffd + fffd + fffd + " and " + fffd +
                                           " bytes in a line.\n");
}

TEST_CASE("robustness: text that is not UTF-8 at all is read as windows-1252", "[robustness]") {
  auto engine = engine_for(InputFormat::text);
  REQUIRE(engine);
  // Latin-1 / windows-1252 bytes only: no letter is lost to U+FFFD.
  const std::string page = "Caf\xE9 au lait and cr\xE8me br\xFBl\xE9" "e are sentences here.\n\x93Quoted\x94 \x96 a price of \x80" "5.\n";
  CHECK(extract_with(*engine, page) == "Caf\xC3\xA9 au lait and cr\xC3\xA8me br\xC3\xBBl\xC3\xA9" "e are sentences here.\n"
                                       "\xE2\x80\x9CQuoted\xE2\x80\x9D \xE2\x80\x93 a price of \xE2\x82\xAC" "5.\n");
}

TEST_CASE("robustness: UTF-16 with a BOM is converted; a UTF-8 BOM is dropped", "[robustness]") {
  auto engine = engine_for(InputFormat::text);
  REQUIRE(engine);
  const std::string text = "Gr\xC3\xBC\xC3\x9F Gott, a sentence in UTF-16.\r\nMenu\r\nA second line \xF0\x9F\x98\x80 here.\r\n";
  std::string le = "\xFF\xFE";
  std::string be = "\xFE\xFF";
  // Encode `text` as UTF-16 by hand: ASCII, two 2-byte letters, one astral emoji (a pair).
  auto units = [&](bool big) {
    std::string out;
    auto put = [&](unsigned unit) {
      char hi = static_cast<char>(unit >> 8), lo = static_cast<char>(unit & 0xFF);
      out += big ? hi : lo;
      out += big ? lo : hi;
    };
    for (std::size_t i = 0; i < text.size();) {
      auto c = static_cast<unsigned char>(text[i]);
      if (c < 0x80) { put(c); i += 1; }
      else if (c < 0xE0) { put(((c & 0x1Fu) << 6) | (static_cast<unsigned char>(text[i + 1]) & 0x3Fu)); i += 2; }
      else { put(0xD83D); put(0xDE00); i += 4; }  // the only 4-byte character in `text`
    }
    return out;
  };
  const std::string expected = "Gr\xC3\xBC\xC3\x9F Gott, a sentence in UTF-16.\nA second line \xF0\x9F\x98\x80 here.\n";
  CHECK(extract_with(*engine, le + units(false)) == expected);
  CHECK(extract_with(*engine, be + units(true)) == expected);
  CHECK(extract_with(*engine, "\xEF\xBB\xBF" + text) == expected);
}

TEST_CASE("robustness: CRLF and lone CR end lines; no CR reaches the output", "[robustness]") {
  auto engine = engine_for(InputFormat::text);
  REQUIRE(engine);
  CHECK(extract_with(*engine, "First line is a sentence.\rSecond line after lone CR.\r\nThird line after CRLF.\r\n") ==
        "First line is a sentence.\nSecond line after lone CR.\nThird line after CRLF.\n");
  CHECK(extract_with(*engine, "A paragraph of text here.\r\n\r\nAnother paragraph of text.\r\r") ==
        "A paragraph of text here.\n\nAnother paragraph of text.\n");
}

TEST_CASE("robustness: empty and blank input give empty output", "[robustness]") {
  auto engine = engine_for(InputFormat::text);
  REQUIRE(engine);
  CHECK(extract_with(*engine, "").empty());
  CHECK(extract_with(*engine, "\n\n  \t \r\n\r\r\n").empty());
}

TEST_CASE("robustness: a single line of several MB is kept whole", "[robustness]") {
  auto engine = engine_for(InputFormat::text);
  REQUIRE(engine);
  std::string words;
  while (words.size() < (4U << 20)) words += "lorem ipsum dolor sit amet, ";
  words += "end.";
  CpuClock clock;
  CHECK(extract_with(*engine, words) == words + "\n");
  const std::string letters(4U << 20, 'a');  // no space, no newline, no sentence end
  CHECK(extract_with(*engine, letters + "\n\nA sentence after the long line.\n").size() > letters.size());
  CHECK(clock.seconds() < kFinishesWithinSeconds);
}

TEST_CASE("robustness: a first line of 1 MB of words above 400,000 short lines finishes", "[robustness]") {
  // The first line of a text page is its title, which the scorer looks for in every block:
  // a "title" this long would cost the blocks times its length (minutes) if it were searched.
  auto engine = engine_for(InputFormat::text);
  REQUIRE(engine);
  std::mt19937 generator(7);
  std::uniform_int_distribution<int> letter('a', 'z');
  std::string words;
  while (words.size() < (1U << 20)) {
    for (int i = 0; i < 6; ++i) words += static_cast<char>(letter(generator));
    words += ' ';
  }
  std::string page = words + "\n";
  for (int line = 0; line < 400000; ++line) page += words.substr(static_cast<std::size_t>(line) * 7 % 500000, 20) + "\n";
  CpuClock clock;
  CHECK_FALSE(extract_with(*engine, page).empty());
  CHECK(clock.seconds() < kFinishesWithinSeconds);
}

TEST_CASE("robustness: a catastrophically backtracking rule is bounded, reported once, and the page survives",
          "[robustness][regex]") {
  TempDir dir;
  // The second branch keeps the prefilter from ruling the 'aaa…b' lines out by their last byte.
  write_file(dir.path / "common.rules", "set edge-trim off\nset dedupe off\ndrop /^(?:(a+)+$|x)/\ndrop \"Menu\"\n");
  std::string page = "Menu\n";
  for (int i = 0; i < 200; ++i) page += std::string(40 + static_cast<std::size_t>(i % 50), 'a') + "b\n";
  page += "aaaa\nA real sentence stays in the output.\n";
  WallClock clock;
  RunResult r = run_declutter("--rules " + shell_quote(dir.path.string()), page);
  CHECK(clock.seconds() < kFinishesWithinSeconds);
  CHECK(r.status == 0);
  // Every 'aaa…b' line hit the limit, so it counts as not matching and stays; the short
  // line the pattern can decide does match; the other rules still work.
  CHECK(r.out.find("Menu") == std::string::npos);
  CHECK(r.out.find("\naaaa\n") == std::string::npos);
  CHECK(r.out.find(std::string(40, 'a') + "b\n") != std::string::npos);
  CHECK(r.out.find("A real sentence stays in the output.\n") != std::string::npos);
  const std::string warning = "common.rules:3:6: warning: regex gave up at its backtracking limit";
  auto first = r.err.find(warning);
  CHECK(first != std::string::npos);
  CHECK(r.err.find(warning, first + 1) == std::string::npos);  // once, not once a line
}

TEST_CASE("robustness: a backtracking rule on one huge line gives up quickly", "[robustness][regex]") {
  const std::string rules = "set edge-trim off\ndrop /(a|aa)*c/\n";
  auto engine = engine_for(InputFormat::text, &rules);
  REQUIRE(engine);
  const std::string line(1U << 20, 'a');
  CpuClock clock;
  CHECK(extract_with(*engine, line) == line + "\n");
  CHECK(clock.seconds() < kFinishesWithinSeconds);
}

TEST_CASE("robustness: a rule file of binary garbage is reported, not run", "[robustness][rules]") {
  TempDir dir;
  write_file(dir.path / "common.rules", random_bytes(4096, 7) + "\ndrop \"Menu\"\n");
  RunResult r = run_declutter("--rules " + shell_quote(dir.path.string()), "Menu\nText of the page.\n");
  CHECK(r.status == 2);
  CHECK(r.out.empty());
  CHECK(r.err.find("common.rules:1:") != std::string::npos);
  CHECK(r.err.find("error:") != std::string::npos);
}

// --- HTML: each asserted as "finishes" with sane output, with both parsers -----------------

namespace {

void check_html(const std::string& page, const std::function<void(const std::string&)>& check) {
  for (HtmlParser parser : {HtmlParser::libxml2, HtmlParser::gumbo}) {
    INFO((parser == HtmlParser::libxml2 ? "libxml2" : "gumbo"));
    auto engine = engine_for(InputFormat::html, nullptr, parser);
    REQUIRE(engine);
    CpuClock clock;
    std::string out = extract_with(*engine, page);
    CHECK(clock.seconds() < kFinishesWithinSeconds);
    CHECK(is_valid_utf8(out));
    check(out);
  }
}

std::string repeat(std::string_view piece, std::size_t times) {
  std::string out;
  out.reserve(piece.size() * times);
  for (std::size_t i = 0; i < times; ++i) out += piece;
  return out;
}

const std::string kSentence = "Deep paragraph text with a full sentence here.";

}  // namespace

TEST_CASE("robustness: HTML nested 100,000 deep, closed and unclosed", "[robustness][html]") {
  const std::string paragraph = "<p>" + kSentence + "</p>";
  check_html("<html><body>" + repeat("<div>", 100000) + paragraph + repeat("</div>", 100000) + "</body></html>",
             [](const std::string& out) { CHECK(out == kSentence + "\n"); });
  check_html("<html><body>" + repeat("<div><span>", 100000) + paragraph,
             [](const std::string& out) { CHECK(out == kSentence + "\n"); });
  check_html("<html><body>" + repeat("<table><tr><td>", 30000) + paragraph,
             [](const std::string& out) { CHECK(out.find(kSentence) != std::string::npos); });
}

TEST_CASE("robustness: HTML with a million sibling elements", "[robustness][html]") {
  const std::string page = "<html><body><article><p>" + kSentence + "</p></article>" +
                           repeat("<span>x</span>", 1000000) + "</body></html>";
  // Inline siblings never split words: they make one block of a million letters.
  check_html(page, [](const std::string& out) {
    CHECK(out.rfind(kSentence + "\n", 0) == 0);
    CHECK(out.find(std::string(1000000, 'x')) != std::string::npos);
  });
}

TEST_CASE("robustness: HTML with a 10 MB attribute value", "[robustness][html]") {
  const std::string page = "<html><body><article><p title=\"" + std::string(10U << 20, 'v') + "\" class=\"" +
                           std::string(1U << 20, 'c') + "\">" + kSentence + "</p></article></body></html>";
  check_html(page, [](const std::string& out) { CHECK(out == kSentence + "\n"); });
}

TEST_CASE("robustness: HTML with malformed character references", "[robustness][html]") {
  const std::string page =
      "<html><body><p>Fish &amp chips &#; &#x; &#xZZ; &#99999999999; &#0; &#xD800; &bogus; &lt &AMP; "
      "&amp;amp; caf&eacute; and more text.</p></body></html>";
  check_html(page, [](const std::string& out) {
    CHECK(out.rfind("Fish ", 0) == 0);
    CHECK(out.find(" chips ") != std::string::npos);
    CHECK(out.find("&bogus;") != std::string::npos);
    CHECK(out.find("&amp;") != std::string::npos);  // "&amp;amp;" is one reference and "amp;"
    CHECK(out.find("caf\xC3\xA9 and more text.\n") != std::string::npos);
  });
}

TEST_CASE("robustness: HTML with an unclosed comment and unclosed CDATA", "[robustness][html]") {
  check_html("<html><body><p>" + kSentence + "</p><!-- never closed <p>hidden text here, a sentence.</p>",
             [](const std::string& out) { CHECK(out == kSentence + "\n"); });
  // HTML5 (Gumbo) reads a CDATA section outside SVG/MathML as a bogus comment and hides it;
  // libxml2's HTML 4 parser shows it as text. Either way nothing before it is lost.
  check_html("<html><body><p>" + kSentence + "</p><![CDATA[ never closed, a sentence.",
             [](const std::string& out) { CHECK(out.rfind(kSentence + "\n", 0) == 0); });
  check_html("<html><body><p>" + kSentence + "</p><svg><![CDATA[ never closed inside svg, a sentence.",
             [](const std::string& out) { CHECK(out.rfind(kSentence + "\n", 0) == 0); });
}

TEST_CASE("robustness: HTML of binary garbage and NUL bytes finishes", "[robustness][html]") {
  std::string page = "<html><body><p>" + kSentence + "</p>" + random_bytes(1 << 20, 11) + "</body></html>";
  check_html(page, [](const std::string& out) { CHECK(out.rfind(kSentence, 0) == 0); });
  check_html(std::string("<p>A\0 paragraph with NUL bytes, a sentence.</p>", 48),
             [](const std::string& out) { CHECK(out == "A paragraph with NUL bytes, a sentence.\n"); });
}

// --- Corpus mode: a document over --max-doc-bytes -------------------------------------------

TEST_CASE("robustness: a document over --max-doc-bytes passes through unchanged, with a warning",
          "[robustness][corpus]") {
  auto engine = engine_for(InputFormat::text);
  REQUIRE(engine);
  ProcessorFactory factory = worker_processors(*engine);
  const std::string small = "Menu\nA short document, one sentence.\n";
  const std::string big = "Menu\n" + std::string(200, 'w') + " is a long word.\n";
  RunOptions options;
  options.framing = Framing::null;
  options.max_doc_bytes = 100;
  options.jobs = 2;
  corpus_test::RunResult result =
      corpus_test::run_on(small + '\0' + big + '\0' + small + '\0', options, factory);
  CHECK(result.status == 0);  // a warning, not a failure: nothing was lost
  const std::string cleaned = "A short document, one sentence.\n";
  CHECK(result.output == cleaned + '\0' + big + '\0' + cleaned + '\0');
  CHECK(result.diagnostics ==
        "declutter: -: document 2: larger than --max-doc-bytes (100 bytes); passed through unchanged\n");
}
