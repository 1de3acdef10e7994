#pragma once
// The indexes that take a page's elements to the few selector compounds that could match
// them: by a key (class, id, attribute name, tag) and by the needles of [attr*=needle].
#include <algorithm>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace declutter {

struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
};
// Compound lists by key (a class, an id, ...), behind a cheap filter on (length, first and
// last byte): most class tokens on a page key no rule and are turned away without hashing.
class KeyIndex {
 public:
  using Map = std::unordered_map<std::string, std::vector<std::uint32_t>, StringHash, std::equal_to<>>;
  std::vector<std::uint32_t>& operator[](const std::string& key) {
    if (!key.empty()) filter_[shape(key)] = true;
    return map_[key];
  }
  const std::vector<std::uint32_t>* find(std::string_view key) const {
    if (key.empty() || !filter_[shape(key)]) return nullptr;
    auto it = map_.find(key);
    return it == map_.end() ? nullptr : &it->second;
  }
  bool empty() const { return map_.empty(); }

 private:
  static std::size_t shape(std::string_view key) {
    const auto first = static_cast<unsigned char>(key.front());
    const auto last = static_cast<unsigned char>(key.back());
    return ((key.size() & 31U) << 10 | (first & 31U) << 5 | (last & 31U)) % kFilterBits;
  }
  static constexpr std::size_t kFilterBits = 32768;
  Map map_;
  std::vector<bool> filter_ = std::vector<bool>(kFilterBits, false);
};

// The needles of [attr*=needle] tests on one attribute, found in one pass over a value:
// a bigram filter rejects almost every position before any comparison runs.
class SubstringIndex {
 public:
  void add(const std::string& needle, std::uint32_t flat) {
    for (std::size_t i = 0; i < needles_.size(); ++i)
      if (needles_[i] == needle) {
        flats_[i].push_back(flat);
        return;
      }
    const auto index = static_cast<std::uint32_t>(needles_.size());
    needles_.push_back(needle);
    flats_.push_back({flat});
    if (needle.size() == 1) {
      short_needles_.push_back(index);
    } else {
      const std::uint16_t key = bigram(needle[0], needle[1]);
      seen_bigrams_[key] = true;
      by_bigram_[key].push_back(index);
    }
  }

  // Calls found(flat) for every compound whose needle occurs in `value` (once per needle).
  template <typename Found>
  void scan(std::string_view value, std::vector<std::uint32_t>& hits, Found&& found) const {
    hits.clear();
    for (std::uint32_t index : short_needles_)
      if (value.find(needles_[index][0]) != std::string_view::npos) hits.push_back(index);
    for (std::size_t i = 0; i + 1 < value.size(); ++i) {
      const std::uint16_t key = bigram(value[i], value[i + 1]);
      if (!seen_bigrams_[key]) continue;
      for (std::uint32_t index : by_bigram_.at(key)) {
        const std::string& needle = needles_[index];
        if (value.compare(i, needle.size(), needle) == 0 && std::find(hits.begin(), hits.end(), index) == hits.end())
          hits.push_back(index);
      }
    }
    for (std::uint32_t index : hits)
      for (std::uint32_t flat : flats_[index]) found(flat);
  }

 private:
  static std::uint16_t bigram(char a, char b) {
    return static_cast<std::uint16_t>((static_cast<unsigned char>(a) << 8) | static_cast<unsigned char>(b));
  }
  std::vector<std::string> needles_;
  std::vector<std::vector<std::uint32_t>> flats_;
  std::vector<std::uint32_t> short_needles_;
  std::vector<bool> seen_bigrams_ = std::vector<bool>(65536, false);
  std::unordered_map<std::uint16_t, std::vector<std::uint32_t>> by_bigram_;
};

}  // namespace declutter
