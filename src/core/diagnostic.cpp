#include "core/diagnostic.h"

#include <algorithm>

namespace declutter {

std::string SourceLoc::to_string() const {
  std::string out = file != nullptr ? *file : std::string("<rules>");
  out += ':' + std::to_string(line);
  if (column != 0) out += ':' + std::to_string(column);
  return out;
}

std::string Diagnostic::format() const {
  std::string out = file;
  if (line != 0) out += ':' + std::to_string(line);
  if (line != 0 && column != 0) out += ':' + std::to_string(column);
  out += severity == Severity::error ? ": error: " : ": warning: ";
  out += message;
  out += '\n';
  if (!source_line.empty()) {
    std::string number = std::to_string(line);
    out += ' ' + number + " | " + source_line + '\n';
    if (column != 0) {
      out += ' ' + std::string(number.size(), ' ') + " | ";
      // Keep tabs so the caret lines up under the source as a terminal shows it.
      for (std::uint32_t i = 0; i + 1 < column && i < source_line.size(); ++i)
        out += source_line[i] == '\t' ? '\t' : ' ';
      out += "^\n";
    }
  }
  return out;
}

namespace {
Diagnostic make(Severity severity, const SourceLoc& at, std::string message, std::string source_line) {
  return Diagnostic{severity, at.file != nullptr ? *at.file : std::string("<rules>"), at.line, at.column,
                    std::move(message), std::move(source_line)};
}
}  // namespace

void Diagnostics::error(const SourceLoc& at, std::string message, std::string source_line) {
  items_.push_back(make(Severity::error, at, std::move(message), std::move(source_line)));
}

void Diagnostics::warning(const SourceLoc& at, std::string message, std::string source_line) {
  items_.push_back(make(Severity::warning, at, std::move(message), std::move(source_line)));
}

bool Diagnostics::has_errors() const { return error_count() > 0; }

std::size_t Diagnostics::error_count() const {
  return static_cast<std::size_t>(std::count_if(items_.begin(), items_.end(),
                                                [](const Diagnostic& d) { return d.severity == Severity::error; }));
}

std::size_t Diagnostics::warning_count() const { return items_.size() - error_count(); }

}  // namespace declutter
