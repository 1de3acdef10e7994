#include "score/content_scorer.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/hash_counter.h"
#include "score/article_element.h"
#include "score/features.h"
#include "rules/rule.h"
#include "text/normalize.h"
#include "text/page_title.h"

namespace declutter::score {
namespace {

float clampf(float value, float low, float high) { return std::min(high, std::max(low, value)); }

// Whether at least half of a line's space-separated tokens are web addresses or host names
// ("kurier.at events.at film.at"): a row of a media group's sites, not a headline.
bool mostly_addresses(std::string_view text) {
  std::size_t tokens = 0;
  std::size_t addresses = 0;
  while (!text.empty()) {
    const std::size_t space = text.find(' ');
    const std::string_view token = text.substr(0, space);
    text = space == std::string_view::npos ? std::string_view{} : text.substr(space + 1);
    if (token.empty()) continue;
    ++tokens;
    // A dot with a letter on each side, ending in letters: "film.at", "www.example.com/a".
    const std::size_t dot = token.find_last_of('.');
    const auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
    if (dot != std::string_view::npos && dot > 0 && dot + 2 < token.size() && letter(token[dot - 1]) &&
        letter(token[dot + 1]) && letter(token[dot + 2]))
      ++addresses;
  }
  return tokens > 0 && 2 * addresses >= tokens;
}

struct ContentRun {
  std::size_t begin = 0;
  std::size_t end = 0;  // exclusive
  float mass = 0;       // words in good blocks
};

// Per-thread buffers, reused from document to document so that scoring allocates only
// when a document is larger than any before it on this thread.
struct ScoreScratch {
  std::vector<BlockFeatures> features;
  std::vector<float> prose;
  std::vector<BlockClass> classes;
  std::vector<float> emissions;
  std::vector<std::uint8_t> path;
  std::vector<bool> content;
  std::vector<ScoreReason> reason;  // why content[i] is what it is
  std::vector<ContentRun> runs;
  HashCounter key_counts;
  std::vector<std::uint64_t> keys;
  MeasureScratch measure;
  std::unordered_map<std::uint64_t, float> container_words;
  std::vector<float> article_mass;
  struct RuleProse {
    float words = 0;                 // good prose the rule dropped
    Decider decider = Decider::none; // how it dropped it (DOM rule or section cut)
  };
  std::unordered_map<const Rule*, RuleProse> rule_words;
  std::vector<float> subtree_mass;
  std::vector<std::uint32_t> subtree_blocks;
  std::string title;
  TitleFilter title_filter;
  std::string candidate;
  std::string title_part;  // a part of the <title>, normalised
  std::vector<std::uint64_t> run_topic;      // a run's distinct topic words, sorted
  HashCounter article_words;                 // the article's topic words read so far
  std::size_t article_read = 0;              // the article's first block not read yet
  std::vector<std::uint64_t> article_topic;  // one article block's topic words
};

// Labels block i content or not, and says why.
void label(ScoreScratch& s, std::size_t i, bool content, ScoreReason why) {
  s.content[i] = content;
  s.reason[i] = why;
}

ScoreScratch& scratch_for_thread() {
  thread_local ScoreScratch scratch;
  return scratch;
}

// Whether `run` shares at least lead_topic_share of its distinct topic words
// (append_topic_words), and lead_topic_words of them at all, with the article. The article
// is read block by block only as far as a run needs, and what was read is kept for the next
// run (s.article_words), so a window reads its article at most once however many runs ask.
bool on_article_topic(std::span<const Block> blocks, const ContentRun& run, const ContentRun& article,
                      const StopwordLists& lists, const ScoreParams& p, ScoreScratch& s) {
  s.run_topic.clear();
  for (std::size_t k = run.begin; k < run.end; ++k)
    if (blocks[k].verdict != Verdict::drop) append_topic_words(blocks[k].text, p.topic_word_bytes, lists, s.run_topic);
  std::sort(s.run_topic.begin(), s.run_topic.end());
  s.run_topic.erase(std::unique(s.run_topic.begin(), s.run_topic.end()), s.run_topic.end());
  const auto needed = std::max(p.lead_topic_words, static_cast<std::size_t>(std::ceil(
                                                       p.lead_topic_share * static_cast<float>(s.run_topic.size()))));
  if (s.run_topic.size() < needed) return false;
  std::size_t shared = 0;
  for (const std::uint64_t word : s.run_topic) shared += s.article_words.count(word) != 0 ? 1 : 0;
  while (shared < needed && s.article_read < article.end) {
    const Block& block = blocks[s.article_read++];
    if (block.verdict == Verdict::drop) continue;
    s.article_topic.clear();
    append_topic_words(block.text, p.topic_word_bytes, lists, s.article_topic);
    for (const std::uint64_t word : s.article_topic)
      if (s.article_words.add(word) == 1 && std::binary_search(s.run_topic.begin(), s.run_topic.end(), word)) ++shared;
  }
  return shared >= needed;
}

// Two-state segmentation (boilerplate, content) maximising the summed emissions of the
// blocks labelled content minus `switch_cost` per change of state (Viterbi). A weak block
// between strong ones stays with them unless its evidence outweighs two switches; a long
// run of weak blocks (a menu, a teaser list) becomes boilerplate. Linear time and memory.
void label_content(std::span<const float> emissions, float switch_cost, std::vector<std::uint8_t>& from_content,
                   std::vector<bool>& content) {
  const std::size_t n = emissions.size();
  from_content.assign(n * 2, 0);  // [i*2 + state]: whether the best path into state at i came from content
  float boiler = 0;
  float inside = -switch_cost / 2;  // a page may open with its article, at half a switch
  for (std::size_t i = 0; i < n; ++i) {
    const float boiler_stay = boiler;
    const float boiler_from_content = inside;  // leaving content costs nothing once paid on entry
    const float content_stay = inside;
    const float content_from_boiler = boiler - switch_cost;
    from_content[i * 2] = boiler_from_content > boiler_stay ? 1 : 0;
    from_content[i * 2 + 1] = content_stay >= content_from_boiler ? 1 : 0;
    boiler = std::max(boiler_stay, boiler_from_content);
    inside = std::max(content_stay, content_from_boiler) + emissions[i];
  }
  content.assign(n, false);
  bool state = inside > boiler;
  for (std::size_t i = n; i-- > 0;) {
    content[i] = state;
    state = from_content[i * 2 + (state ? 1 : 0)] != 0;
  }
}

// The container a block sits in, as far as the HTML front end tells: its class and id tokens
// (with its ancestors') and its depth.
std::uint64_t container_key(const Block& block) {
  return std::hash<std::string_view>{}(block.class_id) * 31 + block.depth;
}

// Blocks of the article's container or element (`belongs`) between its first and last
// paragraph are part of the article however short, unless a rule decided them, they are
// empty or they are mostly link text.
template <class Belongs>
void fill_article(std::span<const Block> blocks, const ScoreParams& params, ScoreScratch& s, std::size_t first,
                  std::size_t last, ScoreReason why, Belongs belongs) {
  for (std::size_t i = first; i <= last && i < blocks.size(); ++i)
    if (!s.content[i] && blocks[i].verdict == Verdict::undecided && s.classes[i] != BlockClass::empty &&
        s.features[i].link_density <= params.max_link_density && belongs(i))
      label(s, i, true, why);
}

// HTML: the article element's blocks after its last paragraph (`last`) close the article (a
// closing one-line paragraph, a results table, a spec list, the interview's last answer):
// up to score-article-tail-blocks of them stay however short. The tail ends at the first
// block a rule dropped (the share bar, the tags line), a heading (it opens another section:
// with prose of its own, that prose would have been the last paragraph; without, it is a
// "Further reading" box), a block mostly link text, or the element's end.
template <class Belongs>
void keep_article_tail(std::span<const Block> blocks, const ScoreParams& params, ScoreScratch& s, std::size_t last,
                       Belongs belongs) {
  std::size_t kept = 0;
  for (std::size_t i = last + 1; i < blocks.size() && kept < params.article_tail_blocks && belongs(i); ++i) {
    if (blocks[i].verdict == Verdict::drop || blocks[i].kind == BlockKind::heading ||
        s.features[i].link_density > params.max_link_density)
      return;
    if (blocks[i].verdict != Verdict::undecided || s.classes[i] == BlockClass::empty || s.content[i]) continue;
    label(s, i, true, ScoreReason::tail);
    ++kept;
  }
}

// HTML: the article's paragraphs sit in one container. When one container (class and id
// tokens, depth) holds at least `container_min_share` of the good prose labelled content, its
// other blocks between the first and last of those paragraphs are part of the article,
// however short (a one-line paragraph, a question in an interview).
void join_article_container(std::span<const Block> blocks, const ScoreParams& params, ScoreScratch& s) {
  const std::size_t n = blocks.size();
  const auto in_article_prose = [&](std::size_t i) {
    return s.content[i] && s.classes[i] == BlockClass::good && blocks[i].depth > 0;
  };
  s.container_words.clear();
  for (std::size_t i = 0; i < n; ++i)
    if (in_article_prose(i)) s.container_words[container_key(blocks[i])] += s.features[i].words;
  std::uint64_t article_key = 0;
  float best = 0;
  float total = 0;
  for (const auto& [key, words] : s.container_words) {
    total += words;
    if (words > best) {
      best = words;
      article_key = key;
    }
  }
  if (best <= 0 || best < params.container_min_share * total) return;
  std::size_t first = n;
  std::size_t last = 0;
  for (std::size_t i = 0; i < n; ++i)
    if (in_article_prose(i) && container_key(blocks[i]) == article_key) {
      first = std::min(first, i);
      last = i;
    }
  fill_article(blocks, params, s, first, last, ScoreReason::container,
               [&](std::size_t i) { return container_key(blocks[i]) == article_key; });
}

// HTML: the element holding the good prose labelled content among blocks [begin, end)
// (article_element, at score-article-share), its words left in s.article_mass; Block::kNoNode
// without a DOM.
std::uint32_t element_holding(std::span<const DomNode> nodes, std::span<const Block> blocks, std::size_t begin,
                              std::size_t end, const ScoreParams& params, ScoreScratch& s) {
  if (nodes.empty() || params.article_share <= 0) return Block::kNoNode;
  s.article_mass.assign(blocks.size(), 0.0F);
  for (std::size_t i = begin; i < end; ++i)
    if (s.content[i] && s.classes[i] == BlockClass::good && blocks[i].verdict != Verdict::drop)
      s.article_mass[i] = static_cast<float>(s.features[i].words);
  return article_element(nodes, blocks, s.article_mass, params.article_share, s.subtree_mass, s.subtree_blocks);
}

// Whether the good prose of `run` lies inside `element`.
bool prose_inside(std::span<const DomNode> nodes, std::uint32_t element, std::span<const Block> blocks,
                  const ContentRun& run, const ScoreScratch& s) {
  for (std::size_t i = run.begin; i < run.end; ++i)
    if (s.classes[i] == BlockClass::good && !inside_element(nodes, element, blocks[i].node)) return false;
  return true;
}

// HTML: the element holding the article, by its share of the good prose labelled content
// (score-article-share). Its blocks between its first and last paragraph are part of the
// article whatever their length (a table, a recipe's list, a one-line answer); a run of
// content outside it needs score-article-outside-share of its prose to stay (an author box,
// a subscription pitch, a comment under the article).
void join_article_element(std::span<const DomNode> nodes, std::span<const Block> blocks, const ScoreParams& params,
                          ScoreScratch& s) {
  const std::size_t n = blocks.size();
  const std::uint32_t article = element_holding(nodes, blocks, 0, n, params, s);
  if (article == Block::kNoNode) return;
  const auto inside = [&](std::size_t i) { return inside_element(nodes, article, blocks[i].node); };
  std::size_t first = n;
  std::size_t last = 0;
  float inside_mass = 0;
  for (std::size_t i = 0; i < n; ++i)
    if (s.article_mass[i] > 0 && inside(i)) {
      first = std::min(first, i);
      last = i;
      inside_mass += s.article_mass[i];
    }
  if (params.article_fill) fill_article(blocks, params, s, first, last, ScoreReason::element, inside);
  if (first < n) keep_article_tail(blocks, params, s, last, inside);
  if (params.article_outside_share <= 0) return;
  for (std::size_t i = last + 1; i < n;) {
    if (!s.content[i] || inside(i)) {
      ++i;
      continue;
    }
    std::size_t j = i;
    float mass = 0;
    for (; j < n && s.content[j] && !inside(j); ++j) mass += s.article_mass[j];
    if (mass < params.article_outside_share * inside_mass)
      for (std::size_t k = i; k < j; ++k) label(s, k, false, ScoreReason::outside_article);
    i = j;
  }
}

// A common rule that dropped more good prose than the page has left undecided hit the
// article, not chrome beside it: a DOM rule on the article's own wrapper (a class name that
// also names a widget), or a section cut whose marker sits inside the article (a comment
// counter or a "Most read" link in the post's header). Its verdicts are undone and the
// blocks scored like the rest. Each kind has its own limit, as a multiple of the good prose
// left undecided (0: those rules always stand).
void undo_rules_over_article(std::span<Block> blocks, const ScoreParams& params, ScoreScratch& s) {
  const auto limit = [&](Decider decider) {
    return decider == Decider::dom_rule ? params.dom_rule_max_prose
           : decider == Decider::section_cut ? params.cut_max_prose : 0.0F;
  };
  if (params.dom_rule_max_prose <= 0 && params.cut_max_prose <= 0) return;
  const std::size_t n = blocks.size();
  float undecided = 0;
  s.rule_words.clear();
  for (std::size_t i = 0; i < n; ++i) {
    if (s.classes[i] != BlockClass::good) continue;
    const Block& block = blocks[i];
    if (block.verdict == Verdict::undecided) undecided += s.features[i].words;
    else if (block.verdict == Verdict::drop && limit(block.decider) > 0 && block.rule != nullptr &&
             block.rule->from_common) {
      ScoreScratch::RuleProse& prose = s.rule_words[block.rule];
      prose.words += s.features[i].words;
      prose.decider = block.decider;
    }
  }
  for (const auto& [rule, prose] : s.rule_words) {
    if (prose.words <= limit(prose.decider) * undecided) continue;
    for (Block& block : blocks)
      if (block.rule == rule && block.decider == prose.decider && block.verdict == Verdict::drop) {
        // What the line rules say of the block stands (a share bar's label inside the
        // wrapper); the rest is scored.
        const Rule* line_rule = block.line_rule;
        block.verdict = line_rule == nullptr ? Verdict::undecided : line_verdict(*line_rule);
        block.decider = line_rule == nullptr ? Decider::none : Decider::rule;
        block.rule = line_rule;
      }
  }
}

}  // namespace

ScoreParams ScoreParams::from(const Settings& settings, Focus focus) {
  ScoreParams p;
  const auto num = [&](std::string_view name) { return static_cast<float>(settings.number(name)); };
  p.window_blocks = std::max<std::size_t>(1, settings.count("score-window-blocks"));
  p.short_words = std::max(1.0F, num("score-short-words"));
  p.good_words = std::max(p.short_words + 1, num("score-good-words"));
  p.chars_per_word = CharsPerWord{num("score-cjk-chars-per-word"), num("score-unspaced-chars-per-word")};
  p.stopwords_low = num("score-stopwords-low");
  p.stopwords_high = std::max(p.stopwords_low + 0.01F, num("score-stopwords-high"));
  p.stopwords_unknown = num("score-stopwords-unknown");
  p.language.min_share = settings.number("score-language-min-share");
  p.language.min_margin = settings.number("score-language-margin");
  p.language.min_hits = static_cast<std::uint32_t>(settings.count("score-language-min-hits"));
  p.language.block_min_hits = static_cast<std::uint32_t>(settings.count("score-block-language-min-hits"));
  p.weight_length = num("score-weight-length");
  p.weight_stopwords = num("score-weight-stopwords");
  p.weight_punctuation = num("score-weight-punctuation");
  p.weight_links = num("score-weight-links");
  p.titlecase_base = std::min(0.9F, num("score-titlecase-base"));
  p.titlecase_margin = num("score-titlecase-margin");
  p.weight_titlecase = num("score-weight-titlecase");
  p.weight_caps = num("score-weight-caps");
  p.weight_digits = num("score-weight-digits");
  p.weight_decoration = num("score-weight-decoration");
  p.weight_repeat = num("score-weight-repeat");
  p.max_link_density = num("score-max-link-density");
  p.good = num("score-good");
  p.near_good = num("score-near-good");
  p.emission_cap = num("score-emission-cap");
  p.short_cap = num("score-short-cap");
  p.dropped_cap = num("score-dropped-cap");
  p.switch_cost = num("score-switch-cost");
  p.run_min_share = num("score-run-min-share");
  p.run_gap_scale = num("score-run-gap-scale");
  p.run_gap_dropped_weight = num("score-run-gap-dropped-weight");
  p.lead_topic_share = num("score-lead-topic-share");
  p.lead_topic_words = settings.count("score-lead-topic-words");
  p.topic_word_bytes = std::max<std::size_t>(1, settings.count("score-topic-word-bytes"));
  p.container_min_share = num("score-container-min-share");
  p.article_share = num("score-article-share");
  p.article_fill = settings.flag("score-article-fill");
  p.article_tail_blocks = settings.count("score-article-tail-blocks");
  p.dom_rule_max_prose = num("score-dom-rule-max-prose");
  p.cut_max_prose = num("score-cut-max-prose");
  p.article_outside_share = num("score-article-outside-share");
  p.bridge_blocks = settings.count("score-bridge-blocks");
  p.headline_reach = settings.count("score-headline-reach");
  p.headline_far_reach = settings.count("score-headline-far-reach");
  p.headline_min_words = num("score-headline-min-words");
  switch (focus) {
    case Focus::balanced: p.threshold = num("score-threshold"); break;
    case Focus::precision: p.threshold = num("score-threshold-precision"); break;
    case Focus::recall: p.threshold = num("score-threshold-recall"); break;
  }
  return p;
}

float prose_score(const BlockFeatures& f, bool language_known, float titlecase_base, const ScoreParams& p) {
  // Length: 0 at the short limit, 1 at the good length, on a log scale (a paragraph twice
  // as long is not twice as likely to be prose).
  const float length = clampf(std::log((f.words + 1) / (p.short_words + 1)) / std::log((p.good_words + 1) / (p.short_words + 1)),
                              -1.5F, 1.5F);
  // Stopwords: measured only where words are words; damped in short blocks, where one
  // "the" swings the density.
  float stopwords = p.stopwords_unknown;
  const bool mostly_cjk = f.cjk_chars > f.alpha_words;
  if (language_known && !mostly_cjk) {
    const float density = (f.stopword_density() - p.stopwords_low) / (p.stopwords_high - p.stopwords_low);
    stopwords = clampf(density, -1.5F, 1.5F) * std::min(1.0F, static_cast<float>(f.alpha_words) / p.short_words);
  }
  const float punctuation = (f.ends_sentence ? 0.5F : 0.0F) +
                            std::min(0.5F, 0.25F * static_cast<float>(f.sentence_marks + f.commas));
  const float titlecase = f.alpha_words < 2 ? (f.title_words > 0 ? 1.0F : 0.0F)
                                             : std::max(0.0F, f.title_share() - titlecase_base) / (1 - titlecase_base);
  const float decoration = std::min(1.0F, static_cast<float>(f.decorations) / std::max(1.0F, f.words / 5));
  const float repeat = std::min(1.0F, static_cast<float>(f.repeats) / 2);
  return p.weight_length * length + p.weight_stopwords * stopwords + p.weight_punctuation * punctuation -
         p.weight_titlecase * titlecase - p.weight_caps * f.caps_share() - p.weight_digits * f.digit_share() -
         p.weight_decoration * decoration - p.weight_repeat * repeat - p.weight_links * f.link_density;
}

BlockClass classify(const BlockFeatures& f, float score, const ScoreParams& p) {
  if (f.chars == 0) return BlockClass::empty;
  if (f.link_density > p.max_link_density) return BlockClass::bad;
  if (f.words < p.short_words) return BlockClass::short_block;
  if (score >= p.good) return BlockClass::good;
  if (score >= p.near_good) return BlockClass::near_good;
  return BlockClass::bad;
}

ContentScorer::ContentScorer(ScoreParams params, std::shared_ptr<const StopwordLists> stopwords)
    : params_(params), stopwords_(std::move(stopwords)) {}

void ContentScorer::run(Document& doc, StageScratch& /*scratch*/) const {
  for (std::size_t begin = 0; begin < doc.blocks.size(); begin += params_.window_blocks)
    run_window(doc, begin, std::min(doc.blocks.size(), begin + params_.window_blocks));
}

void ContentScorer::run_window(Document& doc, std::size_t begin, std::size_t end) const {
  const std::span<Block> blocks(doc.blocks.data() + begin, end - begin);
  const std::size_t n = blocks.size();
  ScoreScratch& s = scratch_for_thread();
  // Features and the language, with repetition counted over the window.
  const LanguageGuess guess =
      measure_blocks(blocks, *stopwords_, params_.language, params_.chars_per_word, s.features, s.keys, s.measure);
  if (begin == 0 && guess.language >= 0) doc.language = stopwords_->languages()[static_cast<std::size_t>(guess.language)];
  s.key_counts.reset(n);
  for (std::size_t i = 0; i < n; ++i)
    if (s.keys[i] != 0) s.key_counts.add(s.keys[i]);
  for (std::size_t i = 0; i < n; ++i)
    if (s.keys[i] != 0) s.features[i].repeats = s.key_counts.count(s.keys[i]) - 1;

  // The headline: a line that is the page title or its first part ("Headline | Site").
  // In text mode the title is the first line (dedupe drops it when the headline repeats it
  // further down, and the headline then matches it).
  const bool title_from_first_line = doc.title.empty();
  const std::string_view page_title = !title_from_first_line ? std::string_view(doc.title)
                                      : doc.blocks.empty()   ? std::string_view{}
                                                             : doc.blocks.front().text;
  normalise_for_match(page_title, s.title);
  constexpr std::size_t kMinHeadlineChars = 12;
  if (s.title.size() >= kMinHeadlineChars) {
    s.title_filter.set_title(s.title);
    for (std::size_t i = 0; i < n; ++i) {
      if (blocks[i].text.size() > 3 * s.title.size() || blocks[i].text.size() < kMinHeadlineChars) continue;
      if (!s.title_filter.may_match(blocks[i].text, s.features[i].letters + s.features[i].digits)) continue;
      normalise_for_match(blocks[i].text, s.candidate);
      if (s.candidate.size() < kMinHeadlineChars) continue;
      s.features[i].title_match = s.title.find(s.candidate) != std::string::npos ||
                                  s.candidate.find(s.title) != std::string::npos;
      // The headline repeats the title by design; that is no sign of chrome.
      if (s.features[i].title_match) s.features[i].repeats = 0;
    }
  }

  s.prose.resize(n);
  s.classes.resize(n);
  // How capitalised this page's own prose is: German capitalises nouns, English does not,
  // so a menu is told by capitals beyond what the page's long sentences show.
  std::uint32_t prose_words = 0;
  std::uint32_t prose_capitalised = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const BlockFeatures& f = s.features[i];
    if (f.words < params_.good_words || !f.ends_sentence) continue;
    prose_words += f.alpha_words;
    prose_capitalised += f.title_words;
  }
  constexpr std::uint32_t kMinCalibrationWords = 100;
  const float titlecase_base =
      prose_words < kMinCalibrationWords
          ? params_.titlecase_base
          : std::min(0.9F, static_cast<float>(prose_capitalised) / static_cast<float>(prose_words) + params_.titlecase_margin);

  const bool language_known = guess.language >= 0;
  // A blank line (a third of the lines of text) has no features: its score is computed once.
  const float blank_prose = prose_score(BlockFeatures{}, language_known, titlecase_base, params_);
  for (std::size_t i = 0; i < n; ++i) {
    s.prose[i] = blocks[i].text.empty() ? blank_prose : prose_score(s.features[i], language_known, titlecase_base, params_);
    s.classes[i] = classify(s.features[i], s.prose[i], params_);
  }

  undo_rules_over_article(blocks, params_, s);

  // Emissions: a block's evidence for content, capped so that one huge paragraph cannot
  // drag a whole footer along; decided blocks speak through their verdict.
  s.emissions.resize(n);
  bool article_begun = false;
  for (std::size_t i = 0; i < n; ++i) {
    float e = clampf(s.prose[i] - params_.threshold, -params_.emission_cap, params_.emission_cap);
    // A short block carries little evidence against itself (jusText's "short" class): a
    // subheading, a byline or a list item between paragraphs stays with them, while many
    // short blocks in a row add up to a menu.
    if (s.classes[i] == BlockClass::short_block) e = std::max(e, -params_.short_cap);
    if (s.classes[i] == BlockClass::empty) e = 0;
    // The rules spoke: a dropped block counts against content no more than the dropped cap, so
    // a caption inside the article does not split it while a run of dropped chrome (a comment
    // form, a share bar) still ends it.
    if (blocks[i].verdict == Verdict::drop) e = article_begun ? clampf(e, -params_.dropped_cap, 0) : 0;
    article_begun = article_begun || (s.classes[i] == BlockClass::good && blocks[i].verdict != Verdict::drop);
    if (blocks[i].verdict == Verdict::keep) e = std::max(e, 1.0F);
    s.emissions[i] = e;
  }
  label_content(s.emissions, params_.switch_cost, s.path, s.content);
  s.reason.assign(n, ScoreReason::boilerplate);  // content runs get theirs below

  // Content runs. The run with the most good prose is the article; another run stays when
  // its good prose is a fair share of the article's, and the further away it lies the larger
  // that share must be: a paragraph cut off by a table of contents or an advert box sits
  // close by, stray prose (an author box, a cookie notice, a comment) further out.
  s.runs.clear();
  for (std::size_t i = 0; i < n;) {
    if (!s.content[i]) {
      ++i;
      continue;
    }
    ContentRun run{i, i, 0};
    for (; run.end < n && s.content[run.end]; ++run.end)
      if (s.classes[run.end] == BlockClass::good) run.mass += s.features[run.end].words;
    s.runs.push_back(run);
    i = run.end;
  }
  // No good prose anywhere (a link page, a form, a fragment): the scorer has no article to set
  // against the rest and leaves the page to the rules.
  const bool any_good = std::any_of(s.runs.begin(), s.runs.end(), [](const ContentRun& run) { return run.mass > 0; });
  if (!any_good) {
    for (std::size_t i = 0; i < n; ++i) blocks[i].score = s.prose[i] - params_.threshold;
    return;
  }
  std::size_t first_content = n;
  {
    const ContentRun main_run = *std::max_element(s.runs.begin(), s.runs.end(),
                                                  [](const ContentRun& x, const ContentRun& y) { return x.mass < y.mass; });
    s.article_words.reset(256);
    s.article_read = main_run.begin;
    const std::uint32_t main_element = element_holding(doc.nodes, blocks, main_run.begin, main_run.end, params_, s);
    for (const ContentRun& run : s.runs) {
      // Blocks between this run and the article, those a rule dropped at a lesser weight: a
      // table of contents or an advert box the rules removed moves a lead away less than
      // prose would, yet a run of menu entries between a teaser box and the article counts.
      float gap = 0;
      const std::size_t from = run.end <= main_run.begin ? run.end : main_run.end;
      const std::size_t to = run.end <= main_run.begin ? main_run.begin : run.begin;
      for (std::size_t k = from; k < to; ++k)
        gap += s.classes[k] == BlockClass::empty      ? 0.0F
               : blocks[k].verdict == Verdict::drop ? params_.run_gap_dropped_weight
                                                    : 1.0F;
      const float distance = params_.run_gap_scale <= 0 ? 1.0F : std::min(1.0F, gap / params_.run_gap_scale);
      bool keep_run = run.mass > 0 && run.mass >= params_.run_min_share * distance * main_run.mass;
      ScoreReason why = run.begin == main_run.begin ? ScoreReason::article : ScoreReason::near_run;
      // A lead or standfirst cut off from the body by a table of contents or a box speaks of
      // what the article speaks of; a teaser, a notice or a site's blurb above it does not.
      if (!keep_run && run.mass > 0 && run.end <= main_run.begin && params_.lead_topic_share > 0) {
        keep_run = on_article_topic(blocks, run, main_run, *stopwords_, params_, s);
        why = ScoreReason::lead_on_topic;
      }
      // HTML: a run above the article whose prose lies inside the element that holds the
      // article's prose is its lead or introduction, however short beside the body (a wiki's
      // introduction above long tables).
      if (!keep_run && run.mass > 0 && run.end <= main_run.begin && main_element != Block::kNoNode) {
        keep_run = prose_inside(doc.nodes, main_element, blocks, run, s);
        why = ScoreReason::introduction;
      }
      for (std::size_t k = run.begin; k < run.end; ++k) label(s, k, keep_run, keep_run ? why : ScoreReason::stray_run);
      if (keep_run) first_content = std::min(first_content, run.begin);
    }
  }
  // The article's header is looked for above its first block that a rule left: a run may
  // open with blocks the rules dropped (the headline's second copy, a "Breaking News" label).
  while (first_content < n && s.content[first_content] &&
         (s.classes[first_content] == BlockClass::empty || blocks[first_content].verdict == Verdict::drop))
    ++first_content;
  // A list between two parts of the article (ingredients, steps, a short table) is part
  // of it: a gap of at most score-bridge-blocks short blocks between content is filled.
  for (std::size_t i = first_content; i < n;) {
    if (s.content[i]) {
      ++i;
      continue;
    }
    std::size_t j = i;
    std::size_t undecided = 0;
    bool only_short = true;
    for (; j < n && !s.content[j]; ++j) {
      if (s.classes[j] == BlockClass::empty || blocks[j].verdict == Verdict::drop) continue;
      ++undecided;
      only_short = only_short && s.classes[j] == BlockClass::short_block;
    }
    if (j < n && only_short && undecided <= params_.bridge_blocks)
      for (std::size_t k = i; k < j; ++k) label(s, k, true, ScoreReason::bridge);
    i = j;
  }
  join_article_container(blocks, params_, s);
  join_article_element(doc.nodes, blocks, params_, s);
  // HTML: the items of one list share a fate; an article's list does not lose its short
  // items because a longer one carried the run.
  for (std::size_t i = 0; i < n;) {
    std::size_t j = i + 1;
    if (blocks[i].tag == "li") {
      while (j < n && blocks[j].tag == "li" && blocks[j].depth == blocks[i].depth && blocks[j].class_id == blocks[i].class_id) ++j;
      bool any = false;
      for (std::size_t k = i; k < j; ++k) any = any || (s.content[k] && blocks[k].verdict != Verdict::drop);
      if (any)
        for (std::size_t k = i; k < j; ++k)
          if (!s.content[k]) label(s, k, true, ScoreReason::list);
    }
    i = j;
  }
  const std::size_t headline_from = first_content > params_.headline_reach ? first_content - params_.headline_reach : 0;
  // HTML: the block builder moves the page's headline (its main <h1>, else the <title>) in
  // front of the page. The page has an article, so that headline is its own.
  // Whether block i is the headline the page title opens with ("Headline | Site"), not the
  // site name it ends with (which a logo repeats); with `or_whole`, also the whole title.
  const auto names_headline = [&](std::size_t i, bool or_whole) {
    normalise_for_match(blocks[i].text, s.candidate);
    if (s.candidate.empty()) return false;
    return (or_whole && s.candidate == s.title) || title_opens_with(page_title, blocks[i].text.size(), [&](std::string_view part) {
             normalise_for_match(part, s.title_part);
             return s.title_part == s.candidate;
           });
  };
  // A headline that is link text (a blog's permalink on its title) is the headline still when
  // the <title> opens with it.
  const bool headline_in_front =
      begin == 0 && n > 0 && blocks[0].kind == BlockKind::title && blocks[0].verdict != Verdict::drop &&
      (s.features[0].link_density <= params_.max_link_density || names_headline(0, false));
  if (headline_in_front) label(s, 0, true, ScoreReason::headline);
  // The article's header: its headline (the line matching the title, or else the nearest
  // line above the article long enough to be one and no sentence, past a standfirst) and
  // what no rule removed between it and the first paragraph: the standfirst, whose prose
  // alone may not outweigh the chrome the rules dropped around it, and the short lines
  // (byline, date, kicker).
  if (first_content < n) {
    std::size_t headline = n;
    std::size_t header_from = n;  // the first block after the headline
    for (std::size_t i = first_content; i-- > std::max<std::size_t>(headline_from, headline_in_front ? 1 : 0);)
      if (s.features[i].title_match && blocks[i].verdict != Verdict::drop) {
        headline = i;
        break;
      }
    if (headline == n && headline_in_front && blocks[0].tag == "h1") {
      // The <h1> was moved: its header starts where it stood, at the first block from a
      // later source line.
      std::size_t at = 1;
      while (at < first_content && blocks[at].line < blocks[0].line) ++at;
      if (first_content - at <= params_.headline_reach) header_from = at;
    }
    // No headline near the article, none in front: a copy of the title further up, past
    // chrome the rules left (a share bar, an author box), stays with its standfirst (the
    // first block under it that no rule dropped, when that is a sentence of good prose),
    // without what stands between them and the article. Not the text title line itself,
    // the page's metadata.
    bool far_headline = false;
    if (headline == n && header_from == n && !headline_in_front) {
      const std::size_t far_reach = params_.headline_far_reach;
      const std::size_t far_from = std::max<std::size_t>(first_content > far_reach ? first_content - far_reach : 0,
                                                         title_from_first_line ? 1 : 0);
      for (std::size_t i = headline_from; i-- > far_from;)
        if (s.features[i].title_match && blocks[i].verdict != Verdict::drop && names_headline(i, true)) {
          label(s, i, true, ScoreReason::headline);
          far_headline = true;
          std::size_t below = i + 1;
          while (below < first_content && (s.classes[below] == BlockClass::empty || blocks[below].verdict == Verdict::drop))
            ++below;
          if (below < first_content && s.classes[below] == BlockClass::good && s.features[below].ends_sentence)
            label(s, below, true, ScoreReason::standfirst);
          break;
        }
    }
    // Whether block i reads as a headline: a line of a few words, no sentence, not link text,
    // and not repeated, unless all its copies are here, up to block `to` (a headline printed
    // twice). One token is no headline however many words the scorer reads in it (an e-mail
    // address, a file name), unless its script is written without spaces; nor is a label
    // ending in a colon, which introduces what follows it, a row of fields left open with a
    // separator (a byline's "| 3 comments |"), a line of markup (embed code in a text dump)
    // or a row of sites.
    const auto headline_like = [&](std::size_t i, std::size_t to) {
      const BlockFeatures& f = s.features[i];
      std::uint32_t copies_here = 0;
      if (f.repeats > 0)
        for (std::size_t k = headline_from; k < to; ++k) copies_here += s.keys[k] == s.keys[i] ? 1 : 0;
      const std::string_view text = trim_space(blocks[i].text);
      const bool several_tokens = f.cjk_chars > 0 || text.find(' ') != std::string_view::npos;
      const bool label = !text.empty() && text.back() == ':';
      const bool open_row = !text.empty() && text.back() == '|';  // "By A. Writer | 25. Mai 2022 |"
      const bool markup = !text.empty() && text.front() == '<';    // a text dump's embed code
      return several_tokens && !label && !open_row && !markup && !mostly_addresses(text) &&
             f.words >= params_.headline_min_words && f.words <= params_.good_words &&
             f.link_density <= params_.max_link_density && (f.repeats == 0 || copies_here == f.repeats + 1) &&
             !f.ends_sentence;
    };
    if (headline == n && header_from == n) {
      bool standfirst_passed = false;  // one paragraph of prose may stand between headline and article
      for (std::size_t i = first_content; i-- > headline_from;) {
        if (s.classes[i] == BlockClass::empty || blocks[i].verdict == Verdict::drop) continue;
        const BlockFeatures& f = s.features[i];
        if (f.words < params_.headline_min_words) continue;
        const bool prose = s.classes[i] == BlockClass::good || s.classes[i] == BlockClass::near_good;
        if (!standfirst_passed && prose && f.ends_sentence) {
          standfirst_passed = true;
          continue;
        }
        if (headline_like(i, first_content)) headline = i;
        break;
      }
    }
    // None above the article, none in front, none far up: the article may open with its
    // headline, which then is content already and only gets its name (for --explain and
    // --metadata's title).
    if (headline == n && header_from == n && !headline_in_front && !far_headline &&
        headline_like(first_content, first_content + 1))
      s.reason[first_content] = ScoreReason::headline;
    if (headline < n) {
      label(s, headline, true, ScoreReason::headline);
      header_from = headline + 1;
    }
    for (std::size_t i = header_from; i < first_content; ++i)
      if (s.classes[i] != BlockClass::empty && s.classes[i] != BlockClass::bad && !s.content[i])
        label(s, i, true, ScoreReason::header);
  }

  for (std::size_t i = 0; i < n; ++i) {
    Block& block = blocks[i];
    if (s.classes[i] == BlockClass::empty) continue;
    bool keep = s.content[i];
    ScoreReason why = s.reason[i];
    const bool the_headline = i == 0 && headline_in_front;
    if (s.classes[i] == BlockClass::bad && s.features[i].link_density > params_.max_link_density && !the_headline) {
      keep = false;
      why = ScoreReason::link_text;
    }
    // The score says which side of the threshold the block's own evidence fell on, and by
    // how much; the verdict adds the context (its run, the headline).
    block.score = s.prose[i] - params_.threshold;
    if (block.verdict != Verdict::undecided) continue;
    doc.decide(block, keep ? Verdict::keep : Verdict::drop, Decider::score);
    block.score_reason = why;
  }
}

}  // namespace declutter::score

namespace declutter {
std::unique_ptr<Stage> make_score_stage(const Settings& settings,
                                        std::shared_ptr<const score::StopwordLists> stopwords, Focus focus) {
  if (!settings.flag("score") || !stopwords) return nullptr;
  return std::make_unique<score::ContentScorer>(score::ScoreParams::from(settings, focus), std::move(stopwords));
}
}  // namespace declutter
