#include <catch2/catch.hpp>

#include <thread>

#include "cli/stats_tally.h"
#include "rules/rule.h"

using namespace declutter;

namespace {
Document decided(std::initializer_list<std::pair<Decider, const Rule*>> drops, std::size_t kept) {
  Document doc;
  for (const auto& [decider, rule] : drops) {
    Block block;
    block.verdict = Verdict::drop;
    block.decider = decider;
    block.rule = rule;
    doc.blocks.push_back(block);
  }
  doc.blocks.resize(doc.blocks.size() + kept);  // undecided: kept, not counted
  return doc;
}
}  // namespace

TEST_CASE("stats tally: counts drops by rule file and by stage, largest first", "[stats]") {
  const std::string common = "rules/common.rules";
  const std::string publisher = "rules/publishers/example.com.rules";
  Rule from_common;
  from_common.origin.file = &common;
  Rule from_publisher;
  from_publisher.origin.file = &publisher;

  StatsTally tally;
  CHECK(tally.summary().empty());
  auto first = tally.new_counter();
  auto second = tally.new_counter();
  first->add(
      decided({{Decider::rule, &from_common}, {Decider::section_cut, &from_common}, {Decider::score, nullptr}}, 4));
  second->add(decided({{Decider::dom_rule, &from_publisher}, {Decider::score, nullptr}, {Decider::score, nullptr},
                       {Decider::edge_trim, nullptr}, {Decider::rule, &from_common}},
                      2));
  CHECK(tally.summary() == ", dropped blocks: 3 rules/common.rules, 3 score, 1 rules/publishers/example.com.rules, "
                           "1 edge-trim");
}

TEST_CASE("stats tally: counters of many threads add up", "[stats]") {
  const std::string common = "common.rules";
  Rule rule;
  rule.origin.file = &common;
  StatsTally tally;
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&tally, &rule] {
      auto counter = tally.new_counter();
      const Document doc = decided({{Decider::rule, &rule}, {Decider::dedupe, nullptr}}, 1);
      for (int i = 0; i < 1000; ++i) counter->add(doc);
    });
  for (auto& thread : threads) thread.join();
  CHECK(tally.summary() == ", dropped blocks: 4000 common.rules, 4000 dedupe");
}

TEST_CASE("stats tally: counts documents that were not clean UTF-8", "[stats]") {
  StatsTally tally;
  auto counter = tally.new_counter();
  Document latin1 = decided({}, 1);
  latin1.decoding = Decoding{"WINDOWS-1252", false, true};
  Document declared = decided({}, 1);
  declared.decoding = Decoding{"WINDOWS-1250", false, false};  // declared, not guessed: not counted
  Document broken = decided({}, 1);
  broken.decoding = Decoding{"UTF-8", true, false};
  for (const Document* doc : {&latin1, &latin1, &declared, &broken, &declared}) counter->add(*doc);
  CHECK(tally.summary() == ", 2 documents not UTF-8 read as WINDOWS-1252, 1 with invalid UTF-8 repaired");
}
