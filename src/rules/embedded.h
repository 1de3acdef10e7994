#pragma once
// The default rule files, compiled into the binary (see cmake/embed_rules.cmake).
#include <span>
#include <string_view>

namespace declutter {

struct EmbeddedFile {
  std::string_view path;     // relative to rules/, e.g. "common.rules"
  std::string_view content;
};

std::span<const EmbeddedFile> embedded_rule_files();

}  // namespace declutter
