#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "compression_support.h"
#include "corpus/header_fields.h"
#include "corpus/http_message.h"
#include "corpus/warc_reader.h"
#include "corpus/warc_record.h"
#include "html/decode.h"
#include "corpus_harness.h"
#include "warc_support.h"

using namespace declutter;
using namespace declutter::testing;
using declutter::corpus_test::run_on;
using declutter::corpus_test::temp_file_with;

namespace {

struct ReadOutcome {
  std::vector<std::string> records;
  WarcReader::Status last = WarcReader::Status::end;
  std::string message;
};

ReadOutcome read_warc(const std::string& input, std::size_t max_block_bytes = 0) {
  auto file = temp_file_with(input);
  WarcReader reader(fileno(file.get()), max_block_bytes);
  ReadOutcome outcome;
  for (;;) {
    std::string record;
    outcome.last = reader.read(record);
    if (outcome.last == WarcReader::Status::end || outcome.last == WarcReader::Status::error) break;
    outcome.records.push_back(record);
  }
  if (outcome.last == WarcReader::Status::error) outcome.message = reader.error_message();
  return outcome;
}

// What a record's block holds, as WarcReader hands it out: past the header's empty line.
std::string block_of(const std::string& record) { return record.substr(record.find("\n\n") + 2); }

RunOptions warc_options(unsigned jobs = 1) {
  RunOptions options;
  options.framing = Framing::warc;
  options.jobs = jobs;
  return options;
}

}  // namespace

TEST_CASE("header fields: names ignore case, values are trimmed, the first one counts", "[corpus][warc]") {
  const std::string fields = "Content-Type:  text/html ; Charset=\"ISO-8859-2\"\r\nX-A: 1\r\nx-a: 2\r\nbad line\r\n";
  CHECK(header_field(fields, "content-type") == "text/html ; Charset=\"ISO-8859-2\"");
  CHECK(header_field(fields, "x-a") == "1");
  CHECK(header_field(fields, "missing").empty());
  CHECK(media_type_is(header_field(fields, "content-type"), "text/html"));
  CHECK_FALSE(media_type_is("text/htmlx", "text/html"));
  // An HTTP header's charset is read as a <meta http-equiv> one is.
  CHECK(charset_in_content_type(header_field(fields, "content-type")) == "ISO-8859-2");
  CHECK(charset_in_content_type("text/html; q=1; charset=utf-8") == "utf-8");
  CHECK(charset_in_content_type("text/html").empty());
}

TEST_CASE("HTTP responses: status, fields, body; lax line ends", "[corpus][warc]") {
  HttpResponse response;
  std::string reason;
  const std::string not_found = http_response("404 Not Found", "Content-Type: text/html\r\n", "<p>gone");
  REQUIRE(parse_http_response(not_found, response, reason));  // the views point into it
  CHECK(response.status == 404);
  CHECK(header_field(response.fields, "content-type") == "text/html");
  CHECK(response.body == "<p>gone");
  REQUIRE(parse_http_response("HTTP/1.0 200 OK\nServer: x\n\nbody\n\nmore", response, reason));
  CHECK(response.status == 200);
  CHECK(response.body == "body\n\nmore");
  REQUIRE(parse_http_response("HTTP/1.1 204 No Content\r\n\r\n", response, reason));
  CHECK(response.fields.empty());
  CHECK(response.body.empty());

  CHECK_FALSE(parse_http_response("GET / HTTP/1.1\r\n\r\n", response, reason));
  CHECK(reason == "the response record holds no HTTP response");
  CHECK_FALSE(parse_http_response("HTTP/1.1 2x0 OK\r\n\r\n", response, reason));
  CHECK(reason == "the HTTP status line is malformed");
  CHECK_FALSE(parse_http_response("HTTP/1.1 200 OK\r\nServer: x\r\n", response, reason));
  CHECK(reason == "the HTTP response has no end of its header");
}

TEST_CASE("HTTP bodies: chunked and compressed bodies are undone, unknown codings refused", "[corpus][warc]") {
  const std::string page = "<p>Hello, chunked world</p>";
  const auto body_of = [](const std::string& message, std::string& reason) {
    HttpResponse response;
    REQUIRE(parse_http_response(message, response, reason));
    std::string scratch;
    std::string_view body;
    const bool ok = decoded_body(response, 0, scratch, body, reason);
    return ok ? std::string(body) : std::string("<failed>");
  };
  std::string reason;
  const std::string chunked = "5;ext=1\r\n<p>He\r\n16\r\nllo, chunked world</p>\r\n0\r\nTrailer: x\r\n\r\n";
  CHECK(body_of(http_response("200 OK", "Transfer-Encoding: chunked\r\n", chunked), reason) == page);
  CHECK(body_of(http_response("200 OK", "Content-Encoding: gzip\r\n", gzipped(page)), reason) == page);
  const std::string gz = gzipped(page);
  const std::string gz_chunked = "a\r\n" + gz.substr(0, 10) + "\r\n" + [&] {
    char size[16];
    std::snprintf(size, sizeof size, "%zx", gz.size() - 10);
    return std::string(size);
  }() + "\r\n" + gz.substr(10) + "\r\n0\r\n\r\n";
  CHECK(body_of(http_response("200 OK", "Transfer-Encoding: chunked\r\nContent-Encoding: x-gzip\r\n", gz_chunked),
                reason) == page);
  // A record its crawler cut short keeps the chunks it has.
  CHECK(body_of(http_response("200 OK", "Transfer-Encoding: chunked\r\n", "5\r\n<p>He\r\n16\r\nllo"), reason) ==
        "<p>Hello");
  // Common Crawl undoes the codings and renames the fields: nothing is undone twice.
  CHECK(body_of(http_response("200 OK", "X-Crawler-Content-Encoding: gzip\r\n", page), reason) == page);

  // deflate as defined (a zlib stream) and as some servers send it (bare deflate data).
  CHECK(body_of(http_response("200 OK", "Content-Encoding: deflate\r\n", zlib_compressed(page, 15)), reason) == page);
  CHECK(body_of(http_response("200 OK", "Content-Encoding: Deflate\r\n", zlib_compressed(page, -15)), reason) == page);
  CHECK(body_of(http_response("200 OK", "Content-Encoding: br\r\n", brotli_compressed(page)), reason) == page);
  CHECK(body_of(http_response("200 OK", "Content-Encoding: zstd\r\n", zstd_compressed(page)), reason) == page);
  // Codings listed in the order they were applied are undone last first; identity is none.
  CHECK(body_of(http_response("200 OK", "Content-Encoding: gzip, identity ,br\r\n", brotli_compressed(gzipped(page))),
                reason) == page);
  CHECK(body_of(http_response("200 OK", "Content-Encoding: br, gzip\r\n", brotli_compressed(gzipped(page))),
                reason) == "<failed>");
  CHECK(reason.starts_with("gzip data is corrupt"));

  // A crawler that stored the body decoded but kept the fields: markup is taken as it is.
  CHECK(body_of(http_response("200 OK", "Content-Encoding: gzip\r\n", page), reason) == page);
  CHECK(body_of(http_response("200 OK", "Content-Encoding: br\r\n", "\r\n " + page), reason) == "\r\n " + page);
  CHECK(body_of(http_response("200 OK", "Content-Encoding: gzip, br\r\n", page), reason) == page);
  CHECK(body_of(http_response("200 OK", "Transfer-Encoding: chunked\r\nContent-Encoding: zstd\r\n", page), reason) ==
        page);
  CHECK(body_of(http_response("200 OK", "Content-Encoding: compress\r\n", page), reason) == page);
  CHECK(body_of(http_response("200 OK", "Content-Encoding: compress\r\n", "xx"), reason) == "<failed>");
  CHECK(reason == "Content-Encoding 'compress' is not supported");
  CHECK(body_of(http_response("200 OK", "Content-Encoding: br\r\n", "not brotli"), reason) == "<failed>");
  CHECK(reason.starts_with("brotli data is corrupt"));
  const std::string brotli_page = brotli_compressed(page + page + page);
  CHECK(body_of(http_response("200 OK", "Content-Encoding: br\r\n", brotli_page + "x"), reason) == "<failed>");
  CHECK(reason == "brotli data is corrupt: bytes follow the end of the data");
  CHECK(body_of(http_response("200 OK", "Content-Encoding: deflate\r\n", "\x78\x9c garbage"), reason) == "<failed>");
  CHECK(reason.starts_with("deflate data is corrupt"));
  CHECK(body_of(http_response("200 OK", "Transfer-Encoding: chunked\r\n", "zz\r\nxx"), reason) == "<failed>");
  CHECK(reason == "the chunked body has a bad chunk size line");
  CHECK(body_of(http_response("200 OK", "Content-Encoding: gzip\r\n", "not gzip"), reason) == "<failed>");
  CHECK(reason.starts_with("gzip data is corrupt"));
}

TEST_CASE("HTTP bodies: a compressed body cut short keeps what inflated", "[corpus][warc]") {
  // A crawler truncates a record at its size limit (WARC-Truncated: length), in the middle
  // of the compressed data; a dropped connection does the same.
  std::string page;
  for (int i = 0; i < 20'000; ++i) page += "<p>Paragraph " + std::to_string(i) + " of a long page.</p>\n";
  const std::pair<const char*, std::string> bodies[] = {{"gzip", gzipped(page)},
                                                        {"deflate", zlib_compressed(page, 15)},
                                                        {"deflate", zlib_compressed(page, -15)},
                                                        {"br", brotli_compressed(page)},
                                                        {"zstd", zstd_compressed(page)}};
  for (const auto& [coding, compressed] : bodies) {
    INFO(coding);
    const std::string fields = std::string("Content-Encoding: ") + coding + "\r\n";
    std::string reason;
    std::string scratch;
    std::string_view body;
    const auto decodes = [&](std::size_t kept) {
      const std::string message = http_response("200 OK", fields, compressed.substr(0, kept));
      HttpResponse response;
      REQUIRE(parse_http_response(message, response, reason));
      return decoded_body(response, 0, scratch, body, reason);
    };
    for (const std::size_t kept : {compressed.size() / 2, compressed.size() - 1}) {
      REQUIRE(decodes(kept));
      CHECK(body.size() > page.size() / 4);
      CHECK(std::string_view(page).starts_with(body));
    }
    // Cut before anything inflated: no page, and why.
    CHECK_FALSE(decodes(3));
    CHECK(reason.ends_with("data is corrupt: unexpected end of data"));
  }
}

TEST_CASE("HTTP bodies: every content coding stops inflating at the limit", "[corpus][warc]") {
  const std::string zeros(5'000'000, '\0');
  const std::pair<const char*, std::string> bombs[] = {{"gzip", gzipped(zeros)},
                                                       {"deflate", zlib_compressed(zeros, 15)},
                                                       {"br", brotli_compressed(zeros)},
                                                       {"zstd", zstd_compressed(zeros)}};
  for (const auto& [coding, bomb] : bombs) {
    INFO(coding);
    REQUIRE(bomb.size() < 50'000);
    HttpResponse response;
    std::string reason;
    const std::string message = http_response("200 OK", std::string("Content-Encoding: ") + coding + "\r\n", bomb);
    REQUIRE(parse_http_response(message, response, reason));
    std::string scratch;
    std::string_view body;
    CHECK_FALSE(decoded_body(response, 1'000'000, scratch, body, reason));
    CHECK(reason.ends_with("data inflates to more than --max-doc-bytes (1000000 bytes)"));
    CHECK(scratch.capacity() < 3'000'000);
    CHECK(decoded_body(response, 5'000'000, scratch, body, reason));
    CHECK(body == zeros);
  }
}

TEST_CASE("WARC reader: records are split by Content-Length, whatever their blocks hold", "[corpus][warc]") {
  const std::string tricky = "line\r\n\r\nWARC/1.1\r\nContent-Length: 3\r\n\r\n";  // a block that looks like a header
  const std::string input = warc_record("resource", "http://a.example/", "text/plain", tricky) +
                            warc_record("metadata", "http://a.example/", "application/warc-fields", "");
  for (const std::string& stream : {input, gzipped(input), zstd_compressed(input)}) {
    const ReadOutcome outcome = read_warc(stream);
    CHECK(outcome.last == WarcReader::Status::end);
    REQUIRE(outcome.records.size() == 2);
    CHECK(outcome.records[0].starts_with("WARC/1.1\nWARC-Type: resource\n"));
    CHECK(block_of(outcome.records[0]) == tricky);
    CHECK(block_of(outcome.records[1]).empty());
  }
  // Record-at-a-time gzip, as Common Crawl writes .warc.gz: one member a record.
  const ReadOutcome members = read_warc(gzipped(warc_record("request", "u", "application/http", "GET")) +
                                        gzipped(warc_record("request", "v", "application/http", "GET")));
  CHECK(members.records.size() == 2);
  CHECK(read_warc("").records.empty());
  // .warc.zst as wget-at writes it: a dictionary frame, then one frame a record compressed with it.
  std::vector<std::string> samples;
  for (int i = 0; i < 300; ++i)
    samples.push_back(html_response_record("https://a.example/" + std::to_string(i * 7919),
                                           "<p>Story number " + std::to_string(i * i) + "</p>"));
  const std::string dictionary = trained_zstd_dictionary(samples);
  const ReadOutcome with_dictionary = read_warc(zstd_dictionary_frame(dictionary) +
                                                zstd_compressed_with(samples[3], dictionary) +
                                                zstd_compressed_with(samples[4], dictionary));
  CHECK(with_dictionary.last == WarcReader::Status::end);
  REQUIRE(with_dictionary.records.size() == 2);
  CHECK(block_of(with_dictionary.records[1]) == block_of(read_warc(samples[4]).records[0]));
}

TEST_CASE("WARC reader: ARC files, versions 1 and 2, come out as the WARC records they convert to", "[corpus][warc]") {
  const std::string page = http_response("200 OK", "Content-Type: text/html\r\n", "<p>An old page</p>");
  const std::string v1 = arc_file_description(1) +
                         arc_record("http://old.example/a page.html 10.0.0.1 19961104142103 text/html", page) +
                         arc_record("dns:old.example 10.0.0.2 19961104142104 text/dns", "19961104142104\nold.example.");
  const std::string v2 =
      arc_file_description(2) +
      arc_record("http://old.example/b 10.0.0.1 20050607080910 text/html 200 ABCDEF - 0 test.arc", page);
  // .arc.gz: gzip'd a record at a time.
  const std::string v1_gzipped = gzipped(arc_file_description(1)) + gzipped(v1.substr(arc_file_description(1).size()));
  for (const std::string& stream : {v1, v1_gzipped}) {
    const ReadOutcome outcome = read_warc(stream);
    CHECK(outcome.last == WarcReader::Status::end);
    REQUIRE(outcome.records.size() == 3);
    CHECK(outcome.records[0].starts_with("WARC/1.0\nWARC-Type: warcinfo\nWARC-Target-URI: filedesc://test.arc\n"));
    CHECK(outcome.records[1] ==
          "WARC/1.0\nWARC-Type: response\nWARC-Target-URI: http://old.example/a page.html\n"
          "WARC-Date: 1996-11-04T14:21:03Z\nContent-Type: application/http; msgtype=response\nContent-Length: " +
              std::to_string(page.size()) + "\n\n" + page);
    CHECK(outcome.records[2].starts_with("WARC/1.0\nWARC-Type: resource\nWARC-Target-URI: dns:old.example\n"
                                         "WARC-Date: 1996-11-04T14:21:04Z\nContent-Type: text/dns\n"));
    CHECK(block_of(outcome.records[2]) == "19961104142104\nold.example.");
  }
  const ReadOutcome second = read_warc(v2);
  REQUIRE(second.records.size() == 2);
  CHECK(second.records[0].starts_with("WARC/1.0\nWARC-Type: warcinfo\nWARC-Target-URI: filedesc://test.arc\n"
                                      "WARC-Date: 1996-11-04T14:21:03Z\nContent-Type: text/plain\n"));
  CHECK(second.records[1].starts_with("WARC/1.0\nWARC-Type: response\nWARC-Target-URI: http://old.example/b\n"
                                      "WARC-Date: 2005-06-07T08:09:10Z\n"));
  CHECK(block_of(second.records[1]) == page);

  // What the records hold: the page is a page, the DNS lookup is not.
  WarcRecord record;
  std::string reason;
  const ReadOutcome first = read_warc(v1);
  REQUIRE(first.records.size() == 3);
  CHECK(record.read(first.records[0], false, 0, reason) == WarcRecord::Kind::not_a_page);
  CHECK(record.read(first.records[1], false, 0, reason) == WarcRecord::Kind::page);
  CHECK(record.body() == "<p>An old page</p>");
  CHECK(record.date() == "1996-11-04T14:21:03Z");
  CHECK(record.read(first.records[2], false, 0, reason) == WarcRecord::Kind::not_a_page);

  // A header line without its fields, or a block cut short, stops with where and why.
  const ReadOutcome bad = read_warc(arc_file_description(1) + "http://old.example/ 19961104142103\n");
  CHECK(bad.last == WarcReader::Status::error);
  CHECK(bad.message ==
        "record 2: expected an ARC header line (URL, address, date, type, ..., length), found "
        "\"http://old.example/ 19961104142103\"");
  const ReadOutcome cut = read_warc(v1.substr(0, v1.size() - 20));
  CHECK(cut.records.size() == 2);
  CHECK(cut.last == WarcReader::Status::error);
  CHECK(cut.message.starts_with("record 3: the file ends inside the record's block"));
}

TEST_CASE("web archives are told by their first line, compressed or not", "[corpus][warc]") {
  const std::string warc = html_response_record("http://a.example/", "<p>x</p>");
  const std::string arc = arc_file_description(1);
  CHECK(web_archive_format(warc) == "WARC");
  CHECK(web_archive_format(gzipped(warc) + gzipped(warc)) == "WARC");
  CHECK(web_archive_format(zstd_compressed(warc)) == "WARC");
  CHECK(web_archive_format(arc) == "ARC");
  CHECK(web_archive_format(gzipped(arc)) == "ARC");
  CHECK(web_archive_format("WARC/ is what crawlers write").empty());
  CHECK(web_archive_format("<html><p>WARC/1.1</p></html>").empty());
  CHECK(web_archive_format(gzipped(warc).substr(0, 12)).empty());  // too little inflates to tell
  CHECK(web_archive_format("").empty());
}

TEST_CASE("WARC reader: a file that is not WARC or is cut short stops with where and why", "[corpus][warc]") {
  ReadOutcome html = read_warc("<!DOCTYPE html>\n<html>");
  CHECK(html.last == WarcReader::Status::error);
  CHECK(html.message == "record 1: expected a version line such as \"WARC/1.1\", found \"<!DOCTYPE html>\": is this a WARC file?");

  ReadOutcome binary = read_warc(std::string("BZh91AY&SY\x01\x1b\x7f rest\n", 19));
  CHECK(binary.message == "record 1: expected a version line such as \"WARC/1.1\", found \"BZh91AY&SY??? rest\": is this a WARC file?");

  const std::string good = warc_record("resource", "u", "text/html", "<p>x</p>");
  ReadOutcome cut = read_warc(good + good.substr(0, good.size() - 8));
  CHECK(cut.records.size() == 1);
  CHECK(cut.last == WarcReader::Status::error);
  CHECK(cut.message == "record 2: the file ends inside the record's block (Content-Length 8, 4 bytes there)");

  ReadOutcome headless = read_warc(good + "WARC/1.1\r\nWARC-Type: resource\r\n");
  CHECK(headless.message == "record 2: the file ends inside the record's header");
  ReadOutcome no_length = read_warc("WARC/1.0\r\nWARC-Type: resource\r\n\r\n");
  CHECK(no_length.message == "record 1: no Content-Length field");
  ReadOutcome bad_length = read_warc("WARC/1.0\r\nContent-Length: 12a\r\n\r\n");
  CHECK(bad_length.message == "record 1: Content-Length \"12a\" is not a number");
}

TEST_CASE("WARC reader: a block over the limit keeps only its start", "[corpus][warc]") {
  const std::string big(300'000, 'x');
  const ReadOutcome outcome = read_warc(warc_record("resource", "u", "text/html", big) +
                                        warc_record("resource", "v", "text/html", "small"), 100'000);
  REQUIRE(outcome.records.size() == 2);
  CHECK(block_of(outcome.records[0]) == std::string(64 * 1024, 'x'));
  CHECK(block_of(outcome.records[1]) == "small");
  CHECK(outcome.last == WarcReader::Status::end);
}

TEST_CASE("WARC records: pages are HTML responses with a 2xx status, HTML resources and text conversions",
          "[corpus][warc]") {
  WarcRecord record;
  std::string reason;
  const auto kind_of = [&](const std::string& warc, bool cut = false) {
    const ReadOutcome outcome = read_warc(warc);
    REQUIRE(outcome.records.size() == 1);
    static std::string held;  // the views point into the record
    held = outcome.records[0];
    return record.read(held, cut, 0, reason);
  };
  using Kind = WarcRecord::Kind;
  CHECK(kind_of(html_response_record("<http://a.example/p>", "<p>page</p>", "text/html; charset=ISO-8859-1")) ==
        Kind::page);
  CHECK(record.url() == "http://a.example/p");
  CHECK(record.record_id() == "<urn:uuid:1>");
  CHECK(record.date() == "2026-05-06T07:08:09Z");
  CHECK(record.body() == "<p>page</p>");
  CHECK(record.charset() == "WINDOWS-1252");  // latin1 means windows-1252, as browsers read it
  CHECK(record.format() == InputFormat::html);
  CHECK(kind_of(html_response_record("u", "<p>x</p>", "application/xhtml+xml")) == Kind::page);
  CHECK(record.charset().empty());
  CHECK(kind_of(warc_record("resource", "u", "text/html; charset=utf-8", "<p>x</p>")) == Kind::page);
  CHECK(record.body() == "<p>x</p>");
  CHECK(kind_of(warc_record("response", "u", "", http_response("200 OK", "Content-Type: text/html\r\n", "b"))) ==
        Kind::page);

  // No type, or a generic one: the type the crawler identified, else the body's start.
  const auto identified_as = [](std::string warc, std::string_view type) {
    return warc.insert(warc.find("Content-Length"), "WARC-Identified-Payload-Type: " + std::string(type) + "\r\n");
  };
  const std::string untyped = warc_record("response", "u", "application/http", http_response("200 OK", "", "x<p>"));
  CHECK(kind_of(untyped) == Kind::not_a_page);
  CHECK(kind_of(identified_as(untyped, "text/html")) == Kind::page);
  CHECK(kind_of(identified_as(untyped, "text/plain")) == Kind::not_a_page);
  const auto response_with = [](std::string_view fields, std::string_view body) {
    return warc_record("response", "u", "application/http",
                       http_response("200 OK", std::string(fields), std::string(body)));
  };
  const std::string page_start = "\r\n<!DOCTYPE html><title>T</title><p>x";
  for (const std::string_view fields : {"", "Content-Type: application/octet-stream\r\n",
                                        "Content-Type: unknown/unknown; charset=utf-8\r\n", "Content-Type: */*\r\n"}) {
    INFO(fields);
    CHECK(kind_of(response_with(fields, page_start)) == Kind::page);
    CHECK(record.body() == page_start);
    CHECK(kind_of(response_with(fields, "PK\x03\x04 a zip file")) == Kind::not_a_page);
    CHECK(kind_of(identified_as(response_with(fields, "<p>x"), "application/zip")) == Kind::not_a_page);
  }
  CHECK(kind_of(response_with("Content-Type: unknown/unknown; charset=iso-8859-1\r\n", "<p>caf\xE9")) == Kind::page);
  CHECK(record.charset() == "WINDOWS-1252");
  CHECK(kind_of(identified_as(response_with("Content-Type: application/octet-stream; charset=iso-8859-1\r\n", "x"),
                              "text/html")) == Kind::page);
  CHECK(record.charset() == "WINDOWS-1252");
  // The body decides once decoded; a named type is believed (a browser shows text/plain as text).
  CHECK(kind_of(response_with("Content-Encoding: gzip\r\n", gzipped("<html><p>x</p></html>"))) == Kind::page);
  CHECK(record.body() == "<html><p>x</p></html>");
  CHECK(kind_of(response_with("Content-Type: text/plain\r\n", "<html><p>x</p></html>")) == Kind::not_a_page);
  // Cut short: too large when it may be a page, quiet otherwise.
  CHECK(kind_of(response_with("", "<html><p>x"), true) == Kind::too_large);
  CHECK(kind_of(response_with("Content-Encoding: gzip\r\n", gzipped("<p>x")), true) == Kind::too_large);
  CHECK(kind_of(response_with("", "PK\x03\x04"), true) == Kind::not_a_page);

  // A record cut at --max-doc-bytes: a page is too large, anything else no page.
  CHECK(kind_of(html_response_record("http://a.example/big", "<p>x</p>"), true) == Kind::too_large);
  CHECK(record.url() == "http://a.example/big");
  CHECK(kind_of(html_response_record("u", "<p>x</p>", "video/mp4"), true) == Kind::not_a_page);
  // A page whose body does not decode.
  CHECK(kind_of(warc_record("response", "u", "application/http",
                            http_response("200 OK", "Content-Type: text/html\r\nContent-Encoding: gzip\r\n", "x"))) ==
        Kind::failed);
  CHECK(reason.starts_with("gzip data is corrupt"));

  CHECK(kind_of(html_response_record("u", "<p>x</p>", "image/png")) == Kind::not_a_page);
  CHECK(kind_of(warc_record("response", "u", "application/http",
                            http_response("301 Moved", "Content-Type: text/html\r\nLocation: /\r\n", ""))) ==
        Kind::not_a_page);
  CHECK(kind_of(warc_record("request", "u", "application/http; msgtype=request", "GET / HTTP/1.1\r\n\r\n")) ==
        Kind::not_a_page);
  CHECK(kind_of(warc_record("response", "dns:a.example", "text/dns", "20260506 a.example. 300 IN A 1.2.3.4")) ==
        Kind::not_a_page);
  CHECK(kind_of(warc_record("resource", "u", "image/jpeg", "JFIF")) == Kind::not_a_page);

  // A WET file's conversion record: the page's text, cleaned as text, whatever it looks like.
  CHECK(kind_of(warc_record("conversion", "http://a.example/w", "text/plain", "Home\n<b>Story</b>\n")) == Kind::page);
  CHECK(record.format() == InputFormat::text);
  CHECK(record.body() == "Home\n<b>Story</b>\n");
  CHECK(record.url() == "http://a.example/w");
  CHECK(record.document().format == InputFormat::text);
  CHECK(kind_of(warc_record("conversion", "u", "text/plain; charset=iso-8859-1", "caf\xE9")) == Kind::page);
  CHECK(record.charset() == "WINDOWS-1252");
  CHECK(kind_of(html_response_record("u", "<p>x</p>")) == Kind::page);
  CHECK(record.format() == InputFormat::html);  // nothing kept from the record before
  CHECK(kind_of(warc_record("conversion", "u", "application/pdf", "%PDF")) == Kind::not_a_page);
  CHECK(kind_of(warc_record("resource", "u", "text/plain", "User-agent: *")) == Kind::not_a_page);
  CHECK(kind_of(warc_record("response", "u", "application/http", "garbage")) == Kind::failed);
  CHECK(reason == "the response record holds no HTTP response");
}

TEST_CASE("corpus: --warc writes one JSON Lines record a page, in order", "[corpus][warc]") {
  std::string input = warc_record("warcinfo", "", "application/warc-fields", "software: test\r\n");
  std::string expected;
  for (int i = 0; i < 40; ++i) {
    const std::string uri = "http://a.example/" + std::to_string(i);
    input += warc_record("request", uri, "application/http; msgtype=request", "GET / HTTP/1.1\r\n\r\n");
    input += html_response_record(uri, "<p>page " + std::to_string(i) + "</p>\n");
    expected += "{\"url\":\"" + uri +
                "\",\"warc_date\":\"2026-05-06T07:08:09Z\",\"warc_record_id\":\"<urn:uuid:1>\",\"text\":\"[" + uri +
                "]<UTF-8><P>PAGE " + std::to_string(i) + "</P>\"}\n";
  }
  for (const unsigned jobs : {1U, 3U}) {
    RunOptions options = warc_options(jobs);
    options.stats = true;
    const auto result = run_on(gzipped(input), options);
    CHECK(result.status == 0);
    CHECK(result.output == expected);
    CHECK(result.diagnostics.find("declutter: 40 documents, ") == 0);
    CHECK(result.diagnostics.find(", 41 WARC records without a page\n") != std::string::npos);
  }
}

TEST_CASE("corpus: --warc names the text field, adds metadata, and reports failed records", "[corpus][warc]") {
  const std::string input = html_response_record("http://a.example/1", "<p>one</p>") +
                            html_response_record("http://a.example/2", "FAILME") +
                            warc_record("response", "http://a.example/3", "application/http",
                                        http_response("200 OK", "Content-Type: text/html\r\nContent-Encoding: compress\r\n",
                                                      "x"));
  RunOptions options = warc_options();
  options.field = "content";
  options.metadata_field = "declutter";
  options.on_error = OnError::error;
  const auto result = run_on(input, options);
  CHECK(result.status == 1);
  CHECK(result.output ==
        "{\"url\":\"http://a.example/1\",\"warc_date\":\"2026-05-06T07:08:09Z\",\"warc_record_id\":\"<urn:uuid:1>\","
        "\"content\":\"[http://a.example/1]<UTF-8><P>ONE</P>\",\"declutter\":{\"bytes\":10}}\n"
        "{\"error\":\"http://a.example/2: asked to fail\",\"url\":\"http://a.example/2\",\"warc_record_id\":\"<urn:uuid:1>\"}\n"
        "{\"error\":\"http://a.example/3: Content-Encoding 'compress' is not supported\",\"url\":\"http://a.example/3\","
        "\"warc_record_id\":\"<urn:uuid:1>\"}\n");
  CHECK(result.diagnostics ==
        "declutter: -: record 2: http://a.example/2: asked to fail; error record written\n"
        "declutter: -: record 3: http://a.example/3: Content-Encoding 'compress' is not supported; error record written\n");

  options.on_error = OnError::pass;  // a WARC record has no line to pass through
  const auto passed = run_on(input, options);
  CHECK(std::count(passed.output.begin(), passed.output.end(), '\n') == 1);
  CHECK(passed.diagnostics.find("record 2: http://a.example/2: asked to fail; skipped\n") != std::string::npos);
}

TEST_CASE("corpus: --warc names a page its crawler truncated, and keeps what it has", "[corpus][warc]") {
  // The crawler stopped at its size limit inside the gzip'd body.
  std::string page = "<html><body>";
  for (int i = 0; i < 2'000; ++i) page += "<p>Paragraph " + std::to_string(i) + "</p>\n";
  const std::string body = gzipped(page + "</body></html>");
  std::string truncated = warc_record("response", "http://a.example/cut", "application/http; msgtype=response",
                                      http_response("200 OK", "Content-Type: text/html\r\nContent-Encoding: gzip\r\n",
                                                    body.substr(0, body.size() / 2)));
  truncated.insert(truncated.find("Content-Length"), "WARC-Truncated: length\r\n");
  const auto result = run_on(truncated + html_response_record("http://a.example/whole", "<p>whole</p>"), warc_options());
  CHECK(result.status == 0);
  const std::string cut_prefix =
      "{\"url\":\"http://a.example/cut\",\"warc_date\":\"2026-05-06T07:08:09Z\",\"warc_record_id\":\"<urn:uuid:1>\","
      "\"warc_truncated\":\"length\",\"text\":\"[http://a.example/cut]<HTML><BODY><P>PARAGRAPH 0</P>";
  CHECK(result.output.starts_with(cut_prefix));
  CHECK(result.output.find("PARAGRAPH 1999") == std::string::npos);  // the half that was not kept
  CHECK(result.output.find("\n{\"url\":\"http://a.example/whole\",\"warc_date\":\"2026-05-06T07:08:09Z\","
                           "\"warc_record_id\":\"<urn:uuid:1>\",\"text\":") != std::string::npos);
}

TEST_CASE("corpus: --warc skips a page over --max-doc-bytes with a warning, other big records quietly",
          "[corpus][warc]") {
  const std::string big(200'000, 'x');
  const std::string input = html_response_record("http://a.example/big", big) +
                            html_response_record("http://a.example/video", big, "video/mp4") +
                            html_response_record("http://a.example/small", "<p>s</p>");
  RunOptions options = warc_options();
  options.max_doc_bytes = 100'000;
  options.stats = true;
  const auto result = run_on(input, options);
  CHECK(result.status == 0);
  CHECK(result.output.find("\"url\":\"http://a.example/small\"") != std::string::npos);
  CHECK(std::count(result.output.begin(), result.output.end(), '\n') == 1);
  CHECK(result.diagnostics.starts_with(
      "declutter: -: record 1: http://a.example/big: larger than --max-doc-bytes (100000 bytes); skipped\n"
      "declutter: 2 documents, "));
  CHECK(result.diagnostics.find(" 1 oversized, ") != std::string::npos);
  CHECK(result.diagnostics.find(", 2 WARC records without a page\n") == std::string::npos);
  CHECK(result.diagnostics.find(", 1 WARC records without a page\n") != std::string::npos);
}

TEST_CASE("corpus: a WARC file cut short keeps the pages before the damage, exit 2", "[corpus][warc]") {
  const std::string record = html_response_record("http://a.example/1", "<p>one</p>");
  const std::string input = record + record.substr(0, record.size() - 10);
  const auto result = run_on(gzipped(input), warc_options(2));
  CHECK(result.status == 2);
  CHECK(std::count(result.output.begin(), result.output.end(), '\n') == 1);
  CHECK(result.diagnostics.find("declutter: -: record 2: the file ends inside the record's block") == 0);
}
