// The content scorer's steps one at a time (score_window.h), on windows whose classes and
// prose scores are set by hand: what each step decides from what the steps before it left.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "score/score_window.h"

using namespace declutter;
using namespace declutter::score;

namespace {

// One block per class letter: G good, N near-good, S short, B bad, E empty; a block whose
// letter is lower case was dropped by a rule.
struct Window {
  std::vector<std::string> texts;
  std::vector<Block> blocks;
  std::vector<BlockElement> elements;  // none, as in text mode, unless a test gives them
  ScoreScratch s;
  ScoreParams params;

  explicit Window(const std::string& shape) {
    texts.reserve(shape.size());
    for (const char letter : shape) {
      const char upper = static_cast<char>(letter & ~0x20);
      texts.push_back(upper == 'E' ? "" : std::string("block ") + letter);
      Block block;
      block.text = texts.back();
      if (upper != letter) block.verdict = Verdict::drop;
      blocks.push_back(block);
      BlockFeatures f;
      f.chars = upper == 'E' ? 0 : 10;
      f.letters = f.chars;
      f.words = upper == 'G' ? 40 : upper == 'N' ? 20 : upper == 'S' ? 3 : upper == 'B' ? 12 : 0;
      f.alpha_words = static_cast<std::uint32_t>(f.words);
      s.features.push_back(f);
      s.classes.push_back(upper == 'G'   ? BlockClass::good
                          : upper == 'N' ? BlockClass::near_good
                          : upper == 'S' ? BlockClass::short_block
                          : upper == 'B' ? BlockClass::bad
                                         : BlockClass::empty);
      s.prose.push_back(upper == 'G' ? 3.0F : upper == 'N' ? 1.0F : upper == 'S' ? -1.0F : upper == 'B' ? -3.0F : 0.0F);
      s.keys.push_back(blocks.size());
    }
    params.threshold = 0.25F;
    params.switch_cost = 2;
    params.emission_cap = 4;
    params.short_cap = 0.5F;
    params.dropped_cap = 0.5F;
    params.bridge_blocks = 8;
    params.bridge_announced_blocks = 8;
    s.content.assign(blocks.size(), false);
    s.reason.assign(blocks.size(), ScoreReason::boilerplate);
  }

  // The labels as letters: C content, '.' boilerplate.
  std::string content() const {
    std::string out;
    for (std::size_t i = 0; i < blocks.size(); ++i) out += s.content[i] ? 'C' : '.';
    return out;
  }
  WindowDom dom() const { return WindowDom{elements, {}}; }
  void set_text(std::size_t i, const char* text) {
    texts[i] = text;
    blocks[i].text = texts[i];
  }
  void set_content(const std::string& labels) {
    for (std::size_t i = 0; i < labels.size(); ++i) s.content[i] = labels[i] == 'C';
  }
};

}  // namespace

TEST_CASE("score steps: the segmentation keeps weak blocks between strong ones and drops a run of them", "[score]") {
  SECTION("a short block between paragraphs is content") {
    Window w("GSG");
    segment_content(w.blocks, w.params, w.s);
    CHECK(w.content() == "CCC");
  }
  SECTION("a long run of bad blocks between paragraphs is boilerplate") {
    Window w("GBBBBG");
    segment_content(w.blocks, w.params, w.s);
    CHECK(w.content() == "C....C");
  }
  SECTION("menus around the article are boilerplate") {
    Window w("SSSSSSGGNSSSSSS");
    segment_content(w.blocks, w.params, w.s);
    CHECK(w.content().substr(6, 3) == "CCC");
    CHECK(w.content().substr(0, 6) == "......");
    CHECK(w.content().substr(11) == "....");
  }
  SECTION("dropped blocks before the first paragraph count for nothing, after it against the article") {
    Window before("bbbbbbG");
    segment_content(before.blocks, before.params, before.s);
    CHECK(before.content().back() == 'C');
    Window after("GbbbbbbbbbbG");
    segment_content(after.blocks, after.params, after.s);
    CHECK(after.content() == "C..........C");
  }
}

TEST_CASE("score steps: the article's run and the runs near it stay, a small run far away does not", "[score]") {
  // The article, a short run just past two blank lines, and a paragraph far down the footer.
  const std::string footer(23, 'B');
  Window w("GGGGEESGEE" + footer + "N");
  w.set_content("CCCC..CC.." + std::string(footer.size(), '.') + "C");
  w.params.run_min_share = 0.25F;
  w.params.run_gap_scale = 10;
  w.params.run_gap_dropped_weight = 0.5F;
  w.params.lead_topic_share = 0;
  w.s.classes.back() = BlockClass::good;  // a lone paragraph in the footer
  w.s.features.back().words = 30;
  const auto first = keep_content_runs(w.dom(), w.blocks, StopwordLists(), w.params, w.s);
  REQUIRE(first.has_value());
  CHECK(*first == 0);
  CHECK(w.content() == "CCCC..CC.." + std::string(footer.size(), '.') + ".");
  CHECK(w.s.reason[0] == ScoreReason::article);
  CHECK(w.s.reason[6] == ScoreReason::near_run);
  CHECK(w.s.reason.back() == ScoreReason::stray_run);
}

TEST_CASE("score steps: a small run after the article stays only when it speaks of the article's topic", "[score]") {
  // The article (three paragraphs about a harbour's ferries), two blocks of a menu, then a
  // one-paragraph run: the site's blurb or a continuation of the ferry story.
  Window w("GGGBBG");
  w.set_content("CCC..C");
  w.params.run_min_share = 0.1F;
  w.params.run_gap_scale = 10;
  w.params.lead_topic_share = 0.2F;
  w.params.lead_topic_words = 3;
  w.params.after_topic_mass = 0.5F;
  w.params.after_topic_gap = 2;
  w.set_text(0, "The harbour ferries will sail every twenty minutes from Monday, the council said.");
  w.set_text(1, "Ferries across the harbour carried twice as many passengers this summer as last.");
  w.set_text(2, "The council wants larger ferries before the harbour bridge closes for repairs.");
  const std::size_t after = 5;
  const char* const kBlurb = "Our newsroom has reported independently from every village along the coast since 1952.";
  const auto keep_runs = [&w] { return keep_content_runs(w.dom(), w.blocks, StopwordLists(), w.params, w.s); };
  SECTION("off the topic: the site's blurb goes") {
    w.set_text(after, kBlurb);
    keep_runs();
    CHECK(w.content() == "CCC...");
    CHECK(w.s.reason[after] == ScoreReason::off_topic);
  }
  SECTION("on the topic: the story's continuation stays") {
    w.set_text(after, "Passengers asked the council whether the harbour ferries would keep their evening timetable.");
    keep_runs();
    CHECK(w.content() == "CCC..C");
    CHECK(w.s.reason[after] == ScoreReason::near_run);
  }
  SECTION("right under the article the test does not apply") {
    w.set_text(after, kBlurb);
    w.params.after_topic_gap = 3;
    keep_runs();
    CHECK(w.content() == "CCC..C");
  }
  SECTION("a run with as much prose as the setting's share of the article's stays") {
    w.set_text(after, kBlurb);
    w.params.after_topic_mass = 1.0F / 3;  // the run has a third of the article's prose
    keep_runs();
    CHECK(w.content() == "CCC..C");
  }
  SECTION("turned off") {
    w.set_text(after, kBlurb);
    w.params.after_topic_mass = 0;
    keep_runs();
    CHECK(w.content() == "CCC..C");
  }
}

TEST_CASE("score steps: a window without good prose has no article", "[score]") {
  Window w("SSNSS");
  w.set_content("CCCCC");
  CHECK_FALSE(keep_content_runs(w.dom(), w.blocks, StopwordLists(), w.params, w.s).has_value());
}

TEST_CASE("score steps: short gaps between content are bridged, a gap with a longer block or at the end is not", "[score]") {
  SECTION("short blocks and dropped ones between paragraphs") {
    Window w("GSsSG");
    w.set_content("C...C");
    bridge_short_gaps(w.blocks, 0, w.params, w.s);
    CHECK(w.content() == "CCCCC");
    CHECK(w.s.reason[1] == ScoreReason::bridge);
  }
  SECTION("a bad block in the gap") {
    Window w("GSBSG");
    w.set_content("C...C");
    bridge_short_gaps(w.blocks, 0, w.params, w.s);
    CHECK(w.content() == "C...C");
  }
  SECTION("more short blocks than score-bridge-blocks") {
    Window w("GSSSG");
    w.set_content("C...C");
    w.params.bridge_blocks = 2;
    bridge_short_gaps(w.blocks, 0, w.params, w.s);
    CHECK(w.content() == "C...C");
  }
  SECTION("under a line ending with a colon, up to score-bridge-announced-blocks") {
    Window w("GSSSG");
    w.set_content("C...C");
    w.params.bridge_blocks = 2;
    w.params.bridge_announced_blocks = 3;
    w.set_text(0, "The council named three conditions for the new ferry contract:");
    Window dropped_between("GsSSSG");  // a rule dropped a caption under the announcing line
    dropped_between.set_content("C....C");
    dropped_between.params.bridge_blocks = 2;
    dropped_between.params.bridge_announced_blocks = 3;
    dropped_between.set_text(0, "You will need:");
    Window too_long("GSSSSG");
    too_long.set_content("C....C");
    too_long.params.bridge_blocks = 2;
    too_long.params.bridge_announced_blocks = 3;
    too_long.set_text(0, "You will need:");
    for (Window* x : {&w, &dropped_between, &too_long}) bridge_short_gaps(x->blocks, 0, x->params, x->s);
    CHECK(w.content() == "CCCCC");
    CHECK(dropped_between.content() == "CCCCCC");
    CHECK(too_long.content() == "C....C");
  }
  SECTION("short blocks after the last paragraph") {
    Window w("GSS");
    w.set_content("C..");
    bridge_short_gaps(w.blocks, 0, w.params, w.s);
    CHECK(w.content() == "C..");
  }
}

TEST_CASE("score steps: the items of one list share a fate", "[score]") {
  Window w("GSSSSS");
  w.elements.resize(w.blocks.size());
  for (std::size_t i = 1; i < w.blocks.size(); ++i) {
    w.elements[i].tag = "li";
    w.elements[i].depth = 4;
    w.elements[i].class_id = i < 4 ? "steps" : "related";
  }
  w.set_content("C.C...");
  share_list_fate(w.dom(), w.blocks, w.s);
  CHECK(w.content() == "CCCC..");  // the steps list joins its content item; the related list stays out
  CHECK(w.s.reason[1] == ScoreReason::list);
}

TEST_CASE("score steps: the header is the headline matching the title and the lines under it", "[score]") {
  Window w("BNSSGG");
  w.set_content("....CC");
  w.s.features[1].title_match = true;
  w.s.title = "block n";
  const bool in_front = label_article_header(w.dom(), w.blocks, 0, "Block N | Site", true, 4, w.params, w.s);
  CHECK_FALSE(in_front);
  CHECK(w.content() == ".CCCCC");
  CHECK(w.s.reason[1] == ScoreReason::headline);
  CHECK(w.s.reason[2] == ScoreReason::header);
}

TEST_CASE("score steps: a long block of little prose under the headline needs its own score to stay", "[score]") {
  // The headline, an ingredient list (many words, no sentence: a bad block scoring -3.25), a
  // byline, the article.
  Window w("BNBSGG");
  w.set_content("....CC");
  w.s.features[1].title_match = true;
  w.s.title = "block n";
  const auto header = [&w] { label_article_header(w.dom(), w.blocks, 0, "Block N | Site", true, 4, w.params, w.s); };
  SECTION("by default it goes, the byline stays") {
    header();
    CHECK(w.content() == ".C.CCC");
  }
  SECTION("at or above score-header-long-min-score it stays") {
    w.params.header_long_min_score = -3.25F;
    header();
    CHECK(w.content() == ".CCCCC");
    CHECK(w.s.reason[2] == ScoreReason::header);
  }
  SECTION("below it, it goes") {
    w.params.header_long_min_score = -3.0F;
    header();
    CHECK(w.content() == ".C.CCC");
  }
}

TEST_CASE("score steps: a header line without a letter is no header line", "[score]") {
  // A share counter ("0") and a bare date between the headline and the article.
  Window w("BNSSSGG");
  w.set_content(".....CC");
  w.s.features[1].title_match = true;
  w.s.title = "block n";
  w.s.features[2].letters = 0;
  w.s.features[3].letters = 0;
  label_article_header(w.dom(), w.blocks, 0, "Block N | Site", true, 5, w.params, w.s);
  CHECK(w.content() == ".C..CCC");
}

TEST_CASE("score steps: the headline's second copy, which dedupe dropped, is the headline when the first is chrome",
          "[score]") {
  // The title line (the site's name), the headline's first copy in a teaser strip, a teaser's
  // sentence, the second copy over the article (dedupe dropped it), a byline, the article.
  Window w("BNBnSGG");
  w.set_content(".....CC");
  const std::size_t first_copy = 1;
  const std::size_t second_copy = 3;
  w.blocks[second_copy].decider = Decider::dedupe;
  w.s.keys[second_copy] = w.s.keys[first_copy];
  w.s.features[first_copy].repeats = 1;
  w.s.features[second_copy].repeats = 1;
  w.s.features[2].ends_sentence = true;  // no headline: the search stops at it
  const auto header = [&w] { return label_article_header(w.dom(), w.blocks, 0, "Site", true, 5, w.params, w.s); };
  SECTION("the second copy is the headline, and stays") {
    header();
    CHECK(w.content() == "...CCCC");
    CHECK(w.s.reason[second_copy] == ScoreReason::headline);
    CHECK(w.s.reason[4] == ScoreReason::header);
    CHECK(w.blocks[second_copy].verdict == Verdict::undecided);  // the scorer decides it
  }
  SECTION("not when the first copy is content") {
    w.set_content(".C...CC");
    header();
    CHECK(w.blocks[second_copy].verdict == Verdict::drop);
    CHECK_FALSE(w.s.content[second_copy]);
  }
  SECTION("not a line printed three times: a menu entry") {
    w.s.features[first_copy].repeats = 2;
    w.s.features[second_copy].repeats = 2;
    header();
    CHECK(w.blocks[second_copy].verdict == Verdict::drop);
    CHECK(w.content() == ".....CC");
  }
  SECTION("not a copy another stage dropped") {
    w.blocks[second_copy].decider = Decider::rule;
    header();
    CHECK(w.blocks[second_copy].verdict == Verdict::drop);
    CHECK(w.content() == ".....CC");
  }
}

TEST_CASE("score steps: a lead under a far copy of the title stays when it speaks of the headline", "[score]") {
  // The title line, a menu, the headline's copy, a dropped byline, the lead, then a long
  // footer and a larger run of prose (a login dialog's messages) that the segmentation
  // takes for the article.
  const std::string footer(30, 'B');
  Window w("BSNsG" + footer + "GGGGGG");
  w.set_content("....C" + std::string(footer.size(), '.') + "CCCCCC");
  w.params.run_min_share = 0.25F;
  w.params.run_gap_scale = 10;
  w.params.lead_topic_share = 0;
  w.params.headline_lead_reach = 2;
  w.params.headline_lead_words = 1;
  w.set_text(2, "Harbour festival cancelled over storm warning");
  w.s.features[2].title_match = true;
  const std::size_t lead = 4;
  const std::size_t article = lead + 1 + footer.size();
  const auto keep_leads = [&w, article] {
    const auto first = keep_content_runs(w.dom(), w.blocks, StopwordLists(), w.params, w.s);
    REQUIRE(first == article);
    label_article_header(w.dom(), w.blocks, 0, "Harbour festival cancelled over storm warning", true, *first, w.params, w.s);
    keep_leads_under_headline(w.blocks, *first, false, StopwordLists(), w.params, w.s);
  };

  SECTION("on the headline's topic: the lead stays with its headline") {
    w.set_text(lead, "The harbour festival will not take place this year because of the storm.");
    keep_leads();
    // (The dropped byline is labelled header too; its rule's verdict stands over the label.)
    CHECK(w.content().substr(0, lead + 1) == "..CCC");
    CHECK(w.s.reason[2] == ScoreReason::headline);
    CHECK(w.s.reason[lead] == ScoreReason::lead_under_headline);
    CHECK(w.content().substr(article) == "CCCCCC");
  }
  SECTION("a header line that scores too low stays out") {
    w.set_text(lead, "The harbour festival will not take place this year because of the storm.");
    w.blocks[3].verdict = Verdict::undecided;  // the byline, left by the rules
    w.params.header_min_score = 0;             // ... and scoring -1.25
    keep_leads();
    CHECK(w.content().substr(0, lead + 1) == "..C.C");
  }
  SECTION("off the headline's topic: stray") {
    // A newsletter box under a teaser list that names the title.
    w.set_text(lead, "Our weekly letter brings the newest stories to your inbox every Monday.");
    keep_leads();
    CHECK(w.content().substr(0, lead + 1) == ".....");
    CHECK(w.s.reason[lead] == ScoreReason::stray_run);
  }
  SECTION("further from the copy than the reach: stray") {
    w.set_text(lead, "The harbour festival will not take place this year because of the storm.");
    w.blocks[3].verdict = Verdict::undecided;
    w.params.headline_lead_reach = 0;
    keep_leads();
    CHECK(w.content().substr(0, lead + 1) == ".....");
  }
  SECTION("score-headline-lead-words 0 turns it off") {
    w.set_text(lead, "The harbour festival will not take place this year because of the storm.");
    w.params.headline_lead_words = 0;
    keep_leads();
    CHECK(w.content().substr(0, lead + 1) == ".....");
  }
}

TEST_CASE("score steps: the text's title line is a headline on its own, over the menus under it", "[score]") {
  SECTION("the title line nearest the article: it stays, the menu between does not") {
    Window w("BSSSSGG");
    w.set_content(".....CC");
    w.s.features[0].title_match = true;
    w.s.title = "block b";
    label_article_header(w.dom(), w.blocks, 0, "Block B", true, 5, w.params, w.s);
    CHECK(w.content() == "C....CC");
    CHECK(w.s.reason[0] == ScoreReason::headline);
  }
  SECTION("the article's run opens with the title's copy: that is the headline, and nothing above") {
    Window w("BSSSNGG");
    w.set_content("....CCC");
    w.s.features[0].title_match = true;
    w.s.features[4].title_match = true;
    w.s.title = "block b";
    label_article_header(w.dom(), w.blocks, 0, "Block B", true, 4, w.params, w.s);
    CHECK(w.content() == "....CCC");
    CHECK(w.s.reason[4] == ScoreReason::headline);
  }
}
