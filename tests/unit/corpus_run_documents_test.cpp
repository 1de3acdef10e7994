#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <atomic>
#include <cstring>
#include <thread>
#include <utility>
#include <nlohmann/json.hpp>

#include "corpus_harness.h"
#include "compression_support.h"

using namespace declutter;
using namespace declutter::corpus_test;
using namespace std::string_literals;

namespace {
RunOptions jsonl_options(unsigned jobs = 1) {
  RunOptions options;
  options.framing = Framing::jsonl;
  options.jobs = jobs;
  return options;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t begin = 0;
  while (begin < text.size()) {
    const std::size_t end = text.find('\n', begin);
    REQUIRE(end != std::string::npos);  // every output line ends with a newline
    lines.push_back(text.substr(begin, end - begin));
    begin = end + 1;
  }
  return lines;
}
}  // namespace

TEST_CASE("corpus: JSONL round trip keeps fields, key order and record order with -j 4", "[corpus]") {
  std::string input;
  const int records = 500;
  for (int i = 0; i < records; ++i) {
    input += R"({"z":)" + std::to_string(i) + R"(,"text":"doc )" + std::to_string(i) +
             R"(","a":{"nested":[1,2.50,"x"]},"url":"https://s)" + std::to_string(i % 3) +
             ".example/\"}\n";
  }
  for (const unsigned jobs : {1U, 4U}) {
    const RunResult result = run_on(input, jsonl_options(jobs), uppercase_factory(jobs > 1));
    CHECK(result.status == 0);
    CHECK(result.diagnostics.empty());
    const auto lines = lines_of(result.output);
    REQUIRE(lines.size() == records);
    for (int i = 0; i < records; ++i) {
      const std::string expected = R"({"z":)" + std::to_string(i) + R"(,"text":"[https://s)" +
                                   std::to_string(i % 3) + ".example/]DOC " + std::to_string(i) +
                                   R"(","a":{"nested":[1,2.50,"x"]},"url":"https://s)" +
                                   std::to_string(i % 3) + ".example/\"}";
      REQUIRE(lines[static_cast<std::size_t>(i)] == expected);
    }
  }
}

TEST_CASE("corpus: JSONL --field and --url fallback", "[corpus]") {
  RunOptions options = jsonl_options();
  options.field = "body";
  options.url = "https://fallback.example/";
  const RunResult result = run_on("{\"body\":\"x\",\"text\":\"keep\"}\n", options);
  CHECK(result.output == "{\"body\":\"[https://fallback.example/]X\",\"text\":\"keep\"}\n");
}

TEST_CASE("corpus: JSONL values keep their own line ending, not the clean text's", "[corpus]") {
  const ProcessorFactory adds_newline = [] {
    return DocumentProcessor([](const DocumentInput& input, DocumentResult& result) {
      const std::string_view bytes = input.bytes;
      std::string& out = result.text;
      out.assign(bytes);
      if (out.empty() || out.back() != '\n') out += '\n';
      return true;
    });
  };
  const RunResult result =
      run_on("{\"text\":\"a\"}\n{\"text\":\"b\\n\"}\n{\"text\":\"\"}\n", jsonl_options(), adds_newline);
  CHECK(result.output == "{\"text\":\"a\"}\n{\"text\":\"b\\n\"}\n{\"text\":\"\"}\n");
}

TEST_CASE("corpus: JSONL last line without newline, blank lines echoed", "[corpus]") {
  const RunResult result = run_on("{\"text\":\"a\"}\n\n{\"text\":\"b\"}", jsonl_options());
  CHECK(result.status == 0);
  CHECK(result.output == "{\"text\":\"A\"}\n\n{\"text\":\"B\"}\n");
}

TEST_CASE("corpus: a byte-order mark before the first JSONL record of each file is not JSON", "[corpus]") {
  const std::string bom = "\xEF\xBB\xBF";
  RunResult result = run_on(bom + "{\"text\":\"a\"}\n{\"text\":\"b\"}\n", jsonl_options());
  CHECK(result.status == 0);
  CHECK(result.output == "{\"text\":\"A\"}\n{\"text\":\"B\"}\n");
  CHECK(result.diagnostics.empty());
  auto first = temp_file_with(bom + "{\"text\":\"c\"}\n");
  auto second = temp_file_with(bom + "{\"text\":\"d\"}\n");
  RunOptions options = jsonl_options();
  const std::string dir = "/proc/self/fd/";
  options.inputs = {dir + std::to_string(fileno(first.get())), dir + std::to_string(fileno(second.get()))};
  result = run_on("", options);
  CHECK(result.status == 0);
  CHECK(result.output == "{\"text\":\"C\"}\n{\"text\":\"D\"}\n");
  // Anywhere else it is a malformed line, as before.
  result = run_on("{\"text\":\"a\"}\n" + bom + "{\"text\":\"b\"}\n", jsonl_options());
  CHECK(result.status == 1);
  CHECK(result.diagnostics.find(":2: invalid JSON") != std::string::npos);
}

TEST_CASE("corpus: a compressed JSONL or NUL stream is read as what it holds; a truncated one is reported", "[corpus]") {
  // Records enough for several zstd blocks (128 KiB each; a block is decoded whole).
  std::string lines;
  for (int i = 0; i < 20000; ++i) lines += "{\"id\":" + std::to_string(i) + ",\"text\":\"page " + std::to_string(i) + "\"}\n";
  std::string expected;
  for (int i = 0; i < 20000; ++i) expected += "{\"id\":" + std::to_string(i) + ",\"text\":\"PAGE " + std::to_string(i) + "\"}\n";
  using Compress = std::string (*)(const std::string&);
  for (const auto& [name, compress] : {std::pair<std::string, Compress>{"gzip", declutter::testing::gzipped},
                                       std::pair<std::string, Compress>{"zstd", declutter::testing::zstd_compressed}}) {
    INFO(name);
    RunResult result = run_on(compress(lines), jsonl_options(3));
    CHECK(result.status == 0);
    CHECK(result.output == expected);
    CHECK(result.diagnostics.empty());

    RunOptions null_options;
    null_options.framing = Framing::null;
    result = run_on(compress(std::string("one\0two\0", 8)), null_options);
    CHECK(result.status == 0);
    CHECK(result.output == std::string("ONE\0TWO\0", 8));

    const std::string compressed = compress(lines);
    result = run_on(compressed.substr(0, compressed.size() / 2), jsonl_options(2));
    CHECK(result.status == 2);
    CHECK(result.diagnostics.find("-: " + name + " data is corrupt: unexpected end of data") != std::string::npos);
    REQUIRE(result.output.size() > 1000);
    CHECK(expected.compare(0, result.output.size(), result.output) == 0);  // whole records, in order
    CHECK(result.output.back() == '\n');
  }
}

TEST_CASE("corpus: malformed JSONL lines under each --on-error mode", "[corpus]") {
  const std::string input =
      "{\"text\":\"one\"}\n"
      "not json\n"
      "{\"text\":\"three\"}\n"
      "{\"text\":\"FAILME\"}\n"
      "{\"other\":1}\n"
      "{\"text\":\"six\"}\n";
  for (const unsigned jobs : {1U, 3U}) {
    RunOptions options = jsonl_options(jobs);

    SECTION("pass copies bad lines through, one line per line") {
      options.on_error = OnError::pass;
      const RunResult result = run_on(input, options);
      CHECK(result.status == 1);
      CHECK(result.output ==
            "{\"text\":\"ONE\"}\nnot json\n{\"text\":\"THREE\"}\n{\"text\":\"FAILME\"}\n"
            "{\"other\":1}\n{\"text\":\"SIX\"}\n");
      CHECK(result.diagnostics.find("-:2: invalid JSON") != std::string::npos);
      CHECK(result.diagnostics.find("-:4: asked to fail; passed through unchanged") !=
            std::string::npos);
      CHECK(result.diagnostics.find("-:5: no field \"text\"") != std::string::npos);
    }
    SECTION("skip drops them") {
      options.on_error = OnError::skip;
      const RunResult result = run_on(input, options);
      CHECK(result.status == 1);
      CHECK(result.output == "{\"text\":\"ONE\"}\n{\"text\":\"THREE\"}\n{\"text\":\"SIX\"}\n");
    }
    SECTION("error answers with an error record in place") {
      options.on_error = OnError::error;
      const RunResult result = run_on(input, options);
      CHECK(result.status == 1);
      const auto lines = lines_of(result.output);
      REQUIRE(lines.size() == 6);
      CHECK(lines[0] == "{\"text\":\"ONE\"}");
      const auto bad = nlohmann::json::parse(lines[1]);
      CHECK(bad["line"] == 2);
      CHECK(bad["error"].get<std::string>().find("invalid JSON") == 0);
      CHECK(nlohmann::json::parse(lines[3])["error"] == "asked to fail");
      CHECK(nlohmann::json::parse(lines[4])["line"] == 5);
      CHECK(lines[5] == "{\"text\":\"SIX\"}");
    }
    SECTION("fail stops after the good records before it") {
      options.on_error = OnError::fail;
      const RunResult result = run_on(input, options);
      CHECK(result.status == 1);
      CHECK(result.output == "{\"text\":\"ONE\"}\n");
      CHECK(result.diagnostics.find("-:2: invalid JSON") != std::string::npos);
      CHECK(result.diagnostics.find("stopping") != std::string::npos);
      CHECK(result.diagnostics.find("-:4:") == std::string::npos);
    }
  }
}

TEST_CASE("corpus: the metadata field is added to cleaned JSONL records only, in order with -j", "[corpus]") {
  std::string input;
  std::string expected;
  for (int i = 0; i < 200; ++i) {
    const std::string text = i % 7 == 3 ? "FAILME" : std::string(static_cast<std::size_t>(i % 5), 'a');
    input += "{\"id\":" + std::to_string(i) + ",\"text\":\"" + text + "\"}\n";
    expected += i % 7 == 3 ? "{\"id\":" + std::to_string(i) + ",\"text\":\"FAILME\"}\n"
                           : "{\"id\":" + std::to_string(i) + ",\"text\":\"" + std::string(static_cast<std::size_t>(i % 5), 'A') +
                                 "\",\"declutter\":{\"bytes\":" + std::to_string(i % 5) + "}}\n";
  }
  for (const unsigned jobs : {1U, 3U}) {
    RunOptions options = jsonl_options(jobs);
    options.metadata_field = "declutter";
    const RunResult result = run_on(input, options, uppercase_factory(jobs > 1));
    CHECK(result.status == 1);  // the FAILME records, passed through as they came
    CHECK(result.output == expected);
  }
  // Other framings carry no metadata: the text alone.
  RunOptions null_framed;
  null_framed.framing = Framing::null;
  null_framed.metadata_field = "declutter";
  CHECK(run_on("ab\0c\0"s, null_framed).output == "AB\0C\0"s);
}

TEST_CASE("corpus: a processor that throws fails only its record", "[corpus]") {
  const ProcessorFactory throwing = [] {
    return DocumentProcessor([](const DocumentInput& input, DocumentResult& result) {
      const std::string_view bytes = input.bytes;
      std::string& out = result.text;
      if (bytes == "boom") throw std::runtime_error("exploded");
      out.assign(bytes);
      return true;
    });
  };
  const RunResult result =
      run_on("{\"text\":\"ok\"}\n{\"text\":\"boom\"}\n{\"text\":\"fine\"}\n", jsonl_options(2),
             throwing);
  CHECK(result.status == 1);
  CHECK(result.output == "{\"text\":\"ok\"}\n{\"text\":\"boom\"}\n{\"text\":\"fine\"}\n");
  CHECK(result.diagnostics.find("-:2: exploded") != std::string::npos);
}

TEST_CASE("corpus: NUL framing, including empty documents", "[corpus]") {
  RunOptions options;
  options.framing = Framing::null;
  for (const unsigned jobs : {1U, 2U}) {
    options.jobs = jobs;
    CHECK(run_on("ab\0\0cd\0"s, options).output == "AB\0\0CD\0"s);
    CHECK(run_on("ab\0cd"s, options).output == "AB\0CD\0"s);
    const RunResult failed = run_on("ok\0FAILME\0"s, options);
    CHECK(failed.status == 1);
    CHECK(failed.output == "OK\0FAILME\0"s);
    CHECK(failed.diagnostics.find("-: document 2: asked to fail") != std::string::npos);
  }
}

TEST_CASE("corpus: a document larger than the buffers kept between documents comes out whole", "[corpus]") {
  // Its text moves into the batch instead of being copied; what follows it still appends.
  const std::string big((std::size_t{9} << 20) + 3, 'x');
  const std::string big_clean(big.size(), 'X');
  for (const unsigned jobs : {1U, 2U}) {
    RunOptions options;
    options.jobs = jobs;
    options.framing = Framing::null;
    CHECK(run_on(big + "\0ab\0"s, options).output == big_clean + "\0AB\0"s);
    CHECK(run_on("ab\0"s + big + "\0cd"s, options).output == "AB\0"s + big_clean + "\0CD\0"s);
    options.framing = Framing::whole;  // a newline ends the document that lacks one
    CHECK(run_on(big, options).output == big_clean + "\n");
  }
}

TEST_CASE("corpus: empty input gives empty output and exit 0 in every framing", "[corpus]") {
  for (const Framing framing : {Framing::whole, Framing::null, Framing::jsonl}) {
    RunOptions options;
    options.framing = framing;
    const RunResult result = run_on("", options);
    CHECK(result.status == 0);
    CHECK(result.output.empty());
    CHECK(result.diagnostics.empty());
  }
}

TEST_CASE("corpus: whole-document framing keeps NUL bytes and ends documents with a newline", "[corpus]") {
  RunOptions options;
  const RunResult result = run_on("a\0b\nc"s, options);
  CHECK(result.status == 0);
  CHECK(result.output == "A\0B\nC\n"s);
}

TEST_CASE("corpus: whole-document framing starts no more workers than there are inputs", "[corpus]") {
  std::atomic<int> made{0};
  const ProcessorFactory counting = [&made] {
    ++made;
    return uppercase_factory()();
  };
  RunOptions options;
  options.jobs = 4;
  const RunResult one = run_on("only page", options, counting);
  CHECK(one.output == "ONLY PAGE\n");
  CHECK(made == 1);

  auto first = temp_file_with("first");
  auto second = temp_file_with("second");
  const std::string dir = "/proc/self/fd/";
  options.inputs = {dir + std::to_string(fileno(first.get())), dir + std::to_string(fileno(second.get()))};
  made = 0;
  const RunResult two = run_on("", options, counting);
  CHECK(two.output == "FIRST\nSECOND\n");
  CHECK(made == 2);

  options.inputs.clear();
  options.framing = Framing::null;
  made = 0;
  CHECK(run_on("a\0b\0"s, options, counting).output == "A\0B\0"s);
  CHECK(made == 4);
}

TEST_CASE("corpus: several files are several documents, in order", "[corpus]") {
  auto first = temp_file_with("first file\n");
  auto second = temp_file_with("second");
  const std::string dir = "/proc/self/fd/";
  RunOptions options;
  options.jobs = 2;
  options.inputs = {dir + std::to_string(fileno(first.get())), "/nonexistent/declutter-input",
                    dir + std::to_string(fileno(second.get()))};
  const RunResult result = run_on("", options, uppercase_factory(true));
  CHECK(result.status == 2);  // the missing file
  CHECK(result.output == "FIRST FILE\nSECOND\n");
  CHECK(result.diagnostics.find("/nonexistent/declutter-input: No such file or directory") !=
        std::string::npos);
}

TEST_CASE("corpus: documents over --max-doc-bytes pass through unchanged with a warning", "[corpus]") {
  SECTION("JSONL record") {
    RunOptions options = jsonl_options(2);
    options.max_doc_bytes = 64;
    const std::string big = "{\"text\":\"" + std::string(3'000'000, 'x') + "\"}";
    const RunResult result =
        run_on("{\"text\":\"a\"}\n" + big + "\n{\"text\":\"b\"}\n", options);
    CHECK(result.status == 0);
    CHECK(result.output == "{\"text\":\"A\"}\n" + big + "\n{\"text\":\"B\"}\n");
    CHECK(result.diagnostics.find("-:2: larger than --max-doc-bytes (64 bytes); passed through") !=
          std::string::npos);
  }
  SECTION("whole document") {
    RunOptions options;
    options.max_doc_bytes = 10;
    const RunResult result = run_on("small? no, rather large", options);
    CHECK(result.output == "small? no, rather large");
    CHECK(result.diagnostics.find("-: larger than --max-doc-bytes") != std::string::npos);
  }
  SECTION("NUL-separated document") {
    RunOptions options;
    options.framing = Framing::null;
    options.max_doc_bytes = 3;
    const RunResult result = run_on("abc\0abcdef\0x\0"s, options);
    CHECK(result.output == "ABC\0abcdef\0X\0"s);
    CHECK(result.diagnostics.find("-: document 2: larger") != std::string::npos);
  }
}

TEST_CASE("corpus: --stats summarises the run and takes extra counts", "[corpus]") {
  RunOptions options = jsonl_options();
  options.stats = true;
  options.extra_stats = [] { return std::string(", dropped: common.rules 3"); };
  const RunResult result = run_on("{\"text\":\"a\"}\nbad\n", options);
  CHECK(result.diagnostics.find("declutter: 2 documents,") != std::string::npos);
  CHECK(result.diagnostics.find("1 failed") != std::string::npos);
  CHECK(result.diagnostics.find(", dropped: common.rules 3\n") != std::string::npos);
}

TEST_CASE("corpus: a closed output pipe is a clean stop", "[corpus]") {
  int fds[2];
  REQUIRE(::pipe(fds) == 0);
  ::close(fds[0]);  // the reader is gone before anything is written
  std::string input;
  for (int i = 0; i < 20000; ++i) input += "{\"text\":\"line\"}\n";
  auto in = temp_file_with(input);
  for (const unsigned jobs : {1U, 2U}) {
    ::lseek(fileno(in.get()), 0, SEEK_SET);
    RunOptions options = jsonl_options(jobs);
    std::ostringstream diagnostics;
    const int status =
        run_documents(options, uppercase_factory(), diagnostics, RunStreams{fileno(in.get()), fds[1]});
    CHECK(status == 0);
    CHECK(diagnostics.str().empty());
  }
  ::close(fds[1]);
}

TEST_CASE("corpus: --line-buffered answers each record before the next one arrives", "[corpus]") {
  for (const unsigned jobs : {1U, 2U}) {
    int input[2];
    int output[2];
    REQUIRE(::pipe(input) == 0);
    REQUIRE(::pipe(output) == 0);
    std::vector<std::string> answers;
    // The driver sends one record, waits (up to 5 s) for its answer, then sends the next.
    // The first is a blank line, shorter than what tells gzip'd input.
    std::thread driver([&] {
      for (const char* record : {"\n", "{\"text\":\"one\"}\n", "{\"text\":\"two\"}\n"}) {
        if (::write(input[1], record, std::strlen(record)) <= 0) break;
        pollfd ready{output[0], POLLIN, 0};
        if (::poll(&ready, 1, 5000) != 1) break;
        char answer[256];
        const ssize_t got = ::read(output[0], answer, sizeof answer);
        answers.emplace_back(answer, got > 0 ? static_cast<std::size_t>(got) : 0);
      }
      ::close(input[1]);
    });
    RunOptions options = jsonl_options(jobs);
    options.line_buffered = true;
    std::ostringstream diagnostics;
    const int status =
        run_documents(options, uppercase_factory(), diagnostics, RunStreams{input[0], output[1]});
    driver.join();
    ::close(input[0]);
    ::close(output[0]);
    ::close(output[1]);
    CHECK(status == 0);
    CHECK(answers == std::vector<std::string>{"\n", "{\"text\":\"ONE\"}\n", "{\"text\":\"TWO\"}\n"});
  }
}

TEST_CASE("corpus: the progress line is redrawn while working and erased at the end", "[corpus]") {
  const ProcessorFactory slow = [] {
    return DocumentProcessor([](const DocumentInput& input, DocumentResult& result) {
      const std::string_view bytes = input.bytes;
      std::string& out = result.text;
      std::this_thread::sleep_for(std::chrono::milliseconds(150));
      out.assign(bytes);
      return true;
    });
  };
  for (const unsigned jobs : {1U, 2U}) {
    RunOptions options;
    options.framing = Framing::null;
    options.jobs = jobs;
    options.progress = true;
    const RunResult result = run_on("a\0b\0c\0d\0e\0f\0"s, options, slow);
    CHECK(result.output == "a\0b\0c\0d\0e\0f\0"s);
    CHECK(result.diagnostics.find("\rdeclutter: ") != std::string::npos);
    CHECK(result.diagnostics.find(" documents, ") != std::string::npos);
    CHECK(result.diagnostics.size() >= 4);
    CHECK(result.diagnostics.substr(result.diagnostics.size() - 4) == "\r\033[K");
  }
}
