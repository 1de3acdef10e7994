#pragma once
// One step of the pipeline: reads the document's blocks and sets verdicts. A stage is
// built once from a compiled rule set and is then immutable and shared by all threads;
// per-thread state lives in StageScratch.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>
#include <string>
#include <string_view>

#include "core/document.h"
#include "core/hash_counter.h"
#include "core/scratch_bytes.h"
#include "regex/byte_classes.h"
#include "regex/pcre.h"
#include "rules/matcher_set.h"

namespace declutter {

class Settings;
namespace score { struct ScoreScratch; }

// Frees the content scorer's working tables (defined beside them, in score/content_scorer.cpp).
struct ScoreScratchDeleter {
  void operator()(score::ScoreScratch* scratch) const;
};

// The phrase key of every block of the current document and its hash, computed once and
// shared by every stage that matches rules (line rules, cuts, dedupe), with a slot for the
// block's byte classes (LineView::classes, filled on first use). Pipeline::run resets it.
class KeyCache {
 public:
  struct Key {
    std::string_view text;
    std::uint64_t hash = 0;     // hash_string(text): what phrase tables and dedupe look up
    // The block's text as regexes read it: trimmed, and every tab, line break and no-break
    // or other Unicode space a plain space, so that a rule's "z cookies" also matches the
    // no-break space Polish and French typesetting put there, and a line broken by <br>.
    std::string_view subject;
    ByteClasses classes = 0;    // of the subject; 0 until worked out
  };
  void reset() { keys_.clear(); }
  Key& key(const Document& doc, std::size_t index) {
    if (keys_.size() != doc.blocks.size()) build(doc);
    return keys_[index];
  }

 private:
  void build(const Document& doc);
  ScratchBytes arena_;
  ScratchBytes subjects_;  // the subjects that differ from their block's trimmed text
  std::vector<Key> keys_;
};

// A line a rule with run= matched, waiting for the rest of the page (stages/line_rules.h).
struct RunMatch {
  std::size_t block;
  const Rule* rule;
  LineView line;
};

struct StageScratch {
  MatchScratch regex;        // PCRE2 match data and limits for this thread
  KeyCache keys;             // phrase keys of the current document's blocks
  std::string key;           // reusable buffer for one normalised key
  // A count of the document's lines by phrase key, 32 to 64 bytes a line: the table of
  // contents stage's (each line's last copy kept with it), then dedupe's. Each resets it when
  // it begins and is done with it when it returns, so one table serves both.
  HashCounter line_counts;
  std::vector<std::uint32_t> undecided_before;  // the table of contents stage's: how many undecided lines precede each block
  HashCounter seen_protected_keys;  // dedupe's count of the lines a keep rule protected
  std::vector<RunMatch> run_matches;  // the lines rules with run= matched, reused
  // The content scorer's working tables (score/score_window.h), made for its first document.
  std::unique_ptr<score::ScoreScratch, ScoreScratchDeleter> score;
};

// In HTML, whether block i is mostly link text (a list's entry, a teaser's headline); a text
// dump has no links to tell, and every line passes.
bool mostly_link_text(const Document& doc, std::size_t i);

class Stage {
 public:
  virtual ~Stage() = default;
  virtual std::string_view name() const = 0;
  virtual void run(Document& doc, StageScratch& scratch) const = 0;
};

}  // namespace declutter
