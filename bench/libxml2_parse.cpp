// The reference for HTML mode: bare libxml2 parsing of the same NUL-separated pages,
// nothing else. Prints "DOCS BYTES WALL_SECONDS CPU_SECONDS" (parsing only, file already read).
#include <libxml/HTMLparser.h>

#include <chrono>
#include <ctime>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: libxml2_parse FILE.nul\n");
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  const std::string corpus((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const auto start = std::chrono::steady_clock::now();
  const std::clock_t cpu_start = std::clock();
  std::size_t docs = 0;
  std::size_t begin = 0;
  while (begin < corpus.size()) {
    std::size_t end = corpus.find('\0', begin);
    if (end == std::string::npos) end = corpus.size();
    htmlDocPtr doc = htmlReadMemory(corpus.data() + begin, static_cast<int>(end - begin), nullptr,
                                    nullptr,
                                    HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                        HTML_PARSE_NONET | HTML_PARSE_COMPACT);
    if (doc != nullptr) xmlFreeDoc(doc);
    ++docs;
    begin = end + 1;
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const double cpu_seconds =
      static_cast<double>(std::clock() - cpu_start) / static_cast<double>(CLOCKS_PER_SEC);
  std::printf("%zu %zu %.3f %.3f\n", docs, corpus.size(), seconds, cpu_seconds);
  return 0;
}
