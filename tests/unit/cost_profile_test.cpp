#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <thread>
#include <vector>

#include "cli/profile_report.h"
#include "core/cost_profile.h"
#include "pipeline/engine.h"
#include "rules/catalog.h"
#include "rules/rule.h"

using namespace declutter;

namespace {
std::vector<std::string_view> step_names(const CostProfile::Totals& totals) {
  std::vector<std::string_view> names;
  for (const StepCost& step : totals.steps) names.push_back(step.step);
  return names;
}
}  // namespace

TEST_CASE("cost profile: counters of many threads add up, steps in first-run order, regexes costliest first",
          "[profile]") {
  Rule cheap;
  Rule dear;
  CostProfile profile;
  CHECK(profile.totals().steps.empty());
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&] {
      auto counter = profile.new_counter();
      for (int i = 0; i < 100; ++i) {
        counter->add_step("read-text", 10);
        counter->add_step("line-rules", 30);
        counter->add_regex(cheap, i % 2 == 0, 1);
        counter->add_regex(dear, false, 5);
      }
    });
  profile.new_counter();  // a worker that never ran a document
  for (auto& thread : threads) thread.join();

  const CostProfile::Totals totals = profile.totals();
  CHECK(totals.threads == 4);
  CHECK(totals.nanoseconds == 4 * 100 * 40);
  REQUIRE(step_names(totals) == std::vector<std::string_view>{"read-text", "line-rules"});
  CHECK(totals.steps[0].runs == 400);
  CHECK(totals.steps[1].nanoseconds == 4 * 100 * 30);
  REQUIRE(totals.regexes.size() == 2);
  CHECK(totals.regexes[0].rule == &dear);
  CHECK(totals.regexes[0].nanoseconds == 2000);
  CHECK(totals.regexes[1].calls == 400);
  CHECK(totals.regexes[1].matches == 200);
}

TEST_CASE("cost profile: a worker times its steps and the regexes the prefilters let through", "[profile]") {
  std::vector<SourceFile> sources;
  sources.push_back(SourceFile{"common.rules", "test/common.rules",
                               "set edge-trim off\nset score off\ndrop /^price: \\d+ euros$/i\n"});
  Diagnostics diagnostics;
  auto engine = Engine::build(RuleCatalog::load(std::move(sources), diagnostics), {}, diagnostics);
  REQUIRE(engine != nullptr);
  REQUIRE_FALSE(diagnostics.has_errors());

  CostProfile profile;
  auto counter = profile.new_counter();
  Worker worker(*engine);
  worker.time_into(counter.get());
  std::string out;
  // The body line has no "price: ": the literal prefilter spares it PCRE2. The second line
  // passes every prefilter and fails the match.
  worker.extract(DocumentInput{"Price: 12 euros\nPrice: 13 and 14 euros\nThe body of the article.\n", ""}, out);
  CHECK(out == "Price: 13 and 14 euros\nThe body of the article.\n");
  worker.time_into(nullptr);
  worker.extract(DocumentInput{"Price: 15 euros\n", ""}, out);  // not timed

  const CostProfile::Totals totals = profile.totals();
  const std::vector<std::string_view> steps = step_names(totals);
  CHECK(totals.documents == 1);
  CHECK(steps.front() == "decode");
  CHECK(steps[1] == "split-lines");
  CHECK(std::find(steps.begin(), steps.end(), "line-rules") != steps.end());
  CHECK(std::find(steps.begin(), steps.end(), "score") == steps.end());
  CHECK(steps.back() == "emit");
  for (const StepCost& step : totals.steps) CHECK(step.runs == 1);
  REQUIRE(totals.regexes.size() == 1);
  const RegexCost& cost = totals.regexes.front();
  CHECK(cost.rule->origin.line == 3);
  CHECK(cost.calls == 2);
  CHECK(cost.matches == 1);
}

TEST_CASE("cost profile: the report names steps, shares and each rule's origin, shortened", "[profile]") {
  const std::string file = "rules/common.rules";
  Rule rule;
  rule.origin.file = &file;
  rule.origin.line = 12;
  rule.origin.column = 6;
  rule.action = Action::drop;
  rule.match = MatchKind::regex;
  rule.pattern = "^(" + std::string(37, 'a') + "|" + std::string(40, 'b') + "|ééééééééééééééééééé)$";
  CostProfile profile;
  CHECK(format_profile(profile.totals()).empty());
  auto counter = profile.new_counter();
  counter->add_document();
  counter->add_step("read-text", 250'000'000);
  counter->add_step("line-rules", 750'000'000);
  counter->add_regex(rule, true, 100'000'000);
  counter->add_regex(rule, false, 100'000'000);

  const std::string report = format_profile(profile.totals());
  CHECK(report.find("declutter: profile: 1.000 s of processing in 1 documents (1 thread;") == 0);
  CHECK(report.find("read-text           0.250   25.0%        250.000\n") != std::string::npos);
  CHECK(report.find("line-rules          0.750   75.0%        750.000\n") != std::string::npos);
  CHECK(report.find("1 regex rules ran 0.200 s (20.0%) inside PCRE2 in 2 calls") != std::string::npos);
  const std::size_t row = report.find("      0.2000   20.0%          2         1  rules/common.rules:12:6 drop /^(aaaa");
  REQUIRE(row != std::string::npos);
  const std::string line = report.substr(row, report.find('\n', row) - row);
  CHECK(line.ends_with("\xE2\x80\xA6"));  // cut, and not inside the two bytes of an é
  CHECK(line.find("\xC3\xA9\xE2\x80\xA6") != std::string::npos);
}
