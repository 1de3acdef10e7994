// Hostile input: each page must come back without a stack overflow or quadratic time.
// Tree walks are iterative; Gumbo, quadratic on very deep nesting, hands such pages to
// libxml2 (parsers.h).
#include <catch2/catch.hpp>

#include <ctime>

#include "html/html_front_end.h"
#include "html/parsers.h"
#include "test_support.h"

using namespace declutter;

namespace {

std::string repeat(std::string_view piece, std::size_t times) {
  std::string out;
  out.reserve(piece.size() * times);
  for (std::size_t i = 0; i < times; ++i) out.append(piece);
  return out;
}

struct Timed {
  Document doc;
  double seconds = 0;
};

Timed extract(const std::string& html, HtmlParser parser, const DomRules& rules) {
  Timed out;
  // CPU time, not wall time: the bound is about our work, not the machine's load.
  const std::clock_t start = std::clock();
  build_html_document(html, parser, rules, out.doc);
  out.seconds = static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC;
  return out;
}

// Generous bounds (sanitizer builds and a busy machine); quadratic behaviour would blow
// past them by orders of magnitude.
constexpr double kSecondsLimit = 60;

}  // namespace

TEST_CASE("100,000 levels of nesting", "[html][hostile]") {
  testing::RuleList rules("html-drop div > div > div.x, .share, section p\n");
  Diagnostics diags;
  const DomRules compiled = DomRules::compile(rules.with(Action::html_drop), diags);
  for (std::string_view tag : {"div", "b", "span"}) {
    const std::string open = "<" + std::string(tag) + ">";
    const std::string html = "<body>" + repeat(open, 100000) + "deep text";
    CHECK(estimate_nesting(html) >= 100000);
    for (HtmlParser parser : {HtmlParser::libxml2, HtmlParser::gumbo}) {
      INFO(tag << (parser == HtmlParser::gumbo ? " gumbo" : " libxml2"));
      const Timed timed = extract(html, parser, compiled);
      REQUIRE_FALSE(timed.doc.blocks.empty());
      CHECK(timed.doc.blocks.back().text == "deep text");
      CHECK(timed.seconds < kSecondsLimit);
    }
  }
}

TEST_CASE("a million siblings", "[html][hostile]") {
  const std::string html = "<body><div>" + repeat("<p class=x>a</p>", 1000000) + "</div>";
  testing::RuleList rules("html-drop div .y, p.x + p\n");
  REQUIRE(rules.diagnostics.has_errors() == false);
  Diagnostics diags;
  const DomRules compiled = DomRules::compile(rules.with(Action::html_drop), diags);
  CHECK(diags.has_errors());  // '+' is unsupported; the rest compiles
  for (HtmlParser parser : {HtmlParser::libxml2, HtmlParser::gumbo}) {
    const Timed timed = extract(html, parser, compiled);
    CHECK(timed.doc.blocks.size() == 1000000);
    CHECK(timed.seconds < kSecondsLimit);
  }
}

TEST_CASE("a 10 MB attribute value and a 50 MB page", "[html][hostile]") {
  testing::RuleList rules("html-drop [class*=zzz], [data-x$=b]\n");
  Diagnostics diags;
  const DomRules compiled = DomRules::compile(rules.with(Action::html_drop), diags);
  const std::string attribute = "<body><div class=\"" + repeat("a ", 5000000) + "\" data-x=\"" +
                                std::string(10000000, 'b') + "\"><p>text</p></div>";
  for (HtmlParser parser : {HtmlParser::libxml2, HtmlParser::gumbo}) {
    const Timed timed = extract(attribute, parser, compiled);
    REQUIRE(timed.doc.blocks.size() == 1);
    CHECK(timed.doc.blocks[0].dropped());
    CHECK(timed.doc.elements[0].class_id.size() <= 200);
    CHECK(timed.seconds < kSecondsLimit);
  }
  const std::string_view piece = "<div class=post><h2>Heading</h2><p>Some <b>text</b> &amp; more text.</p></div>\n";
  const std::size_t count = 50000000 / piece.size() + 1;
  const std::string big = "<title>Big</title><body>" + repeat(piece, count);
  REQUIRE(big.size() > 50000000);
  const Timed timed = extract(big, HtmlParser::libxml2, compiled);
  CHECK(timed.doc.blocks.size() == 1 + 2 * count);
  CHECK(timed.seconds < kSecondsLimit);
}
