#include <catch2/catch.hpp>

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "core/settings.h"
#include "rules/embedded.h"
#include "rules/rule.h"
#include "score/article_element.h"
#include "score/content_scorer.h"

using namespace declutter;
using namespace declutter::score;

namespace {
std::shared_ptr<const StopwordLists> shipped_lists() {
  std::vector<std::pair<std::string, std::string>> files;
  for (const auto& file : embedded_rule_files())
    if (file.path.substr(0, 10) == "stopwords/") files.emplace_back(std::string(file.path), std::string(file.content));
  Diagnostics diagnostics;
  return std::make_shared<const StopwordLists>(StopwordLists::parse(files, diagnostics));
}

// One block per line, as text mode makes them; returns the kept lines joined by '\n'.
struct Page {
  std::vector<std::string> lines;
  Document doc;
  std::unique_ptr<Stage> stage;

  explicit Page(std::vector<std::string> page_lines) : lines(std::move(page_lines)) {
    for (std::size_t i = 0; i < lines.size(); ++i) {
      Block block;
      block.text = lines[i];
      block.line = static_cast<std::uint32_t>(i + 1);
      doc.blocks.push_back(block);
    }
  }
  // Block i's element, as the HTML front end would have given it.
  BlockElement& element(std::size_t i) {
    doc.elements.resize(doc.blocks.size());
    return doc.elements[i];
  }
  std::string run(Focus focus = Focus::balanced, const Settings& settings = Settings()) {
    // Kept with the page: doc.language views the stage's stopword lists.
    stage = make_score_stage(settings, shipped_lists(), focus);
    StageScratch scratch;
    stage->run(doc, scratch);
    std::string kept;
    for (const Block& block : doc.blocks)
      if (block.kept()) kept += std::string(block.text) + "\n";
    return kept;
  }
};

const std::string kPara1 =
    "The harbour town of Kettleby voted on Sunday to bring back the ferry that linked it to the island until 1974, "
    "and the council says the first boats could run as early as next summer.";
const std::string kPara2 =
    "Opponents argued that the money would be better spent on the coastal road, which floods every winter, but a "
    "clear majority of the residents who voted wanted the old crossing back.";
const std::string kPara3 =
    "The council will now ask the regional transport authority for a subsidy, and it hopes to hear back before the "
    "end of the year, when the budget for the next three years is set.";

std::vector<std::string> menu() {
  return {"Home", "News", "Sport", "Weather", "Travel", "Culture", "Contact", "Newsletter", "Archive", "Search"};
}
}  // namespace

TEST_CASE("scorer: prose between menus and footers is kept, the menus go", "[score]") {
  std::vector<std::string> lines = menu();
  lines.insert(lines.end(), {kPara1, kPara2, kPara3});
  for (const char* footer : {"About us", "Careers", "Privacy", "Terms of use", "Advertise", "© 2024 Kettleby Post"})
    lines.emplace_back(footer);
  Page page(lines);
  CHECK(page.run() == kPara1 + "\n" + kPara2 + "\n" + kPara3 + "\n");
  for (const Block& block : page.doc.blocks) {
    CHECK(block.decider == Decider::score);
    CHECK(block.verdict != Verdict::undecided);
  }
}

TEST_CASE("scorer: a short subheading and a short list between paragraphs stay", "[score]") {
  std::vector<std::string> lines = menu();
  lines.insert(lines.end(), {kPara1, "What happens next", kPara2, "Two ferries a day", "Bikes carried free", kPara3});
  lines.insert(lines.end(), {"Popular", "Weather warning for the coast", "Local football results", "Contact", "Imprint"});
  Page page(lines);
  CHECK(page.run() == kPara1 + "\nWhat happens next\n" + kPara2 + "\nTwo ferries a day\nBikes carried free\n" + kPara3 + "\n");
}

TEST_CASE("scorer: the headline and byline above the article are recovered", "[score]") {
  std::vector<std::string> lines = menu();
  lines.insert(lines.end(), {"Harbour town votes to restore its old ferry line", "By Mara Lindqvist", kPara1, kPara2});
  lines.insert(lines.end(), {"Contact", "Imprint", "Privacy"});
  Page page(lines);
  CHECK(page.run() == "Harbour town votes to restore its old ferry line\nBy Mara Lindqvist\n" + kPara1 + "\n" + kPara2 + "\n");
}

TEST_CASE("scorer: a headline the article's run opens with is named so, and a sentence is not", "[score]") {
  const std::string headline = "Harbour town votes to restore its old ferry line";
  // The page opens with its headline: the run takes it in, and the scorer names it.
  Page opening({headline, kPara1, kPara2, "Contact", "Imprint"});
  CHECK(opening.run() == headline + "\n" + kPara1 + "\n" + kPara2 + "\n");
  CHECK(opening.doc.blocks[0].score_reason == ScoreReason::headline);
  CHECK(opening.doc.blocks[1].score_reason == ScoreReason::article);
  // A run that opens with a sentence has no headline.
  Page sentence({kPara1, kPara2, kPara3, "Contact"});
  sentence.run();
  for (const Block& block : sentence.doc.blocks) CHECK(block.score_reason != ScoreReason::headline);
}

TEST_CASE("scorer: one token, a label, an open row, markup or a row of sites above the article is no headline", "[score]") {
  for (const char* line : {"mara.lindqvist@kettleby-post.example", "Get notified about new posts by e-mail:",
                           "By Mara Lindqvist | 25 May 2022 | 3 comments |",
                           "<iframe width=\"476\" height=\"267\" src=\"https://video.kettleby-post.example/embed\"></iframe>",
                           "kettleby-post.example harbourtimes.example tv.example coast-radio.example"}) {
    INFO(line);
    std::vector<std::string> lines = menu();
    lines.insert(lines.end(), {line, kPara1, kPara2, "Contact", "Imprint"});
    Page page(lines);
    CHECK(page.run() == kPara1 + "\n" + kPara2 + "\n");
  }
}

namespace {
// A page of a menu, three paragraphs, a "Read also" box of teasers and a footer: the article
// stays whole, the teasers go, and the page's language is `language` ("" for none).
void check_scored_page(const std::vector<std::string>& menu_items, const std::vector<std::string>& paragraphs,
                       const std::vector<std::string>& teasers, std::string_view language) {
  std::vector<std::string> lines = menu_items;
  lines.insert(lines.end(), paragraphs.begin(), paragraphs.end());
  const std::size_t first_teaser = lines.size() + 1;  // after the box's heading
  lines.insert(lines.end(), teasers.begin(), teasers.end());
  Page page(lines);
  const std::string kept = page.run();
  CHECK(page.doc.language == language);
  CHECK(kept.find(paragraphs[0] + "\n" + paragraphs[1] + "\n" + paragraphs[2] + "\n") != std::string::npos);
  for (std::size_t i = first_teaser; i < first_teaser + 3; ++i) {
    CHECK(page.doc.blocks[i].decider == Decider::score);
    CHECK(page.doc.blocks[i].verdict == Verdict::drop);
  }
}
}  // namespace

TEST_CASE("scorer: a page in a language without a stopword list is still scored", "[score]") {
  // Lithuanian: no list, so no stopword evidence; length and punctuation carry the prose.
  check_scored_page(
      {"Pradžia", "Naujienos", "Sportas", "Kultūra", "Orai", "Prisijungti", "Paieška"},
      {"Kettlebio miesto taryba sekmadienį nubalsavo atkurti keltą, kuris iki 1974 metų jungė miestą su sala, ir "
       "pirmieji laivai gali išplaukti jau kitą vasarą.",
       "Priešininkai teigė, kad pinigus geriau išleisti pakrantės keliui, kurį kiekvieną žiemą užlieja vanduo, bet "
       "aiški dauguma balsavusių gyventojų norėjo susigrąžinti senąją perkėlą.",
       "Dabar taryba prašys regiono transporto tarnybos subsidijos ir tikisi atsakymo iki metų pabaigos, kai "
       "tvirtinamas kitų trejų metų biudžetas."},
      {"Taip pat skaitykite", "Naujas dviračių takas palei uostą", "Rekordinis lankytojų skaičius mugėje",
       "Mokykla gaus naują sporto salę", "Apie mus", "Kontaktai"},
      "");
}

TEST_CASE("scorer: a Ukrainian page is scored with its own list, not Russian's", "[score]") {
  check_scored_page(
      {"Головна", "Новини", "Спорт", "Культура", "Погода", "Увійти", "Пошук"},
      {"Міська рада Кеттлбі в неділю проголосувала за відновлення порома, який з'єднував місто з островом до 1974 "
       "року, і перші човни можуть вийти вже наступного літа.",
       "Противники вважали, що гроші краще витратити на прибережну дорогу, яку щозими затоплює, але явна більшість "
       "мешканців, які голосували, хотіла повернути стару переправу.",
       "Тепер рада попросить регіональне транспортне управління про субсидію і сподівається отримати відповідь до "
       "кінця року, коли ухвалюють бюджет на наступні три роки."},
      {"Читайте також", "Нова велодоріжка вздовж гавані", "Рекордна кількість гостей на ярмарку",
       "Школа отримає новий спортзал", "Про нас", "Контакти"},
      "uk");
}

TEST_CASE("scorer: a lone long line far down the footer does not join the article", "[score]") {
  std::vector<std::string> lines = menu();
  lines.insert(lines.end(), {kPara1, kPara2, kPara3});
  for (int i = 0; i < 12; ++i) lines.push_back("Footer link " + std::to_string(i));
  lines.emplace_back("We use cookies, and the site works without them.");
  lines.insert(lines.end(), {"Imprint", "Privacy"});
  Page page(lines);
  CHECK(page.run() == kPara1 + "\n" + kPara2 + "\n" + kPara3 + "\n");
  // --explain says why: the menu is boilerplate, the paragraphs the article's run, the
  // cookie line a run of prose too small so far out.
  CHECK(page.doc.blocks[0].score_reason == ScoreReason::boilerplate);
  CHECK(page.doc.blocks[10].score_reason == ScoreReason::article);
  CHECK(page.doc.blocks[25].text.substr(0, 6) == "We use");
  CHECK(page.doc.blocks[25].score_reason == ScoreReason::stray_run);
}

TEST_CASE("scorer: explicit verdicts win and a page without prose is left alone", "[score]") {
  std::vector<std::string> lines = menu();
  lines.insert(lines.end(), {kPara1, kPara2, kPara3});
  Page page(lines);
  page.doc.blocks[1].verdict = Verdict::keep;  // "News", kept by a rule
  page.doc.blocks[11].verdict = Verdict::drop;  // the second paragraph, dropped by a rule
  page.doc.blocks[11].decider = Decider::rule;
  page.run();
  CHECK(page.doc.blocks[1].verdict == Verdict::keep);
  CHECK(page.doc.blocks[1].decider == Decider::none);
  CHECK(page.doc.blocks[11].verdict == Verdict::drop);
  CHECK(page.doc.blocks[11].decider == Decider::rule);
  CHECK(page.doc.blocks[12].verdict == Verdict::keep);  // the paragraphs around it still form the article

  Page labels(menu());
  labels.run();
  for (const Block& block : labels.doc.blocks) CHECK(block.verdict == Verdict::undecided);
}

TEST_CASE("scorer: focus moves the threshold; settings tune it", "[score]") {
  Settings settings;
  const ScoreParams balanced = ScoreParams::from(settings, Focus::balanced);
  const ScoreParams precision = ScoreParams::from(settings, Focus::precision);
  const ScoreParams recall = ScoreParams::from(settings, Focus::recall);
  CHECK(precision.threshold > balanced.threshold);
  CHECK(recall.threshold < balanced.threshold);
  settings.set("score-threshold", "100");
  std::vector<std::string> lines = menu();
  lines.insert(lines.end(), {kPara1, kPara2});
  Page page(lines);
  page.run(Focus::balanced, settings);  // nothing reaches an impossible threshold: no article, no verdicts
  for (const Block& block : page.doc.blocks) CHECK(block.verdict == Verdict::undecided);
  settings.set("score", "off");
  CHECK(make_score_stage(settings, shipped_lists(), Focus::balanced) == nullptr);
}

TEST_CASE("scorer: prose score orders paragraphs above labels and link lists", "[score]") {
  const auto lists = shipped_lists();
  const ScoreParams params = ScoreParams::from(Settings(), Focus::balanced);
  const auto score_of = [&](std::string_view text, std::uint32_t link_chars) {
    return prose_score(measure_block(text, link_chars, *lists, lists->language_index("en"), CharsPerWord{}), true, 0.4F,
                       params);
  };
  const float paragraph = score_of(kPara1, 0);
  const float linked_paragraph = score_of(kPara1, static_cast<std::uint32_t>(kPara1.size()));
  const float label = score_of("Latest News", 0);
  CHECK(paragraph > params.good);
  CHECK(label < params.near_good);
  CHECK(linked_paragraph < paragraph - 2);
}

TEST_CASE("scorer: dropped chrome after the article ends it; before the first paragraph it does not", "[score]") {
  const auto dropped = [](Page& page, std::size_t from, std::size_t to) {
    for (std::size_t i = from; i < to; ++i) {
      page.doc.blocks[i].verdict = Verdict::drop;
      page.doc.blocks[i].decider = Decider::rule;
    }
  };
  std::vector<std::string> lines = menu();
  lines.insert(lines.end(), {"Harbour town votes to restore its old ferry line", "Share", "Facebook", "Twitter", "Email",
                             "Copy link", kPara1, kPara2, "A caption under the photo", kPara3});
  lines.insert(lines.end(), {"Share", "Facebook", "Twitter", "Leave a Reply", "Cancel reply",
                             "Thanks for reading!"});
  Page page(lines);
  dropped(page, 11, 16);  // the share bar under the headline
  dropped(page, 18, 19);  // the caption
  dropped(page, 20, 25);  // the share bar and comment form after the article
  const std::string article = "Harbour town votes to restore its old ferry line\n" + kPara1 + "\n" + kPara2 + "\n" + kPara3 + "\n";
  Settings settings;
  settings.set("score-threshold", "0");
  CHECK(page.run(Focus::balanced, settings) == article);

  Settings neutral = settings;  // dropped blocks carry no evidence: the sign-off joins the article
  neutral.set("score-dropped-cap", "0");
  Page again(lines);
  dropped(again, 11, 16);
  dropped(again, 18, 19);
  dropped(again, 20, 25);
  CHECK(again.run(Focus::balanced, neutral) == article + "Thanks for reading!\n");
}

TEST_CASE("scorer: HTML's headline, moved in front of the page, is kept with the byline under it", "[score]") {
  // The block builder puts the main <h1> first; the byline still stands where the <h1> stood.
  std::vector<std::string> lines = {"Harbour town votes to restore its old ferry line"};
  for (const std::string& item : menu()) lines.push_back(item);
  for (int i = 0; i < 12; ++i) lines.push_back("Teaser headline number " + std::to_string(i));
  lines.insert(lines.end(), {"By Mara Lindqvist", kPara1, kPara2, kPara3, "Contact", "Imprint"});
  Page page(lines);
  page.doc.blocks[0].kind = BlockKind::title;
  page.element(0).tag = "h1";
  page.doc.blocks[0].line = 23;  // the source line of the <h1>: just above the byline
  for (std::size_t i = 1; i < page.doc.blocks.size(); ++i) page.doc.blocks[i].line = static_cast<std::uint32_t>(i + (i >= 23 ? 1 : 0));
  for (std::size_t i = 11; i < 23; ++i) page.element(i).link_chars = static_cast<std::uint32_t>(lines[i].size());
  CHECK(page.run() == "Harbour town votes to restore its old ferry line\nBy Mara Lindqvist\n" + kPara1 + "\n" + kPara2 + "\n" +
                          kPara3 + "\n");
}

TEST_CASE("scorer: a bare label between the headline and the article goes, a byline stays", "[score]") {
  // The headline, a byline, then a section name and a bare name, as a kicker and an author
  // box leave them; the byline's "By" makes it read as words, the bare label does not.
  std::vector<std::string> lines = menu();
  lines.insert(lines.end(), {"Harbour town votes to restore its old ferry line", "By Mara Lindqvist", "Politics",
                             "Mara Lindqvist", kPara1, kPara2, kPara3, "Contact", "Imprint"});
  const std::string header = "Harbour town votes to restore its old ferry line\nBy Mara Lindqvist\n";
  const std::string article = kPara1 + "\n" + kPara2 + "\n" + kPara3 + "\n";
  Page page(lines);
  CHECK(page.run() == header + article);
  const std::size_t label = menu().size() + 2;
  CHECK(page.doc.blocks[label].score < -3.5F);
  CHECK(page.doc.blocks[label + 1].score < -3.5F);
  Settings every_line;
  every_line.set("score-header-min-score", "-1000");
  Page kept(lines);
  CHECK(kept.run(Focus::balanced, every_line) == header + "Politics\nMara Lindqvist\n" + article);
  CHECK(kept.doc.blocks[label].score_reason == ScoreReason::header);
}

TEST_CASE("scorer: HTML's headline that links to its own page is kept when the <title> names it", "[score]") {
  const auto page_with_linked_h1 = [](const std::string& h1, const std::string& title) {
    std::vector<std::string> lines = {h1};
    for (const std::string& item : menu()) lines.push_back(item);
    lines.insert(lines.end(), {kPara1, kPara2, kPara3, "Contact", "Imprint"});
    Page page(lines);
    page.doc.format = SourceFormat::html;
    page.doc.title = title;
    page.doc.blocks[0].kind = BlockKind::title;
    page.element(0).tag = "h1";
    for (std::size_t i = 0; i < 11; ++i) page.element(i).link_chars = static_cast<std::uint32_t>(lines[i].size());
    return page;
  };
  const std::string article = kPara1 + "\n" + kPara2 + "\n" + kPara3 + "\n";
  const std::string headline = "Harbour town votes to restore its old ferry line";
  SECTION("a blog's permalink on its headline") {
    auto page = page_with_linked_h1(headline, headline + " | Kettleby Weekly");
    CHECK(page.run() == headline + "\n" + article);
  }
  SECTION("a headline with no site name after the separator") {
    auto page = page_with_linked_h1(headline, headline + " |");
    CHECK(page.run() == headline + "\n" + article);
  }
  SECTION("a logo <h1>, the <title>'s site name, stays link text") {
    auto page = page_with_linked_h1("Kettleby Weekly", "Kettleby Weekly \xC2\xBB Archive \xC2\xBB " + headline);
    CHECK(page.run() == article);
  }
}

TEST_CASE("scorer: HTML blocks in the article's own container between its paragraphs stay", "[score]") {
  const std::string sizes = "SIZES | 40x12 CM | 30x8 CM | 20x5 CM | 250 G | 99 EUR | 12 KG | 2024";
  std::vector<std::string> lines = menu();
  lines.insert(lines.end(), {kPara1, sizes, kPara2, kPara3, sizes + " extra"});
  const auto page_with = [&](std::string_view sizes_class) {
    auto page = std::make_unique<Page>(lines);
    for (std::size_t i = 0; i < lines.size(); ++i) {
      page->element(i).depth = 3;
      page->element(i).class_id = "menu";
    }
    for (std::size_t i = 10; i < 15; ++i) {
      page->element(i).depth = 6;
      page->element(i).class_id = "story-body";
    }
    page->element(11).class_id = sizes_class;
    page->element(14).class_id = "promo";  // after the article: not joined
    return page;
  };
  CHECK(page_with("story-body")->run() == kPara1 + "\n" + sizes + "\n" + kPara2 + "\n" + kPara3 + "\n");
  CHECK(page_with("gallery")->run() == kPara1 + "\n" + kPara2 + "\n" + kPara3 + "\n");
}

TEST_CASE("scorer: a headline printed twice above the article is still its headline", "[score]") {
  std::vector<std::string> lines = menu();
  lines.insert(lines.end(), {"Harbour town votes to restore its old ferry line", "Harbour town votes to restore its old ferry line",
                             "By Mara Lindqvist", kPara1, kPara2, "Contact", "Imprint", "Privacy"});
  Settings strict;  // a threshold at which the headline's own evidence is not enough
  strict.set("score-threshold", "0.5");
  Page page(lines);
  const std::string kept = page.run(Focus::balanced, strict);
  CHECK(kept.find("Harbour town votes to restore its old ferry line\nBy Mara Lindqvist\n" + kPara1) != std::string::npos);
}

TEST_CASE("scorer: a headline whose second copy the rules dropped is still the article's headline", "[score]") {
  std::vector<std::string> lines = menu();
  lines.insert(lines.end(), {"Breaking News", "Harbour town votes to restore its old ferry line",
                             "Harbour town votes to restore its old ferry line", kPara1, kPara2, "Contact", "Imprint"});
  Page page(lines);
  page.doc.decide(page.doc.blocks[10], Verdict::drop, Decider::rule);    // the label
  page.doc.decide(page.doc.blocks[12], Verdict::drop, Decider::dedupe);  // the copy
  CHECK(page.run() == "Harbour town votes to restore its old ferry line\n" + kPara1 + "\n" + kPara2 + "\n");
}

TEST_CASE("scorer: a headline far above the article stays with its standfirst, without the chrome below it", "[score]") {
  const std::string headline = "Harbour town votes to restore its old ferry line";
  std::vector<std::string> lines = {headline + " | Kettleby Weekly"};
  for (const std::string& item : menu()) lines.push_back(item);
  lines.push_back(headline);
  for (int i = 0; i < 14; ++i) lines.push_back("Author profile link " + std::to_string(i));
  lines.insert(lines.end(), {kPara1, kPara2, kPara3, "Contact", "Imprint"});
  Page page(lines);
  CHECK(page.run() == headline + "\n" + kPara1 + "\n" + kPara2 + "\n" + kPara3 + "\n");
  // The site name the title ends with is no headline, however near.
  lines[11] = "Kettleby Weekly";
  Page site_name(lines);
  CHECK(site_name.run() == kPara1 + "\n" + kPara2 + "\n" + kPara3 + "\n");
  // Its standfirst, the sentence under it (past a credit the rules dropped), stays with it.
  const std::string standfirst =
      "Nobody in this place has forgotten the old timetables of their childhood, and many people say that they "
      "gladly paid more for them.";
  // A body long enough that the standfirst, alone, would be too small a run to stay.
  const std::vector<std::string> body = {kPara1 + " " + kPara2, kPara2 + " " + kPara1, kPara1 + " " + kPara3,
                                         kPara3 + " " + kPara1, kPara2 + " " + kPara3, kPara3 + " " + kPara2};
  lines.resize(11);
  lines.insert(lines.end(), {headline, "Photo: Kettleby Weekly", standfirst});
  for (int i = 0; i < 14; ++i) lines.push_back("Author profile link " + std::to_string(i));
  lines.insert(lines.end(), body.begin(), body.end());
  std::string article;
  for (const std::string& paragraph : body) article += paragraph + "\n";
  Page with_standfirst(lines);
  with_standfirst.doc.blocks[12].verdict = Verdict::drop;
  CHECK(with_standfirst.run() == headline + "\n" + standfirst + "\n" + article);
  CHECK(with_standfirst.doc.blocks[11].score_reason == ScoreReason::headline);
  CHECK(with_standfirst.doc.blocks[13].score_reason == ScoreReason::standfirst);
}

TEST_CASE("scorer: the standfirst between the headline and the article stays", "[score]") {
  const std::string standfirst =
      "A vote on Sunday brings back the crossing that closed fifty years ago, and the first boats may sail next summer.";
  std::vector<std::string> lines = menu();
  lines.insert(lines.end(), {"Harbour town votes to restore its old ferry line", standfirst, "Save", "Listen", "Print",
                             "Comments", "By", "Mara Lindqvist", "Issue 3", "Order the issue", "From the magazine",
                             kPara1, kPara2, kPara3, "Contact", "Imprint"});
  Page page(lines);
  for (const std::size_t i : {12, 13, 14, 15, 16, 18, 19, 20}) page.doc.decide(page.doc.blocks[i], Verdict::drop, Decider::rule);
  const std::string kept = page.run();
  INFO(kept);
  CHECK(kept.find("Harbour town votes to restore its old ferry line\n" + standfirst + "\nMara Lindqvist\n" + kPara1) !=
        std::string::npos);
}

namespace {
// An HTML page as the block builder leaves it: body (node 0) holds a menu (node 1), the
// article element (node 2) with a table (node 3) inside it, and a box after it (node 4).
std::unique_ptr<Page> page_with_article_element(const std::string& after_article) {
  const std::string sizes = "SIZES | 40x12 CM | 30x8 CM | 20x5 CM | 250 G | 99 EUR | 12 KG | 2024";
  std::vector<std::string> lines = menu();
  lines.insert(lines.end(), {kPara1, kPara2, sizes, kPara3, kPara1 + " " + kPara2, after_article, "Contact", "Imprint"});
  auto page = std::make_unique<Page>(lines);
  page->doc.nodes = {{kNoNode, 5, 1}, {0, 2, 2}, {0, 4, 2}, {2, 4, 3}, {0, 5, 2}};
  for (std::size_t i = 0; i < lines.size(); ++i) {
    BlockElement& element = page->element(i);
    element.node = i < 10 ? 1 : i < 15 ? 2 : 4;
    element.depth = static_cast<std::uint16_t>(i < 10 || i >= 15 ? 3 : 4);
    element.class_id = i < 10 ? "menu" : i < 15 ? "story-body" : "footer-box";
  }
  page->element(12).node = 3;  // the table: another container inside the article
  page->element(12).class_id = "specs story-body";
  page->element(12).depth = 6;
  return page;
}
}  // namespace

TEST_CASE("article element: the deepest element holding the given share of the prose", "[score]") {
  const std::vector<DomNode> nodes = {{kNoNode, 4, 1}, {0, 4, 2}, {1, 4, 3}, {2, 4, 4}};
  std::vector<BlockElement> elements(4);
  for (std::uint32_t i = 0; i < 4; ++i) elements[i].node = i;
  std::vector<float> subtree;
  std::vector<std::uint32_t> subtree_blocks;
  const std::vector<float> mass = {0, 10, 80, 10};
  CHECK(article_element(nodes, elements, mass, 0.7F, subtree, subtree_blocks) == 2);  // 90 of 100 words under node 2
  CHECK(article_element(nodes, elements, mass, 0.95F, subtree, subtree_blocks) == 1);
  CHECK(article_element(nodes, elements, std::vector<float>(4, 0.0F), 0.7F, subtree, subtree_blocks) == kNoNode);

  // A body of one long paragraph and a short one: the paragraph alone holds the share, but
  // the article is their container. A page of one paragraph has only that paragraph.
  const std::vector<DomNode> body = {{kNoNode, 3, 1}, {0, 2, 2}, {0, 3, 2}};
  std::vector<BlockElement> paragraphs(3);
  for (std::uint32_t i = 0; i < 3; ++i) paragraphs[i].node = i;
  CHECK(article_element(body, paragraphs, std::vector<float>{0, 85, 15}, 0.7F, subtree, subtree_blocks) == 0);
  CHECK(article_element(body, paragraphs, std::vector<float>{0, 85, 0}, 0.7F, subtree, subtree_blocks) == 1);
  CHECK(inside_element(nodes, 2, 3));
  CHECK_FALSE(inside_element(nodes, 3, 2));
  CHECK_FALSE(inside_element(nodes, kNoNode, 2));
}

TEST_CASE("scorer: the article element keeps its short blocks and sheds a short box after it", "[score]") {
  const std::string bio =
      "Mara Lindqvist has written about the coast and its harbour towns for this paper since 2009, and she lives in "
      "Kettleby with her family.";
  const std::string sizes = "SIZES | 40x12 CM | 30x8 CM | 20x5 CM | 250 G | 99 EUR | 12 KG | 2024";
  const std::string article = kPara1 + "\n" + kPara2 + "\n" + sizes + "\n" + kPara3 + "\n" + kPara1 + " " + kPara2 + "\n";
  CHECK(page_with_article_element(bio)->run() == article);
  Settings off;
  off.set("score-article-share", "0");
  CHECK(page_with_article_element(bio)->run(Focus::balanced, off) == kPara1 + "\n" + kPara2 + "\n" + kPara3 + "\n" +
                                                                           kPara1 + " " + kPara2 + "\n" + bio + "\n");
}

TEST_CASE("scorer: HTML's short blocks closing the article element stay, up to a dropped block or a heading", "[score]") {
  const std::vector<std::string> tail = {"Final: Sunday, 3 pm", "1. Kettleby Rovers 12 pts", "2. Harbour United 9 pts"};
  const std::vector<std::string> body = {kPara1, kPara2, kPara3, kPara1 + " " + kPara2};
  const auto page_with_tail = [&](std::vector<std::string> after_body) {
    std::vector<std::string> lines = menu();
    lines.insert(lines.end(), body.begin(), body.end());
    lines.insert(lines.end(), after_body.begin(), after_body.end());
    lines.insert(lines.end(), {"Contact", "Imprint"});
    auto page = std::make_unique<Page>(lines);
    page->doc.format = SourceFormat::html;
    page->doc.nodes = {{kNoNode, 4, 1}, {0, 2, 2}, {0, 3, 2}, {0, 4, 2}};  // menu, article, footer
    for (std::size_t i = 0; i < lines.size(); ++i)
      page->element(i).node = i < 10 ? 1 : i < lines.size() - 2 ? 2 : 3;
    return page;
  };
  std::string article;
  for (const std::string& paragraph : body) article += paragraph + "\n";
  std::string closed = article;
  for (const std::string& line : tail) closed += line + "\n";

  // The closing line and the results table stay; the "Further reading" box after its heading,
  // inside the article element too, goes.
  std::vector<std::string> with_box = tail;
  with_box.insert(with_box.end(), {"Further reading", "Ferry timetables", "Island walks"});
  auto page = page_with_tail(with_box);
  page->doc.blocks[10 + body.size() + tail.size()].kind = BlockKind::heading;
  CHECK(page->run() == closed);
  CHECK(page->doc.blocks[10 + body.size()].score_reason == ScoreReason::tail);
  Settings off;
  off.set("score-article-tail-blocks", "0");
  CHECK(page_with_tail(with_box)->run(Focus::balanced, off) == article);

  // A block the rules dropped (a share bar) ends the article: what follows it goes.
  std::vector<std::string> after_share = {"Share"};
  after_share.insert(after_share.end(), tail.begin(), tail.end());
  page = page_with_tail(after_share);
  page->doc.blocks[10 + body.size()].verdict = Verdict::drop;
  CHECK(page->run() == article);

  // At most score-article-tail-blocks of them.
  Settings two;
  two.set("score-article-tail-blocks", "2");
  CHECK(page_with_tail(tail)->run(Focus::balanced, two) == article + tail[0] + "\n" + tail[1] + "\n");
}

TEST_CASE("scorer: a lead paragraph stays when what parts it from the article was dropped by rules", "[score]") {
  std::vector<std::string> lines = menu();
  lines.push_back(kPara1);  // the lead
  for (int i = 0; i < 12; ++i) lines.push_back("Contents entry " + std::string(1, static_cast<char>('A' + i)));
  const std::vector<std::string> body = {kPara1 + " " + kPara2, kPara2 + " " + kPara1, kPara1 + " " + kPara3,
                                         kPara3 + " " + kPara1, kPara2 + " " + kPara3, kPara3 + " " + kPara2};
  lines.insert(lines.end(), body.begin(), body.end());
  lines.insert(lines.end(), {"Contact", "Imprint", "Privacy"});
  Page page(lines);
  for (std::size_t i = 11; i < 23; ++i) page.doc.blocks[i].verdict = Verdict::drop;  // a table of contents
  std::string expected = kPara1 + "\n";
  for (const std::string& paragraph : body) expected += paragraph + "\n";
  CHECK(page.run() == expected);
}

TEST_CASE("scorer: HTML's introduction above long tables stays when it lies in the article's element", "[score]") {
  const std::string intro =
      "The lighthouse keeper's cottage on the northern cliff was restored by volunteers over several summers, using "
      "stone from a collapsed barn.";
  const auto page_with_intro_in = [&](std::uint32_t intro_node) {
    std::vector<std::string> lines = menu();
    lines.push_back(intro);
    for (int i = 0; i < 12; ++i) lines.push_back("Timetable row " + std::to_string(i));
    for (int i = 0; i < 4; ++i) lines.insert(lines.end(), {kPara1 + " " + kPara2, kPara3 + " " + kPara1});
    lines.insert(lines.end(), {"Contact", "Imprint"});
    auto page = std::make_unique<Page>(lines);
    page->doc.format = SourceFormat::html;
    page->doc.nodes = {{kNoNode, 3, 1}, {0, 2, 2}, {0, 3, 2}};  // the page: a menu box, the article
    for (std::size_t i = 0; i < lines.size(); ++i) page->element(i).node = i < 10 || i >= lines.size() - 2 ? 1 : 2;
    page->element(10).node = intro_node;
    return page;
  };
  const std::string kept_in_article = page_with_intro_in(2)->run();
  CHECK(kept_in_article.substr(0, intro.size()) == intro);
  CHECK(kept_in_article.find("Timetable row 11\n" + kPara1) != std::string::npos);
  // The same paragraph in the menu's box is a blurb beside the article, far from its prose.
  CHECK(page_with_intro_in(1)->run().substr(0, kPara1.size()) == kPara1);
}

TEST_CASE("scorer: menu entries the rules dropped still part a teaser from the article", "[score]") {
  const std::string teaser =
      "Gardeners in the valley report an early spring, with apple blossom two weeks ahead of the usual date and "
      "bees already busy in the orchards along the river.";
  std::vector<std::string> lines = {teaser};
  for (int i = 0; i < 20; ++i) lines.push_back("Section " + std::string(1, static_cast<char>('A' + i)));
  const std::vector<std::string> body = {kPara1 + " " + kPara2, kPara2 + " " + kPara1, kPara1 + " " + kPara3,
                                         kPara3 + " " + kPara1, kPara2 + " " + kPara3, kPara3 + " " + kPara2};
  lines.insert(lines.end(), body.begin(), body.end());
  std::string article;
  for (const std::string& paragraph : body) article += paragraph + "\n";
  const auto run = [&](const Settings& settings) {
    Page page(lines);
    for (std::size_t i = 1; i <= 20; ++i) page.doc.blocks[i].verdict = Verdict::drop;  // the menu
    return page.run(Focus::balanced, settings);
  };
  CHECK(run(Settings()) == article);
  Settings not_counted;
  not_counted.set("score-run-gap-dropped-weight", "0");
  CHECK(run(not_counted) == teaser + "\n" + article);
}

TEST_CASE("scorer: a common DOM rule that removed the article is undone; one that removed a box stands", "[score]") {
  Rule wrapper_rule;  // say `html-drop [class*=share-button]` hitting "article has-share-buttons"
  wrapper_rule.action = Action::html_drop;
  wrapper_rule.from_common = true;
  Rule publisher_rule = wrapper_rule;
  publisher_rule.from_common = false;
  const std::vector<std::string> body = {kPara1, kPara2, kPara3};
  std::vector<std::string> lines = menu();
  lines.insert(lines.end(), body.begin(), body.end());
  lines.insert(lines.end(), {"Contact", "Imprint"});
  const auto run_with = [&](const Rule& rule, std::size_t from, std::size_t to) {
    Page page(lines);
    for (std::size_t i = from; i < to; ++i) page.doc.decide(page.doc.blocks[i], Verdict::drop, Decider::dom_rule, &rule);
    return page.run();
  };
  const std::string article = kPara1 + "\n" + kPara2 + "\n" + kPara3 + "\n";
  CHECK(run_with(wrapper_rule, 10, 13) == article);                  // the rule hit the article
  CHECK(run_with(publisher_rule, 10, 13).find(kPara2) == std::string::npos);  // a publisher's rule stands
  CHECK(run_with(wrapper_rule, 12, 13) == kPara1 + "\n" + kPara2 + "\n");  // a box beside the article
}

TEST_CASE("scorer: undoing a DOM rule leaves what the line rules said of its blocks", "[score]") {
  Rule wrapper_rule;
  wrapper_rule.action = Action::html_drop;
  wrapper_rule.from_common = true;
  Rule share_label;  // say `drop "Share this article"`
  share_label.action = Action::drop;
  std::vector<std::string> lines = menu();
  lines.insert(lines.end(), {kPara1, "Share this article", kPara2, kPara3, "Contact", "Imprint"});
  const auto run = [&](const Rule* line_rule) {
    Page page(lines);
    for (std::size_t i = 10; i < 14; ++i) page.doc.decide(page.doc.blocks[i], Verdict::drop, Decider::dom_rule, &wrapper_rule);
    page.doc.blocks[11].line_rule = line_rule;
    std::string kept = page.run();
    CHECK(page.doc.blocks[11].decider == (line_rule != nullptr ? Decider::rule : Decider::score));
    return kept;
  };
  CHECK(run(&share_label) == kPara1 + "\n" + kPara2 + "\n" + kPara3 + "\n");
  CHECK(run(nullptr) == kPara1 + "\nShare this article\n" + kPara2 + "\n" + kPara3 + "\n");  // a short line between paragraphs stays
}

TEST_CASE("scorer: a common cut that removed the article is undone; one that removed what follows it stands", "[score]") {
  Rule counter_cut;  // say `cut /^\d+ comments$/i after=30%` meeting the counter in the post's header
  counter_cut.action = Action::cut;
  counter_cut.from_common = true;
  Rule publisher_cut = counter_cut;
  publisher_cut.from_common = false;
  const std::string comment =
      "I grew up in Kettleby and took that ferry every summer as a child, so I am glad to read that it might come back.";
  std::vector<std::string> lines = menu();
  lines.insert(lines.end(), {kPara1, kPara2, kPara3, "2 comments", comment, "Contact", "Imprint"});
  const auto run_with = [&](const Rule& rule, std::size_t from) {
    Page page(lines);
    for (std::size_t i = from; i < page.doc.blocks.size(); ++i)
      page.doc.decide(page.doc.blocks[i], Verdict::drop, Decider::section_cut, &rule);
    return page.run();
  };
  const std::string article = kPara1 + "\n" + kPara2 + "\n" + kPara3 + "\n";
  CHECK(run_with(counter_cut, 10).find(kPara2) != std::string::npos);  // cut above the article: undone
  CHECK(run_with(publisher_cut, 10).find(kPara2) == std::string::npos);  // a publisher's cut stands
  CHECK(run_with(counter_cut, 13) == article);  // the comments under the article: the cut stands
  Settings always_stand;
  always_stand.set("score-cut-max-prose", "0");
  Page page(lines);
  for (std::size_t i = 10; i < page.doc.blocks.size(); ++i)
    page.doc.decide(page.doc.blocks[i], Verdict::drop, Decider::section_cut, &counter_cut);
  CHECK(page.run(Focus::balanced, always_stand).find(kPara2) == std::string::npos);
}

TEST_CASE("scorer: a lead cut off by a table of contents stays when it speaks of the article's topic", "[score]") {
  const std::vector<std::string> body = {kPara1 + " " + kPara2, kPara2 + " " + kPara1, kPara1 + " " + kPara3,
                                         kPara3 + " " + kPara1, kPara2 + " " + kPara3, kPara3 + " " + kPara2};
  const auto page_with = [&](const std::string& above) {
    std::vector<std::string> lines = menu();
    lines.push_back(above);
    for (int i = 0; i < 12; ++i) lines.push_back("Contents entry " + std::string(1, static_cast<char>('A' + i)));
    lines.insert(lines.end(), body.begin(), body.end());
    lines.insert(lines.end(), {"Contact", "Imprint", "Privacy"});
    return Page(lines);
  };
  std::string article;
  for (const std::string& paragraph : body) article += paragraph + "\n";
  // Too little prose, too far from the body, for the share rule alone.
  Settings share_alone;
  share_alone.set("score-lead-topic-share", "0");
  CHECK(page_with(kPara1).run(Focus::balanced, share_alone) == article);
  // On the article's topic (it shares its long words): the lead.
  CHECK(page_with(kPara1).run() == kPara1 + "\n" + article);
  // Prose about something else in the same place: a notice, a teaser.
  const std::string notice =
      "Our partners rely on cookies and similar technologies to personalise advertising, measure audiences and "
      "improve their products; you may withdraw your consent whenever you like from the privacy centre.";
  CHECK(page_with(notice).run() == article);
}

TEST_CASE("scorer: the article's words read for one run serve the next", "[score]") {
  // The notice comes first and makes the scorer read the whole article; the lead after it is
  // then judged on the words already read.
  const std::vector<std::string> body = {kPara1 + " " + kPara2, kPara2 + " " + kPara1, kPara1 + " " + kPara3,
                                         kPara3 + " " + kPara1, kPara2 + " " + kPara3, kPara3 + " " + kPara2};
  const std::string notice =
      "Our partners rely on cookies and similar technologies to personalise advertising, measure audiences and "
      "improve their products; you may withdraw your consent whenever you like from the privacy centre.";
  std::vector<std::string> lines = menu();
  lines.push_back(notice);
  for (int i = 0; i < 12; ++i) lines.push_back("Contents entry " + std::string(1, static_cast<char>('A' + i)));
  lines.push_back(kPara1);
  for (int i = 0; i < 12; ++i) lines.push_back("Section " + std::string(1, static_cast<char>('A' + i)));
  lines.insert(lines.end(), body.begin(), body.end());
  std::string expected = kPara1 + "\n";
  for (const std::string& paragraph : body) expected += paragraph + "\n";
  CHECK(Page(lines).run() == expected);
}
