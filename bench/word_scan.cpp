// A floor for text mode: the least any filter that scores lines by their stopwords must do
// per byte, and nothing more. It finds the lines (newline or NUL), the words in each (runs of
// ASCII letters, digits and bytes past ASCII), folds every word of up to eight bytes to lower
// case and looks it up in an open-addressing table of the stopword lists' words. No rules, no
// scoring, no UTF-8 decoding, no output. declutter does all of this and much more on every
// byte, so its text throughput can be no better than this program's; the benchmark prints
// the two against grep -vFx.
// Usage: word_scan FILE STOPWORD_FILE...; prints "DOCS BYTES WALL_SECONDS CPU_SECONDS
// STOPWORD_HITS" (reading the file included, as grep's time includes it; documents are
// NUL-separated).
#include <array>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fstream>
#include <string>
#include <vector>

namespace {

constexpr std::size_t kTableBits = 14;
constexpr std::size_t kChunkBytes = 1 << 22;

std::size_t slot_of(std::uint64_t packed) { return (packed * 0x9E3779B97F4A7C15ULL) >> (64 - kTableBits); }

class StopwordTable {
 public:
  void add(const std::string& word) {
    if (word.empty() || word.size() > 8 || word[0] == '#') return;
    std::uint64_t packed = 0;
    std::memcpy(&packed, word.data(), word.size());
    std::size_t slot = slot_of(packed);
    while (slots_[slot] != 0 && slots_[slot] != packed) slot = (slot + 1) & (slots_.size() - 1);
    slots_[slot] = packed;
  }
  bool contains(std::uint64_t packed) const {
    for (std::size_t slot = slot_of(packed); slots_[slot] != 0; slot = (slot + 1) & (slots_.size() - 1))
      if (slots_[slot] == packed) return true;
    return false;
  }

 private:
  std::vector<std::uint64_t> slots_ = std::vector<std::uint64_t>(std::size_t{1} << kTableBits, 0);
};

const std::array<bool, 256> kWordByte = [] {
  std::array<bool, 256> table{};
  for (unsigned byte = 0; byte < 256; ++byte)
    table[byte] =
        (byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') || (byte >= '0' && byte <= '9') || byte >= 0x80;
  return table;
}();

// Scans bytes that end between words; returns their stopword hits. Line ends and NULs are
// no word bytes, so one pass over a chunk finds the words of all its lines.
std::size_t scan_words(const unsigned char* p, const unsigned char* end, const StopwordTable& stopwords) {
  std::size_t hits = 0;
  while (p < end) {
    while (p < end && !kWordByte[*p]) ++p;
    const unsigned char* const word = p;
    while (p < end && kWordByte[*p]) ++p;
    const auto size = static_cast<std::size_t>(p - word);
    if (size == 0 || size > 8) continue;
    std::uint64_t packed = 0;
    std::memcpy(&packed, word, size);
    // Sets the case bit of every byte: lower-cases ASCII letters (and alters only bytes no
    // ASCII stopword holds).
    packed |= 0x2020202020202020ULL & (size == 8 ? ~0ULL : (1ULL << (8 * size)) - 1);
    hits += stopwords.contains(packed) ? 1 : 0;
  }
  return hits;
}

std::size_t count_nuls(const unsigned char* p, const unsigned char* end) {
  std::size_t nuls = 0;
  while ((p = static_cast<const unsigned char*>(std::memchr(p, 0, static_cast<std::size_t>(end - p)))) != nullptr) {
    ++nuls;
    ++p;
  }
  return nuls;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: word_scan FILE STOPWORD_FILE...\n");
    return 2;
  }
  StopwordTable stopwords;
  for (int i = 2; i < argc; ++i) {
    std::ifstream list(argv[i]);
    for (std::string word; std::getline(list, word);) stopwords.add(word);
  }
  std::FILE* in = std::fopen(argv[1], "rb");
  if (in == nullptr) {
    std::perror(argv[1]);
    return 2;
  }
  const auto start = std::chrono::steady_clock::now();
  const std::clock_t cpu_start = std::clock();
  std::vector<unsigned char> buffer(kChunkBytes);
  std::size_t kept = 0;  // the bytes of an unfinished word, carried over from the last read
  std::size_t bytes = 0, docs = 0, hits = 0;
  while (true) {
    const std::size_t got = std::fread(buffer.data() + kept, 1, buffer.size() - kept, in);
    bytes += got;
    const unsigned char* const begin = buffer.data();
    const unsigned char* end = begin + kept + got;
    const unsigned char* const stop = end;
    if (got != 0)
      while (end > begin && kWordByte[end[-1]]) --end;  // the last word may go on in the next read
    hits += scan_words(begin, end, stopwords);
    docs += count_nuls(begin + kept, stop);
    if (got == 0) break;
    kept = static_cast<std::size_t>(stop - end);
    std::memmove(buffer.data(), end, kept);
    if (kept == buffer.size()) buffer.resize(buffer.size() * 2);  // one word filled the buffer
  }
  std::fclose(in);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const double cpu_seconds = static_cast<double>(std::clock() - cpu_start) / static_cast<double>(CLOCKS_PER_SEC);
  std::printf("%zu %zu %.3f %.3f %zu\n", docs + (bytes > 0 ? 1 : 0), bytes, seconds, cpu_seconds, hits);
  return 0;
}
