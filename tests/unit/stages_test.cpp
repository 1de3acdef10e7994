#include <catch2/catch.hpp>

#include "stages/dedupe.h"
#include "stages/edge_trim.h"
#include "stages/header_drop.h"
#include "stages/line_rules.h"
#include "stages/list_cut.h"
#include "stages/safety_valve.h"
#include "stages/section_cut.h"
#include "stages/table_of_contents.h"
#include "test_support.h"

using namespace declutter;
using namespace declutter::testing;
using Lines = std::vector<std::string>;

namespace {
// The line-rule stage over the keep and drop rules of a rule file's text.
struct LineRules {
  explicit LineRules(const std::string& text)
      : rules(text), stage(rules.with(Action::keep), rules.with(Action::drop), cache) {}
  // A scratch serves one document (the pipeline resets it between them).
  void run(Document& doc) {
    StageScratch scratch;
    stage.run(doc, scratch);
  }
  RuleList rules;
  RegexCache cache;
  LineRuleStage stage;
};
}  // namespace

TEST_CASE("line rules: phrases ignore case, spacing and decoration", "[stages]") {
  LineRules rules("drop \"Menu\" \"Share on Facebook\"\n");
  Document doc = text_document("  • MENU |\nThe menu was long.\nshare   on FACEBOOK\n");
  rules.run(doc);
  CHECK(kept_lines(doc) == Lines{"The menu was long."});
  CHECK(doc.blocks[0].decider == Decider::rule);
  REQUIRE(doc.blocks[0].rule != nullptr);
  CHECK(doc.blocks[0].rule->origin.line == 1);
}

TEST_CASE("line rules: an exact phrase also matches the label with a colon, affixes do not", "[stages]") {
  LineRules rules("drop \"More topics\" \"Share\"\ndrop starts \"Read more\"\ndrop ends \"via Example\"\n");
  Document doc = text_document(
      "More topics:\n"
      "Share :\n"
      "More topics: the harbour, the ferry\n"
      "Read more: this one goes by its prefix\n"
      "A photo via Example:\n"
      "Text stays.\n");
  rules.run(doc);
  CHECK(kept_lines(doc) == Lines{"More topics: the harbour, the ferry", "A photo via Example:", "Text stays."});
}

TEST_CASE("line rules: starts, ends, contains and regexes", "[stages]") {
  LineRules rules(
      "drop starts \"Read more:\"\n"
      "drop ends \"/ Video Screenshot\"\n"
      "drop contains \"cc by 4.0\"\n"
      "drop /^\\d{2}-\\d{2}-\\d{4}, \\d{1,2}:\\d{2} [AP]M$/\n");
  Document doc = text_document(
      "04-24-2025, 1:39 PM\n"
      "Read more: Another story\n"
      "He said read more: nothing.\n"
      "A man / Video Screenshot\n"
      "A photo. Source: Someone, CC BY 4.0, via a site\n"
      "Text stays.\n");
  rules.run(doc);
  CHECK(kept_lines(doc) == Lines{"He said read more: nothing.", "Text stays."});
}

TEST_CASE("line rules: a regex's space matches a no-break space and a line break", "[stages]") {
  LineRules rules("drop /korzystamy z cookies\\.$/\ndrop /^pour lire la suite et\\b/i\n");
  Document doc = text_document("Informujemy, \xC5\xBC" "e korzystamy z\xC2\xA0" "cookies.\nText stays.\n");
  rules.run(doc);
  CHECK(kept_lines(doc) == Lines{"Text stays."});
  Document html;  // an HTML block broken by <br>
  html.arena = "Pour lire la suite\net plus encore";
  Block block;
  block.text = html.arena;
  html.blocks.push_back(block);
  rules.run(html);
  CHECK(html.blocks[0].verdict == Verdict::drop);
  CHECK(html.blocks[0].text == "Pour lire la suite\net plus encore");  // the output keeps its text
}

TEST_CASE("line rules: under a common DOM rule's drop, the line rule is noted, not applied", "[stages]") {
  LineRules rules("drop \"Share this article\"\nkeep \"Editor's note\"\n");
  Document doc = text_document("Share this article\nEditor's note\nThe text.\nShare this article\n");
  Rule common_dom;
  common_dom.action = Action::html_drop;
  common_dom.from_common = true;
  Rule publisher_dom = common_dom;
  publisher_dom.from_common = false;
  for (std::size_t i = 0; i < 3; ++i) doc.decide(doc.blocks[i], Verdict::drop, Decider::dom_rule, &common_dom);
  doc.decide(doc.blocks[3], Verdict::drop, Decider::dom_rule, &publisher_dom);
  rules.run(doc);
  for (const Block& block : doc.blocks) CHECK(block.decider == Decider::dom_rule);
  REQUIRE(doc.blocks[0].line_rule != nullptr);
  CHECK(doc.blocks[0].line_rule->action == Action::drop);
  REQUIRE(doc.blocks[1].line_rule != nullptr);
  CHECK(doc.blocks[1].line_rule->action == Action::keep);
  CHECK(doc.blocks[2].line_rule == nullptr);  // no rule matches
  CHECK(doc.blocks[3].line_rule == nullptr);  // a publisher's DOM rule is never undone
}

TEST_CASE("line rules: one scratch serves a large document, then a small one", "[stages]") {
  // The phrase keys and the regexes' subjects live in buffers kept from document to document.
  LineRules rules("drop \"Share on Facebook\"\ndrop /^z cookies$/i\n");
  StageScratch scratch;
  std::string large;
  for (int i = 0; i < 2000; ++i) large += "A line\xC2\xA0of the first page, number " + std::to_string(i) + "\n";
  large += "Z\xC2\xA0" "cookies\nShare on Facebook\n";
  Document first = text_document(large);
  rules.stage.run(first, scratch);
  CHECK(kept_lines(first).size() == 2000);
  scratch.keys.reset();
  Document second = text_document("z cookies\nThe second page.\nSHARE ON FACEBOOK\n");
  rules.stage.run(second, scratch);
  CHECK(kept_lines(second) == Lines{"The second page."});
}

TEST_CASE("line rules: keep beats drop and protects from later stages", "[stages]") {
  RuleList rules("drop \"Popular\"\nkeep \"Popular\"\ncut \"Popular\"\n");
  RegexCache cache;
  LineRuleStage lines(rules.with(Action::keep), rules.with(Action::drop), cache);
  SectionCutStage cuts(rules.with(Action::cut), {}, {}, cache);
  StageScratch scratch;
  Document doc = text_document("Intro line.\nPopular\nMore text.\n");
  lines.run(doc, scratch);
  cuts.run(doc, scratch);
  CHECK(kept_lines(doc) == Lines{"Intro line.", "Popular", "More text."});
  CHECK(doc.blocks[1].verdict == Verdict::keep);
}

TEST_CASE("line rules: after= and before= guard by position", "[stages]") {
  LineRules rules("drop \"Note\" after=50%\n");
  Document doc = text_document("Note\nA long first paragraph of the article body.\nNote\n");
  rules.run(doc);
  CHECK(kept_lines(doc) == Lines{"Note", "A long first paragraph of the article body."});
  LineRules top_rules("drop \"Menu\" before=30%\n");
  Document top = text_document("Menu\nA long first paragraph of the article body.\nMenu\n");
  top_rules.run(top);
  CHECK(kept_lines(top) == Lines{"A long first paragraph of the article body.", "Menu"});
}

namespace {
// The line rules' verdicts on the non-blank lines of a document. The blocks point at the
// rules, which must outlive them.
std::vector<Verdict> line_rule_verdicts(LineRules& rules, Document& doc) {
  rules.run(doc);
  std::vector<Verdict> verdicts;
  for (const Block& block : doc.blocks)
    if (!block.text.empty()) verdicts.push_back(block.verdict);
  return verdicts;
}
constexpr Verdict kKeep = Verdict::keep;
constexpr Verdict kDrop = Verdict::drop;
constexpr Verdict kOpen = Verdict::undecided;
}  // namespace

TEST_CASE("line rules: a rule with run= decides a run of the lines it matches, never a lone one", "[stages]") {
  LineRules rules("keep /^\\d+ g \\p{L}/ run=3\n");
  Document doc = text_document(
      "Ingredients\n"
      "200 g flour\n"
      "100 g sugar\n"
      "\n"
      "Salt\n"          // one other line does not end the run, and a blank line is no line
      "50 g butter\n"
      "Stir well and bake.\n"
      "Serve it warm.\n"  // two do
      "10 g off today\n"
      "The end.\n");
  CHECK(line_rule_verdicts(rules, doc) == std::vector{kOpen, kKeep, kKeep, kOpen, kKeep, kOpen, kOpen, kOpen, kOpen});
  REQUIRE(doc.blocks[1].rule != nullptr);
  CHECK(doc.blocks[1].rule->min_run == 3);
  CHECK(doc.blocks[1].decider == Decider::rule);

  Document short_run = text_document("200 g flour\n100 g sugar\nThe end.\n");
  CHECK(line_rule_verdicts(rules, short_run) == std::vector{kOpen, kOpen, kOpen});
}

TEST_CASE("line rules: a run's keep overrules a drop, a run's drop never a keep", "[stages]") {
  LineRules rules(
      "drop /^\\d+ g/\n"
      "keep \"Salt\"\n"
      "keep /^\\d+ g \\w/ run=2\n"
      "drop /^[A-Z]\\w+$/ run=2\n");
  Document doc = text_document("1 g yeast\n2 g salt\nSalt\nPepper\nSugar\n3 g\n");
  CHECK(line_rule_verdicts(rules, doc) == std::vector{kKeep, kKeep, kKeep, kDrop, kDrop, kDrop});
  CHECK(doc.blocks[0].rule->min_run == 2);
  CHECK(doc.blocks[5].rule->min_run == 1);  // only the line rule matches "3 g"
}

TEST_CASE("line rules: runs of two rules may interleave", "[stages]") {
  LineRules rules("drop /^a\\d$/ run=2\ndrop /^b\\d$/ run=3\n");
  Document doc = text_document("a1\nb1\na2\nb2\nb3\nText.\nMore text.\na3\n");
  CHECK(line_rule_verdicts(rules, doc) ==
        std::vector{kDrop, kDrop, kDrop, kDrop, kDrop, kOpen, kOpen, kOpen});
}

TEST_CASE("line rules: a line left out of a run goes to the other rules", "[stages]") {
  LineRules rules("keep /^\\d+ g/ run=2\ndrop /^\\d+ g salt$/\ndrop \"Menu\"\n");
  Document doc = text_document("1 g salt\nA long line of the article itself.\nMenu\n2 g yeast\n");
  CHECK(line_rule_verdicts(rules, doc) ==
        std::vector{kDrop, kOpen, kDrop, kOpen});
  REQUIRE(doc.blocks[0].rule != nullptr);
  CHECK(doc.blocks[0].rule->min_run == 1);
}

TEST_CASE("section cuts: to the end, to the next blank line, and before a marker", "[stages]") {
  RegexCache cache;
  StageScratch scratch;
  SECTION("cut drops the marker and everything after it") {
    RuleList rules("cut \"Related\"\n");
    SectionCutStage stage(rules.with(Action::cut), {}, {}, cache);
    Document doc = text_document("Body one.\n\nRelated\nTeaser A\n\nTeaser B\n");
    stage.run(doc, scratch);
    CHECK(kept_lines(doc) == Lines{"Body one."});
    CHECK(doc.blocks[3].decider == Decider::section_cut);
  }
  SECTION("cut-block stops at the paragraph break") {
    RuleList rules("cut-block \"Sponsored\"\n");
    SectionCutStage stage({}, rules.with(Action::cut_block), {}, cache);
    Document doc = text_document("Body one.\n\nSponsored\nBuy things\n\nBody two.\n");
    stage.run(doc, scratch);
    CHECK(kept_lines(doc) == Lines{"Body one.", "Body two."});
  }
  SECTION("cut-before drops the page head, marker=keep leaves the marker") {
    RuleList rules("cut-before \"Headline here\" marker=keep\n");
    SectionCutStage stage({}, {}, rules.with(Action::cut_before), cache);
    Document doc = text_document("Home\nWorld\nHeadline here\nBody.\n");
    stage.run(doc, scratch);
    CHECK(kept_lines(doc) == Lines{"Headline here", "Body."});
  }
  SECTION("a cut guarded by after= ignores an early marker") {
    RuleList rules("cut \"Popular\" after=50%\n");
    SectionCutStage stage(rules.with(Action::cut), {}, {}, cache);
    Document doc = text_document("Popular\nA first paragraph that is long enough.\nPopular\nTeaser\n");
    stage.run(doc, scratch);
    CHECK(kept_lines(doc) == Lines{"Popular", "A first paragraph that is long enough."});
  }
  SECTION("each later marker starts a section of its own rule, a kept marker going with the one above") {
    RuleList rules("cut \"Latest posts\"\ncut \"Related\"\ncut \"Popular\" marker=keep\n");
    SectionCutStage stage(rules.with(Action::cut), {}, {}, cache);
    Document doc = text_document("Body one.\nLatest posts\nPost A\nRelated\nTeaser B\nPopular\nTeaser C\n");
    stage.run(doc, scratch);
    CHECK(kept_lines(doc) == Lines{"Body one."});
    const auto cut_by = [&](std::size_t i) { return doc.blocks[i].rule->origin.line; };
    CHECK(cut_by(1) == 1);
    CHECK(cut_by(2) == 1);
    CHECK(cut_by(3) == 2);
    CHECK(cut_by(4) == 2);
    CHECK(cut_by(5) == 2);  // "Popular" keeps its marker, which stands in the section above
    CHECK(cut_by(6) == 3);
  }
}

namespace {
// A text page after the line rules, with a cut-list rule among the drops, and the scorer,
// which here keeps every line the rules left undecided: an article with a box inside it.
struct ScoredPage {
  explicit ScoredPage(const std::string& text, ScoreReason reason = ScoreReason::article)
      : rules("keep \"Keep me\"\ncut-list \"Read also\"\n"),
        line_rules(rules.with(Action::keep), rules.with(Action::cut_list), cache),
        doc(text_document(text)) {
    line_rules.run(doc, scratch);
    for (Block& block : doc.blocks)
      if (block.verdict == Verdict::undecided && !block.text.empty()) {
        doc.decide(block, Verdict::keep, Decider::score);
        block.score_reason = reason;
      }
  }
  void cut() { ListCutStage(24).run(doc, scratch); }
  RuleList rules;
  RegexCache cache;
  LineRuleStage line_rules;
  StageScratch scratch;
  Document doc;
};
}  // namespace

TEST_CASE("list cuts: a box heading takes the headlines the scorer kept below it", "[stages]") {
  const std::string intro = "Title\nThe article begins here. It goes on.\nRead also\n";
  SECTION("to the end of the page") {
    ScoredPage page(intro + "Harbour reopens after storm\n\nFerry fares rise\n");
    page.cut();
    CHECK(kept_lines(page.doc) == Lines{"Title", "The article begins here. It goes on."});
    CHECK(page.doc.blocks[3].decider == Decider::section_cut);
    REQUIRE(page.doc.blocks[3].rule != nullptr);
    CHECK(page.doc.blocks[3].rule->action == Action::cut_list);
  }
  SECTION("up to a line the scorer dropped; a box heading that ends a box starts its own") {
    ScoredPage dropped(intro + "Harbour reopens after storm\nNewsletter\nFerry fares rise\n");
    dropped.doc.overrule_score(dropped.doc.blocks[4], Verdict::drop, Decider::score, nullptr);
    dropped.cut();
    CHECK(kept_lines(dropped.doc) == Lines{"Title", "The article begins here. It goes on.", "Ferry fares rise"});
    ScoredPage two_boxes(intro + "Harbour reopens after storm\nRead also\nFerry fares rise\n");
    two_boxes.cut();
    CHECK(kept_lines(two_boxes.doc) == Lines{"Title", "The article begins here. It goes on."});
  }
  SECTION("where the prose goes on, the last headline may head its section and stays") {
    ScoredPage page(intro + "Harbour reopens after storm\nWhat the town plans\nThe council met on Monday.\n");
    page.cut();
    CHECK(kept_lines(page.doc) == Lines{"Title", "The article begins here. It goes on.", "What the town plans",
                                        "The council met on Monday."});
  }
  SECTION("a sentence, two on a line, or a line of too many words, is prose") {
    std::string long_line = "word";
    for (int k = 0; k < 24; ++k) long_line += " word";
    for (const std::string& prose : {std::string("Who pays for it?"), std::string("It rained. Then it stopped"), long_line}) {
      ScoredPage page(intro + "Harbour reopens after storm\nFerry fares rise\n" + prose + "\n");
      page.cut();
      CHECK(kept_lines(page.doc) == Lines{"Title", "The article begins here. It goes on.", "Ferry fares rise", prose});
    }
  }
  SECTION("a keep rule's line, or the article's header, ends it before it begins") {
    ScoredPage kept(intro + "Keep me\nHarbour reopens after storm\n");
    kept.cut();
    CHECK(kept_lines(kept.doc).size() == 4);
    ScoredPage header(intro + "Harbour reopens after storm\n", ScoreReason::headline);
    header.cut();
    CHECK(kept_lines(header.doc).size() == 3);
  }
  SECTION("in HTML, a headline is a link") {
    for (const std::uint32_t link_chars : {0U, 20U}) {
      ScoredPage page(intro + "Harbour reopens after storm\nFerry fares rise\n");
      page.doc.elements.resize(page.doc.blocks.size());
      page.doc.elements[3].link_chars = link_chars;
      page.doc.elements[4].link_chars = link_chars;
      page.cut();
      CHECK(kept_lines(page.doc).size() == (link_chars == 0 ? 4 : 2));
    }
  }
}

namespace {
// A text page as the scorer left it: each line kept, for the reason given for it.
Document scored_page(const std::vector<std::pair<std::string, ScoreReason>>& lines) {
  std::string text;
  for (const auto& line : lines) text += line.first + "\n";
  Document doc = text_document(text);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    doc.decide(doc.blocks[i], Verdict::keep, Decider::score);
    doc.blocks[i].score_reason = lines[i].second;
  }
  return doc;
}

std::shared_ptr<const PersonNames> given_names(const std::string& names) {
  Diagnostics diagnostics;
  const std::vector<std::pair<std::string, std::string>> files{{"names/given.txt", names}};
  return std::make_shared<const PersonNames>(PersonNames::parse(files, diagnostics));
}
}  // namespace

TEST_CASE("header drops: a drop-header rule drops what it matches in the article's header only", "[stages]") {
  RuleList rules("drop-header \"Redaktion\"\ndrop-header name\n");
  RegexCache cache;
  const HeaderDropStage stage(rules.with(Action::drop_header), cache, given_names("Ana\nRui\n"), 8);
  // A scratch serves one document (the pipeline resets it between them): one each here.
  StageScratch scratch;
  Document doc = scored_page({{"Harbour reopens after the storm", ScoreReason::headline},
                              {"Ana Costa", ScoreReason::header},
                              {"Redaktion", ScoreReason::header},
                              {"12 May 2023", ScoreReason::header},
                              {"The harbour opened again on Monday, a week after the storm.", ScoreReason::article},
                              {"Rui Lopes", ScoreReason::article},
                              {"The harbour master spoke first.", ScoreReason::article}});
  stage.run(doc, scratch);
  CHECK(kept_lines(doc) == Lines{"Harbour reopens after the storm", "12 May 2023",
                                 "The harbour opened again on Monday, a week after the storm.", "Rui Lopes",
                                 "The harbour master spoke first."});
  CHECK(doc.blocks[1].decider == Decider::rule);
  REQUIRE(doc.blocks[1].rule != nullptr);
  CHECK(doc.blocks[1].rule->origin.line == 2);
  CHECK(doc.blocks[1].score_reason == ScoreReason::none);
  REQUIRE(doc.blocks[2].rule != nullptr);
  CHECK(doc.blocks[2].rule->origin.line == 1);

  SECTION("a line a keep rule protects is not the scorer's, and stays") {
    Document protected_name = scored_page({{"Ana Costa", ScoreReason::header}});
    protected_name.blocks[0].decider = Decider::rule;
    StageScratch fresh;
    stage.run(protected_name, fresh);
    CHECK(kept_lines(protected_name) == Lines{"Ana Costa"});
  }
  SECTION("the article's run opens the head too, up to its first paragraph") {
    Document run_first = scored_page({{"Harbour reopens after the storm", ScoreReason::headline},
                                      {"Ana Costa", ScoreReason::article},
                                      {"Redaktion", ScoreReason::article},
                                      {"The harbour opened again on Monday, a week after the storm.", ScoreReason::article},
                                      {"Rui Lopes", ScoreReason::article},
                                      {"Redaktion", ScoreReason::near_run}});
    StageScratch fresh;
    stage.run(run_first, fresh);
    CHECK(kept_lines(run_first) == Lines{"Harbour reopens after the storm",
                                         "The harbour opened again on Monday, a week after the storm.", "Rui Lopes",
                                         "Redaktion"});
  }
  SECTION("a position guard holds, and without name lists no line is a name") {
    RuleList early("drop-header name before=10%\n");
    const HeaderDropStage guarded(early.with(Action::drop_header), cache, given_names("Ana\n"), 8);
    const HeaderDropStage listless(rules.with(Action::drop_header), cache, nullptr, 8);
    for (const HeaderDropStage* each : {&guarded, &listless}) {
      Document late = scored_page({{"A headline", ScoreReason::headline}, {"Ana Costa", ScoreReason::header}});
      StageScratch fresh;
      each->run(late, fresh);
      CHECK(kept_lines(late).size() == 2);
    }
  }
}

TEST_CASE("table of contents: a list whose lines come back in order as section headings goes", "[stages]") {
  const TableOfContentsStage stage(3);
  const std::string article =
      "Growing Basil Indoors\n"
      "Contents\nLight\nWater\nHarvest\n"
      "Light\nBasil wants six hours of sun.\n"
      "Water\nWater it when the soil is dry.\n"
      "Harvest\nPinch the tops off every week.\n";
  SECTION("the list goes, its headings stay") {
    StageScratch scratch;
    Document doc = text_document(article);
    stage.run(doc, scratch);
    CHECK(kept_lines(doc) == Lines{"Growing Basil Indoors", "Contents", "Light", "Basil wants six hours of sun.",
                                   "Water", "Water it when the soil is dry.", "Harvest",
                                   "Pinch the tops off every week."});
    CHECK(doc.blocks[2].decider == Decider::contents);
  }
  SECTION("a first heading right under the list, and a subheading right under its heading") {
    StageScratch scratch;
    Document doc = text_document(
        "Title\nOne\nTwo\nThree\nFour\nOne\nText of one.\nTwo\nThree\nText of three.\nFour\nText of four.\n");
    stage.run(doc, scratch);
    CHECK(kept_lines(doc) ==
          Lines{"Title", "One", "Text of one.", "Two", "Three", "Text of three.", "Four", "Text of four."});
  }
  SECTION("a menu printed again as one list is no table of contents") {
    StageScratch scratch;
    Document doc = text_document("Title\nNews\nSport\nWeather\nThe article's text.\nNews\nSport\nWeather\n");
    stage.run(doc, scratch);
    CHECK(kept_lines(doc).size() == 8);
  }
  SECTION("nor a list whose copies come back in another order, or too short a list") {
    StageScratch scratch;
    Document shuffled = text_document("Title\nA\nB\nC\nB\nText.\nA\nText.\nC\nText.\n");
    stage.run(shuffled, scratch);
    CHECK(kept_lines(shuffled).size() == 10);
    Document short_list = text_document("Title\nA\nB\nA\nText.\nB\nText.\n");
    stage.run(short_list, scratch);
    CHECK(kept_lines(short_list).size() == 7);
  }
  SECTION("a line printed three times, or a heading a rule dropped, breaks the list") {
    StageScratch scratch;
    Document doc = text_document(article + "Water\n");
    stage.run(doc, scratch);
    CHECK(kept_lines(doc).size() == 12);
    Document dropped = text_document(article);
    dropped.decide(dropped.blocks[7], Verdict::drop, Decider::rule);  // the heading "Water"
    stage.run(dropped, scratch);
    CHECK(dropped.blocks[3].verdict == Verdict::undecided);
  }
  SECTION("in HTML, an entry is a link") {
    StageScratch scratch;
    Document doc = text_document(article);
    doc.elements.resize(doc.blocks.size());
    for (std::size_t entry = 2; entry <= 4; ++entry) doc.elements[entry].link_chars = 5;
    stage.run(doc, scratch);
    CHECK(kept_lines(doc).size() == 8);
    Document cells = text_document(article);  // a comparison table's cells, no links
    cells.elements.resize(cells.blocks.size());
    stage.run(cells, scratch);
    CHECK(kept_lines(cells).size() == 11);
  }
  SECTION("turned off with 0 entries") {
    StageScratch scratch;
    Document doc = text_document(article);
    TableOfContentsStage(0).run(doc, scratch);
    CHECK(kept_lines(doc).size() == 11);
  }
}

TEST_CASE("dedupe drops later repeats of kept lines only", "[stages]") {
  DedupeStage stage(12, 160);
  StageScratch scratch;
  Document doc = text_document(
      "Example Daily News\n"
      "The Same Headline Twice\n"
      "the same headline   twice\n"
      "Short\nShort\n"
      "A dropped line of text\n"
      "A dropped line of text\n");
  doc.decide(doc.blocks[5], Verdict::drop, Decider::rule);
  stage.run(doc, scratch);
  CHECK(kept_lines(doc) ==
        Lines{"Example Daily News", "The Same Headline Twice", "Short", "Short", "A dropped line of text"});
  CHECK(doc.blocks[2].decider == Decider::dedupe);
}

TEST_CASE("dedupe drops a text page's title line, not the headline that repeats it", "[stages]") {
  DedupeStage stage(12, 160);
  StageScratch scratch;
  SECTION("the first later copy stays, in place, and any further copy goes") {
    Document doc = text_document(
        "Harbour Ferry Returns After Repairs\n"
        "Home\nNews\nLocal\n"
        "Harbour Ferry Returns After Repairs\n"
        "The ferry left the dry dock on Monday.\n"
        "HARBOUR FERRY RETURNS AFTER REPAIRS\n");
    stage.run(doc, scratch);
    CHECK(doc.blocks[0].decider == Decider::dedupe);
    CHECK(doc.blocks[4].verdict == Verdict::undecided);
    CHECK(doc.blocks[6].decider == Decider::dedupe);
  }
  SECTION("a title the page never repeats stays") {
    Document doc = text_document("Harbour Ferry Returns After Repairs\nThe ferry left the dry dock on Monday.\n");
    stage.run(doc, scratch);
    CHECK(kept_lines(doc) == Lines{"Harbour Ferry Returns After Repairs", "The ferry left the dry dock on Monday."});
  }
  SECTION("a first line longer than a title is the article's first paragraph: its quote goes") {
    const std::string paragraph =
        "The harbour ferry carried its first passengers of the season on Monday morning, after three months in the "
        "dry dock at the boatyard on the east quay, where engineers replaced both of its engines.";
    Document doc = text_document(paragraph + "\nEngineers replaced both engines.\n" + paragraph + "\n");
    stage.run(doc, scratch);
    CHECK(kept_lines(doc) == Lines{paragraph, "Engineers replaced both engines."});
  }
  SECTION("a title a keep rule protects keeps its place") {
    Document doc = text_document("Harbour Ferry Returns After Repairs\nHarbour Ferry Returns After Repairs\n");
    doc.decide(doc.blocks[0], Verdict::keep, Decider::rule);
    stage.run(doc, scratch);
    CHECK(doc.blocks[0].verdict == Verdict::keep);
    CHECK(doc.blocks[1].decider == Decider::dedupe);
  }
  SECTION("HTML blocks: the first copy stays") {
    Document doc = text_document("Harbour Ferry Returns After Repairs\nHarbour Ferry Returns After Repairs\n");
    doc.format = SourceFormat::html;
    stage.run(doc, scratch);
    CHECK(doc.blocks[0].verdict == Verdict::undecided);
    CHECK(doc.blocks[1].decider == Decider::dedupe);
  }
}

TEST_CASE("dedupe drops a repeat a keep rule protects only when a keep rule protected the first copy too", "[stages]") {
  DedupeStage stage(12, 160);
  StageScratch scratch;
  Document doc = text_document(
      "Slow-Cooked Lamb Shoulder\n"
      "2 tablespoons of olive oil\n"
      "2 tablespoons of olive oil\n"
      "2 tablespoons of olive oil\n"
      "250 g of minced lamb, browned\n"
      "250 g of minced lamb, browned\n");
  doc.decide(doc.blocks[2], Verdict::keep, Decider::rule);  // the first copy is left to the scorer
  doc.decide(doc.blocks[3], Verdict::keep, Decider::rule);
  doc.decide(doc.blocks[4], Verdict::keep, Decider::rule);
  doc.decide(doc.blocks[5], Verdict::keep, Decider::rule);
  stage.run(doc, scratch);
  CHECK(doc.blocks[1].verdict == Verdict::undecided);
  CHECK(doc.blocks[2].verdict == Verdict::keep);
  CHECK(doc.blocks[3].verdict == Verdict::drop);
  CHECK(doc.blocks[3].decider == Decider::dedupe);
  CHECK(doc.blocks[4].verdict == Verdict::keep);
  CHECK(doc.blocks[5].verdict == Verdict::drop);
}

TEST_CASE("edge trim drops short non-sentence runs at both ends", "[stages]") {
  EdgeTrimStage stage(3, 40);
  StageScratch scratch;
  Document doc = text_document(
      "Breaking News\n| Politics\nA headline with more than three words\nBody text.\nEnd.\nMarket Data\nClose\n");
  stage.run(doc, scratch);
  CHECK(kept_lines(doc) == Lines{"A headline with more than three words", "Body text.", "End."});
  CHECK(doc.blocks[0].decider == Decider::edge_trim);
  Document all_short = text_document("Yes.\nOk\n");
  stage.run(all_short, scratch);
  CHECK(kept_lines(all_short) == Lines{"Yes."});
  // Thai is written without spaces and without full stops: a paragraph is one or two
  // "words", yet far longer than a label.
  const std::string thai_paragraph =
      "\u0E2A\u0E20\u0E32\u0E40\u0E21\u0E37\u0E2D\u0E07\u0E25\u0E07\u0E21\u0E15\u0E34\u0E43\u0E2B\u0E49"
      "\u0E19\u0E33\u0E40\u0E23\u0E37\u0E2D\u0E02\u0E49\u0E32\u0E21\u0E1F\u0E32\u0E01\u0E01\u0E25\u0E31"
      "\u0E1A\u0E21\u0E32\u0E43\u0E2B\u0E49\u0E1A\u0E23\u0E34\u0E01\u0E32\u0E23 \u0E2D\u0E35\u0E01\u0E04"
      "\u0E23\u0E31\u0E49\u0E07";
  Document thai = text_document("Menu\nBody text.\n" + thai_paragraph + "\nClose\n");
  stage.run(thai, scratch);
  CHECK(kept_lines(thai) == Lines{"Body text.", thai_paragraph});
  // A short last line is a sentence when it ends in a mark of any script, or in one followed
  // by a closing quote or bracket: the same marks the scorer counts.
  Document quoted = text_document(
      "Menu\nBody text.\n\"Who knew?\"\nThen \u00ABno\u00BB.\nIt ended \u00ABhere.\u00BB\nTi \u03B8\u03AD\u03C2\u037E\nShare\n");
  stage.run(quoted, scratch);
  CHECK(kept_lines(quoted) ==
        Lines{"Body text.", "\"Who knew?\"", "Then \u00ABno\u00BB.", "It ended \u00ABhere.\u00BB", "Ti \u03B8\u03AD\u03C2\u037E"});
  Document unclosed = text_document("Body text.\n\u00ABA quote\u00BB\n(an aside)\n");
  stage.run(unclosed, scratch);
  CHECK(kept_lines(unclosed) == Lines{"Body text."});
}

TEST_CASE("safety valve undoes common-rule verdicts that remove nearly everything, never a publisher's", "[stages]") {
  // An "Intro" cut, from the common set or from a publisher file, then the valve.
  const auto cut_then_valve = [](bool from_common, Document& doc) {
    RuleList rules("cut \"Intro\"\n");
    for (auto& rule : rules.file.rules) rule.from_common = from_common;
    RegexCache cache;
    StageScratch scratch;
    SectionCutStage(rules.with(Action::cut), {}, {}, cache).run(doc, scratch);
    const std::size_t kept_after_cut = kept_lines(doc).size();
    SafetyValveStage(0.85).run(doc, scratch);
    return kept_after_cut;
  };
  Document common = text_document("Intro\nEverything else is the article and it is long.\nMore article.\n");
  CHECK(cut_then_valve(true, common) == 0);
  CHECK(kept_lines(common).size() == 3);
  CHECK(common.blocks[1].decider == Decider::safety);

  Document publisher = text_document("Intro\nEverything else.\n");
  CHECK(cut_then_valve(false, publisher) == 0);
  CHECK(kept_lines(publisher).empty());
}
