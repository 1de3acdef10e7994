#include <catch2/catch.hpp>

#include "rules/catalog.h"

using namespace declutter;

namespace {
std::unique_ptr<RuleCatalog> catalog_of(std::vector<SourceFile> files, Diagnostics& diagnostics) {
  for (auto& file : files) file.display = file.relative;
  return RuleCatalog::load(std::move(files), diagnostics);
}

std::vector<std::string> texts(const EffectiveRules& rules) {
  std::vector<std::string> out;
  for (const Rule* rule : rules.rules) out.push_back(canonical_text(*rule));
  return out;
}
}  // namespace

TEST_CASE("publisher lookup walks up the host and honours exclusions", "[catalog]") {
  Diagnostics diagnostics;
  auto catalog = catalog_of({{"common.rules", "", "drop \"Menu\"\n"},
                             {"publishers/example.com.rules", "", "site example.com ~shop.example.com\n"},
                             {"publishers/other.org.rules", "", "site other.org news.other.net\n"}},
                            diagnostics);
  CHECK_FALSE(diagnostics.has_errors());
  const RuleFile* example = catalog->publisher_named("example.com");
  REQUIRE(example != nullptr);
  CHECK(catalog->publisher_for_host("example.com") == example);
  CHECK(catalog->publisher_for_host("www.example.com") == example);
  CHECK(catalog->publisher_for_host("a.b.example.com") == example);
  CHECK(catalog->publisher_for_host("shop.example.com") == nullptr);
  CHECK(catalog->publisher_for_host("www.shop.example.com") == nullptr);
  CHECK(catalog->publisher_for_host("notexample.com") == nullptr);
  CHECK(catalog->publisher_for_host("news.other.net") == catalog->publisher_named("other.org"));
  CHECK(catalog->publisher_named("other.org.rules") == nullptr);
  CHECK(catalog->publisher_named("other.org") != nullptr);
}

TEST_CASE("url_host extracts and lower-cases the host", "[catalog]") {
  CHECK(url_host("https://WWW.Example.com:8080/a/b?c#d") == "www.example.com");
  CHECK(url_host("http://user:pw@news.example.org/") == "news.example.org");
  CHECK(url_host("example.com/path") == "example.com");
  CHECK(url_host("https://example.com./") == "example.com");
  CHECK(url_host("") == "");
}

TEST_CASE("effective rules: common first, includes, disable, inherit none", "[catalog]") {
  Diagnostics diagnostics;
  auto catalog = catalog_of({{"common.rules", "", "include group.rules\ndrop \"Menu\"\ndrop \"Popular\"\nset dedupe off\n"},
                             {"group.rules", "", "drop \"Search\"\n"},
                             {"publishers/a.com.rules", "", "site a.com\ndisable drop \"Popular\"\ndrop \"A only\"\n"},
                             {"publishers/b.com.rules", "", "site b.com\ninherit none\ndrop \"B only\"\n"}},
                            diagnostics);
  auto common = catalog->effective(nullptr, diagnostics);
  CHECK(texts(common) == std::vector<std::string>{"drop \"search\"", "drop \"menu\"", "drop \"popular\""});
  CHECK_FALSE(common.settings(SourceFormat::text).flag("dedupe"));
  auto a = catalog->effective(catalog->publisher_named("a.com"), diagnostics);
  CHECK(texts(a) == std::vector<std::string>{"drop \"search\"", "drop \"menu\"", "drop \"a only\""});
  CHECK(a.rules.front()->from_common);
  CHECK_FALSE(a.rules.back()->from_common);
  auto b = catalog->effective(catalog->publisher_named("b.com"), diagnostics);
  CHECK(texts(b) == std::vector<std::string>{"drop \"b only\""});
  CHECK(b.settings(SourceFormat::html).flag("dedupe"));
  CHECK_FALSE(diagnostics.has_errors());
}

TEST_CASE("effective settings: a set line with format= applies to that format; the last line wins", "[catalog]") {
  Diagnostics diagnostics;
  auto catalog = catalog_of({{"common.rules", "", "set dedupe-min-chars 30\nset dedupe-min-chars 50 format=text\n"
                                                  "set edge-trim-max-words 5 format=html\n"},
                             {"publishers/a.com.rules", "", "site a.com\nset dedupe-min-chars 10\n"},
                             {"publishers/b.com.rules", "", "site b.com\nset edge-trim-max-words 2 format=text\n"}},
                            diagnostics);
  REQUIRE_FALSE(diagnostics.has_errors());
  const auto common = catalog->effective(nullptr, diagnostics);
  CHECK(common.settings(SourceFormat::text).count("dedupe-min-chars") == 50);
  CHECK(common.settings(SourceFormat::html).count("dedupe-min-chars") == 30);
  CHECK(common.settings(SourceFormat::text).count("edge-trim-max-words") == 3);  // the default
  CHECK(common.settings(SourceFormat::html).count("edge-trim-max-words") == 5);
  const auto a = catalog->effective(catalog->publisher_named("a.com"), diagnostics);  // a later line for both
  CHECK(a.settings(SourceFormat::text).count("dedupe-min-chars") == 10);
  CHECK(a.settings(SourceFormat::html).count("dedupe-min-chars") == 10);
  const auto b = catalog->effective(catalog->publisher_named("b.com"), diagnostics);
  CHECK(b.settings(SourceFormat::text).count("edge-trim-max-words") == 2);
  CHECK(b.settings(SourceFormat::html).count("edge-trim-max-words") == 5);
}

TEST_CASE("catalog errors: missing include, cycles, useless disable, publisher without site", "[catalog]") {
  Diagnostics diagnostics;
  auto catalog = catalog_of({{"common.rules", "", "include missing.rules\ninclude loop.rules\n"},
                             {"loop.rules", "", "include loop.rules\n"},
                             {"publishers/a.com.rules", "", "site a.com\ndisable drop \"Nothing\"\n"},
                             {"publishers/nosite.rules", "", "drop \"x\"\n"}},
                            diagnostics);
  CHECK(diagnostics.error_count() == 1);  // the publisher without `site`
  catalog->effective(catalog->publisher_named("a.com"), diagnostics);
  std::vector<std::string> messages;
  for (const auto& d : diagnostics.items()) messages.push_back(d.file + ":" + std::to_string(d.line) + ": " + d.message);
  CHECK(messages == std::vector<std::string>{
                        "publishers/nosite.rules:1: a publisher file must name its domains with a `site example.com` line",
                        "common.rules:1: included file 'missing.rules' is not in the rules directory",
                        "loop.rules:1: include cycle: 'loop.rules' includes itself",
                        "publishers/a.com.rules:2: disable: no common rule reads `drop \"nothing\"`"});
}

TEST_CASE("rule overlays (--add-rules) add to the common set and add or replace publisher files", "[catalog]") {
  std::vector<SourceFile> base{{"common.rules", "<embedded>/common.rules", "drop \"Menu\"\nset dedupe-min-chars 30"},
                               {"publishers/a.com.rules", "<embedded>/publishers/a.com.rules", "site a.com\ndrop \"Old A\"\n"},
                               {"publishers/b.com.rules", "<embedded>/publishers/b.com.rules", "site b.com\ndrop \"B\"\n"}};
  overlay_sources(base,
                  {{"common.rules", "mine/common.rules", "drop \"Sponsor\"\nset dedupe-min-chars 60\n"},
                   {"publishers/a.com.rules", "mine/publishers/a.com.rules", "site a.com\ndrop \"New A\"\n"},
                   {"publishers/c.org.rules", "mine/publishers/c.org.rules", "site c.org\ndrop \"C\"\n"}},
                  1);
  Diagnostics diagnostics;
  auto catalog = RuleCatalog::load(base, diagnostics);
  REQUIRE_FALSE(diagnostics.has_errors());
  const auto common = catalog->effective(nullptr, diagnostics);
  CHECK(texts(common) == std::vector<std::string>{"drop \"menu\"", "drop \"sponsor\""});
  CHECK(common.settings(SourceFormat::text).count("dedupe-min-chars") == 60);  // the overlay's line comes later
  CHECK(*common.rules.back()->origin.file == "mine/common.rules");
  CHECK(common.rules.front()->origin.line == 1);  // the base file's lines keep their numbers
  CHECK(texts(catalog->effective(catalog->publisher_named("a.com"), diagnostics)).back() == "drop \"new a\"");
  CHECK(texts(catalog->effective(catalog->publisher_named("b.com"), diagnostics)).back() == "drop \"b\"");
  CHECK(texts(catalog->effective(catalog->publisher_named("c.org"), diagnostics)).back() == "drop \"c\"");
  CHECK(catalog->publishers().size() == 3);

  // A second layer keeps its common file apart from the first.
  overlay_sources(base, {{"common.rules", "more/common.rules", "drop \"Promo\"\n"}}, 2);
  auto layered = RuleCatalog::load(base, diagnostics);
  CHECK(texts(layered->effective(nullptr, diagnostics)) ==
        std::vector<std::string>{"drop \"menu\"", "drop \"sponsor\"", "drop \"promo\""});
  REQUIRE_FALSE(diagnostics.has_errors());
}
