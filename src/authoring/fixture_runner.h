#pragma once
// `declutter test`: golden fixtures per publisher. DIR/<publisher>/<case>.in.txt (or
// .in.html) goes through the rules of that publisher (the folder is the publisher's
// domain, looked up like --publisher; the folder `common` means the common rules alone),
// and the clean text must equal DIR/<publisher>/<case>.out.txt byte for byte.
#include <cstddef>
#include <string>
#include <vector>

#include "pipeline/engine.h"
#include "rules/catalog.h"

namespace declutter {

struct FixtureCase {
  std::string publisher;   // the folder name
  std::string input;       // path of the .in.* file
  std::string expected;    // path of the .out.txt file (may not exist yet)
  bool html = false;       // .in.html (else text)
};

// Every case under `dir`, sorted by folder then file name. Returns false and sets `error`
// when `dir` cannot be read.
bool find_fixtures(const std::string& dir, std::vector<FixtureCase>& cases, std::string& error);

struct FixtureResult {
  enum class Status { passed, failed, updated, error } status = Status::passed;
  std::string message;     // a unified diff on failure, the problem on error
};

// Runs cases against one rule catalog. `text_engine` and `html_engine` are built from the
// same catalog with the text and html input formats.
class FixtureRunner {
 public:
  FixtureRunner(const RuleCatalog& catalog, const Engine& text_engine, const Engine& html_engine, bool update)
      : catalog_(catalog), text_worker_(text_engine),
        html_worker_(html_engine), update_(update) {}
  FixtureResult run(const FixtureCase& fixture);

 private:
  const RuleCatalog& catalog_;
  Worker text_worker_;
  Worker html_worker_;
  bool update_;
  std::string input_;
  std::string actual_;
};

}  // namespace declutter
