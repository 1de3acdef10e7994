#include "score/features.h"

#include <algorithm>

#include "score/text_scan.h"

namespace declutter::score {
namespace {

bool is_space(char32_t c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == 0xA0 || c == 0x3000 || (c >= 0x2000 && c <= 0x200B); }

bool is_sentence_mark(char32_t c) {
  return c == '.' || c == '!' || c == '?' || c == 0x2026 || c == 0x3002 || c == 0xFF01 || c == 0xFF1F;
}

bool is_clause_mark(char32_t c) { return c == ',' || c == ';' || c == 0xFF0C || c == 0x3001 || c == 0xFF1B; }

bool is_closing(char32_t c) {
  return c == '"' || c == '\'' || c == ')' || c == 0x201D || c == 0x2019 || c == 0xBB || c == 0x300D || c == 0xFF09;
}

bool is_decoration(char32_t c) {
  switch (c) {
    case '|': case 0xA6: case 0x2022: case 0xB7: case 0xBB: case 0xAB: case 0x203A: case 0x2039:
    case 0x25BA: case 0x25B6: case 0x25B8: case 0x25A0: case 0x25AA: case 0x25C6: case 0x2605:
    case 0x2606: case 0x2192: case 0x2190: case 0x2191: case 0x2193: case 0x2713: case 0x2714:
    case 0x2715: case 0x2716: case 0xD7: case 0x2023: case 0x25CF: case 0x30FB:
      return true;
    default:
      return false;
  }
}

bool is_bullet(char32_t c) {
  return c == 0x2022 || c == '-' || c == '*' || c == '>' || c == 0x25CF || c == 0x25AA || c == 0x25BA ||
         c == 0x25B8 || c == 0x2013 || c == 0x2023 || c == 0xBB;
}

}  // namespace

BlockFeatures measure_block(const Block& block, const StopwordLists& lists, int language,
                            float cjk_chars_per_word, std::string& folded) {
  BlockFeatures f;
  const std::string_view text = block.text;
  const LanguageMask language_bit = language < 0 ? 0 : LanguageMask{1} << static_cast<unsigned>(language);

  // Characters: counts, punctuation in context, the first and last visible ones. A sentence
  // mark counts when it ends a word and a space or the end follows ("3.5" and "U.S." do not).
  char32_t previous = ' ';
  char32_t last_visible = 0;
  char32_t before_last_visible = 0;
  bool mark_pending = false;
  bool bullet_pending = false;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const char32_t c = next_code_point(text, pos);
    if (is_space(c)) {
      if (mark_pending) ++f.sentence_marks;
      if (bullet_pending) f.starts_with_bullet = true;
      mark_pending = bullet_pending = false;
      previous = ' ';
      continue;
    }
    bullet_pending = f.chars == 0 && is_bullet(c);
    ++f.chars;
    const bool after_word = is_letter(previous) || is_digit(previous) || is_closing(previous);
    if (is_letter(c)) {
      ++f.letters;
    } else if (is_digit(c)) {
      ++f.digits;
    } else if (is_clause_mark(c)) {
      if (after_word) ++f.commas;
    } else if (is_decoration(c)) {
      ++f.decorations;
    }
    if (is_sentence_mark(c)) {
      if (is_cjk(previous)) {
        ++f.sentence_marks;  // CJK full stops need no following space
      } else {
        mark_pending = mark_pending || after_word;
      }
    } else if (!is_closing(c)) {
      mark_pending = false;
    }
    previous = c;
    before_last_visible = last_visible;
    last_visible = c;
  }
  if (mark_pending) ++f.sentence_marks;
  f.ends_sentence = is_sentence_mark(last_visible) || (is_closing(last_visible) && is_sentence_mark(before_last_visible));

  // Words: stopwords and capitalisation.
  for_each_word(text, [&](std::string_view word, bool cjk) {
    if (cjk) {
      std::size_t p = 0;
      while (p < word.size()) {
        next_code_point(word, p);
        ++f.cjk_chars;
      }
      return;
    }
    ++f.alpha_words;
    std::size_t p = 0;
    const char32_t first = next_code_point(word, p);
    if (is_upper(first)) {
      ++f.title_words;
      bool all_caps = p < word.size();
      while (p < word.size() && all_caps) all_caps = is_upper(next_code_point(word, p));
      if (all_caps) ++f.caps_words;
    }
    if (language_bit != 0) {
      fold_into(word, folded);
      if ((lists.languages_of(folded) & language_bit) != 0) ++f.stopwords;
    }
  });
  f.words = static_cast<float>(f.alpha_words) +
            (cjk_chars_per_word > 0 ? static_cast<float>(f.cjk_chars) / cjk_chars_per_word : 0.0F);
  if (f.chars > 0 && block.link_chars > 0)
    f.link_density = std::min(1.0F, static_cast<float>(block.link_chars) / static_cast<float>(f.chars));
  return f;
}

std::uint64_t repetition_key(std::string_view text, std::string& folded) {
  folded.clear();
  std::size_t pos = 0;
  while (pos < text.size()) {
    const char32_t c = next_code_point(text, pos);
    if (is_letter(c)) append_utf8(folded, fold_case(c));
  }
  if (folded.empty()) return 0;
  std::uint64_t hash = 1469598103934665603ULL;  // FNV-1a
  for (const char byte : folded) {
    hash ^= static_cast<unsigned char>(byte);
    hash *= 1099511628211ULL;
  }
  return hash == 0 ? 1 : hash;
}

void normalise_for_match(std::string_view text, std::string& out) {
  out.clear();
  bool pending_space = false;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const char32_t c = next_code_point(text, pos);
    if (is_letter(c) || is_digit(c)) {
      if (pending_space && !out.empty()) out.push_back(' ');
      pending_space = false;
      append_utf8(out, fold_case(c));
    } else {
      pending_space = true;
    }
  }
}

}  // namespace declutter::score
