#include "score/stopwords.h"

#include <algorithm>
#include <bit>

#include "text/ascii.h"
#include "text/data_lines.h"
#include "text/swar.h"
#include "text/unicode.h"

namespace declutter::score {
namespace {

// Case-folds `word` into `out` (cleared first).
void fold_word(std::string_view word, std::string& out) {
  out.clear();
  for (std::size_t pos = 0; pos < word.size();) {
    const unicode::CodePoint c = unicode::decode(word, pos);
    char bytes[4];
    out.append(bytes, unicode::encode(c.valid ? unicode::fold_case(c.value) : c.value, bytes));
    pos += c.length;
  }
}

std::string_view language_code(std::string_view path) {
  const std::size_t slash = path.find_last_of('/');
  std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  constexpr std::string_view suffix = ".txt";
  if (name.size() <= suffix.size() || name.substr(name.size() - suffix.size()) != suffix) return {};
  return name.substr(0, name.size() - suffix.size());
}

}  // namespace

StopwordLists StopwordLists::parse(std::span<const std::pair<std::string, std::string>> files,
                                   Diagnostics& diagnostics) {
  StopwordLists lists;
  std::string folded;
  // A line holds at most one word: the table is sized once for them all.
  std::size_t lines = 0;
  for (const auto& [path, content] : files)
    if (!language_code(path).empty())
      lines += static_cast<std::size_t>(std::count(content.begin(), content.end(), '\n')) + 1;
  lists.short_words_.reserve(lines);
  for (const auto& file : files) {
    const std::string& path = file.first;  // named, not bound: the lambda below captures it
    const std::string& content = file.second;
    const std::string_view code = language_code(path);
    if (code.empty()) continue;
    const SourceLoc file_loc{&path, 0, 0};
    if (lists.languages_.size() == kMaxLanguages) {
      diagnostics.error(file_loc, "too many stopword languages (at most 32)");
      continue;
    }
    int index = lists.language_index(code);
    if (index < 0) {
      index = static_cast<int>(lists.languages_.size());
      lists.languages_.emplace_back(code);
    }
    const LanguageMask bit = LanguageMask{1} << static_cast<unsigned>(index);
    for_each_data_line(content, [&](std::string_view line, std::uint32_t line_number) {
      line = trim_ascii_blanks(line);
      fold_word(line, folded);
      const SourceLoc at{&path, line_number, 1};
      if (folded != line) {
        diagnostics.error(at, "stopwords must be written in lower case", std::string(line));
        return;
      }
      if (line.find(' ') != std::string_view::npos) {
        diagnostics.error(at, "one stopword a line: the tokeniser never yields a word with a space",
                          std::string(line));
        return;
      }
      if (line.size() > kMaxWordBytes) {
        diagnostics.error(at, "stopword longer than 64 bytes: the tokeniser never looks such words up",
                          std::string(line));
        return;
      }
      if (line.size() <= 8 && line.find('\0') == std::string_view::npos) {
        lists.short_words_[swar::load8(line, 0)] |= bit;
      } else {
        lists.long_words_[line] |= bit;
        const unsigned filter_bit = long_word_bit(swar::load8(line, 0));
        lists.long_word_filter_[filter_bit / 64] |= std::uint64_t{1} << (filter_bit % 64);
      }
      lists.max_word_bytes_ = std::max(lists.max_word_bytes_, line.size());
    });
  }
  return lists;
}

LanguageMask StopwordLists::short_word_languages(std::string_view folded_word) const {
  if (folded_word.find('\0') == std::string_view::npos) return languages_of_packed(swar::load8(folded_word, 0));
  const LanguageMask* mask = long_words_.find(folded_word);  // packing would lose the NUL
  return mask == nullptr ? 0 : *mask;
}

LanguageMask& StopwordLists::PackedWordTable::operator[](std::uint64_t packed) {
  const std::uint64_t hash = spread(packed);
  filter_[filter_word(hash)] |= std::uint64_t{1} << filter_bit(hash);
  std::size_t i = hash >> shift_;
  for (; slots_[i].word != 0; i = (i + 1) & slot_mask_)
    if (slots_[i].word == packed) return slots_[i].languages;
  if (4 * (size_ + 1) > slots_.size()) {
    grow();
    return (*this)[packed];
  }
  ++size_;
  slots_[i].word = packed;
  return slots_[i].languages;
}

void StopwordLists::PackedWordTable::reserve(std::size_t words) {
  std::size_t slots = slots_.size();
  while (4 * words > slots) slots *= 2;  // the load operator[] keeps
  if (slots != slots_.size()) rehash(slots);
}

void StopwordLists::PackedWordTable::rehash(std::size_t slots) {
  std::vector<Slot> old(slots);
  old.swap(slots_);
  slot_mask_ = slots_.size() - 1;
  shift_ = static_cast<unsigned>(64 - std::countr_zero(slots_.size()));
  for (const Slot& slot : old) {
    if (slot.word == 0) continue;
    std::size_t i = spread(slot.word) >> shift_;
    while (slots_[i].word != 0) i = (i + 1) & slot_mask_;
    slots_[i] = slot;
  }
}

int StopwordLists::language_index(std::string_view code) const {
  for (std::size_t i = 0; i < languages_.size(); ++i)
    if (languages_[i] == code) return static_cast<int>(i);
  return -1;
}

}  // namespace declutter::score
