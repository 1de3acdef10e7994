#pragma once
// Problems found in user-edited files, as values: collected, never thrown, so that
// `declutter check` can report every one of them in compiler format (file:line:col).
#include <cstdint>
#include <string>
#include <vector>

namespace declutter {

struct SourceLoc {
  const std::string* file = nullptr;  // owned by the RuleCatalog; outlives every rule
  std::uint32_t line = 0;             // 1-based
  std::uint32_t column = 0;           // 1-based, in bytes

  std::string to_string() const;      // "rules/common.rules:12:5" (column omitted when 0)
};

enum class Severity { error, warning };

struct Diagnostic {
  Severity severity = Severity::error;
  std::string file;
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  std::string message;
  std::string source_line;            // the offending line, shown under the message when set

  std::string format() const;         // "file:line:col: error: message" plus the caret lines
};

class Diagnostics {
 public:
  void error(const SourceLoc& at, std::string message, std::string source_line = {});
  void warning(const SourceLoc& at, std::string message, std::string source_line = {});
  void add(Diagnostic diagnostic) { items_.push_back(std::move(diagnostic)); }
  const std::vector<Diagnostic>& items() const { return items_; }
  bool has_errors() const;
  std::size_t error_count() const;
  std::size_t warning_count() const;

 private:
  std::vector<Diagnostic> items_;
};

}  // namespace declutter
