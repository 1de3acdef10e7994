#include <catch2/catch.hpp>

#include <algorithm>

#include "html/html_front_end.h"
#include "test_support.h"
#include "text/page_title.h"

using namespace declutter;

namespace {

struct Built {
  testing::RuleList rules;
  DomRules compiled;
  Document doc;

  Built(const std::string& html, const std::string& rule_text = "", HtmlParser parser = HtmlParser::libxml2)
      : rules(rule_text) {
    REQUIRE_FALSE(rules.diagnostics.has_errors());
    std::vector<const Rule*> all;
    for (const auto& rule : rules.file.rules) all.push_back(&rule);
    Diagnostics diags;
    compiled = DomRules::compile(all, diags);
    REQUIRE_FALSE(diags.has_errors());
    build_html_document(html, parser, compiled, doc);
  }

  std::vector<std::string> texts(bool kept_only = false) const {
    std::vector<std::string> out;
    for (const auto& block : doc.blocks)
      if (!kept_only || block.kept()) out.emplace_back(block.text);
    return out;
  }
};

using Texts = std::vector<std::string>;

}  // namespace

TEST_CASE("blocks follow block elements; inline elements never split words", "[html]") {
  for (HtmlParser parser : {HtmlParser::libxml2, HtmlParser::gumbo}) {
    Built built(
        "<html><head><title>T</title><style>p{}</style><script>var x = '<p>no</p>';</script></head><body>"
        "<p>  One <b>W</b>ord   and\n <i>two</i> </p><div>loose <span>div</span> text<p>inner</p>after</div>"
        "<ul><li>first</li><li>second <a href=#>link</a></li></ul><h2>Sub</h2><blockquote>quoted</blockquote>"
        "<noscript>enable js</noscript><template><p>tpl</p></template><svg><text>svg</text></svg>"
        "<select><option>opt</option></select><figure><img alt=ignored><figcaption>cap</figcaption></figure>"
        "</body></html>",
        "", parser);
    INFO(static_cast<int>(parser));
    CHECK(built.texts() == Texts{"T", "One Word and two", "loose div text", "inner", "after", "first",
                                 "second link", "Sub", "quoted", "cap"});
    const auto& blocks = built.doc.blocks;
    const auto& elements = built.doc.elements;
    REQUIRE(elements.size() == blocks.size());
    CHECK(blocks[0].kind == BlockKind::title);
    CHECK(blocks[1].kind == BlockKind::paragraph);
    CHECK(elements[1].tag == "p");
    CHECK(elements[2].tag == "div");
    CHECK(blocks[5].kind == BlockKind::list_item);
    CHECK(elements[6].link_chars == 4);
    CHECK(blocks[7].kind == BlockKind::heading);
    CHECK(blocks[8].kind == BlockKind::quote);
    CHECK(blocks[9].kind == BlockKind::caption);
    for (const auto& block : blocks) CHECK(block.gap_before);
    CHECK(built.doc.title == "T");
  }
}

TEST_CASE("br, pre, tables and character references", "[html]") {
  for (HtmlParser parser : {HtmlParser::libxml2, HtmlParser::gumbo}) {
    Built built(
        "<body><p>line one<br>line two<br/>  line three</p><p>para A<br><br>para B</p>"
        "<pre>\n  keep   this\n    indented</pre>"
        "<table><tr><th>Name</th><th>Age</th></tr><tr><td>Ann</td><td>41</td></tr></table>"
        "<p>caf&eacute; &amp; &#x20AC;5 &lt;tag&gt; &nbsp;x &#8212; &quot;q&quot;</p></body>",
        "", parser);
    INFO(static_cast<int>(parser));
    CHECK(built.texts() == Texts{"line one\nline two\nline three", "para A", "para B", "  keep   this\n    indented",
                                 "Name\tAge", "Ann\t41",
                                 "caf\xC3\xA9 & \xE2\x82\xAC" "5 <tag> \xC2\xA0x \xE2\x80\x94 \"q\""});
    CHECK(built.doc.blocks[3].kind == BlockKind::preformatted);
    CHECK(built.doc.blocks[4].kind == BlockKind::table_cell);
  }
}

TEST_CASE("the main h1 becomes the title block, else the <title> without the site name", "[html]") {
  Built with_h1("<title>Storm Hits Coast | Daily Example</title><body><h1 class=logo>Daily Example</h1>"
                "<p>Intro</p><h1>Storm Hits Coast</h1><p>Body</p></body>");
  CHECK(with_h1.texts() == Texts{"Storm Hits Coast", "Daily Example", "Intro", "Body"});
  CHECK(with_h1.doc.blocks[0].kind == BlockKind::title);
  // Each block's element moves with it: the logo keeps its class, "Intro" its tag.
  REQUIRE(with_h1.doc.elements.size() == 4);
  CHECK(with_h1.doc.elements[0].tag == "h1");
  CHECK(with_h1.doc.elements[1].class_id == "logo");
  CHECK(with_h1.doc.elements[2].tag == "p");
  CHECK(with_h1.doc.title == "Storm Hits Coast | Daily Example");

  Built without_h1("<title>  Daily Example - A Long Headline About Rain </title><body><p>Body</p></body>");
  CHECK(without_h1.texts() == Texts{"A Long Headline About Rain", "Body"});
  REQUIRE(without_h1.doc.elements.size() == 2);
  CHECK(without_h1.doc.elements[0].tag == "title");
  CHECK(without_h1.doc.elements[1].tag == "p");
  CHECK(strip_site_name("Headline: a study of rain") == "Headline: a study of rain");
  CHECK(strip_site_name("Short - Much longer site name here") == "Much longer site name here");
  CHECK(strip_site_name("Rain Again \xE2\x80\xA2 Daily") == "Rain Again");

  // A <title> too long to be one (kLongestTitle) names no <h1>: the first is taken.
  std::string garbage_title = "Storm Hits Coast";
  while (garbage_title.size() <= kLongestTitle) garbage_title += " and more words";
  Built long_title("<title>" + garbage_title + "</title><body><h1>Daily Example</h1><p>Intro</p><h1>Storm Hits Coast</h1></body>");
  CHECK(long_title.texts().front() == "Daily Example");

  Built dropped_h1("<title>Fallback title</title><body><header><h1>Site</h1><nav>x</nav></header><p>Body</p></body>",
                   "html-drop header\n");
  CHECK(dropped_h1.texts(true) == Texts{"Fallback title", "Body"});
}

TEST_CASE("DOM rules mark blocks without erasing them", "[html]") {
  const std::string page =
      "<body><nav><a href=/>Home</a></nav><article class=post><h1>Head</h1><p>Keep me</p>"
      "<div class=share>Share this</div><aside class=box><p class=keepme>Protected</p><p>Gone</p></aside>"
      "<p>Text <span class=ad>AD</span> more</p></article><footer>Foot</footer></body>";
  Built built(page,
              "html-drop nav, footer, .share\n"
              "html-drop aside\n"
              "html-keep .keepme\n"
              "html-drop .ad\n");
  CHECK(built.texts() == Texts{"Head", "Home", "Keep me", "Share this", "Protected", "Gone", "Text", "AD", "more",
                               "Foot"});
  CHECK(built.texts(true) == Texts{"Head", "Keep me", "Protected", "Text", "more"});
  const Block& home = built.doc.blocks[1];
  CHECK(home.verdict == Verdict::drop);
  CHECK(home.decider == Decider::dom_rule);
  REQUIRE(home.rule != nullptr);
  CHECK(home.rule->origin.line == 1);
  const Block& gone = built.doc.blocks[5];
  REQUIRE(gone.rule != nullptr);
  CHECK(gone.rule->origin.line == 2);
  const Block& kept = built.doc.blocks[4];
  CHECK(kept.verdict == Verdict::keep);
  CHECK(kept.rule->origin.line == 3);
  CHECK(built.doc.blocks[7].rule->origin.line == 4);
  CHECK(built.doc.elements[2].class_id == "post");
  CHECK(built.doc.elements[4].class_id == "keepme box post");

  Built rooted(page, "html-root article\nhtml-keep footer\n");
  CHECK(rooted.texts(true) == Texts{"Head", "Keep me", "Share this", "Protected", "Gone", "Text AD more", "Foot"});
  CHECK(rooted.doc.blocks[1].rule->action == Action::html_root);

  Built xpath(page, "html-drop xpath://p[contains(., 'Gone')] | //nav\n");
  CHECK(xpath.texts(true) == Texts{"Head", "Keep me", "Share this", "Protected", "Text AD more", "Foot"});

  Built body_class("<body class='has-cookie-banner'><p>Text</p></body>", "html-drop [class*=cookie]\n");
  CHECK(body_class.texts(true) == Texts{"Text"});
}

TEST_CASE("both parsers read malformed markup", "[html]") {
  const std::string page =
      "<body><p>One <b>bold <i>both</b> italic</i> end<p>Two<div>Block</span> after</div>"
      "<table><td>cell<tr><td>next</table><li>stray item</body>";
  for (HtmlParser parser : {HtmlParser::libxml2, HtmlParser::gumbo}) {
    INFO(static_cast<int>(parser));
    Built built(page, "", parser);
    const auto texts = built.texts();
    REQUIRE(texts.size() >= 5);
    CHECK(texts[0] == "One bold both italic end");
    CHECK(texts[1] == "Two");
    CHECK(texts[2] == "Block after");
    CHECK(texts.back() == "stray item");
  }
}

TEST_CASE("what follows </html> is read, a second document too, by both parsers", "[html]") {
  // Pages joined into one, or a CMS that writes a second document after the first: libxml2
  // makes a second root element of it, HTML5 parsers put it in the body.
  const std::string page =
      "<!DOCTYPE html><html><head><title>T</title></head><body><p>First page.</p></body></html>\n"
      "<p>Stray after the end.</p>\n"
      "<!DOCTYPE html><html lang=de><head><title>T2</title><script>var x;</script></head>"
      "<body><div><p>Second page.</p></div><ul><li>Item</li></ul></body></html>";
  for (HtmlParser parser : {HtmlParser::libxml2, HtmlParser::gumbo}) {
    INFO(static_cast<int>(parser));
    Built built(page, "", parser);
    const Texts texts = built.texts();
    REQUIRE(texts.size() >= 4);
    CHECK(texts[0] == "T");
    CHECK(texts[1] == "First page.");
    CHECK(texts[2] == "Stray after the end.");
    CHECK(std::find(texts.begin(), texts.end(), "Second page.") != texts.end());
    CHECK(texts.back() == "Item");
    CHECK(std::find(texts.begin(), texts.end(), "var x;") == texts.end());
  }
}

TEST_CASE("the document is replaced, not appended to", "[html]") {
  DomRules none;
  Document doc;
  HtmlFrontEnd front_end;
  front_end.build("<p>first page</p>", HtmlParser::libxml2, none, MetadataWords{}, doc);
  front_end.build("<p>second</p>", HtmlParser::gumbo, none, MetadataWords{}, doc);
  REQUIRE(doc.blocks.size() == 1);
  CHECK(doc.blocks[0].text == "second");
  front_end.build("", HtmlParser::libxml2, none, MetadataWords{}, doc);
  CHECK(doc.blocks.empty());
}
