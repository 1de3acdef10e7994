#include "cli/stats_tally.h"

#include <algorithm>

#include "authoring/explain.h"
#include "rules/rule.h"

namespace declutter {

void StatsTally::Counter::add(const Document& doc) {
  guessed_encoding_ += doc.decoding.guessed ? 1 : 0;
  repaired_utf8_ += doc.decoding.repaired ? 1 : 0;
  for (const Block& block : doc.blocks) {
    if (!block.dropped()) continue;
    const std::string* file = block.rule != nullptr ? block.rule->origin.file : nullptr;
    if (file == nullptr) {
      ++by_stage_[static_cast<std::size_t>(block.decider)];
      continue;
    }
    auto entry = std::find_if(by_file_.begin(), by_file_.end(), [file](const auto& e) { return e.first == file; });
    if (entry == by_file_.end()) entry = by_file_.insert(by_file_.end(), {file, 0});
    ++entry->second;
  }
}

std::string StatsTally::summary() const {
  std::vector<std::pair<std::string, std::uint64_t>> totals;
  const auto add = [&totals](std::string name, std::uint64_t count) {
    if (count == 0) return;
    auto entry = std::find_if(totals.begin(), totals.end(), [&name](const auto& e) { return e.first == name; });
    if (entry == totals.end()) totals.emplace_back(std::move(name), count);
    else entry->second += count;
  };
  std::uint64_t guessed_encoding = 0;
  std::uint64_t repaired_utf8 = 0;
  counters_.for_each([&](const Counter& counter) {
    guessed_encoding += counter.guessed_encoding_;
    repaired_utf8 += counter.repaired_utf8_;
    for (const auto& [file, count] : counter.by_file_) add(*file, count);
    for (std::size_t decider = 0; decider < counter.by_stage_.size(); ++decider)
      add(std::string(decider_name(static_cast<Decider>(decider))), counter.by_stage_[decider]);
  });
  std::string out;
  // The guess is always windows-1252 (text/encoding.h).
  if (guessed_encoding != 0)
    out += ", " + std::to_string(guessed_encoding) + (guessed_encoding == 1 ? " document" : " documents") +
           " not UTF-8 read as WINDOWS-1252";
  if (repaired_utf8 != 0) out += ", " + std::to_string(repaired_utf8) + " with invalid UTF-8 repaired";
  if (totals.empty()) return out;
  std::stable_sort(totals.begin(), totals.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  out += ", dropped blocks:";
  for (std::size_t i = 0; i < totals.size(); ++i) {
    out += i == 0 ? " " : ", ";
    out += std::to_string(totals[i].second) + ' ' + totals[i].first;
  }
  return out;
}

}  // namespace declutter
