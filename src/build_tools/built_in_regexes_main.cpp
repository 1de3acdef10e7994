// Build tool: compiles and analyses every regex of a rules directory and writes the table the
// library looks them up in (regex/built_in_regexes.h), as C++ source.
//
//   declutter_built_in_regexes RULES_DIR OUT.cpp
//
// The output is rewritten only when it changes, so that an edit elsewhere in the rules does
// not rebuild the library.
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "core/diagnostic.h"
#include "regex/built_in_regexes.h"
#include "regex/pcre.h"
#include "rules/catalog.h"
#include "rules/parser.h"

namespace declutter {
namespace {

// A C++ string literal holding exactly `text`'s bytes (octal escapes for the rest: they
// stop after three digits, so a digit after one is never taken into it).
std::string literal(std::string_view text) {
  std::string out = "std::string_view(\"";
  for (const char ch : text) {
    const auto byte = static_cast<unsigned char>(ch);
    if (byte == '"' || byte == '\\') {
      out += '\\';
      out += ch;
    } else if (byte >= 0x20 && byte < 0x7F && byte != '?') {
      out += ch;
    } else {
      char escaped[8];
      std::snprintf(escaped, sizeof escaped, "\\%03o", byte);
      out += escaped;
    }
  }
  out += "\", " + std::to_string(text.size()) + ")";
  return out;
}

std::string number(std::uint64_t value) {
  char text[32];
  std::snprintf(text, sizeof text, "0x%llxULL", static_cast<unsigned long long>(value));
  return text;
}

template <class Words>
std::string words(const Words& values) {
  std::string out = "{";
  for (const auto value : values) out += number(value) + ", ";
  return out + "}";
}

std::string shape_source(const PatternShape& shape) {
  const RequiredBytes& required = shape.required;
  std::string out = "PatternShape{RequiredBytes{{";
  for (const unsigned char byte : required.bytes) out += std::to_string(byte) + ", ";
  out += "}, " + std::to_string(required.count) + "}, ";
  out += shape.first ? "FirstByteSet" + words(*shape.first) : std::string("std::nullopt");
  const SubjectLimits& limits = shape.limits;
  out += ", SubjectLimits{" + number(limits.max_bytes) + ", " + number(limits.needs) + ", " + number(limits.any_of) +
         ", ClassChoice{" + words(limits.branch_needs.sets) + ", " + std::to_string(limits.branch_needs.count) +
         "}, " + words(limits.last_bytes) + "}}";
  return out;
}

// Every entry's literals go into one array; an entry views its run of it.
class LiteralPool {
 public:
  std::string view_of(const std::vector<std::string>& values) {
    const std::string view = "std::span<const std::string_view>(kLiterals.data() + " + std::to_string(count_) +
                             ", " + std::to_string(values.size()) + ")";
    for (const std::string& value : values) source_ += "    " + literal(value) + ",\n";
    count_ += values.size();
    return view;
  }
  std::string definition() const {
    return "constexpr std::array<std::string_view, " + std::to_string(count_) + "> kLiterals{{\n" + source_ + "}};\n";
  }

 private:
  std::string source_;
  std::size_t count_ = 0;
};

int run(int argc, char** argv) {
  if (argc != 3) {
    std::fputs("usage: declutter_built_in_regexes RULES_DIR OUT.cpp\n", stderr);
    return 2;
  }
  std::string error;
  const auto sources = directory_sources(argv[1], error);
  if (!sources) {
    std::fprintf(stderr, "declutter_built_in_regexes: %s\n", error.c_str());
    return 2;
  }
  // Every regex of every rule file, once per pattern and flags.
  std::set<std::tuple<std::string, bool, bool, bool>> patterns;
  for (const SourceFile& source : *sources) {
    if (!source.relative.ends_with(".rules")) continue;
    Diagnostics diagnostics;  // `declutter check` reports them; a bad pattern is simply left out
    const RuleFile file = parse_rule_file(&source.display, source.content, diagnostics);
    for (const auto* rules : {&file.rules, &file.disabled})
      for (const Rule& rule : *rules)
        if (rule.match == MatchKind::regex) patterns.emplace(rule.pattern, rule.caseless, rule.extended, rule.dotall);
  }
  std::ostringstream entries;
  LiteralPool literals;
  std::size_t count = 0;
  const auto flag = [](bool on) { return on ? "true" : "false"; };
  for (const auto& [pattern, caseless, extended, dotall] : patterns) {
    const std::string code = serialized_code(pattern, RegexFlags{caseless, extended, dotall});
    if (code.empty()) continue;  // does not compile: `declutter check` says why
    const RegexFacts facts = analyse_pattern(pattern, caseless, extended);
    entries << "    {" << literal(pattern) << ", " << flag(caseless) << ", " << flag(extended) << ", " << flag(dotall)
            << ",\n     " << shape_source(facts.shape) << ",\n     " << literals.view_of(facts.literals.prefixes)
            << ", " << literals.view_of(facts.literals.infixes) << ",\n     " << literal(code) << "},\n";
    ++count;
  }
  // Constant data only (views, numbers): the compiler lays the table out, so nothing is
  // built at start-up, and the file compiles in a second or two, where a table holding
  // std::strings took 37 s (116 s under ASan) to compile into one huge initialiser.
  std::ostringstream out;
  out << "// Generated at build time by src/build_tools/built_in_regexes_main.cpp from rules/. Do not edit.\n"
         "#include <array>\n#include <optional>\n#include <span>\n#include <string_view>\n\n"
         "#include \"regex/built_in_regexes.h\"\n\n"
         "namespace declutter {\nnamespace {\n\n"
      << literals.definition() << "\nconstexpr std::array<BuiltInRegex, " << count << "> kTable{{\n"
      << entries.str() << "}};\n\n}  // namespace\n\n"
      << "std::span<const BuiltInRegex> built_in_regexes() { return kTable; }\n\n}  // namespace declutter\n";

  const std::string text = out.str();
  std::ifstream existing(argv[2], std::ios::binary);
  const std::string old((std::istreambuf_iterator<char>(existing)), std::istreambuf_iterator<char>());
  if (old == text) return 0;
  std::ofstream written(argv[2], std::ios::binary | std::ios::trunc);
  written << text;
  if (!written.flush()) {
    std::fprintf(stderr, "declutter_built_in_regexes: cannot write %s\n", argv[2]);
    return 1;
  }
  return 0;
}

}  // namespace
}  // namespace declutter

int main(int argc, char** argv) { return declutter::run(argc, argv); }
