#pragma once
// Helpers for the rule-authoring CLI tests: a temporary directory tree and a run of the
// real binary with captured stdout, stderr and exit status.
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

extern char** environ;

namespace declutter::authoring_testing {

class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "declutter-author-XXXXXX").string();
    path_ = ::mkdtemp(pattern.data()) != nullptr ? pattern : std::string();
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::string& path() const { return path_; }
  std::string file(const std::string& relative) const { return path_ + "/" + relative; }
  // Writes `content` to `relative`, creating folders on the way; returns the full path.
  std::string write(const std::string& relative, const std::string& content) const {
    std::filesystem::path full = file(relative);
    std::filesystem::create_directories(full.parent_path());
    std::ofstream(full, std::ios::binary) << content;
    return full.string();
  }
  std::string read(const std::string& relative) const { return read_file(file(relative)); }

  static std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    return content.str();
  }

 private:
  std::string path_;
};

struct RunResult {
  int status = -1;
  std::string out;
  std::string err;
};

// Runs DECLUTTER_BINARY with `args`, standard input from `stdin_path` (or /dev/null).
inline RunResult run_declutter(const std::vector<std::string>& args, const std::string& stdin_path = "/dev/null",
                               const std::vector<std::string>& extra_env = {}) {
  TempDir io;
  std::string out_path = io.file("stdout");
  std::string err_path = io.file("stderr");
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, stdin_path.c_str(), O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_addopen(&actions, 2, err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  std::vector<std::string> argv_storage{DECLUTTER_BINARY};
  argv_storage.insert(argv_storage.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& arg : argv_storage) argv.push_back(arg.data());
  argv.push_back(nullptr);
  std::vector<std::string> env_storage;
  for (char** e = environ; *e != nullptr; ++e) env_storage.emplace_back(*e);
  env_storage.insert(env_storage.end(), extra_env.begin(), extra_env.end());
  std::vector<char*> envp;
  for (auto& e : env_storage) envp.push_back(e.data());
  envp.push_back(nullptr);
  pid_t pid = 0;
  RunResult result;
  if (posix_spawn(&pid, DECLUTTER_BINARY, &actions, nullptr, argv.data(), envp.data()) == 0) {
    int wstatus = 0;
    waitpid(pid, &wstatus, 0);
    result.status = WIFEXITED(wstatus) ? WEXITSTATUS(wstatus) : 128 + WTERMSIG(wstatus);
  }
  posix_spawn_file_actions_destroy(&actions);
  result.out = TempDir::read_file(out_path);
  result.err = TempDir::read_file(err_path);
  return result;
}

// A small rules directory: the common set plus one publisher, for tests that must not
// depend on the shipped rules.
inline void write_test_rules(const TempDir& dir) {
  dir.write("rules/common.rules",
            "# test rules\n"
            "drop \"Menu\" \"Share\"\n"
            "drop /^Photo: /\n"
            "cut \"Related\"\n"
            "set edge-trim off\n");
  dir.write("rules/publishers/example-news.com.rules",
            "site example-news.com\n"
            "drop \"Example News Daily\"\n"
            "keep \"Share\"\n");
}

}  // namespace declutter::authoring_testing
