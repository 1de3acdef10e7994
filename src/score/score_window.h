#pragma once
// What the content scorer's steps share while they score one window of a document: the
// per-thread buffers, the content runs, and the steps themselves, in the order
// ContentScorer::run_window calls them (content_scorer.h describes the method). Internal to
// the scorer.
#include <algorithm>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/document.h"
#include "core/hash_counter.h"
#include "score/content_scorer.h"
#include "score/features.h"
#include "text/normalize.h"
#include "text/page_title.h"

namespace declutter::score {

inline float clampf(float value, float low, float high) { return std::min(high, std::max(low, value)); }

// Whether a block's text ends with a colon: a label ("Zutaten:"), or a line that announces
// what follows it ("You will need:").
inline bool ends_with_colon(std::string_view text) {
  text = trim_space(text);
  return !text.empty() && text.back() == ':';
}

// What the HTML front end tells of a window: its blocks' elements, one per block, and the
// document's block-level elements. Both are empty in text mode.
struct WindowDom {
  std::span<const BlockElement> elements;
  std::span<const DomNode> nodes;
};

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
inline void label(ScoreScratch& s, std::size_t i, bool content, ScoreReason why) {
  s.content[i] = content;
  s.reason[i] = why;
}

// Step 1 (prose_score.cpp): every block's features, the window's language, how often each
// block's text recurs in the window, and which blocks match `page_title` (left normalised in
// s.title for the header step).
LanguageGuess measure_window(std::span<const Block> blocks, const WindowDom& dom, std::string_view page_title,
                             const StopwordLists& lists, const ScoreParams& params, ScoreScratch& s);

// Step 2 (prose_score.cpp): each block's prose score and class, with capitals judged against
// the page's own long sentences.
void score_prose(std::span<const Block> blocks, bool language_known, const ScoreParams& params, ScoreScratch& s);

// Before step 3 (article_extent.cpp): a common rule that dropped more good prose than the
// window has left undecided hit the article; its verdicts are undone.
void undo_rules_over_article(std::span<Block> blocks, const ScoreParams& params, ScoreScratch& s);

// Step 3 (content_runs.cpp): labels every block content or boilerplate by the two-state
// segmentation over its capped evidence.
void segment_content(std::span<const Block> blocks, const ScoreParams& params, ScoreScratch& s);

// The distinct topic words (append_topic_words) of blocks [begin, end) that no rule dropped,
// sorted, into `out`: what a run speaks of, for the tests of a lead against the article or
// its headline (content_runs.cpp).
void distinct_topic_words(std::span<const Block> blocks, std::size_t begin, std::size_t end,
                          const StopwordLists& lists, const ScoreParams& params, std::vector<std::uint64_t>& out);

// Step 4 (content_runs.cpp): keeps the article's run and the runs near or on topic with it,
// labelling the others stray. Returns the article's first block that no rule dropped, or
// nothing when the window has no good prose at all (and so no article to judge by).
std::optional<std::size_t> keep_content_runs(const WindowDom& dom, std::span<const Block> blocks,
                                             const StopwordLists& lists, const ScoreParams& params, ScoreScratch& s);

// Step 4 (content_runs.cpp): short gaps between content from `first_content` on are bridged.
void bridge_short_gaps(std::span<const Block> blocks, std::size_t first_content, const ScoreParams& params,
                       ScoreScratch& s);

// Step 4, HTML (article_extent.cpp): the blocks of the article's container and element join
// it; runs outside the element with too little prose leave it.
void join_article_container(const WindowDom& dom, std::span<const Block> blocks, const ScoreParams& params,
                            ScoreScratch& s);
void join_article_element(const WindowDom& dom, std::span<const Block> blocks, const ScoreParams& params,
                          ScoreScratch& s);
// The element holding the good prose labelled content among blocks [begin, end), its words
// left in s.article_mass; kNoNode without a DOM.
std::uint32_t element_holding(const WindowDom& dom, std::span<const Block> blocks, std::size_t begin,
                              std::size_t end, const ScoreParams& params, ScoreScratch& s);

// Step 4, HTML (content_runs.cpp): the items of one list share a fate.
void share_list_fate(const WindowDom& dom, std::span<const Block> blocks, ScoreScratch& s);

// Step 4 (article_header.cpp): the article's headline and the lines between it and the
// first paragraph. `page_title` is the <title>, or the text's first line when
// `title_from_first_line`; `window_begin` is where the window starts in the document.
// Returns whether the window opens with the page's headline, moved there by the HTML front end.
// The one verdict it changes: a headline's second copy that dedupe dropped, when the first
// stands in the chrome above, is undecided again, for step 5 to keep.
bool label_article_header(const WindowDom& dom, std::span<Block> blocks, std::size_t window_begin,
                          std::string_view page_title, bool title_from_first_line, std::size_t first_content,
                          const ScoreParams& params, ScoreScratch& s);

// Step 4 (article_header.cpp): a run above the article, from `first_content` up, that opens
// under a copy of the page title and speaks of what it names stays with that headline and the
// header lines between them: the lead of a short article that other prose on the page (a
// login dialog's messages, a comment thread) outweighs. With `headline_in_front` the window
// opens with the headline already, and the copy stays out.
void keep_leads_under_headline(std::span<const Block> blocks, std::size_t first_content, bool headline_in_front,
                               const StopwordLists& lists, const ScoreParams& params, ScoreScratch& s);

}  // namespace declutter::score
