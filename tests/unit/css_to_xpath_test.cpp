#include <catch2/catch.hpp>

#include <libxml/xpath.h>

#include <set>

#include "html/css_to_xpath.h"
#include "html/dom_rules.h"
#include "html/dom_walk.h"
#include "html/parsers.h"
#include "test_support.h"

using namespace declutter;

namespace {
std::string xpath_of(std::string_view css) {
  SelectorError error;
  auto xpath = css_to_xpath(css, error);
  INFO(css << " -> error at " << error.offset << ": " << error.message);
  REQUIRE(xpath.has_value());
  return *xpath;
}

SelectorError error_of(std::string_view css) {
  SelectorError error;
  auto xpath = css_to_xpath(css, error);
  INFO(css);
  REQUIRE_FALSE(xpath.has_value());
  return error;
}
}  // namespace

TEST_CASE("every supported selector form translates to XPath 1.0", "[css]") {
  const std::string word = "contains(concat(' ',normalize-space(@class),' '),' share ')";
  CHECK(xpath_of("nav") == "//nav");
  CHECK(xpath_of("NAV") == "//nav");
  CHECK(xpath_of("*") == "//*");
  CHECK(xpath_of(".share") == "//*[" + word + "]");
  CHECK(xpath_of("#comments") == "//*[@id='comments']");
  CHECK(xpath_of("[hidden]") == "//*[@hidden]");
  CHECK(xpath_of("[role=navigation]") == "//*[@role='navigation']");
  CHECK(xpath_of("[role=\"banner\"]") == "//*[@role='banner']");
  CHECK(xpath_of("[class*=cookie]") == "//*[contains(@class,'cookie')]");
  CHECK(xpath_of("[id^=div-gpt]") == "//*[starts-with(@id,'div-gpt')]");
  CHECK(xpath_of("[href$='.pdf']") == "//*[substring(@href,string-length(@href)-3)='.pdf']");
  CHECK(xpath_of("[rel~=nofollow]") == "//*[contains(concat(' ',normalize-space(@rel),' '),' nofollow ')]");
  CHECK(xpath_of("div.share#top[data-x]") == "//div[@id='top'][" + word + "][@data-x]");
  CHECK(xpath_of("article .share") == "//article//*[" + word + "]");
  CHECK(xpath_of("ul > li") == "//ul/li");
  CHECK(xpath_of("ul>li a") == "//ul/li//a");
  CHECK(xpath_of("nav, aside") == "//nav | //aside");
  CHECK(xpath_of("  footer ,header  ") == "//footer | //header");
  CHECK(xpath_of("[title=\"it's\"]") == "//*[@title=\"it's\"]");
  CHECK(xpath_of("[class*='']") == "//*[false()]");
  CHECK(xpath_literal("a'b\"c") == "concat('a',\"'\",'b\"c')");
  CHECK(xpath_of("#a\\:b") == "//*[@id='a:b']");
  // The i flag folds the attribute's ASCII letters (the value is folded when parsed); s is the default.
  const std::string fold = "translate(@name,'ABCDEFGHIJKLMNOPQRSTUVWXYZ','abcdefghijklmnopqrstuvwxyz')";
  CHECK(xpath_of("meta[name=\"DC.Date\" i]") == "//meta[" + fold + "='dc.date']");
  CHECK(xpath_of("[name^='Og:' I]") == "//*[starts-with(" + fold + ",'og:')]");
  CHECK(xpath_of("[name~=Big i]") == "//*[contains(concat(' ',normalize-space(" + fold + "),' '),' big ')]");
  CHECK(xpath_of("[name=DC s]") == "//*[@name='DC']");
  // :has(tag) and :not(:has(tag)) ask for a descendant of that tag, at any depth.
  CHECK(xpath_of(".share:has(a)") == "//*[" + word + "][.//a]");
  CHECK(xpath_of(".share:not(:has(P))") == "//*[" + word + "][not(.//p)]");
  CHECK(xpath_of("div:has( a ):not(:has(ul))") == "//div[.//a][not(.//ul)]");
  CHECK(xpath_of("article :has(span)") == "//article//*[.//span]");
}

TEST_CASE("unsupported selector syntax is an error with a byte offset", "[css]") {
  CHECK(error_of("a:hover").offset == 1);
  CHECK(error_of("a:hover").message.find("pseudo") != std::string::npos);
  CHECK(error_of("h1 + p").offset == 3);
  CHECK(error_of("h1 ~ p").message.find("combinator") != std::string::npos);
  CHECK(error_of("[lang|=en]").offset == 5);
  CHECK(error_of("[a=b x]").message == "unknown attribute flag 'x' (i or s)");
  CHECK(error_of("[a=b x]").offset == 5);
  CHECK(error_of("[a=b i j]").message == "expected ']'");
  CHECK(error_of("[a=b i").message == "unclosed '['");
  CHECK(error_of("[a i]").offset == 3);  // a flag needs a value
  CHECK(error_of("[a").offset == 0);
  CHECK(error_of("div,").message == "expected a selector after ','");
  CHECK(error_of("div >").message == "expected a selector after '>'");
  CHECK(error_of(".").offset == 1);
  CHECK(error_of("").message == "expected a selector");
  CHECK(error_of("a::before").offset == 1);
  CHECK(error_of("[a=\"b]").message == "unclosed string");
  CHECK(error_of("a b c d e f g h i j k l m n o p q").message.find("more than") != std::string::npos);
  CHECK(error_of("a:not(p)").offset == 1);  // :not() only around :has()
  CHECK(error_of("a:has()").message == "expected a tag name inside :has(), such as a or p");
  CHECK(error_of("a:has()").offset == 6);
  CHECK(error_of("a:has(.x)").offset == 6);  // a tag, not a selector
  CHECK(error_of("a:has(p").message == "expected ')' to close :has(");
  CHECK(error_of("a:not(:has(p)").message == "expected ')' to close :not(:has(");
  CHECK(error_of("a:not(:has(p)").offset == 13);
}

TEST_CASE("bad DOM rules are reported at file:line:col", "[css]") {
  testing::RuleList rules(
      "html-drop nav\n"
      "html-drop div:first-child\n"
      "html-drop xpath://div[\n"
      "html-keep xpath:count(//p)\n"
      "html-root article.main\n");
  REQUIRE_FALSE(rules.diagnostics.has_errors());
  std::vector<const Rule*> all;
  for (const auto& rule : rules.file.rules) all.push_back(&rule);
  Diagnostics diags;
  DomRules compiled = DomRules::compile(all, diags);
  REQUIRE(diags.error_count() == 2 + 0 + 1);
  CHECK(diags.items()[0].line == 2);
  CHECK(diags.items()[0].column == 14);  // the ':' of "div:first-child"
  CHECK(diags.items()[0].message.find("pseudo") != std::string::npos);
  CHECK(diags.items()[1].line == 3);
  CHECK(diags.items()[1].message.find("bad XPath") != std::string::npos);
  CHECK(diags.items()[1].column >= 17);
  CHECK(diags.items()[2].line == 4);
  CHECK(diags.items()[2].message.find("a number") != std::string::npos);
  CHECK(compiled.rule_count() == 2);
  CHECK(diags.items()[0].format().rfind("test.rules:2:14: error: bad selector:", 0) == 0);
}

TEST_CASE("the native matcher agrees with libxml2 evaluating the XPath", "[css]") {
  const std::string page =
      "<html><body class='page share'><header id=top><h1>T</h1><nav><ul><li><a href=/a.pdf rel='nofollow me'>x</a>"
      "</li><li class='item share'>y</li></ul></nav></header>"
      "<article class='post main'><div class='share bar' data-x=1><p>p1</p><div class=shared-content>"
      "<p class=share>p2</p></div></div><ul><li><ul><li>deep</li></ul></li></ul>"
      "<section><div><div class='a b'><span id=s title=\"it's\">z</span></div></div></section></article>"
      "<aside role=complementary><div class=cookie-banner><p>c</p></div></aside></body></html>";
  const char* selectors[] = {"nav",          "*",           ".share",           "#top",        "[rel]",
                             "[rel~=me]",    "[href$=pdf]", "[href^='/a']",     "[class*=ook]", "div.share[data-x]",
                             "article .share", "article > .share", "ul > li",  "ul li li",     "body > * > h1",
                             "article div div span", "section > div > .a.b > #s", "header nav, aside p", "li > *",
                             "[title=\"it's\"]", "div p", "article > div > div > p", "body div.a span",
                             "[CLASS*=OOK i]", "[id=TOP i]", "[rel~=ME i]", "[href$=PDF i]", "[role^=Comp i]",
                             "[class*='Cookie' i] p", ".share:has(p)", "div:not(:has(p))", "li:has(a)",
                             "ul:not(:has(ul))", "article :has(span)", "div:has(div):has(span)", "a .x, ul li:has(ul)"};
  for (HtmlParser parser : {HtmlParser::libxml2, HtmlParser::gumbo}) {
    XmlDocPtr doc = parse_html(page, parser);
    for (const char* css : selectors) {
      INFO(css << (parser == HtmlParser::gumbo ? " (gumbo)" : " (libxml2)"));
      testing::RuleList rules(std::string("html-drop ") + css + "\n");
      REQUIRE_FALSE(rules.diagnostics.has_errors());
      Diagnostics diags;
      DomRules compiled = DomRules::compile(rules.with(Action::html_drop), diags);
      REQUIRE_FALSE(diags.has_errors());
      DomMarks marks;
      compiled.apply(doc.get(), marks);
      std::set<const xmlNode*> native;
      walk_tree(
          xmlDocGetRootElement(doc.get()),
          [&](xmlNode* node) {
            if (marks.find(node) != nullptr) native.insert(node);
            return true;
          },
          [](xmlNode*) {});

      std::set<const xmlNode*> expected;
      std::unique_ptr<xmlXPathContext, void (*)(xmlXPathContext*)> context(xmlXPathNewContext(doc.get()),
                                                                          xmlXPathFreeContext);
      const std::string xpath = xpath_of(css);
      std::unique_ptr<xmlXPathObject, void (*)(xmlXPathObject*)> result(
          xmlXPathEvalExpression(reinterpret_cast<const xmlChar*>(xpath.c_str()), context.get()), xmlXPathFreeObject);
      REQUIRE(result);
      for (int i = 0; result->nodesetval != nullptr && i < result->nodesetval->nodeNr; ++i) {
        const xmlNode* node = result->nodesetval->nodeTab[i];
        // html-drop never marks <html> or <body> (see dom_rules.h).
        if (node_name(node) != "html" && node_name(node) != "body") expected.insert(node);
      }
      CHECK(native == expected);
      CHECK_FALSE(expected.empty());
    }
  }
}

TEST_CASE("XPath rules, tried per element or over the whole page, select what libxml2 selects", "[css]") {
  const std::string page =
      "<html><body><header><h1>Site</h1></header><form id=f1><p>search</p></form><article><header id=h2>"
      "<p>byline</p></header><form id=f2><h2>x</h2></form><p>one</p><p>two</p></article>"
      "<div class=\"a [b]\"><p>three</p></div></body></html>";
  const char* expressions[] = {"//header[not(ancestor::article)]", "//form[not(.//h1 or .//h2)]", "//p",
                               "//p[1]",  "//p[last()]", "//div[@class='a [b]']/p", "//p | //form",
                               "//header[.//p][@id='h2']", " //p[contains(., 't')] ", "//article//p[2]"};
  XmlDocPtr doc = parse_html(page, HtmlParser::libxml2);
  for (const char* expression : expressions) {
    INFO(expression);
    testing::RuleList rules(std::string("html-drop xpath:") + expression + "\n");
    REQUIRE_FALSE(rules.diagnostics.has_errors());
    Diagnostics diags;
    DomRules compiled = DomRules::compile(rules.with(Action::html_drop), diags);
    REQUIRE_FALSE(diags.has_errors());
    DomMarks marks;
    compiled.apply(doc.get(), marks);
    std::set<const xmlNode*> native;
    walk_tree(
        xmlDocGetRootElement(doc.get()),
        [&](xmlNode* node) {
          if (marks.find(node) != nullptr) native.insert(node);
          return true;
        },
        [](xmlNode*) {});
    std::set<const xmlNode*> expected;
    std::unique_ptr<xmlXPathContext, void (*)(xmlXPathContext*)> context(xmlXPathNewContext(doc.get()),
                                                                        xmlXPathFreeContext);
    std::unique_ptr<xmlXPathObject, void (*)(xmlXPathObject*)> result(
        xmlXPathEvalExpression(reinterpret_cast<const xmlChar*>(expression), context.get()), xmlXPathFreeObject);
    REQUIRE(result);
    for (int i = 0; result->nodesetval != nullptr && i < result->nodesetval->nodeNr; ++i)
      expected.insert(result->nodesetval->nodeTab[i]);
    CHECK(native == expected);
    CHECK_FALSE(expected.empty());
  }
}
