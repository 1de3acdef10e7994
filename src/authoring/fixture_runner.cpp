#include "authoring/fixture_runner.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "authoring/line_diff.h"

namespace declutter {
namespace fs = std::filesystem;
namespace {

bool read_file(const std::string& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream content;
  content << in.rdbuf();
  out = content.str();
  return true;
}

bool write_file(const std::string& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << content;
  return static_cast<bool>(out);
}

}  // namespace

bool find_fixtures(const std::string& dir, std::vector<FixtureCase>& cases, std::string& error) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    error = dir + ": not a readable fixtures directory";
    return false;
  }
  for (const auto& folder : fs::directory_iterator(dir, ec)) {
    if (!folder.is_directory()) continue;
    for (const auto& file : fs::directory_iterator(folder.path(), ec)) {
      if (!file.is_regular_file()) continue;
      std::string name = file.path().filename().string();
      bool html = name.ends_with(".in.html");
      if (!html && !name.ends_with(".in.txt")) continue;
      std::string stem = name.substr(0, name.rfind(".in."));
      cases.push_back(FixtureCase{folder.path().filename().string(), file.path().string(),
                                  (folder.path() / (stem + ".out.txt")).string(), html});
    }
  }
  if (ec) {
    error = dir + ": " + ec.message();
    return false;
  }
  std::sort(cases.begin(), cases.end(), [](const FixtureCase& a, const FixtureCase& b) {
    return a.publisher != b.publisher ? a.publisher < b.publisher : a.input < b.input;
  });
  return true;
}

FixtureResult FixtureRunner::run(const FixtureCase& fixture) {
  using Status = FixtureResult::Status;
  // The folder picks the publisher as --publisher would; its first domain, as a URL, then
  // selects the same pipeline through the engine's own host lookup.
  std::string url;
  if (fixture.publisher != "common") {
    const RuleFile* publisher = catalog_.publisher_named(fixture.publisher);
    if (publisher == nullptr || publisher->sites.empty())
      return {Status::error, "no publisher file serves '" + fixture.publisher +
                                 "' (name the folder after a domain in a `site` line, or `common`)"};
    url = "https://" + publisher->sites.front() + "/";
  }
  if (!read_file(fixture.input, input_)) return {Status::error, "cannot read " + fixture.input};
  (fixture.html ? html_worker_ : text_worker_).extract(DocumentInput{input_, url}, actual_);

  std::string expected;
  bool have_expected = read_file(fixture.expected, expected);
  if (have_expected && expected == actual_) return {Status::passed, {}};
  if (update_) {
    if (!write_file(fixture.expected, actual_)) return {Status::error, "cannot write " + fixture.expected};
    return {Status::updated, {}};
  }
  if (!have_expected)
    return {Status::failed, "missing " + fixture.expected + " (run `declutter test --update` to create it)\n"};
  std::string diff = unified_diff(expected, actual_, fixture.expected, "actual output");
  if (diff.empty()) diff = "the lines are equal but line endings or the final newline differ\n";
  return {Status::failed, std::move(diff)};
}

}  // namespace declutter
