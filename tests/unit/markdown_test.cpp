// --markdown: structure marked up from the HTML blocks, the words left as they are.
#include <catch2/catch.hpp>

#include <string>

#include "emit/markdown_emitter.h"
#include "emit/text_emitter.h"
#include "html/dom_rules.h"
#include "html/html_front_end.h"
#include "test_support.h"

using namespace declutter;
using declutter::testing::text_document;

namespace {
std::string markdown_of(const std::string& html) {
  const DomRules none;
  Document doc;
  build_html_document(html, HtmlParser::libxml2, none, doc);
  std::string out;
  emit_markdown(doc, out);
  return out;
}
}  // namespace

TEST_CASE("markdown: headings, lists, quotes and paragraphs", "[markdown]") {
  CHECK(markdown_of("<h1>Main title</h1><p>First paragraph.</p><h2>A section</h2><p>Text.</p>"
                    "<h3>Smaller</h3><ul><li>one</li><li>two<br>continued</li></ul><p>After the list.</p>"
                    "<blockquote>Quoted<br>twice<br><br>and a third time</blockquote>") ==
        "# Main title\n\nFirst paragraph.\n\n## A section\n\nText.\n\n### Smaller\n\n- one\n- two\n  continued\n\n"
        "After the list.\n\n> Quoted\n> twice\n\n> and a third time\n");
}

TEST_CASE("markdown: the page title is the top heading", "[markdown]") {
  CHECK(markdown_of("<html><head><title>Only a title</title></head><body><p>Body text here.</p></body></html>") ==
        "# Only a title\n\nBody text here.\n");
}

TEST_CASE("markdown: text that would read as markup is escaped at the start of a line", "[markdown]") {
  CHECK(markdown_of("<p># not a heading</p><p>- not an item</p><p>1. not a list</p><p>2024) neither</p>"
                    "<p>&gt; not a quote</p><p>---</p><p>```</p><p>#hashtag and -5 degrees stay</p>") ==
        "\\# not a heading\n\n\\- not an item\n\n1\\. not a list\n\n2024\\) neither\n\n\\> not a quote\n\n\\---\n\n"
        "\\```\n\n#hashtag and -5 degrees stay\n");
}

TEST_CASE("markdown: tables become pipe tables, layout tables paragraphs", "[markdown]") {
  CHECK(markdown_of("<table><tr><th>Month</th><th>Rain</th></tr><tr><td>May</td><td>a|b</td></tr>"
                    "<tr><td>June</td></tr></table><p>After.</p>") ==
        "| Month | Rain |\n| --- | --- |\n| May | a\\|b |\n| June |  |\n\nAfter.\n");
  CHECK(markdown_of("<table><tr><td>A layout cell with text.</td></tr><tr><td>Another one.</td></tr></table>") ==
        "A layout cell with text.\n\nAnother one.\n");
}

TEST_CASE("markdown: code keeps its lines and gets a fence longer than any inside", "[markdown]") {
  CHECK(markdown_of("<pre>int x = 1;\n  # indented\nuse ``` here</pre>") ==
        "````\nint x = 1;\n  # indented\nuse ``` here\n````\n");
}

TEST_CASE("markdown: text input has no structure and comes out as plain text", "[markdown]") {
  Document doc = text_document("# A line\n\n- another\n");
  std::string markdown;
  std::string text;
  emit_markdown(doc, markdown);
  emit_text(doc, text);
  CHECK(markdown == text);
}
