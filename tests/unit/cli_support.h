#pragma once
// Runs the real declutter binary for CLI tests: arguments, standard input, and what came
// back (stdout, stderr, exit status).
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <unistd.h>

namespace declutter::testing {

struct RunResult {
  int status = -1;
  std::string out;
  std::string err;
};

inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

inline void write_file(const std::filesystem::path& path, const std::string& content) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << content;
}

// A scratch directory removed when the test ends.
struct TempDir {
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "declutter-test-XXXXXX").string();
    path = mkdtemp(pattern.data());
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
  }
  std::filesystem::path path;
};

inline std::string shell_quote(const std::string& arg) {
  std::string out = "'";
  for (char c : arg) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// `args` is appended to the binary as shell words, already quoted by the caller if needed.
inline RunResult run_declutter(const std::string& args, const std::string& input = "") {
  TempDir dir;
  write_file(dir.path / "in", input);
  std::string command = shell_quote(DECLUTTER_BINARY) + " " + args + " < " + shell_quote((dir.path / "in").string()) +
                        " > " + shell_quote((dir.path / "out").string()) + " 2> " +
                        shell_quote((dir.path / "err").string());
  int raw = std::system(command.c_str());
  RunResult result;
  result.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  result.out = read_file(dir.path / "out");
  result.err = read_file(dir.path / "err");
  return result;
}

}  // namespace declutter::testing
