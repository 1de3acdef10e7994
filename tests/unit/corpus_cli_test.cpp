#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>

#include "cli_support.h"
#include "compression_support.h"
#include "warc_support.h"

using namespace declutter::testing;
using namespace std::string_literals;

namespace {
const std::string kPage =
    "Menu\n\nA headline for the test page\n\nThe first paragraph of text.\n\nFacebook\nTwitter\n";
const std::string kClean = "A headline for the test page\n\nThe first paragraph of text.\n";

std::string jsonl_record(int id, const std::string& text) {
  return nlohmann::ordered_json{{"id", id}, {"text", text}, {"lang", "en"}}.dump() + "\n";
}
}  // namespace

TEST_CASE("cli corpus: --jsonl cleans the text field, keeps the rest, one line per line", "[cli][corpus]") {
  std::string input;
  for (int i = 0; i < 50; ++i) input += jsonl_record(i, kPage);
  for (const char* jobs : {"-j1", "-j 2", "--jobs=3"}) {
    RunResult r = run_declutter("--jsonl "s + jobs, input);
    CHECK(r.status == 0);
    CHECK(r.err.empty());
    std::istringstream lines(r.out);
    std::string line;
    int count = 0;
    while (std::getline(lines, line)) {
      const auto record = nlohmann::ordered_json::parse(line);
      CHECK(record["id"] == count);
      CHECK(record["text"] == kClean);
      CHECK(record.dump() == nlohmann::ordered_json::parse(jsonl_record(count, kClean)).dump());
      ++count;
    }
    CHECK(count == 50);
  }
}

TEST_CASE("cli corpus: gzip'd, zstd and xz documents are cleaned as what they hold", "[cli][corpus]") {
  TempDir dir;
  write_file(dir.path / "a.txt.gz", gzipped(kPage));
  write_file(dir.path / "b.txt", "Second document has a sentence.\n");
  write_file(dir.path / "c.txt.zst", declutter::testing::zstd_compressed(kPage));
  write_file(dir.path / "d.txt.xz", declutter::testing::xz_compressed(kPage));
  const std::string a = shell_quote((dir.path / "a.txt.gz").string());
  const std::string b = shell_quote((dir.path / "b.txt").string());
  const std::string c = shell_quote((dir.path / "c.txt.zst").string());
  const std::string d = shell_quote((dir.path / "d.txt.xz").string());
  RunResult files = run_declutter(a + " " + b + " " + c + " " + d);
  CHECK(files.status == 0);
  CHECK(files.out == kClean + "Second document has a sentence.\n" + kClean + kClean);

  // A stream of records in an .xz file, and from standard input: what the records give uncompressed.
  const std::string lines = "{\"text\":\"Home\"}\n{\"id\":2,\"text\":\"Second document has a sentence.\"}\n";
  write_file(dir.path / "pages.jsonl.xz", declutter::testing::xz_compressed(lines));
  const std::string expected = run_declutter("--jsonl", lines).out;
  REQUIRE(std::count(expected.begin(), expected.end(), '\n') == 2);
  RunResult stream = run_declutter("--jsonl " + shell_quote((dir.path / "pages.jsonl.xz").string()));
  CHECK(stream.status == 0);
  CHECK(stream.out == expected);
  RunResult piped = run_declutter("--jsonl", declutter::testing::xz_compressed(lines));
  CHECK(piped.out == expected);

  // The report reads gzip'd pages too.
  RunResult report = run_declutter("report " + a);
  CHECK(report.status == 0);
  CHECK(report.out.find("A headline for the test page") != std::string::npos);
}

TEST_CASE("cli corpus: a damaged gzip'd document fails alone, under --on-error", "[cli][corpus]") {
  TempDir dir;
  const std::string whole = gzipped(kPage);
  write_file(dir.path / "cut.gz", whole.substr(0, whole.size() - 12));
  write_file(dir.path / "b.txt", kPage);
  const std::string files = shell_quote((dir.path / "cut.gz").string()) + " " + shell_quote((dir.path / "b.txt").string());
  RunResult skipped = run_declutter("--on-error skip " + files);
  CHECK(skipped.status == 1);
  CHECK(skipped.out == kClean);
  CHECK(skipped.err.find("cut.gz: gzip data is corrupt") != std::string::npos);
  RunResult passed = run_declutter(files);
  CHECK(passed.status == 1);
  CHECK(passed.out.substr(0, whole.size() - 12) == whole.substr(0, whole.size() - 12));  // as it came

  // A small file that would inflate past --max-doc-bytes is refused, not inflated.
  write_file(dir.path / "bomb.gz", gzipped(std::string(3'000'000, ' ')));
  RunResult bomb = run_declutter("--on-error skip --max-doc-bytes 1M " + shell_quote((dir.path / "bomb.gz").string()));
  CHECK(bomb.status == 1);
  CHECK(bomb.out.empty());
  CHECK(bomb.err.find("inflates to more than --max-doc-bytes") != std::string::npos);
  RunResult report = run_declutter("report --max-doc-bytes 1M " + shell_quote((dir.path / "bomb.gz").string()));
  CHECK(report.status == 2);
  CHECK(report.err.find("inflates to more than --max-doc-bytes") != std::string::npos);
}

TEST_CASE("cli corpus: --field names the document field", "[cli][corpus]") {
  const std::string input = nlohmann::ordered_json{{"body", kPage}, {"text", "untouched"}}.dump() + "\n";
  RunResult r = run_declutter("--jsonl --field body", input);
  CHECK(r.status == 0);
  CHECK(r.out == nlohmann::ordered_json{{"body", kClean}, {"text", "untouched"}}.dump() + "\n");
}

TEST_CASE("cli corpus: --metadata adds the headline, author, language, date and size to each record", "[cli][corpus]") {
  const std::string article =
      "Pier to be rebuilt\n\nThe harbour board met on Tuesday evening and agreed, after a long debate about the "
      "costs, that the old pier will be rebuilt in stone before the winter storms arrive.\n\nWork begins next "
      "month, and the ferry will use the northern quay while the builders are there.\n";
  const std::string page = "Menu\nFacebook\n\n" + article;
  const std::string input = jsonl_record(1, page) + "{broken\n" +
                            nlohmann::ordered_json{{"text", page}, {"declutter", {{"old", true}}}, {"n", 2}}.dump() + "\n";
  RunResult r = run_declutter("--jsonl --metadata -j 2", input);
  CHECK(r.status == 1);  // the broken line
  std::istringstream lines(r.out);
  std::string line;
  REQUIRE(std::getline(lines, line));
  const auto first = nlohmann::ordered_json::parse(line);
  CHECK(first["text"] == article);
  CHECK(first["lang"] == "en");
  CHECK(first["declutter"]["title"] == "Pier to be rebuilt");
  CHECK(first["declutter"]["language"] == "en");
  CHECK(first["declutter"]["published"].is_null());  // text input
  CHECK(first["declutter"]["author"].is_null());
  CHECK(first["declutter"]["words"] == 4 + 30 + 17);
  CHECK(first["declutter"]["characters"] == article.size() - 1);  // all ASCII, less the final line break
  REQUIRE(std::getline(lines, line));
  CHECK(line == "{broken");  // passed through as it came, with nothing added
  REQUIRE(std::getline(lines, line));
  const auto third = nlohmann::ordered_json::parse(line);
  CHECK(third["declutter"]["title"] == "Pier to be rebuilt");  // replaced in place
  CHECK_FALSE(third["declutter"].contains("old"));
  CHECK(third["n"] == 2);

  // HTML input: the date and author its markup states.
  const std::string html = "<html><head><meta name=\"date\" content=\"2021-04-26\"><meta name=\"Author\" "
                           "content=\"By Ana Costa\"></head><body><p>" + article + "</p></body></html>";
  RunResult dated = run_declutter("--jsonl --metadata", nlohmann::ordered_json{{"text", html}}.dump() + "\n");
  CHECK(nlohmann::ordered_json::parse(dated.out)["declutter"]["published"] == "2021-04-26");
  CHECK(nlohmann::ordered_json::parse(dated.out)["declutter"]["author"] == "Ana Costa");

  // Usage errors: a field in records only; not the document's own field; not with --explain.
  CHECK(run_declutter("--metadata", page).status == 2);
  CHECK(run_declutter("--jsonl --metadata --field declutter", input).status == 2);
  CHECK(run_declutter("--jsonl --metadata --explain", input).status == 2);
}

TEST_CASE("cli corpus: malformed JSONL lines and --on-error", "[cli][corpus]") {
  const std::string input = jsonl_record(1, kPage) + "{broken\n" + jsonl_record(3, kPage);
  RunResult passed = run_declutter("--jsonl", input);
  CHECK(passed.status == 1);
  CHECK(passed.out == jsonl_record(1, kClean) + "{broken\n" + jsonl_record(3, kClean));
  CHECK(passed.err.find("-:2: invalid JSON") != std::string::npos);

  RunResult answered = run_declutter("--jsonl --on-error=error", input);
  CHECK(answered.status == 1);
  CHECK(answered.out.find("{\"error\":\"invalid JSON") != std::string::npos);
  CHECK(answered.out.find(",\"line\":2}\n") != std::string::npos);

  RunResult failed = run_declutter("--jsonl --on-error fail", input);
  CHECK(failed.status == 1);
  CHECK(failed.out == jsonl_record(1, kClean));
}

TEST_CASE("cli corpus: --null framing", "[cli][corpus]") {
  RunResult r = run_declutter("--null -j 2", kPage + '\0' + kPage + '\0');
  CHECK(r.status == 0);
  CHECK(r.out == kClean + '\0' + kClean + '\0');
}

TEST_CASE("cli corpus: --max-doc-bytes passes big documents through with a warning", "[cli][corpus]") {
  RunResult r = run_declutter("--max-doc-bytes 16", kPage);
  CHECK(r.status == 0);
  CHECK(r.out == kPage);
  CHECK(r.err.find("larger than --max-doc-bytes (16 bytes); passed through unchanged") != std::string::npos);
  CHECK(run_declutter("--max-doc-bytes 1k", kPage).out == kClean);
}

TEST_CASE("cli corpus: --stats prints a summary line", "[cli][corpus]") {
  RunResult r = run_declutter("--jsonl --stats", jsonl_record(1, kPage) + jsonl_record(2, kPage));
  CHECK(r.status == 0);
  CHECK(r.err.find("declutter: 2 documents, ") != std::string::npos);
  CHECK(r.err.find("0 failed") != std::string::npos);
  // "Menu", "Facebook" and "Twitter" of each page fall to phrases of the built-in common rules.
  CHECK(r.err.find(", dropped blocks: 6 <embedded>/common.rules\n") != std::string::npos);
  std::string four;
  for (int id = 1; id <= 4; ++id) four += jsonl_record(id, kPage);
  const std::string threads = run_declutter("--jsonl -j 2 --stats", four).err;
  CHECK(threads.find(", dropped blocks: 12 <embedded>/common.rules\n") != std::string::npos);
}

TEST_CASE("cli corpus: --warc cleans the HTML pages of a gzip'd WARC file, in their HTTP charset", "[cli][corpus][warc]") {
  const std::string article =
      "<html><body><nav><a href=/>Home</a></nav><article><h1>A headline for the test page</h1>"
      "<p>The first paragraph of the article has enough words to stay in the clean text.</p>"
      "<p>The second paragraph names the caf\xE9 on the corner, where a na\xEFve visitor drinks coffee.</p>"
      "</article></body></html>";
  const std::string warc =
      gzipped(warc_record("request", "https://a.example/story", "application/http; msgtype=request", "GET /story HTTP/1.1\r\n\r\n")) +
      gzipped(html_response_record("https://a.example/story", article, "text/html; charset=iso-8859-1")) +
      gzipped(html_response_record("https://a.example/logo.png", "PNG", "image/png"));
  TempDir dir;
  write_file(dir.path / "crawl.warc.gz", warc);
  RunResult r = run_declutter("--warc --metadata " + shell_quote((dir.path / "crawl.warc.gz").string()));
  CHECK(r.status == 0);
  CHECK(r.err.empty());
  REQUIRE(std::count(r.out.begin(), r.out.end(), '\n') == 1);
  const auto record = nlohmann::ordered_json::parse(r.out);
  CHECK(record["url"] == "https://a.example/story");
  CHECK(record["warc_record_id"] == "<urn:uuid:1>");
  CHECK(record["text"] ==
        "A headline for the test page\n\nThe first paragraph of the article has enough words to stay in the clean "
        "text.\n\nThe second paragraph names the café on the corner, where a naïve visitor drinks coffee.");
  CHECK(record["declutter"]["title"] == "A headline for the test page");

  RunResult not_warc = run_declutter("--warc", "<html><p>x</p></html>");
  CHECK(not_warc.status == 2);
  CHECK(not_warc.err == "declutter: -: record 1: expected a version line such as \"WARC/1.1\", found "
                        "\"<html><p>x</p></html>\": is this a WARC file?\n");
}

TEST_CASE("cli corpus: --warc reads an ARC file, gzip'd a record at a time", "[cli][corpus][warc]") {
  const std::string page = http_response(
      "200 OK", "Content-Type: text/html; charset=iso-8859-1\r\n",
      "<html><body><nav><a href=/>Home</a></nav><article><h1>The old caf\xE9 reopens</h1>"
      "<p>The first paragraph of the article has enough words to stay in the clean text.</p></article></body></html>");
  const std::string arc = gzipped(arc_file_description(1)) +
                          gzipped(arc_record("http://old.example/cafe 10.0.0.1 19961104142103 text/html", page));
  RunResult r = run_declutter("--warc", arc);
  CHECK(r.status == 0);
  CHECK(r.err.empty());
  CHECK(r.out ==
        "{\"url\":\"http://old.example/cafe\",\"warc_date\":\"1996-11-04T14:21:03Z\",\"warc_record_id\":\"\","
        "\"text\":\"The old caf\u00e9 reopens\\n\\nThe first paragraph of the article has enough words to stay in the "
        "clean text.\"}\n");
}

TEST_CASE("cli corpus: a web archive read as one document is refused with a pointer to --warc", "[cli][corpus][warc]") {
  const std::string warc = gzipped(html_response_record("https://a.example/story", "<p>A story</p>"));
  TempDir dir;
  write_file(dir.path / "crawl.warc.gz", warc);
  write_file(dir.path / "page.html", "<p>A page of its own with enough words in it to be kept as the text.</p>");
  const std::string crawl = shell_quote((dir.path / "crawl.warc.gz").string());
  RunResult r = run_declutter(shell_quote((dir.path / "page.html").string()) + " " + crawl);
  CHECK(r.status == 2);
  CHECK(r.out == "A page of its own with enough words in it to be kept as the text.\n");
  CHECK(r.err == "declutter: " + (dir.path / "crawl.warc.gz").string() +
                     ": a web archive (WARC): read it with --warc, which cleans each page in it\n");
  RunResult from_stdin = run_declutter("", arc_file_description(1));
  CHECK(from_stdin.status == 2);
  CHECK(from_stdin.out.empty());
  CHECK(from_stdin.err == "declutter: -: a web archive (ARC): read it with --warc, which cleans each page in it\n");
  RunResult report = run_declutter("report " + crawl);
  CHECK(report.status == 2);
  CHECK(report.err.find("a web archive (WARC): read it with --warc") != std::string::npos);
}

TEST_CASE("cli corpus: --warc cleans a WET file's text conversions as text", "[cli][corpus][warc]") {
  const std::string article =
      "Harbour board approves the new pier\n"
      "The harbour board voted on Tuesday to rebuild the old pier, which storms damaged two winters ago.\n"
      "Work is expected to start in the spring and to take about eighteen months, the board's chair said.\n";
  const std::string page = "Skip to main content\nHome\nNews\nSport\nSubscribe to our newsletter\n" + article +
                           "Share this article\nFacebook\nRelated stories\nCookie settings\n";
  // As Common Crawl writes WET files: a warcinfo record, then a conversion record a page.
  const std::string wet = warc_record("warcinfo", "", "application/warc-fields", "isPartOf: test\r\n") +
                          warc_record("conversion", "https://gazette.example/pier", "text/plain", page);
  RunResult r = run_declutter("--warc", gzipped(wet));
  CHECK(r.status == 0);
  CHECK(r.err.empty());
  REQUIRE(std::count(r.out.begin(), r.out.end(), '\n') == 1);
  const auto record = nlohmann::ordered_json::parse(r.out);
  CHECK(record["url"] == "https://gazette.example/pier");
  CHECK(record["text"] == article.substr(0, article.size() - 1));
  // --format says what every record is, whatever the record says.
  const auto as_html = nlohmann::ordered_json::parse(run_declutter("--warc --format html", wet).out);
  CHECK(as_html["text"].get<std::string>().find("Skip to main content Home") != std::string::npos);
}

TEST_CASE("cli corpus: --warc reads a .warc.zst with its dictionary and brotli-compressed bodies",
          "[cli][corpus][warc]") {
  const std::string article =
      "<html><body><nav><a href=/>Home</a></nav><article><h1>A headline for the brotli page</h1>"
      "<p>The first paragraph of the article has enough words to stay in the clean text.</p></article></body></html>";
  const std::string page = warc_record(
      "response", "https://b.example/story", "application/http; msgtype=response",
      http_response("200 OK", "Content-Type: text/html\r\nContent-Encoding: br\r\n", brotli_compressed(article)));
  std::vector<std::string> samples;
  for (int i = 0; i < 300; ++i)
    samples.push_back(html_response_record("https://b.example/" + std::to_string(i * 7919),
                                           "<p>Story number " + std::to_string(i * i) + "</p>"));
  const std::string dictionary = trained_zstd_dictionary(samples);
  TempDir dir;
  write_file(dir.path / "crawl.warc.zst", zstd_dictionary_frame(zstd_compressed(dictionary)) +
                                              zstd_compressed_with(samples[0], dictionary) +
                                              zstd_compressed_with(page, dictionary));
  RunResult r = run_declutter("--warc " + shell_quote((dir.path / "crawl.warc.zst").string()));
  CHECK(r.status == 0);
  CHECK(r.err.empty());
  const std::string second_line = r.out.substr(r.out.find('\n') + 1);
  REQUIRE(std::count(r.out.begin(), r.out.end(), '\n') == 2);
  const auto record = nlohmann::ordered_json::parse(second_line);
  CHECK(record["url"] == "https://b.example/story");
  CHECK(record["text"] ==
        "A headline for the brotli page\n\nThe first paragraph of the article has enough words to stay in the clean "
        "text.");
}

TEST_CASE("cli corpus: bad corpus flag values are usage errors", "[cli][corpus]") {
  CHECK(run_declutter("--on-error=maybe").status == 2);
  CHECK(run_declutter("-j many").status == 2);
  CHECK(run_declutter("-j").status == 2);
  CHECK(run_declutter("--max-doc-bytes 12Q").status == 2);
  CHECK(run_declutter("--field=").status == 2);
  CHECK(run_declutter("--help").out.find("--jsonl") != std::string::npos);
}

TEST_CASE("cli corpus: JSONL into a closed pipe ends quietly with status 0", "[cli][corpus]") {
  TempDir dir;
  std::string input;
  for (int i = 0; i < 20000; ++i) input += jsonl_record(i, kPage);
  write_file(dir.path / "in.jsonl", input);
  const std::string command = shell_quote(DECLUTTER_BINARY) + " --jsonl -j 2 < " +
                              shell_quote((dir.path / "in.jsonl").string()) + " 2>" +
                              shell_quote((dir.path / "err").string()) +
                              " | head -1 > /dev/null; echo ${PIPESTATUS[0]}";
  const std::string wrapped =
      "bash -c " + shell_quote(command) + " > " + shell_quote((dir.path / "status").string());
  REQUIRE(std::system(wrapped.c_str()) == 0);
  CHECK(read_file(dir.path / "status") == "0\n");
  CHECK(read_file(dir.path / "err").empty());
}
