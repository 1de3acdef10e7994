#pragma once
// Command-line flags -> CliOptions, validated; nothing here builds rules or reads input.
#include <optional>
#include <string>
#include <vector>

#include "corpus/run_documents.h"
#include "authoring/explain.h"
#include "pipeline/engine.h"

namespace declutter {

enum class Command { extract, check, test, report, suggest, help, version };

struct CliOptions {
  Command command = Command::extract;
  std::vector<std::string> inputs;      // extract: files (none or "-" = stdin); check: rule dirs
  std::string rules_dir;                // --rules DIR; empty = the embedded defaults
  std::vector<std::string> added_rules_dirs;  // --add-rules DIR, laid over them in order
  std::string url;                      // --url
  EngineOptions engine;
  // Corpus mode (src/corpus/run_documents.h): framing, parallelism, limits, error policy.
  Framing framing = Framing::whole;     // --jsonl, --null
  std::string field = "text";           // --field
  OnError on_error = OnError::pass;     // --on-error
  unsigned jobs = 0;                    // -j/--jobs; 0 = all cores
  bool line_buffered = false;           // --line-buffered
  bool stats = false;                   // --stats
  bool profile = false;                 // --profile
  std::size_t max_doc_bytes = std::size_t{64} << 20;  // --max-doc-bytes
  std::string metadata_field;           // --metadata: the JSONL field it writes; empty without
  // Rule authoring (issue 6).
  ExplainFormat explain = ExplainFormat::none;  // --explain[=text|json]
  bool update = false;                  // test --update: rewrite the expected files
  std::size_t min_pages = 0;            // suggest --min-pages N; 0 = max(2, half the pages)
};

// Parses argv. On a usage error returns nothing and sets `error` to a one-line message.
std::optional<CliOptions> parse_command_line(int argc, const char* const* argv, std::string& error);

// The --help text.
const char* help_text();

}  // namespace declutter
