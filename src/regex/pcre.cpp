#include "regex/pcre.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <memory>
#include <vector>

#include "regex/built_in_regexes.h"
#include "text/ascii.h"

namespace declutter {
namespace {
// Bounds on one match attempt: enough for any sane line rule, small enough that a
// catastrophically backtracking pattern gives up in milliseconds.
constexpr std::uint32_t kMatchLimit = 200'000;
constexpr std::uint32_t kDepthLimit = 10'000;
constexpr std::uint32_t kMaxCaptures = 64;
// Matches interpreted before a regex is JIT-compiled: many rules are tried only a few times
// even in a long run, and compiling them cost more than interpreting those few tries. At 8,
// 16, 32 and 64 (callgrind, 2026-12-06): five 8-12 kB pages one process each 93.5M, 92.1M,
// 90.6M and 89.1M instructions against 110.6M when every regex was compiled on its first
// match; the 2.2 MB text sample 360.2M, 360.5M, 366.4M and 374.2M against 368.6M.
constexpr std::uint32_t kJitAfterMatches = 16;
// A match over a long subject counts as one use per this many bytes of it: the interpreter
// costs several times the compiled code per byte, so a regex that meets a line of a few
// kilobytes (minified text, a page without line breaks) is compiled for it at once.
constexpr std::size_t kJitBytesPerUse = 256;

// The bytes a match of an anchored pattern can start with, from PCRE2's own start-up
// analysis (the same facts its matcher relies on), else from the pattern's syntax
// (regex/pattern_analysis.h: PCRE2 has none for \d and the like in UCP mode); all bytes
// when neither knows, or when the pattern may match the empty string.
// `from_syntax`: the first bytes the pattern's syntax gives (pattern_shape), if any.
std::array<std::uint64_t, 4> anchored_first_bytes(const pcre2_code* code, const std::optional<FirstByteSet>& from_syntax) {
  std::array<std::uint64_t, 4> all{~0ULL, ~0ULL, ~0ULL, ~0ULL};
  std::uint32_t options = 0;
  pcre2_pattern_info(code, PCRE2_INFO_ALLOPTIONS, &options);
  if ((options & PCRE2_ANCHORED) == 0) return all;
  std::array<std::uint64_t, 4> bytes{};
  const auto set = [&](std::uint32_t byte) { bytes[byte / 64U] |= 1ULL << (byte % 64U); };
  std::uint32_t first_type = 0;
  pcre2_pattern_info(code, PCRE2_INFO_FIRSTCODETYPE, &first_type);
  if (first_type == 1) {
    std::uint32_t unit = 0;
    pcre2_pattern_info(code, PCRE2_INFO_FIRSTCODEUNIT, &unit);
    if (unit >= 0x80) return all;  // a caseless match could start with another lead byte
    set(unit);
    if (is_ascii_letter(static_cast<unsigned char>(unit))) set(unit ^ 0x20U);  // either case: caseless is not reported
    return bytes;
  }
  const std::uint8_t* bitmap = nullptr;
  if (first_type != 0) return all;
  if (pcre2_pattern_info(code, PCRE2_INFO_FIRSTBITMAP, &bitmap) != 0 || bitmap == nullptr) {
    std::uint32_t min_length = 0;
    pcre2_pattern_info(code, PCRE2_INFO_MINLENGTH, &min_length);
    return from_syntax && min_length > 0 ? *from_syntax : all;
  }
  for (std::uint32_t byte = 0; byte < 256; ++byte)
    if ((bitmap[byte / 8U] >> (byte % 8U)) & 1U) set(byte);
  return bytes;
}

std::uint32_t compile_options(RegexFlags flags) {
  std::uint32_t options = PCRE2_UTF | PCRE2_UCP | PCRE2_MATCH_INVALID_UTF;
  if (flags.caseless) options |= PCRE2_CASELESS;
  if (flags.extended) options |= PCRE2_EXTENDED;
  if (flags.dotall) options |= PCRE2_DOTALL;
  return options;
}

struct CodeFree {
  void operator()(pcre2_code* code) const { pcre2_code_free(code); }
};
using OwnedCode = std::unique_ptr<pcre2_code, CodeFree>;

// pcre2_compile, or null with `error` filled in.
OwnedCode compile_code(std::string_view pattern, std::uint32_t options, RegexError& error) {
  int code = 0;
  PCRE2_SIZE offset = 0;
  OwnedCode compiled(pcre2_compile(reinterpret_cast<PCRE2_SPTR>(pattern.data()), pattern.size(), options, &code,
                                   &offset, nullptr));
  if (!compiled) {
    std::array<PCRE2_UCHAR, 256> message{};
    pcre2_get_error_message(code, message.data(), message.size());
    error.offset = offset;
    error.message = reinterpret_cast<const char*>(message.data());
  }
  return compiled;
}

// The pattern as compiled at build time (regex/built_in_regexes.h), or null.
OwnedCode built_in_code(const BuiltInRegex* entry) {
  if (entry == nullptr || entry->code.empty()) return {};
  // PCRE2 reads the serialised header in place, as words: a copy with their alignment.
  std::vector<std::uint64_t> aligned((entry->code.size() + 7) / 8);
  std::memcpy(aligned.data(), entry->code.data(), entry->code.size());
  pcre2_code* code = nullptr;
  if (pcre2_serialize_decode(&code, 1, reinterpret_cast<const std::uint8_t*>(aligned.data()), nullptr) != 1) return {};
  return OwnedCode(code);
}

const BuiltInRegex* built_in(std::string_view pattern, RegexFlags flags) {
  return find_built_in_regex(pattern, flags.caseless, flags.extended, flags.dotall);
}

// The pattern's code: the built-in entry's, decoded, or else compiled.
OwnedCode code_of(std::string_view pattern, RegexFlags flags, const BuiltInRegex* entry, RegexError& error) {
  OwnedCode code = built_in_code(entry);
  if (!code) code = compile_code(pattern, compile_options(flags), error);
  return code;
}

}  // namespace

MatchScratch::MatchScratch()
    : data_(pcre2_match_data_create(kMaxCaptures, nullptr)),
      context_(pcre2_match_context_create(nullptr)) {
  pcre2_set_match_limit(context_.get(), kMatchLimit);
  pcre2_set_depth_limit(context_.get(), kDepthLimit);
}

bool Regex::valid(std::string_view pattern, RegexFlags flags, RegexError& error) {
  return built_in(pattern, flags) != nullptr || compile_code(pattern, compile_options(flags), error) != nullptr;
}

std::optional<Regex> Regex::compile(std::string_view pattern, RegexFlags flags, RegexError& error) {
  const BuiltInRegex* const entry = built_in(pattern, flags);
  OwnedCode code = code_of(pattern, flags, entry, error);
  if (!code) return std::nullopt;
  pcre2_code* const compiled = code.get();
  Regex regex;
  regex.code_ = std::shared_ptr<pcre2_code>(std::move(code));
  regex.jit_ = std::make_shared<JitState>();
  regex.pattern_ = std::string(pattern);
  regex.limit_reported_ = std::make_shared<std::atomic<bool>>(false);
  std::uint32_t min_length = 0;
  if (pcre2_pattern_info(compiled, PCRE2_INFO_MINLENGTH, &min_length) == 0) regex.min_length_ = min_length;
  if (entry != nullptr) {
    regex.take_shape(compiled, entry->shape);
    regex.literals_ = std::make_shared<const LiteralRequirement>(entry->literals());
  } else {
    RegexFacts facts = analyse_pattern(pattern, flags.caseless, flags.extended);
    regex.take_shape(compiled, facts.shape);
    regex.literals_ = std::make_shared<const LiteralRequirement>(std::move(facts.literals));
  }
  return regex;
}

void Regex::take_shape(const pcre2_code* compiled, const PatternShape& shape) {
  first_bytes_ = anchored_first_bytes(compiled, shape.first);
  required_ = shape.required;
  limits_ = shape.limits;
}

struct Regex::JitState {
  std::atomic<std::uint32_t> uses{0};
  std::once_flag once;
  OwnedCode copy;                            // the JIT-compiled copy, once made
  std::atomic<const pcre2_code*> ready{nullptr};  // copy.get() once it is compiled
};

const pcre2_code* Regex::code_for_match(std::size_t subject_bytes) const {
  if (const pcre2_code* jitted = jit_->ready.load(std::memory_order_acquire)) return jitted;
  const std::size_t uses = 1 + std::min<std::size_t>(subject_bytes / kJitBytesPerUse, kJitAfterMatches);
  if (jit_->uses.fetch_add(static_cast<std::uint32_t>(uses), std::memory_order_relaxed) + uses < kJitAfterMatches)
    return code_.get();
  // Without JIT support (or memory for it) the copy is not kept, and the pattern stays
  // interpreted: slower, same result.
  std::call_once(jit_->once, [this] {
    OwnedCode copy(pcre2_code_copy(code_.get()));
    if (!copy || pcre2_jit_compile(copy.get(), PCRE2_JIT_COMPLETE) != 0) return;
    jit_->copy = std::move(copy);
    jit_->ready.store(jit_->copy.get(), std::memory_order_release);
  });
  const pcre2_code* jitted = jit_->ready.load(std::memory_order_acquire);
  return jitted != nullptr ? jitted : code_.get();
}

bool Regex::jit_compiled() const { return jit_->ready.load(std::memory_order_acquire) != nullptr; }

MatchOutcome Regex::match(std::string_view subject, MatchScratch& scratch) const {
  int rc = pcre2_match(code_for_match(subject.size()), reinterpret_cast<PCRE2_SPTR>(subject.data()), subject.size(), 0, 0,
                       scratch.data(), scratch.context());
  if (rc >= 0) return MatchOutcome::match;
  if (rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT || rc == PCRE2_ERROR_HEAPLIMIT ||
      rc == PCRE2_ERROR_JIT_STACKLIMIT)
    return MatchOutcome::limit_exceeded;
  return MatchOutcome::no_match;
}

bool Regex::has_literal_start(std::string_view pattern, RegexFlags flags) {
  RegexError error;
  const OwnedCode code = code_of(pattern, flags, built_in(pattern, flags), error);
  if (!code) return true;
  std::uint32_t first_type = 0;
  std::uint32_t all_options = 0;
  pcre2_pattern_info(code.get(), PCRE2_INFO_FIRSTCODETYPE, &first_type);
  pcre2_pattern_info(code.get(), PCRE2_INFO_ALLOPTIONS, &all_options);
  return first_type != 0 || (all_options & PCRE2_ANCHORED) != 0;
}

std::pair<std::size_t, std::size_t> Regex::span(const MatchScratch& scratch) {
  const PCRE2_SIZE* ovector = pcre2_get_ovector_pointer(scratch.data());
  return {ovector[0], ovector[1]};
}

std::string serialized_code(std::string_view pattern, RegexFlags flags) {
  RegexError error;
  const OwnedCode code = compile_code(pattern, compile_options(flags), error);
  if (!code) return {};
  const pcre2_code* codes[] = {code.get()};
  std::uint8_t* bytes = nullptr;
  PCRE2_SIZE size = 0;
  if (pcre2_serialize_encode(codes, 1, &bytes, &size, nullptr) != 1) return {};
  const std::unique_ptr<std::uint8_t, void (*)(std::uint8_t*)> owned(bytes, pcre2_serialize_free);
  return std::string(reinterpret_cast<const char*>(bytes), size);
}

}  // namespace declutter
