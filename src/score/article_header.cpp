// Step 4 of the content scorer: the article's header. Its headline (the line matching the
// page title, or one that reads like a headline just above the article) and what stands
// between it and the first paragraph.
#include <algorithm>
#include <optional>

#include "score/score_window.h"
#include "text/normalize.h"
#include "text/page_title.h"

namespace declutter::score {
namespace {

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

// Labels the article's header: the blocks in [from, to) that no rule dropped and that score
// as a header line may (a byline, a date, a kicker, a standfirst). A line without a letter is
// none: a share or comment counter, a bare date or time, a price, a picture's "1 / 2". A long
// block of little prose (an ingredient list, a press release's subheading, a dateline with
// its place) needs the higher score-header-long-min-score.
void label_header_lines(std::size_t from, std::size_t to, const ScoreParams& params, ScoreScratch& s) {
  for (std::size_t i = from; i < to; ++i) {
    const float score = s.prose[i] - params.threshold;
    const float min_score = s.classes[i] == BlockClass::bad ? params.header_long_min_score : params.header_min_score;
    if (s.classes[i] != BlockClass::empty && !s.content[i] && score >= min_score && s.features[i].letters > 0)
      label(s, i, true, ScoreReason::header);
  }
}

// The copy of the page title the run starting at `begin` opens under, if any: found past
// blank lines, what a rule dropped (the headline's second copy, a byline), what is kept
// already and at most `reach` other blocks. Block 0 is no copy: text's first line is the
// title itself, HTML's the headline moved in front.
std::optional<std::size_t> title_copy_over(std::span<const Block> blocks, std::size_t begin, std::size_t reach,
                                           const ScoreScratch& s) {
  std::size_t passed = 0;
  for (std::size_t k = begin; k-- > 1;) {
    if (s.features[k].title_match && blocks[k].verdict != Verdict::drop) return k;
    if (s.classes[k] == BlockClass::empty || blocks[k].verdict == Verdict::drop || s.content[k]) continue;
    if (++passed > reach) break;
  }
  return std::nullopt;
}

// The window's blocks as the header search reads them: which block names the page title,
// which reads like a headline, and where the search may look.
class HeaderSearch {
 public:
  HeaderSearch(std::span<const Block> blocks, std::string_view page_title, std::size_t first_content,
               const ScoreParams& params, ScoreScratch& s)
      : blocks_(blocks), page_title_(page_title), first_content_(first_content), params_(params), s_(s),
        from_(first_content > params.headline_reach ? first_content - params.headline_reach : 0) {}

  // Where the headline search starts: score-headline-reach blocks above the article.
  std::size_t from() const { return from_; }

  // Whether the header search reads block i: what no rule dropped, and with `repeats` a
  // headline's second copy (dedupe_repeat_of_chrome).
  bool readable(std::size_t i, bool repeats) const {
    return blocks_[i].verdict != Verdict::drop || (repeats && dedupe_repeat_of_chrome(i));
  }

  // Whether block i is a copy dedupe dropped of a line the scorer left out everywhere above:
  // a page that prints its headline in a strip of teasers or a header bar before the article
  // has dedupe keep that first copy, with the chrome, and drop the one over the article. Only
  // a copy of the title, or a line printed twice, can be one: a menu entry repeats more.
  // Block 0 is none: text's first line is the title itself, HTML's the headline moved in front.
  bool dedupe_repeat_of_chrome(std::size_t i) const {
    if (i == 0 || blocks_[i].verdict != Verdict::drop || blocks_[i].decider != Decider::dedupe) return false;
    if (!s_.features[i].title_match && s_.features[i].repeats != 1) return false;
    for (std::size_t k = 0; k < i; ++k) {
      const bool stays = s_.content[k] || blocks_[k].verdict == Verdict::keep;
      if (s_.keys[k] == s_.keys[i] && blocks_[k].verdict != Verdict::drop && stays) return false;
    }
    return true;
  }

  // Whether block i is the headline the page title opens with ("Headline | Site"), not the
  // site name it ends with (which a logo repeats); with `or_whole`, also the whole title.
  bool names_headline(std::size_t i, bool or_whole) const {
    normalise_for_match(blocks_[i].text, s_.candidate);
    if (s_.candidate.empty()) return false;
    return (or_whole && s_.candidate == s_.title) ||
           title_opens_with(page_title_, blocks_[i].text.size(), [&](std::string_view part) {
             normalise_for_match(part, s_.title_part);
             return s_.title_part == s_.candidate;
           });
  }

  // Whether block i reads as a headline: a line of a few words, no sentence, not link text,
  // and not repeated, unless all its copies are here, up to block `to` (a headline printed
  // twice). One token is no headline however many words the scorer reads in it (an e-mail
  // address, a file name), unless its script is written without spaces; nor is a label
  // ending in a colon, which introduces what follows it, a row of fields left open with a
  // separator (a byline's "| 3 comments |"), a line of markup (embed code in a text dump)
  // or a row of sites.
  bool headline_like(std::size_t i, std::size_t to) const {
    const BlockFeatures& f = s_.features[i];
    std::uint32_t copies_here = 0;
    if (f.repeats > 0)
      for (std::size_t k = from_; k < to; ++k) copies_here += s_.keys[k] == s_.keys[i] ? 1 : 0;
    const bool repeat_ok = f.repeats == 0 || copies_here == f.repeats + 1 || dedupe_repeat_of_chrome(i);
    const std::string_view text = trim_space(blocks_[i].text);
    const bool several_tokens = f.cjk_chars > 0 || text.find(' ') != std::string_view::npos;
    const bool label = ends_with_colon(text);
    const bool open_row = !text.empty() && text.back() == '|';  // "By A. Writer | 25. Mai 2022 |"
    const bool markup = !text.empty() && text.front() == '<';    // a text dump's embed code
    return several_tokens && !label && !open_row && !markup && !mostly_addresses(text) &&
           f.words >= params_.headline_min_words && f.words <= params_.good_words &&
           f.link_density <= params_.max_link_density && repeat_ok &&
           !f.ends_sentence;
  }

  // The nearest block above the article, from block `above`, that matches the title; none: n.
  std::size_t title_copy_near(std::size_t above, bool repeats) const {
    for (std::size_t i = first_content_; i-- > std::max(from_, above);)
      if (s_.features[i].title_match && readable(i, repeats)) return i;
    return blocks_.size();
  }

  // The headline the HTML front end moved in front was an <h1>: its header starts where it
  // stood, at the first block from a later source line, if that is near the article; else n.
  std::size_t moved_headline_header() const {
    std::size_t at = 1;
    while (at < first_content_ && blocks_[at].line < blocks_[0].line) ++at;
    return first_content_ - at <= params_.headline_reach ? at : blocks_.size();
  }

  // A copy of the title further up, past chrome the rules left (a share bar, an author box),
  // from block `above` on, labelled the headline with its standfirst (the first block under it
  // that no rule dropped, when that is a sentence of good prose), without what stands between
  // them and the article. Returns whether there was one.
  bool label_far_headline(std::size_t above) {
    const std::size_t far_reach = params_.headline_far_reach;
    const std::size_t far_from = std::max<std::size_t>(first_content_ > far_reach ? first_content_ - far_reach : 0, above);
    for (std::size_t i = from_; i-- > far_from;) {
      if (!s_.features[i].title_match || blocks_[i].verdict == Verdict::drop || !names_headline(i, true)) continue;
      label(s_, i, true, ScoreReason::headline);
      std::size_t below = i + 1;
      while (below < first_content_ && (s_.classes[below] == BlockClass::empty || blocks_[below].verdict == Verdict::drop))
        ++below;
      if (below < first_content_ && s_.classes[below] == BlockClass::good && s_.features[below].ends_sentence)
        label(s_, below, true, ScoreReason::standfirst);
      return true;
    }
    return false;
  }

  // The nearest line above the article long enough to be a headline, past at most one
  // paragraph of prose (a standfirst), if it reads like one; else n.
  std::size_t headline_above(bool repeats) const {
    bool standfirst_passed = false;
    for (std::size_t i = first_content_; i-- > from_;) {
      if (s_.classes[i] == BlockClass::empty || !readable(i, repeats)) continue;
      const BlockFeatures& f = s_.features[i];
      if (f.words < params_.headline_min_words) continue;
      const bool prose = s_.classes[i] == BlockClass::good || s_.classes[i] == BlockClass::near_good;
      if (!standfirst_passed && prose && f.ends_sentence) {
        standfirst_passed = true;
        continue;
      }
      return headline_like(i, first_content_) ? i : blocks_.size();
    }
    return blocks_.size();
  }

 private:
  std::span<const Block> blocks_;
  std::string_view page_title_;
  std::size_t first_content_;
  const ScoreParams& params_;
  ScoreScratch& s_;
  std::size_t from_;
};

}  // namespace

bool label_article_header(const WindowDom& dom, std::span<Block> blocks, std::size_t window_begin,
                          std::string_view page_title, bool title_from_first_line, std::size_t first_content,
                          const ScoreParams& params, ScoreScratch& s) {
  const std::size_t n = blocks.size();
  HeaderSearch search(blocks, page_title, first_content, params, s);
  // HTML: the block builder moves the page's headline (its main <h1>, else the <title>) in
  // front of the page. The page has an article, so that headline is its own; when it is link
  // text (a blog's permalink on its title), it is the headline still if the <title> opens
  // with it.
  const bool headline_in_front =
      window_begin == 0 && n > 0 && blocks[0].kind == BlockKind::title && blocks[0].verdict != Verdict::drop &&
      (s.features[0].link_density <= params.max_link_density || search.names_headline(0, false));
  if (headline_in_front) label(s, 0, true, ScoreReason::headline);
  if (first_content >= n) return headline_in_front;
  // The article's run opens with a copy of the title: the segmentation took the headline in
  // with the prose under it, and nothing above it is the article's.
  if (first_content > 0 && s.features[first_content].title_match) {
    s.reason[first_content] = ScoreReason::headline;
    return headline_in_front;
  }
  // The article's header: its headline (the line matching the title, or else the nearest
  // line above the article long enough to be one and no sentence, past a standfirst) and
  // what no rule removed between it and the first paragraph: the standfirst, whose prose
  // alone may not outweigh the chrome the rules dropped around it, and the short lines
  // (byline, date, kicker).
  const std::size_t above = headline_in_front ? 1 : 0;
  std::size_t headline = search.title_copy_near(above, false);
  std::size_t header_from = n;  // the first block after the headline
  if (headline == n && headline_in_front && !dom.elements.empty() && dom.elements[0].tag == "h1")
    header_from = search.moved_headline_header();
  // No headline near the article, none in front: a copy of the title further up. Not the
  // text title line itself, the page's metadata.
  const bool far_headline =
      headline == n && header_from == n && !headline_in_front && search.label_far_headline(title_from_first_line ? 1 : 0);
  if (headline == n && header_from == n) headline = search.headline_above(false);
  // Still none: the second copy of a headline that dedupe dropped, whose first copy stands in
  // the chrome above.
  if (headline == n && header_from == n && !far_headline) headline = search.title_copy_near(above, true);
  if (headline == n && header_from == n && !far_headline) headline = search.headline_above(true);
  // None above the article, none in front, none far up: the article may open with its
  // headline, which then is content already and only gets its name (for --explain and
  // --metadata's title).
  if (headline == n && header_from == n && !headline_in_front && !far_headline &&
      search.headline_like(first_content, first_content + 1))
    s.reason[first_content] = ScoreReason::headline;
  // The text's title line is the page's metadata, printed above its menus: as the headline it
  // stays alone, and what stands between it and the article is not the article's header.
  if (headline < n) {
    label(s, headline, true, ScoreReason::headline);
    // A headline's second copy, which dedupe dropped for the one in the chrome above, is
    // the headline: it is scored, and stays, in the other's place.
    if (blocks[headline].verdict == Verdict::drop) {
      blocks[headline].verdict = Verdict::undecided;
      blocks[headline].decider = Decider::none;
    }
    header_from = headline == 0 && title_from_first_line ? first_content : headline + 1;
  }
  label_header_lines(header_from, first_content, params, s);
  return headline_in_front;
}

void keep_leads_under_headline(std::span<const Block> blocks, std::size_t first_content, bool headline_in_front,
                               const StopwordLists& lists, const ScoreParams& params, ScoreScratch& s) {
  if (params.headline_lead_words == 0) return;
  for (const ContentRun& run : s.runs) {
    if (run.end > first_content || run.mass == 0 || s.content[run.begin]) continue;
    const std::optional<std::size_t> headline = title_copy_over(blocks, run.begin, params.headline_lead_reach, s);
    if (!headline) continue;
    distinct_topic_words(blocks, *headline, *headline + 1, lists, params, s.article_topic);
    distinct_topic_words(blocks, run.begin, run.end, lists, params, s.run_topic);
    const auto on_topic = [&s](std::uint64_t word) {
      return std::binary_search(s.run_topic.begin(), s.run_topic.end(), word);
    };
    const auto shared = std::count_if(s.article_topic.begin(), s.article_topic.end(), on_topic);
    if (static_cast<std::size_t>(shared) < params.headline_lead_words) continue;
    if (!headline_in_front) label(s, *headline, true, ScoreReason::headline);
    label_header_lines(*headline + 1, run.begin, params, s);
    for (std::size_t k = run.begin; k < run.end; ++k) label(s, k, true, ScoreReason::lead_under_headline);
  }
}

}  // namespace declutter::score
