// The whole text pipeline (segment, every stage, emit) on arbitrary bytes, with the
// embedded rules: NUL bytes, invalid UTF-8, lone CRs, huge lines must never crash or hang.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_support.h"

using namespace declutter;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::unique_ptr<Engine> engine = fuzzing::default_engine(InputFormat::text);
  static Worker worker(*engine);  // reused across inputs, as a corpus run reuses it
  static std::string out;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  worker.extract(DocumentInput{bytes, {}}, out);
  return 0;
}
