#include "rules/catalog.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "rules/embedded.h"
#include "rules/parser.h"
#include "text/normalize.h"

namespace declutter {
namespace {
constexpr std::string_view kCommon = "common.rules";
constexpr std::string_view kPublisherFolder = "publishers/";
constexpr std::string_view kAddedFolder = "added-rules/";  // --add-rules layers' common.rules

bool is_rule_file(std::string_view path) { return path.ends_with(".rules"); }
}  // namespace

std::vector<SourceFile> embedded_sources() {
  std::vector<SourceFile> out;
  for (const auto& file : embedded_rule_files())
    out.push_back(SourceFile{std::string(file.path), "<embedded>/" + std::string(file.path), std::string(file.content)});
  return out;
}

std::optional<std::vector<SourceFile>> directory_sources(const std::string& dir, std::string& error) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    error = dir + ": not a readable rules directory";
    return std::nullopt;
  }
  std::vector<SourceFile> out;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    if (!it->is_regular_file(ec)) continue;
    std::string ext = it->path().extension().string();
    if (ext != ".rules" && ext != ".txt") continue;
    std::ifstream in(it->path(), std::ios::binary);
    if (!in) {
      error = it->path().string() + ": cannot read";
      return std::nullopt;
    }
    std::ostringstream content;
    content << in.rdbuf();
    out.push_back(SourceFile{fs::relative(it->path(), dir, ec).generic_string(), it->path().string(), content.str()});
  }
  if (ec) {
    error = dir + ": " + ec.message();
    return std::nullopt;
  }
  std::sort(out.begin(), out.end(), [](const SourceFile& a, const SourceFile& b) { return a.relative < b.relative; });
  return out;
}

void overlay_sources(std::vector<SourceFile>& base, std::vector<SourceFile> overlay, std::size_t layer) {
  for (SourceFile& file : overlay) {
    // The catalog adds the layers' common files to the common set after the base's own.
    if (file.relative == kCommon) file.relative = std::string(kAddedFolder) + std::to_string(layer) + "/" + file.relative;
    auto same = std::find_if(base.begin(), base.end(), [&file](const SourceFile& f) { return f.relative == file.relative; });
    if (same != base.end()) {
      *same = std::move(file);
    } else {
      base.push_back(std::move(file));
    }
  }
}

std::unique_ptr<RuleCatalog> RuleCatalog::load(std::vector<SourceFile> sources, Diagnostics& diagnostics) {
  auto catalog = std::unique_ptr<RuleCatalog>(new RuleCatalog());
  catalog->sources_ = std::move(sources);
  for (const auto& source : catalog->sources_) {
    if (!is_rule_file(source.relative)) continue;
    const std::string* path = &catalog->paths_.emplace_back(source.display);
    catalog->files_.emplace_back(source.relative, parse_rule_file(path, source.content, diagnostics));
  }
  for (auto& [relative, file] : catalog->files_) {
    bool from_common = !relative.starts_with(kPublisherFolder);
    for (auto& rule : file.rules) rule.from_common = from_common;
    if (relative.starts_with(kPublisherFolder)) catalog->publishers_.push_back(file);
  }
  catalog->common_ = catalog->parsed(kCommon);
  for (const auto& [relative, file] : catalog->files_)
    if (relative.starts_with(kAddedFolder) && relative.ends_with(kCommon)) catalog->added_common_.push_back(&file);
  if (catalog->common_ == nullptr && !catalog->files_.empty()) {
    const std::string* path = &catalog->paths_.emplace_back(std::string(kCommon));
    diagnostics.warning(SourceLoc{path, 0, 0}, "no common.rules in the rules directory: only publisher rules apply");
  }
  for (const auto& publisher : catalog->publishers_) {
    if (publisher.sites.empty())
      diagnostics.error(SourceLoc{publisher.path, 1, 1},
                        "a publisher file must name its domains with a `site example.com` line");
  }
  return catalog;
}

const RuleFile* RuleCatalog::parsed(std::string_view relative) const {
  for (const auto& [path, file] : files_)
    if (path == relative) return &file;
  return nullptr;
}

const RuleFile* RuleCatalog::publisher_named(std::string_view name) const {
  std::string wanted;
  append_lowercase(name, wanted);
  for (const auto& publisher : publishers_) {
    if (std::find(publisher.sites.begin(), publisher.sites.end(), wanted) != publisher.sites.end()) return &publisher;
    std::string_view path = *publisher.path;
    auto slash = path.find_last_of('/');
    std::string_view stem = path.substr(slash == std::string_view::npos ? 0 : slash + 1);
    if (stem.ends_with(".rules")) stem.remove_suffix(6);
    if (stem == wanted) return &publisher;
  }
  return publisher_for_host(wanted);
}

const RuleFile* RuleCatalog::publisher_for_host(std::string_view host) const {
  std::string current;
  append_lowercase(host, current);
  while (!current.empty()) {
    for (const auto& publisher : publishers_) {
      if (std::find(publisher.excluded.begin(), publisher.excluded.end(), current) != publisher.excluded.end())
        return nullptr;
    }
    for (const auto& publisher : publishers_) {
      if (std::find(publisher.sites.begin(), publisher.sites.end(), current) != publisher.sites.end())
        return &publisher;
    }
    auto dot = current.find('.');
    if (dot == std::string::npos) break;
    current.erase(0, dot + 1);
  }
  return nullptr;
}

void RuleCatalog::collect(const RuleFile& file, std::vector<const RuleFile*>& out, std::vector<std::string>& stack,
                          Diagnostics& diagnostics) const {
  if (std::find(out.begin(), out.end(), &file) != out.end()) return;
  stack.push_back(*file.path);
  for (const auto& include : file.includes) {
    const RuleFile* target = parsed(include.path);
    if (target == nullptr) {
      diagnostics.error(include.origin, "included file '" + include.path + "' is not in the rules directory");
      continue;
    }
    if (std::find(stack.begin(), stack.end(), *target->path) != stack.end()) {
      diagnostics.error(include.origin, "include cycle: '" + include.path + "' includes itself");
      continue;
    }
    collect(*target, out, stack, diagnostics);
  }
  stack.pop_back();
  out.push_back(&file);
}

void EffectiveRules::apply(const SettingLine& setting) {
  for (std::size_t format = 0; format < kSourceFormats; ++format)
    if (!setting.format || format_index(*setting.format) == format) settings_by_format[format].set(setting.name, setting.value);
}

EffectiveRules RuleCatalog::effective(const RuleFile* publisher, Diagnostics& diagnostics) const {
  EffectiveRules result;
  result.publisher = publisher;
  std::vector<const RuleFile*> common_files;
  std::vector<const RuleFile*> publisher_files;
  std::vector<std::string> stack;
  if (publisher == nullptr || publisher->inherit_common) {
    if (common_ != nullptr) collect(*common_, common_files, stack, diagnostics);
    for (const RuleFile* added : added_common_) collect(*added, common_files, stack, diagnostics);
  }
  if (publisher != nullptr) collect(*publisher, publisher_files, stack, diagnostics);

  auto same_rule = [](const Rule& a, const Rule& b) {
    return a.action == b.action && a.match == b.match && a.pattern == b.pattern && a.caseless == b.caseless &&
           a.extended == b.extended && a.dotall == b.dotall;
  };
  std::vector<const Rule*> disabled;
  for (const RuleFile* file : publisher_files)
    for (const auto& rule : file->disabled) disabled.push_back(&rule);
  std::vector<bool> disable_used(disabled.size(), false);

  for (const RuleFile* file : common_files) {
    for (const auto& setting : file->settings) result.apply(setting);
    for (const auto& rule : file->rules) {
      bool off = false;
      for (std::size_t i = 0; i < disabled.size(); ++i) {
        if (same_rule(rule, *disabled[i])) {
          off = true;
          disable_used[i] = true;
        }
      }
      if (!off) result.rules.push_back(&rule);
    }
  }
  for (std::size_t i = 0; i < disabled.size(); ++i) {
    if (!disable_used[i])
      diagnostics.error(disabled[i]->origin, "disable: no common rule reads `" + canonical_text(*disabled[i]) + "`");
  }
  for (const RuleFile* file : publisher_files) {
    for (const auto& setting : file->settings) result.apply(setting);
    for (const auto& rule : file->rules) result.rules.push_back(&rule);
  }
  return result;
}

std::vector<std::pair<std::string, std::string>> RuleCatalog::files_under(std::string_view folder) const {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& source : sources_)
    if (source.relative.starts_with(folder)) out.emplace_back(source.display, source.content);
  return out;
}

std::string url_host(std::string_view url) {
  auto scheme = url.find("://");
  if (scheme != std::string_view::npos) url.remove_prefix(scheme + 3);
  url = url.substr(0, url.find_first_of("/?#"));
  auto at = url.rfind('@');
  if (at != std::string_view::npos) url.remove_prefix(at + 1);
  if (!url.empty() && url.front() == '[') {
    url = url.substr(0, url.find(']') + 1);
  } else {
    url = url.substr(0, url.find(':'));
  }
  if (!url.empty() && url.back() == '.') url.remove_suffix(1);
  std::string host;
  append_lowercase(url, host);
  return host;
}

}  // namespace declutter
