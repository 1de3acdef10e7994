// The per-page memory behind libxml2 (html/xml_arena.h) and the chunks under it.
#include <catch2/catch.hpp>

#include <libxml/xmlmemory.h>

#include <cstdint>
#include <cstring>
#include <string>

#include "html/chunk_arena.h"
#include "html/html_front_end.h"
#include "html/parsers.h"
#include "html/xml_arena.h"
#include "test_support.h"

using namespace declutter;

namespace {

bool aligned(const void* block) { return reinterpret_cast<std::uintptr_t>(block) % ChunkArena::kAlign == 0; }

std::string blocks_of(const Document& doc) {
  std::string out;
  for (std::size_t i = 0; i < doc.blocks.size(); ++i) {
    const Block& block = doc.blocks[i];
    out.append(block.text).append("|").append(doc.element(i).class_id).append("|");
    out.push_back(block.kept() ? 'k' : 'd');
    out.push_back('\n');
  }
  return out;
}

}  // namespace

TEST_CASE("chunk arena: aligned blocks that do not overlap, growth and give-back at the end", "[html][arena]") {
  ChunkArena arena;
  auto* a = static_cast<char*>(arena.allocate(10));
  auto* b = static_cast<char*>(arena.allocate(1));
  REQUIRE(a != nullptr);
  REQUIRE(b != nullptr);
  CHECK(aligned(a));
  CHECK(aligned(b));
  CHECK(b >= a + 10);
  // Only the newest block grows in place.
  CHECK_FALSE(arena.resize_last(a, 10, 100));
  CHECK(arena.resize_last(b, 1, 1000));
  auto* c = static_cast<char*>(arena.allocate(1));
  CHECK(c >= b + 1000);
  arena.release_last(c, 1);
  CHECK(arena.allocate(1) == c);
  // Larger than any chunk: a chunk of its own, written end to end.
  const std::size_t huge = 3 * 1024 * 1024 + 1;
  auto* big = static_cast<char*>(arena.allocate(huge));
  REQUIRE(big != nullptr);
  std::memset(big, 'x', huge);
  CHECK(aligned(arena.allocate(7)));
  // After reset the same memory serves the next page.
  arena.reset();
  CHECK(arena.allocate(10) == a);
}

TEST_CASE("xml arena: libxml2 allocates from the page's arena inside a scope, from the heap outside", "[html][arena]") {
  ensure_libxml2_initialised();
  void* outside = xmlMalloc(64);
  REQUIRE(outside != nullptr);
  std::memset(outside, 'o', 64);
  XmlArena arena;
  void* kept = nullptr;
  {
    XmlArena::Scope scope(arena);
    // Text grows by realloc: the content survives growth in place, a move, and the move to
    // a block of its own.
    auto* text = static_cast<char*>(xmlMalloc(16));
    REQUIRE(text != nullptr);
    std::memcpy(text, "fifteen chars..", 16);
    for (std::size_t size : {32U, 4096U, 100000U, 3000000U}) {
      text = static_cast<char*>(xmlRealloc(text, size));
      REQUIRE(text != nullptr);
      CHECK(std::string(text) == "fifteen chars..");
      std::memset(text + 16, 'g', size - 16);
      text[size - 1] = '\0';
    }
    xmlFree(text);
    // A block freed before the page ends serves the next request of its size.
    void* first = xmlMalloc(100);
    void* second = xmlMalloc(0);
    void* third = xmlMalloc(1);
    REQUIRE(first != nullptr);
    REQUIRE(second != nullptr);
    xmlFree(first);
    xmlFree(second);
#if !defined(__SANITIZE_ADDRESS__)  // under ASan every block is a heap block of its own
    CHECK(xmlMalloc(0) == second);
    CHECK(xmlMalloc(110) == first);
    CHECK(xmlMalloc(100) != first);
#endif
    xmlFree(third);
    char* copy = xmlMemStrdup("a copy");
    REQUIRE(copy != nullptr);
    CHECK(std::string(copy) == "a copy");
    {
      XmlArena::HeapAllocations heap;
      kept = xmlMalloc(32);  // outlives the scope
    }
    XmlDocPtr doc = parse_with_libxml2("<html><body><p id=a class=b>Text</p><div id=c></div></body></html>");
    REQUIRE(doc != nullptr);
    scope.discard(std::move(doc));
    XmlDocPtr freed = parse_with_libxml2("<p id=x>Freed node by node</p>");
    freed.reset();  // xmlFreeDoc inside a scope works too
  }
  REQUIRE(kept != nullptr);
  std::memset(kept, 'k', 32);
  xmlFree(kept);
  CHECK(static_cast<char*>(outside)[63] == 'o');
  xmlFree(outside);
}

TEST_CASE("xml arena: a front end reused page after page builds what fresh ones build", "[html][arena]") {
  testing::RuleList rules("html-drop .share\nhtml-drop xpath://header[not(.//h1)]\n");
  std::vector<const Rule*> all;
  for (const auto& rule : rules.file.rules) all.push_back(&rule);
  Diagnostics diags;
  const DomRules compiled = DomRules::compile(all, diags);
  REQUIRE_FALSE(diags.has_errors());
  std::string long_page = "<title>Long | Site</title><body><header>Menu</header>";
  for (int i = 0; i < 3000; ++i)
    long_page += "<div class='post n" + std::to_string(i) + "'><p>Paragraph " + std::to_string(i) +
                 " with <b>bold</b> &amp; text.</p><div class=share>Share</div></div>";
  const std::string pages[] = {
      "<title>One</title><body><h1>One</h1><p class=lead>First page text.</p></body>",
      long_page,
      "<body><header><h1>Kept</h1></header><p>Third <a href=/>page</a>.</p><script>var x;</script></body>",
  };
  for (HtmlParser parser : {HtmlParser::libxml2, HtmlParser::gumbo}) {
    HtmlFrontEnd reused;
    for (int round = 0; round < 2; ++round)
      for (const auto& page : pages) {
        Document fresh_doc;
        build_html_document(page, parser, compiled, fresh_doc);
        Document reused_doc;
        reused.build(page, parser, compiled, MetadataWords{}, reused_doc);
        CHECK(blocks_of(reused_doc) == blocks_of(fresh_doc));
        CHECK(reused_doc.title == fresh_doc.title);
      }
  }
}
