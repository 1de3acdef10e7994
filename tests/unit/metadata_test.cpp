// --metadata: the headline, language and size reported beside a document's clean text.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <string>

#include "emit/metadata.h"
#include "robustness_support.h"

using namespace declutter;

namespace {

Block block(std::string_view text, BlockKind kind = BlockKind::line) {
  Block b;
  b.text = text;
  b.kind = kind;
  return b;
}

Block scored(std::string_view text, Verdict verdict, ScoreReason reason) {
  Block b = block(text);
  b.verdict = verdict;
  b.decider = Decider::score;
  b.score_reason = reason;
  return b;
}

nlohmann::json metadata_json(const Document& doc, std::string_view clean) {
  std::string out;
  append_metadata_json(describe_document(doc, clean), out);
  return nlohmann::json::parse(out);
}

}  // namespace

TEST_CASE("metadata: the title is the scorer's headline, else the kept title block, else <title>", "[metadata]") {
  Document doc;
  doc.title = "A page title for the test | Example News";
  doc.blocks = {block("Logo", BlockKind::title), scored("Chosen\n  headline", Verdict::keep, ScoreReason::headline),
                scored("Body.", Verdict::keep, ScoreReason::article)};
  // White space inside the headline (an <h1> with a <br>) becomes single spaces.
  CHECK(describe_document(doc, "").title == "Chosen headline");

  doc.blocks[1].verdict = Verdict::drop;  // a dropped headline is no title
  CHECK(describe_document(doc, "").title == "Logo");

  doc.blocks[0].verdict = Verdict::drop;  // nor a dropped title block (a logo <h1>)
  CHECK(describe_document(doc, "").title == "A page title for the test");

  doc.title.clear();  // text input: no <title> to fall back on
  CHECK(describe_document(doc, "").title.empty());
  CHECK(metadata_json(doc, "")["title"].is_null());
}

TEST_CASE("metadata: a text dump's first line is its <title>: a headline there loses the site name", "[metadata]") {
  Document doc;
  doc.format = SourceFormat::text;
  doc.blocks = {scored("Pier to be rebuilt in stone before winter | Harbour Times", Verdict::keep, ScoreReason::headline),
                scored("Body.", Verdict::keep, ScoreReason::article)};
  CHECK(describe_document(doc, "").title == "Pier to be rebuilt in stone before winter");
  // Further down, a headline is the article's own line, whatever separators it holds.
  doc.blocks.insert(doc.blocks.begin(), scored("Menu", Verdict::drop, ScoreReason::boilerplate));
  CHECK(describe_document(doc, "").title == "Pier to be rebuilt in stone before winter | Harbour Times");
  // HTML's headline is never the <title> itself.
  doc.blocks.erase(doc.blocks.begin());
  doc.format = SourceFormat::html;
  CHECK(describe_document(doc, "").title == "Pier to be rebuilt in stone before winter | Harbour Times");
}

TEST_CASE("metadata: author, language, date, words and characters of the clean text", "[metadata]") {
  Document doc;
  doc.author = "Ana Costa, Mara Lindqvist";
  doc.language = "de";
  doc.published = "2021-04-26";
  const auto json = metadata_json(doc, "Grüße aus  Köln.\n\nZweiter \xE2\x80\x9E" "Absatz\xE2\x80\x9C.\n");
  CHECK(json["author"] == "Ana Costa, Mara Lindqvist");
  CHECK(json["language"] == "de");
  CHECK(json["published"] == "2021-04-26");
  CHECK(json["words"] == 5);
  CHECK(json["characters"] == 35);  // not the final line break
  CHECK(json.size() == 6);

  doc.author.clear();
  doc.language = {};
  doc.published.clear();
  CHECK(metadata_json(doc, "")["author"].is_null());
  CHECK(metadata_json(doc, "")["language"].is_null());
  CHECK(metadata_json(doc, "")["published"].is_null());
  CHECK(metadata_json(doc, "")["words"] == 0);
}

TEST_CASE("metadata: a title with invalid UTF-8 still makes valid JSON", "[metadata]") {
  Document doc;
  doc.title = "Bad \xFF byte";
  CHECK(metadata_json(doc, "")["title"] == "Bad \xEF\xBF\xBD byte");
}

TEST_CASE("metadata: pages through the built-in rules", "[metadata]") {
  const auto engine = testing::engine_for(InputFormat::automatic);
  REQUIRE(engine != nullptr);
  Worker worker(*engine);
  const std::string article =
      "<p>The harbour board met on Tuesday evening and agreed, after a long debate about the costs, that the old "
      "pier will be rebuilt in stone before the winter storms arrive.</p>"
      "<p>Work begins next month, and the ferry will use the northern quay while the builders are there, which "
      "the board said would add ten minutes to each crossing for most of the travellers.</p>";
  const std::string html = "<html><head><title>Pier to be rebuilt | Harbour Times</title></head><body>"
                           "<nav><a href=/>Home</a> <a href=/news>News</a></nav><article><h1>Pier to be rebuilt</h1>" +
                           article + "</article></body></html>";
  std::string clean;
  worker.extract({html, ""}, clean);
  const DocumentMetadata html_metadata = describe_document(worker.analyse({html, ""}), clean);
  CHECK(html_metadata.title == "Pier to be rebuilt");
  CHECK(html_metadata.language == "en");
  CHECK(html_metadata.words > 60);

  const std::string text = "Home\nNews\nSport\n\nPier to be rebuilt\n\n"
                           "The harbour board met on Tuesday evening and agreed, after a long debate about the costs, "
                           "that the old pier will be rebuilt in stone before the winter storms arrive.\n\n"
                           "Work begins next month, and the ferry will use the northern quay while the builders are "
                           "there, which the board said would add ten minutes to each crossing for most travellers.\n";
  const DocumentMetadata text_metadata = describe_document(worker.analyse({text, ""}), "");
  CHECK(text_metadata.title == "Pier to be rebuilt");
  CHECK(text_metadata.language == "en");
}
