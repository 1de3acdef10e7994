#include <catch2/catch.hpp>

#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "core/cost_profile.h"
#include "core/retained_buffer.h"
#include "pipeline/engine.h"
#include "pipeline/pipeline.h"
#include "rules/catalog.h"

using namespace declutter;

namespace {

std::unique_ptr<Engine> engine_with_publishers(Diagnostics& diagnostics, EngineOptions options = {}) {
  std::vector<SourceFile> sources;
  sources.push_back(SourceFile{"common.rules", "test/common.rules", "set edge-trim off\nset score off\ndrop \"Menu\"\n"});
  sources.push_back(SourceFile{"publishers/a.example.rules", "test/a.example.rules",
                               "site a.example\ndrop \"Widget A\"\n"});
  sources.push_back(SourceFile{"publishers/b.example.rules", "test/b.example.rules",
                               "site b.example\ndrop \"Widget B\"\n"});
  std::shared_ptr<const RuleCatalog> catalog = RuleCatalog::load(std::move(sources), diagnostics);
  return Engine::build(catalog, options, diagnostics);
}

std::string extract(Worker& worker, std::string_view url) {
  std::string out;
  worker.extract(DocumentInput{"Menu\nWidget A\nWidget B\nBody text.\n", url}, out);
  return out;
}

}  // namespace

TEST_CASE("engine: publisher pipelines are built on first use, once, from any thread", "[engine]") {
  Diagnostics diagnostics;
  auto engine = engine_with_publishers(diagnostics);
  REQUIRE(engine != nullptr);
  REQUIRE_FALSE(diagnostics.has_errors());
  const Pipeline& common = engine->pipeline_for("");
  CHECK(common.publisher() == nullptr);
  CHECK(&engine->pipeline_for("https://c.example/") == &common);

  std::vector<const Pipeline*> seen(8);
  std::vector<std::string> outputs(8);
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < seen.size(); ++i) {
    threads.emplace_back([&, i] {
      const std::string url = i % 2 == 0 ? "https://a.example/x" : "https://www.b.example/y";
      Worker worker(*engine);
      seen[i] = &engine->pipeline_for(url);
      outputs[i] = extract(worker, url);
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (std::size_t i = 0; i < seen.size(); ++i) {
    CHECK(seen[i] == seen[i % 2]);
    CHECK(seen[i] != &common);
    CHECK(outputs[i] == (i % 2 == 0 ? "Widget B\nBody text.\n" : "Widget A\nBody text.\n"));
  }
  CHECK(seen[0]->publisher() != seen[1]->publisher());
  Worker worker(*engine);
  CHECK(extract(worker, "") == "Widget A\nWidget B\nBody text.\n");
}

TEST_CASE("engine: a set line with format= reaches the stages of that format only", "[engine]") {
  Diagnostics diagnostics;
  std::vector<SourceFile> sources;
  sources.push_back(SourceFile{"common.rules", "test/common.rules", "set score off\nset dedupe off format=html\n"});
  auto engine = Engine::build(RuleCatalog::load(std::move(sources), diagnostics), EngineOptions{}, diagnostics);
  REQUIRE(engine != nullptr);
  REQUIRE_FALSE(diagnostics.has_errors());
  Worker worker(*engine);
  const std::string line = "The ferry sails twice a day from the old harbour.";
  std::string out;
  worker.extract(DocumentInput{line + "\n" + line + "\n", ""}, out);
  CHECK(out == line + "\n");  // text: the repeat goes
  worker.extract(DocumentInput{"<html><body><p>" + line + "</p><p>" + line + "</p></body></html>", ""}, out);
  CHECK(out == line + "\n\n" + line + "\n");  // HTML: dedupe is off
}

TEST_CASE("engine: --publisher is built up front and used for every document", "[engine]") {
  Diagnostics diagnostics;
  EngineOptions options;
  options.publisher = "b.example";
  auto engine = engine_with_publishers(diagnostics, options);
  REQUIRE_FALSE(diagnostics.has_errors());
  const Pipeline& forced = engine->pipeline_for("");
  REQUIRE(forced.publisher() != nullptr);
  CHECK(&engine->pipeline_for("https://a.example/") == &forced);
  Worker worker(*engine);
  CHECK(extract(worker, "https://a.example/") == "Widget A\nBody text.\n");
}

TEST_CASE("engine: buffers are given back after a huge document once the documents are small again", "[engine]") {
  CHECK_FALSE(outgrown(0, 100));
  CHECK_FALSE(outgrown(kRetainedBufferBytes, 0));           // not huge: kept for the next
  CHECK(outgrown(kRetainedBufferBytes + 1, 1000));
  CHECK(outgrown(4 * kRetainedBufferBytes, kRetainedBufferBytes));
  CHECK_FALSE(outgrown(4 * kRetainedBufferBytes, kRetainedBufferBytes + 1));  // still needed
}

TEST_CASE("engine: after a huge document a worker cleans the next one as a new worker does, and goes on timing",
          "[engine]") {
  Diagnostics diagnostics;
  auto engine = engine_with_publishers(diagnostics);
  REQUIRE(engine != nullptr);
  CostProfile profile;
  const std::shared_ptr<CostCounter> counter = profile.new_counter();
  Worker worker(*engine);
  worker.time_into(counter.get());

  std::string huge = "Menu\n";
  while (huge.size() <= kRetainedBufferBytes) huge += "A line of the body, " + std::to_string(huge.size()) + ".\n";
  std::string out;
  worker.extract(DocumentInput{huge, ""}, out);
  CHECK(out == huge.substr(5));

  const std::string after_huge = extract(worker, "https://a.example/x");
  Worker fresh(*engine);
  CHECK(after_huge == extract(fresh, "https://a.example/x"));
  CHECK(after_huge == "Widget B\nBody text.\n");
  CHECK(worker.costs() == counter.get());
  CHECK(profile.totals().documents == 2);
}

TEST_CASE("engine: the transport's charset beats the page's declaration; a BOM, valid UTF-8 and --encoding beat it",
          "[engine][encoding]") {
  Diagnostics diagnostics;
  EngineOptions html;
  html.format = InputFormat::html;
  auto engine = engine_with_publishers(diagnostics, html);
  REQUIRE(engine != nullptr);
  Worker worker(*engine);
  // "Grüße" in windows-1252 bytes, in a page that (wrongly) declares UTF-8.
  const std::string page = "<meta charset=\"utf-8\"><p>Gr\xFC\xDF" "e aus der Stadt.</p>";
  std::string out;
  worker.extract(DocumentInput{page, "", "WINDOWS-1252"}, out);
  CHECK(out == "Grüße aus der Stadt.\n");
  worker.extract(DocumentInput{page}, out);
  CHECK(out == "Gr\uFFFD\uFFFDe aus der Stadt.\n");
  worker.extract(DocumentInput{"\xEF\xBB\xBF<p>Gr\xC3\xBC\xC3\x9F" "e</p>", "", "WINDOWS-1252"}, out);
  CHECK(out == "Grüße\n");
  // Servers that call every page ISO-8859-1: bytes that are all valid UTF-8 are UTF-8.
  worker.extract(DocumentInput{"<p>Gr\xC3\xBC\xC3\x9F" "e</p>", "", "WINDOWS-1252"}, out);
  CHECK(out == "Grüße\n");

  EngineOptions forced = html;
  forced.encoding = "ISO-8859-2";
  auto forced_engine = engine_with_publishers(diagnostics, forced);
  Worker forced_worker(*forced_engine);
  forced_worker.extract(DocumentInput{"<p>\xB1</p>", "", "WINDOWS-1252"}, out);
  CHECK(out == "ą\n");  // 0xB1 is ą in ISO-8859-2, ± in windows-1252
}
