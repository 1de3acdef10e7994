// Steps 3 and 4 of the content scorer: segmenting a window into content and boilerplate,
// and deciding which content runs are the article.
#include <algorithm>
#include <cmath>

#include "score/article_element.h"
#include "score/score_window.h"

namespace declutter::score {
namespace {
// Whether `run` shares at least lead_topic_share of its distinct topic words
// (append_topic_words), and lead_topic_words of them at all, with the article. The article
// is read block by block only as far as a run needs, and what was read is kept for the next
// run (s.article_words), so a window reads its article at most once however many runs ask.
bool on_article_topic(std::span<const Block> blocks, const ContentRun& run, const ContentRun& article,
                      const StopwordLists& lists, const ScoreParams& p, ScoreScratch& s) {
  distinct_topic_words(blocks, run.begin, run.end, lists, p, s.run_topic);
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

// Whether the good prose of `run` lies inside `element`.
bool prose_inside(const WindowDom& dom, std::uint32_t element, const ContentRun& run, const ScoreScratch& s) {
  for (std::size_t i = run.begin; i < run.end; ++i)
    if (s.classes[i] == BlockClass::good && !inside_element(dom.nodes, element, dom.elements[i].node)) return false;
  return true;
}

// Whether the last block above block `gap` that no rule dropped ends with a colon: it
// announces what follows ("These ten principles:", "You will need:").
bool announces_list(std::span<const Block> blocks, std::size_t gap, const ScoreScratch& s) {
  std::size_t above = gap;
  while (above > 0 && (s.classes[above - 1] == BlockClass::empty || blocks[above - 1].verdict == Verdict::drop)) --above;
  return above > 0 && ends_with_colon(blocks[above - 1].text);
}

}  // namespace

void distinct_topic_words(std::span<const Block> blocks, std::size_t begin, std::size_t end,
                          const StopwordLists& lists, const ScoreParams& params, std::vector<std::uint64_t>& out) {
  out.clear();
  for (std::size_t k = begin; k < end; ++k)
    if (blocks[k].verdict != Verdict::drop) append_topic_words(blocks[k].text, params.topic_word_bytes, lists, out);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
}

void segment_content(std::span<const Block> blocks, const ScoreParams& params, ScoreScratch& s) {
  const std::size_t n = blocks.size();
  // Emissions: a block's evidence for content, capped so that one huge paragraph cannot
  // drag a whole footer along; decided blocks speak through their verdict.
  s.emissions.resize(n);
  bool article_begun = false;
  for (std::size_t i = 0; i < n; ++i) {
    float e = clampf(s.prose[i] - params.threshold, -params.emission_cap, params.emission_cap);
    // A short block carries little evidence against itself (jusText's "short" class): a
    // subheading, a byline or a list item between paragraphs stays with them, while many
    // short blocks in a row add up to a menu.
    if (s.classes[i] == BlockClass::short_block) e = std::max(e, -params.short_cap);
    if (s.classes[i] == BlockClass::empty) e = 0;
    // The rules spoke: a dropped block counts against content no more than the dropped cap, so
    // a caption inside the article does not split it while a run of dropped chrome (a comment
    // form, a share bar) still ends it.
    if (blocks[i].verdict == Verdict::drop) e = article_begun ? clampf(e, -params.dropped_cap, 0) : 0;
    article_begun = article_begun || (s.classes[i] == BlockClass::good && blocks[i].verdict != Verdict::drop);
    if (blocks[i].verdict == Verdict::keep) e = std::max(e, 1.0F);
    s.emissions[i] = e;
  }
  label_content(s.emissions, params.switch_cost, s.path, s.content);
  s.reason.assign(n, ScoreReason::boilerplate);  // content runs get theirs below
}

std::optional<std::size_t> keep_content_runs(const WindowDom& dom, std::span<const Block> blocks,
                                             const StopwordLists& lists, const ScoreParams& params, ScoreScratch& s) {
  const std::size_t n = blocks.size();
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
  if (std::none_of(s.runs.begin(), s.runs.end(), [](const ContentRun& run) { return run.mass > 0; })) return std::nullopt;
  std::size_t first_content = n;
  const ContentRun main_run = *std::max_element(s.runs.begin(), s.runs.end(),
                                                [](const ContentRun& x, const ContentRun& y) { return x.mass < y.mass; });
  s.article_words.reset(256);
  s.article_read = main_run.begin;
  const std::uint32_t main_element = element_holding(dom, blocks, main_run.begin, main_run.end, params, s);
  for (const ContentRun& run : s.runs) {
    // Blocks between this run and the article, those a rule dropped at a lesser weight: a
    // table of contents or an advert box the rules removed moves a lead away less than
    // prose would, yet a run of menu entries between a teaser box and the article counts.
    float gap = 0;
    const std::size_t from = run.end <= main_run.begin ? run.end : main_run.end;
    const std::size_t to = run.end <= main_run.begin ? main_run.begin : run.begin;
    for (std::size_t k = from; k < to; ++k)
      gap += s.classes[k] == BlockClass::empty      ? 0.0F
             : blocks[k].verdict == Verdict::drop ? params.run_gap_dropped_weight
                                                  : 1.0F;
    const float distance = params.run_gap_scale <= 0 ? 1.0F : std::min(1.0F, gap / params.run_gap_scale);
    bool keep_run = run.mass > 0 && run.mass >= params.run_min_share * distance * main_run.mass;
    ScoreReason why = run.begin == main_run.begin ? ScoreReason::article : ScoreReason::near_run;
    // What a text dump prints under an article, with no element to set it apart: the author's
    // or the site's blurb, a donation appeal, a newsletter pitch. A run after the article,
    // past a gap, with a small share of its prose stays only when it speaks of its topic.
    if (keep_run && run.begin >= main_run.end && gap >= params.after_topic_gap &&
        run.mass < params.after_topic_mass * main_run.mass &&
        !on_article_topic(blocks, run, main_run, lists, params, s)) {
      keep_run = false;
      why = ScoreReason::off_topic;
    }
    // A lead or standfirst cut off from the body by a table of contents or a box speaks of
    // what the article speaks of; a teaser, a notice or a site's blurb above it does not.
    if (!keep_run && run.mass > 0 && run.end <= main_run.begin && params.lead_topic_share > 0) {
      keep_run = on_article_topic(blocks, run, main_run, lists, params, s);
      why = ScoreReason::lead_on_topic;
    }
    // HTML: a run above the article whose prose lies inside the element that holds the
    // article's prose is its lead or introduction, however short beside the body (a wiki's
    // introduction above long tables).
    if (!keep_run && run.mass > 0 && run.end <= main_run.begin && main_element != kNoNode) {
      keep_run = prose_inside(dom, main_element, run, s);
      why = ScoreReason::introduction;
    }
    if (!keep_run && why != ScoreReason::off_topic) why = ScoreReason::stray_run;
    for (std::size_t k = run.begin; k < run.end; ++k) label(s, k, keep_run, why);
    if (keep_run) first_content = std::min(first_content, run.begin);
  }
  // The article's header is looked for above its first block that a rule left: a run may
  // open with blocks the rules dropped (the headline's second copy, a "Breaking News" label).
  while (first_content < n && s.content[first_content] &&
         (s.classes[first_content] == BlockClass::empty || blocks[first_content].verdict == Verdict::drop))
    ++first_content;
  return first_content;
}

void bridge_short_gaps(std::span<const Block> blocks, std::size_t first_content, const ScoreParams& params,
                       ScoreScratch& s) {
  const std::size_t n = blocks.size();
  // A list between two parts of the article (ingredients, steps, a short table) is part
  // of it: a gap of at most score-bridge-blocks short blocks between content is filled, and
  // of score-bridge-announced-blocks under a line that announces a list.
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
    if (j < n && only_short && undecided <= (announces_list(blocks, i, s) ? params.bridge_announced_blocks : params.bridge_blocks))
      for (std::size_t k = i; k < j; ++k) label(s, k, true, ScoreReason::bridge);
    i = j;
  }
}

void share_list_fate(const WindowDom& dom, std::span<const Block> blocks, ScoreScratch& s) {
  // HTML: the items of one list share a fate; an article's list does not lose its short
  // items because a longer one carried the run.
  const std::span<const BlockElement> elements = dom.elements;
  const std::size_t n = elements.size();
  for (std::size_t i = 0; i < n;) {
    std::size_t j = i + 1;
    if (elements[i].tag == "li") {
      while (j < n && elements[j].tag == "li" && elements[j].depth == elements[i].depth &&
             elements[j].class_id == elements[i].class_id)
        ++j;
      bool any = false;
      for (std::size_t k = i; k < j; ++k) any = any || (s.content[k] && blocks[k].verdict != Verdict::drop);
      if (any)
        for (std::size_t k = i; k < j; ++k)
          if (!s.content[k]) label(s, k, true, ScoreReason::list);
    }
    i = j;
  }
}

}  // namespace declutter::score
