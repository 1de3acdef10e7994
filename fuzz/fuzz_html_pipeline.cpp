// The whole HTML path (decode, parse, DOM rules, block builder, stages, emit as text and as
// Markdown) on arbitrary bytes, with the embedded rules. The first byte picks the parser (odd: Gumbo, even:
// libxml2) so that one corpus drives both front ends.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "emit/emit.h"
#include "fuzz_support.h"

using namespace declutter;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::unique_ptr<Engine> libxml2_engine = fuzzing::default_engine(InputFormat::html, HtmlParser::libxml2);
  static const std::unique_ptr<Engine> gumbo_engine = fuzzing::default_engine(InputFormat::html, HtmlParser::gumbo);
  static Worker libxml2_worker(*libxml2_engine);
  static Worker gumbo_worker(*gumbo_engine);
  static std::string out;
  if (size == 0) return 0;
  Worker& worker = (data[0] & 1) != 0 ? gumbo_worker : libxml2_worker;
  std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  const Document& doc = worker.analyse(DocumentInput{bytes, {}});
  emit_text(doc, out);
  emit_markdown(doc, out);
  return 0;
}
