#include "text/brotli_input.h"

#include <brotli/decode.h>

#include <cstdint>
#include <memory>

namespace declutter {
namespace {

struct DecoderFree {
  void operator()(BrotliDecoderState* state) const { BrotliDecoderDestroyInstance(state); }
};
using Decoder = std::unique_ptr<BrotliDecoderState, DecoderFree>;

std::string damage(const char* what) { return std::string("brotli data is corrupt: ") + what; }

// Nothing of damaged data is kept.
InflateResult corrupt(std::string& out, const char* what) {
  out.clear();
  return {InflateStatus::corrupt, damage(what)};
}

}  // namespace

InflateResult unbrotli(std::string_view in, std::size_t limit, std::string& out) {
  out.clear();
  const Decoder decoder(BrotliDecoderCreateInstance(nullptr, nullptr, nullptr));
  if (!decoder) return {InflateStatus::corrupt, "brotli: the decoder could not start"};
  const auto* next_in = reinterpret_cast<const std::uint8_t*>(in.data());  // NOLINT: brotli's byte type
  std::size_t available_in = in.size();
  std::size_t written = 0;
  for (;;) {
    make_room(out, written, limit);
    auto* next_out = reinterpret_cast<std::uint8_t*>(out.data() + written);  // NOLINT: brotli's byte type
    std::size_t available_out = out.size() - written;
    const std::size_t room = available_out;
    const BrotliDecoderResult result =
        BrotliDecoderDecompressStream(decoder.get(), &available_in, &next_in, &available_out, &next_out, nullptr);
    written += room - available_out;
    if (limit != 0 && written > limit) return too_large("brotli", limit, out);
    switch (result) {
      case BROTLI_DECODER_RESULT_SUCCESS:
        if (available_in != 0) return corrupt(out, "bytes follow the end of the data");
        out.resize(written);
        return {};
      case BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT:
        continue;
      case BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT:
        // Out of input, the decoder may still hold output it had no room for.
        if (BrotliDecoderHasMoreOutput(decoder.get()) == BROTLI_TRUE) continue;
        out.resize(written);
        return {InflateStatus::cut_short, damage("unexpected end of data")};
      case BROTLI_DECODER_RESULT_ERROR:
        return corrupt(out, BrotliDecoderErrorString(BrotliDecoderGetErrorCode(decoder.get())));
    }
    return corrupt(out, "the decoder answered what it never does");
  }
}

}  // namespace declutter
