#pragma once
// Corpus mode: every document the CLI reads and writes goes through run_documents().
// It frames the inputs (whole files, NUL-separated documents, or JSON Lines), runs a
// per-thread DocumentProcessor over them on `jobs` threads, and writes the results in
// input order with bounded memory (a fixed window of in-flight batches).
#include <cstddef>
#include <functional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "core/document_input.h"

namespace declutter {

// whole: each input file (or stdin) is one document. warc: the pages among a WARC file's
// records (corpus/warc_record.h), each written as a JSON Lines record.
enum class Framing { whole, null, jsonl, warc };

// What to do with a record that is malformed (JSONL) or whose processing failed.
//   pass:  copy the record through unchanged (default; keeps one output line per input line);
//          a WARC record has no line to copy: nothing
//   skip:  emit nothing for it (the only mode that breaks the one-line-per-line contract)
//   error: JSONL: emit {"error":"...","line":N} in its place; WARC: {"error":"...","url":...,
//          "warc_record_id":...}; whole/NUL framing: emit nothing
//   fail:  stop after writing every earlier record; exit status 1
// Whatever the mode, the record is reported on the diagnostics stream and the exit status is 1.
enum class OnError { pass, skip, error, fail };

struct RunOptions {
  std::vector<std::string> inputs;           // file paths; empty or "-" means stdin
  Framing framing = Framing::whole;
  std::string field = "text";                // --field: JSONL's document field, WARC output's text field
  OnError on_error = OnError::pass;
  unsigned jobs = 0;                         // 0 = all cores
  bool line_buffered = false;                // flush after every record
  bool stats = false;                        // one-line summary on diagnostics at the end
  bool progress = false;                     // live progress line (the CLI sets it for a tty)
  std::size_t max_doc_bytes = std::size_t{64} << 20;  // larger documents pass through unchanged; 0 = no limit
  std::string url;                           // --url: for documents without their own `url`
  // --metadata: the JSONL field that receives each cleaned record's DocumentResult::metadata
  // (added, or replacing the record's own); empty for none.
  std::string metadata_field;
  // Appended to the --stats line (e.g. dropped lines by rule file); called once, at the end.
  std::function<std::string()> extra_stats;
};

// What a DocumentProcessor makes of one document; cleared before each call.
struct DocumentResult {
  std::string text;      // the clean text (or what else the processor writes in its place)
  std::string metadata;  // a JSON object for RunOptions::metadata_field; empty when not asked for
  std::string error;     // why it failed, when the processor returns false
};

// Turns one document into clean text. Returns false on a per-document failure (reason in
// `result.error`); may also throw std::exception, which counts as a failure.
using DocumentProcessor = std::function<bool(const DocumentInput& input, DocumentResult& result)>;
// Called once per worker thread; each processor is used by one thread only.
using ProcessorFactory = std::function<DocumentProcessor()>;

// Where documents are read from ("-" / no inputs) and written to. Tests pass other fds.
struct RunStreams {
  int input_fd = 0;
  int output_fd = 1;
};

// Exit status: 0 all good (also when stdout was closed early: broken pipe is a clean stop),
// 1 some record failed or was malformed, 2 an input could not be read or output failed.
int run_documents(const RunOptions& options, const ProcessorFactory& make_processor,
                  std::ostream& diagnostics, const RunStreams& streams = {});

}  // namespace declutter
