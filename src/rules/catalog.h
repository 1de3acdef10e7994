#pragma once
// Every rule file of one rules directory (or the embedded defaults), parsed once:
// common.rules, the group files it includes, and publishers/*.rules. Resolves which
// publisher file serves a document and what its effective rules and settings are.
#include <array>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/diagnostic.h"
#include "core/settings.h"
#include "rules/rule_file.h"

namespace declutter {

struct SourceFile {
  std::string relative;   // "common.rules", "publishers/econotimes.com.rules", "stopwords/en.txt"
  std::string display;    // what diagnostics print: the path on disk, or "<embedded>/common.rules"
  std::string content;
};

// Loads the files of a rules directory, or the ones embedded at build time.
std::vector<SourceFile> embedded_sources();
// Returns nothing and sets `error` when the directory cannot be read.
std::optional<std::vector<SourceFile>> directory_sources(const std::string& dir, std::string& error);

// --add-rules: lays the files of another rules directory over `base`. Its common.rules is
// added to the common set, after the base's own rules (so its `set` lines win); any other
// file replaces the base file of the same path (publishers/example.com.rules: a publisher
// file of one's own in place of the built-in one) or is added (a new publisher, a new
// stopword list). `layer` numbers the directories laid over, from 1, to keep their common
// files apart.
void overlay_sources(std::vector<SourceFile>& base, std::vector<SourceFile> overlay, std::size_t layer);

// The rules one document is processed with: the common set (unless the publisher says
// `inherit none`), the publisher's own rules, minus the common rules it disables.
struct EffectiveRules {
  const RuleFile* publisher = nullptr;   // null: the common set alone
  std::vector<const Rule*> rules;        // in file order, common first
  std::array<Settings, kSourceFormats> settings_by_format;  // the last `set` for a format wins

  const Settings& settings(SourceFormat format) const { return settings_by_format[format_index(format)]; }
  void apply(const SettingLine& setting);
};

class RuleCatalog {
 public:
  // Parses everything; every problem lands in `diagnostics` (the catalog is usable anyway,
  // minus the bad lines).
  static std::unique_ptr<RuleCatalog> load(std::vector<SourceFile> sources, Diagnostics& diagnostics);

  const std::vector<RuleFile>& publishers() const { return publishers_; }
  // By --publisher NAME: a domain a file serves, or the file's name without ".rules".
  const RuleFile* publisher_named(std::string_view name) const;
  // By the host of a URL: the full host, then each parent domain (www.a.example.com ->
  // a.example.com -> example.com), honouring `site ~excluded` domains.
  const RuleFile* publisher_for_host(std::string_view host) const;
  EffectiveRules effective(const RuleFile* publisher, Diagnostics& diagnostics) const;
  // Files under a folder of the rules directory, e.g. "stopwords/": (the path diagnostics
  // show, such as "<embedded>/stopwords/en.txt", content).
  std::vector<std::pair<std::string, std::string>> files_under(std::string_view folder) const;
  const std::vector<SourceFile>& sources() const { return sources_; }

 private:
  void collect(const RuleFile& file, std::vector<const RuleFile*>& out, std::vector<std::string>& stack,
               Diagnostics& diagnostics) const;
  const RuleFile* parsed(std::string_view relative) const;

  std::vector<SourceFile> sources_;
  std::deque<std::string> paths_;                        // stable storage for SourceLoc::file
  std::vector<std::pair<std::string, RuleFile>> files_;  // every parsed .rules file by relative path
  std::vector<RuleFile> publishers_;                     // copies of the publisher files
  const RuleFile* common_ = nullptr;
  std::vector<const RuleFile*> added_common_;  // --add-rules layers' common.rules, in order
};

// The host part of a URL ("https://www.example.com:8080/a" -> "www.example.com"), lower-cased.
std::string url_host(std::string_view url);

}  // namespace declutter
