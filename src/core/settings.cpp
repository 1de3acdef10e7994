#include "core/settings.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdlib>

namespace declutter {
namespace {
using T = SettingSpec::Type;

// The one table of tunables. Keep it in documentation order; rules/README.md lists it.
constexpr std::array kSpecs{
    SettingSpec{"contents", "on",
                "drop a table of contents: lines the page prints again, in the same order, as the headings of the sections below",
                T::boolean},
    SettingSpec{"contents-min-entries", "3", "the fewest lines in a row that make a table of contents", T::count},
    SettingSpec{"cut-list-max-words", "24",
                "the longest line, in words, that a cut-list rule's heading takes with it as one of its box's headlines",
                T::count},
    SettingSpec{"drop-header-paragraph-words", "20",
                "where the article's head ends for drop-header rules: at the first line of the article's run with this many words",
                T::count},
    SettingSpec{"dedupe", "on", "drop exact repeats of an earlier line (repeated headline, caption)", T::boolean},
    SettingSpec{"dedupe-min-chars", "20", "lines shorter than this are never treated as repeats", T::count},
    SettingSpec{"dedupe-title-max-chars", "160", "a text page's first line longer than this is no title", T::count},
    SettingSpec{"edge-trim", "on", "drop runs of short non-sentence lines at the start and end of a document", T::boolean},
    SettingSpec{"edge-trim-max-words", "3", "the longest line, in words, that edge trimming may drop", T::count},
    SettingSpec{"edge-trim-max-chars", "40",
                "... and in characters: a line of Thai, Lao or Khmer, written without spaces, is a few words long however long it is",
                T::count},
    SettingSpec{"max-removed", "97%", "if common rules remove more than this share of the text, their verdicts are undone", T::fraction},
    // Content scoring (src/score): every threshold and weight of the prose classifier.
    SettingSpec{"score", "on", "score undecided blocks as article or boilerplate (src/score)", T::boolean},
    SettingSpec{"score-window-blocks", "5000", "blocks scored together; a longer document is scored in windows of this many", T::count},
    SettingSpec{"score-short-words", "8", "blocks with fewer words are too short to judge alone and lean on their neighbours", T::number},
    SettingSpec{"score-good-words", "25", "length in words that counts as full evidence of prose", T::number},
    SettingSpec{"score-cjk-chars-per-word", "2", "CJK characters counted as one word (scripts without spaces)", T::number},
    SettingSpec{"score-unspaced-chars-per-word", "4", "Thai, Lao, Myanmar or Khmer characters that count as one word", T::number},
    SettingSpec{"score-stopwords-low", "22%", "stopword density where the evidence for prose turns positive", T::fraction},
    SettingSpec{"score-stopwords-high", "40%", "stopword density that is full evidence of prose", T::fraction},
    SettingSpec{"score-stopwords-unknown", "0.5", "stopword evidence assumed when no language was detected (or for CJK text)", T::number},
    SettingSpec{"score-language-min-share", "15%",
                "a language is detected only if its stopwords are at least this share of all words (below it, a language without a list passes for a neighbour with one)",
                T::fraction},
    SettingSpec{"score-language-margin", "1.3", "... and it has this many times the stopword hits of the runner-up", T::number},
    SettingSpec{"score-language-min-hits", "8", "... and at least this many hits", T::count},
    SettingSpec{"score-block-language-min-hits", "6",
                "a block with at least this many stopwords of another language than the page's, and score-language-margin times its hits on the page language's list, is measured in its own language (a quote, an article in another language than the site's menus); 0: off",
                T::count},
    SettingSpec{"score-weight-length", "1", "weight of length evidence (0 at score-short-words, 1 at score-good-words)", T::number},
    SettingSpec{"score-weight-stopwords", "1", "weight of stopword-density evidence", T::number},
    SettingSpec{"score-weight-punctuation", "1", "weight of sentence and clause punctuation", T::number},
    SettingSpec{"score-weight-links", "3", "penalty per unit of link density (HTML)", T::number},
    SettingSpec{"score-titlecase-base", "40%", "share of capitalised words prose may have before it reads like a menu, when the page has too little prose to measure", T::fraction},
    SettingSpec{"score-titlecase-margin", "15%", "share of capitalised words a block may have beyond the page's own prose before it reads like a menu", T::fraction},
    SettingSpec{"score-weight-titlecase", "2", "penalty for capitalised words beyond what the page's prose shows (score-titlecase-margin)", T::number},
    SettingSpec{"score-weight-caps", "1", "penalty per share of words in capitals only", T::number},
    SettingSpec{"score-weight-digits", "1", "penalty per share of digits among letters and digits (dates, counters, prices)", T::number},
    SettingSpec{"score-weight-decoration", "1", "penalty for separators and icons (| • » ›) per word", T::number},
    SettingSpec{"score-weight-repeat", "1", "penalty for a block whose letters repeat elsewhere on the page", T::number},
    SettingSpec{"score-max-link-density", "50%", "a block with more link text than this is boilerplate whatever else it shows", T::fraction},
    SettingSpec{"score-good", "1.5", "prose score from which a block is good and counts toward the main content region", T::number},
    SettingSpec{"score-near-good", "0.5", "prose score from which a block is near-good (neutral in the region search)", T::number},
    SettingSpec{"score-emission-cap", "4", "a block's prose score is capped at plus or minus this before the content/boilerplate segmentation", T::number},
    SettingSpec{"score-short-cap", "0.5", "most a short block (under score-short-words) can count against content in the segmentation", T::number},
    SettingSpec{"score-dropped-cap", "0.5", "most a block a rule dropped can count against content in the segmentation (0: it is neutral)", T::number},
    SettingSpec{"score-switch-cost", "2", "cost of entering content from boilerplate in the segmentation: weak blocks between strong ones follow them", T::number},
    SettingSpec{"score-run-min-share", "10%", "a content run far from the article needs this share of the article's good prose to stay (stray prose in footers goes)", T::fraction},
    SettingSpec{"score-run-gap-scale", "10", "blocks between a content run and the article at which the full score-run-min-share applies; closer runs need proportionally less", T::number},
    SettingSpec{"score-run-gap-dropped-weight", "50%", "what a block a rule dropped counts for in that distance: a table of contents the rules removed moves a lead away less than prose would, a menu between a teaser box and the article still moves it away", T::fraction},
    SettingSpec{"score-lead-topic-share", "20%", "a content run before the article that fails score-run-min-share stays when this share of its topic words (long words) are the article's too: a lead cut off by a table of contents (0: never)", T::fraction},
    SettingSpec{"score-lead-topic-words", "5", "... and at least this many of them", T::count},
    SettingSpec{"score-after-topic-mass", "0", "a content run after the article, at least score-after-topic-gap blocks away, with less than this share of the article's good prose stays only when it is on the article's topic as score-lead-topic-share and -words measure it: an author's or a site's blurb goes (0: runs after the article are judged by their share alone; balanced focus)", T::fraction},
    SettingSpec{"score-after-topic-mass-precision", "0", "... with --precision", T::fraction},
    SettingSpec{"score-after-topic-mass-recall", "0", "... with --recall", T::fraction},
    SettingSpec{"score-after-topic-gap", "2", "blocks (counted as for score-run-gap-scale) between the article and a run after it from which score-after-topic-mass applies", T::number},
    SettingSpec{"score-topic-word-bytes", "5", "the bytes a word needs to count as a topic word (shorter ones are mostly function words)", T::count},
    SettingSpec{"score-bridge-blocks", "8", "a gap of at most this many short blocks between two parts of the article is kept with them (a list, a short table)", T::count},
    SettingSpec{"score-bridge-announced-blocks", "24", "... and this many when the article's line above the gap ends with a colon, which announces a list", T::count},
    SettingSpec{"score-container-min-share", "30%", "HTML: when the container holding most of the article's good prose holds at least this share of it, its other blocks between the first and last paragraph are kept (0: always, 100%: only a single container)", T::fraction},
    SettingSpec{"score-article-share", "70%", "HTML: the article element is the deepest element holding this share of the good prose labelled content (0: not looked for)", T::fraction},
    SettingSpec{"score-article-fill", "on", "HTML: keep the article element's blocks between its first and last good paragraph, however short", T::boolean},
    SettingSpec{"score-article-tail-blocks", "8", "HTML: keep up to this many of the article element's blocks after its last good paragraph, however short, up to a dropped block, a heading or link text", T::count},
    SettingSpec{"score-dom-rule-max-prose", "8", "HTML: a common DOM drop rule that removed more than this many times the good prose left undecided hit the article's wrapper and is undone (0: DOM rules always stand)", T::number},
    SettingSpec{"score-cut-max-prose", "1", "a common section cut that removed more than this many times the good prose left undecided cut into the article and is undone (0: cuts always stand)", T::number},
    SettingSpec{"score-article-outside-share", "20%", "HTML: a content run outside the article element needs this share of the article's good prose to stay (0: all stay)", T::fraction},
    SettingSpec{"score-headline-reach", "12", "blocks above the article searched for its headline (a line matching the title)", T::count},
    SettingSpec{"score-headline-far-reach", "36",
                "blocks above the article searched for a copy of the title when none is within the reach", T::count},
    SettingSpec{"score-headline-lead-reach", "6", "a run above the article stays, with its headline and header, when it opens under a copy of the title past at most this many blocks no rule dropped and shares score-headline-lead-words topic words with it: the lead of a short article other prose outweighs (0: only runs right under the copy)", T::count},
    SettingSpec{"score-headline-lead-words", "1", "... the topic words (long words) such a run shares with the title's copy (0: no run stays so)", T::count},
    SettingSpec{"score-header-min-score", "-3.5", "a short line between the article's headline and its first paragraph (a byline, a date, a kicker) stays with the article when its score is at least this (-1000: always)", T::number},
    SettingSpec{"score-header-long-min-score", "1000", "a long block of little prose between the article's headline and its first paragraph (an ingredient list, a press release's subheading, a dateline with its place) stays with the article when its score is at least this (1000: never)", T::number},
    SettingSpec{"score-headline-min-words", "4", "words the line above the article needs to be taken for its headline when no line matches the title", T::number},
    SettingSpec{"score-threshold", "0.25", "revised score a block needs to be kept (balanced focus)", T::number},
    SettingSpec{"score-threshold-precision", "0.75", "revised score a block needs to be kept with --precision", T::number},
    SettingSpec{"score-threshold-recall", "-0.75", "revised score a block needs to be kept with --recall", T::number},
};

// Stages turn numbers into floats and counts into sizes: a value past these bounds is a typo,
// and converting it would be undefined behaviour.
constexpr double kLargestNumber = 1e9;
constexpr std::size_t kLargestCount = 1'000'000'000;

bool parse_double(std::string_view text, double& out) {
  std::string copy(text);
  char* end = nullptr;
  out = std::strtod(copy.c_str(), &end);
  return !copy.empty() && end == copy.c_str() + copy.size() && std::isfinite(out) && std::fabs(out) <= kLargestNumber;
}

bool parse_count(std::string_view text, std::size_t& out) {
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), out);
  return !text.empty() && error == std::errc{} && end == text.data() + text.size() && out <= kLargestCount;
}

bool parse_fraction(std::string_view text, double& out) {
  if (!text.empty() && text.back() == '%') {
    if (!parse_double(text.substr(0, text.size() - 1), out)) return false;
    out /= 100.0;
  } else if (!parse_double(text, out)) {
    return false;
  }
  return out >= 0.0 && out <= 1.0;
}

std::optional<bool> parse_bool(std::string_view text) {
  if (text == "on" || text == "true" || text == "yes") return true;
  if (text == "off" || text == "false" || text == "no") return false;
  return std::nullopt;
}

std::size_t index_of(std::string_view name) {
  for (std::size_t i = 0; i < kSpecs.size(); ++i)
    if (kSpecs[i].name == name) return i;
  std::abort();  // a stage asked for a setting the table does not declare: a programming error
}
}  // namespace

std::optional<double> parse_share(std::string_view text) {
  double out = 0;
  if (!parse_fraction(text, out)) return std::nullopt;
  return out;
}

std::span<const SettingSpec> setting_specs() { return kSpecs; }

const SettingSpec* find_setting(std::string_view name) {
  auto it = std::find_if(kSpecs.begin(), kSpecs.end(), [&](const SettingSpec& s) { return s.name == name; });
  return it == kSpecs.end() ? nullptr : &*it;
}

std::optional<std::string> validate_setting(const SettingSpec& spec, std::string_view value) {
  double number = 0;
  switch (spec.type) {
    case T::number:
      if (!parse_double(value, number)) return "expected a number between -1e9 and 1e9";
      return std::nullopt;
    case T::count: {
      std::size_t count = 0;
      if (!parse_count(value, count)) return "expected a whole number from 0 to 1000000000";
      return std::nullopt;
    }
    case T::fraction:
      if (!parse_fraction(value, number)) return "expected a share such as 40% or 0.4";
      return std::nullopt;
    case T::boolean:
      if (!parse_bool(value)) return "expected on or off";
      return std::nullopt;
    case T::word:
      if (value.empty()) return "expected a value";
      return std::nullopt;
  }
  return std::nullopt;
}

Settings::Settings() {
  values_.reserve(kSpecs.size());
  for (const auto& spec : kSpecs) values_.emplace_back(spec.default_value);
}

void Settings::set(std::string_view name, std::string_view value) { values_[index_of(name)] = std::string(value); }

double Settings::number(std::string_view name) const {
  const std::size_t index = index_of(name);
  double out = 0;
  switch (kSpecs[index].type) {
    case T::fraction: parse_fraction(values_[index], out); break;
    case T::number: parse_double(values_[index], out); break;
    case T::boolean:
    case T::word:
    case T::count: std::abort();  // asked as a number but declared otherwise: a programming error
  }
  return out;
}

std::size_t Settings::count(std::string_view name) const {
  const std::size_t index = index_of(name);
  if (kSpecs[index].type != T::count) std::abort();  // a programming error, as in index_of
  std::size_t out = 0;
  parse_count(values_[index], out);
  return out;
}

bool Settings::flag(std::string_view name) const { return parse_bool(values_[index_of(name)]).value_or(false); }

std::string_view Settings::word(std::string_view name) const { return values_[index_of(name)]; }

}  // namespace declutter
