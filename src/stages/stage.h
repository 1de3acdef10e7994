#pragma once
// One step of the pipeline: reads the document's blocks and sets verdicts. A stage is
// built once from a compiled rule set and is then immutable and shared by all threads;
// per-thread state lives in StageScratch.
#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_set>

#include "core/document.h"
#include "regex/pcre.h"

namespace declutter {

class Settings;

struct StageScratch {
  MatchScratch regex;        // PCRE2 match data and limits for this thread
  std::string key;           // reusable buffer for normalised line keys
  std::unordered_set<std::size_t> seen_hashes;  // dedupe's per-document memory, reused
};

class Stage {
 public:
  virtual ~Stage() = default;
  virtual std::string_view name() const = 0;
  virtual void run(Document& doc, StageScratch& scratch) const = 0;
};

}  // namespace declutter
