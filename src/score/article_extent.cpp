// Step 4 of the content scorer, HTML: what belongs to the article beyond its runs (the
// other blocks of its container and its element, a short tail), what does not (runs outside
// its element), and common rules whose verdicts hit the article and are undone.
#include <algorithm>
#include <functional>

#include "rules/rule.h"
#include "score/article_element.h"
#include "score/score_window.h"

namespace declutter::score {
namespace {

// The container a block sits in, as far as the HTML front end tells: its class and id tokens
// (with its ancestors') and its depth.
std::uint64_t container_key(const BlockElement& element) {
  return std::hash<std::string_view>{}(element.class_id) * 31 + element.depth;
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

}  // namespace

// HTML: the article's paragraphs sit in one container. When one container (class and id
// tokens, depth) holds at least `container_min_share` of the good prose labelled content, its
// other blocks between the first and last of those paragraphs are part of the article,
// however short (a one-line paragraph, a question in an interview).
void join_article_container(const WindowDom& dom, std::span<const Block> blocks, const ScoreParams& params,
                            ScoreScratch& s) {
  const std::span<const BlockElement> elements = dom.elements;
  const std::size_t n = elements.size();
  const auto in_article_prose = [&](std::size_t i) {
    return s.content[i] && s.classes[i] == BlockClass::good && elements[i].depth > 0;
  };
  s.container_words.clear();
  for (std::size_t i = 0; i < n; ++i)
    if (in_article_prose(i)) s.container_words[container_key(elements[i])] += s.features[i].words;
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
    if (in_article_prose(i) && container_key(elements[i]) == article_key) {
      first = std::min(first, i);
      last = i;
    }
  fill_article(blocks, params, s, first, last, ScoreReason::container,
               [&](std::size_t i) { return container_key(elements[i]) == article_key; });
}

// HTML: the element holding the good prose labelled content among blocks [begin, end)
// (article_element, at score-article-share), its words left in s.article_mass; kNoNode
// without a DOM.
std::uint32_t element_holding(const WindowDom& dom, std::span<const Block> blocks, std::size_t begin,
                              std::size_t end, const ScoreParams& params, ScoreScratch& s) {
  if (dom.nodes.empty() || params.article_share <= 0) return kNoNode;
  s.article_mass.assign(blocks.size(), 0.0F);
  for (std::size_t i = begin; i < end; ++i)
    if (s.content[i] && s.classes[i] == BlockClass::good && blocks[i].verdict != Verdict::drop)
      s.article_mass[i] = static_cast<float>(s.features[i].words);
  return article_element(dom.nodes, dom.elements, s.article_mass, params.article_share, s.subtree_mass,
                         s.subtree_blocks);
}

// HTML: the element holding the article, by its share of the good prose labelled content
// (score-article-share). Its blocks between its first and last paragraph are part of the
// article whatever their length (a table, a recipe's list, a one-line answer); a run of
// content outside it needs score-article-outside-share of its prose to stay (an author box,
// a subscription pitch, a comment under the article).
void join_article_element(const WindowDom& dom, std::span<const Block> blocks, const ScoreParams& params,
                          ScoreScratch& s) {
  const std::size_t n = blocks.size();
  const std::uint32_t article = element_holding(dom, blocks, 0, n, params, s);
  if (article == kNoNode) return;
  const auto inside = [&](std::size_t i) { return inside_element(dom.nodes, article, dom.elements[i].node); };
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

}  // namespace declutter::score
