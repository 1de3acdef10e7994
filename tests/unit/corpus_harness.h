#pragma once
// Runs run_documents() over in-memory input through temporary files and captures the output.
#include <unistd.h>

#include <cctype>
#include <chrono>
#include <cstdio>
#include <memory>
#include <random>
#include <sstream>
#include <string>
#include <thread>

#include "corpus/run_documents.h"

namespace declutter::corpus_test {

struct FileCloser {
  void operator()(std::FILE* file) const { std::fclose(file); }
};
using TempFile = std::unique_ptr<std::FILE, FileCloser>;

inline TempFile temp_file_with(const std::string& content) {
  TempFile file(std::tmpfile());
  if (!content.empty()) std::fwrite(content.data(), 1, content.size(), file.get());
  std::fflush(file.get());
  ::lseek(fileno(file.get()), 0, SEEK_SET);
  return file;
}

inline std::string read_all(std::FILE* file) {
  std::string content;
  ::lseek(fileno(file), 0, SEEK_SET);
  char buffer[65536];
  for (;;) {
    const ssize_t got = ::read(fileno(file), buffer, sizeof buffer);
    if (got <= 0) break;
    content.append(buffer, static_cast<std::size_t>(got));
  }
  return content;
}

struct RunResult {
  int status = 0;
  std::string output;
  std::string diagnostics;
};

// Upper-cases ASCII; fails on documents containing "FAILME"; prefixes the url in [] and the
// transport's charset in <> when given;
// describes each document as {"bytes":N}.
inline ProcessorFactory uppercase_factory(bool random_sleeps = false) {
  return [random_sleeps] {
    auto random = std::make_shared<std::minstd_rand>(std::random_device{}());
    return DocumentProcessor([random, random_sleeps](const DocumentInput& input, DocumentResult& result) {
      const std::string_view bytes = input.bytes;
      std::string& out = result.text;
      if (random_sleeps) {
        std::this_thread::sleep_for(std::chrono::microseconds((*random)() % 2000));
      }
      if (bytes.find("FAILME") != std::string_view::npos) {
        result.error = "asked to fail";
        return false;
      }
      if (!input.url.empty()) {
        out += '[';
        out += input.url;
        out += ']';
      }
      if (!input.charset.empty()) {
        out += '<';
        out += input.charset;
        out += '>';
      }
      for (const char c : bytes) {
        out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      }
      result.metadata = "{\"bytes\":" + std::to_string(bytes.size()) + "}";
      return true;
    });
  };
}

inline RunResult run_on(const std::string& input, RunOptions options,
                        const ProcessorFactory& factory = uppercase_factory()) {
  TempFile in = temp_file_with(input);
  TempFile out(std::tmpfile());
  std::ostringstream diagnostics;
  RunResult result;
  result.status = run_documents(options, factory, diagnostics,
                                RunStreams{fileno(in.get()), fileno(out.get())});
  result.output = read_all(out.get());
  result.diagnostics = diagnostics.str();
  return result;
}

}  // namespace declutter::corpus_test
