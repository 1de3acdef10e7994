// The whole text pipeline (segment, every stage, emit) on arbitrary bytes, with the
// embedded rules: NUL bytes, invalid UTF-8, lone CRs, huge lines must never crash or hang.
// Input that starts like gzip, zstd or xz data is inflated first, as the corpus reader does
// (within a limit, as --max-doc-bytes sets one).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_support.h"
#include "text/compressed_input.h"

using namespace declutter;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::unique_ptr<Engine> engine = fuzzing::default_engine(InputFormat::text);
  static Worker worker(*engine);  // reused across inputs, as a corpus run reuses it
  static std::string out;
  static std::string inflated;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  if (is_compressed(bytes)) {
    if (inflate_document(bytes, std::size_t{1} << 20, inflated).status != InflateStatus::ok) return 0;
    bytes = inflated;
  }
  worker.extract(DocumentInput{bytes, {}}, out);
  return 0;
}
