#pragma once
// The unit of work handed to a worker thread: several consecutive records of one input (one
// in whole-file framing), their results, and what to report about them. Buffers are reused
// from batch to batch, so steady-state processing allocates nothing per record.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace declutter {

struct BatchRecord {
  std::size_t input_begin = 0;    // the record's bytes in Batch::input
  std::size_t input_size = 0;
  std::uint64_t number = 0;       // 1-based line (JSONL) or document number within its input
  std::size_t output_end = 0;     // the record's output is Batch::output[previous end, this end)
  bool blank = false;             // a blank JSONL line: echoed, not a document
  bool not_a_page = false;        // a WARC record without a page (a request, an image): no output
  bool oversized = false;         // a WARC record over --max-doc-bytes: its block's start only
  bool failed = false;            // malformed or processing failed; `message` says why
  std::string message;
};

struct Batch {
  std::string_view source;        // input name for messages ("-" for stdin)
  std::string input;
  std::vector<BatchRecord> records;
  std::string output;

  std::string_view record_bytes(const BatchRecord& record) const {
    return std::string_view(input).substr(record.input_begin, record.input_size);
  }
  void clear();                   // keeps capacity, except after unusually large documents
};

}  // namespace declutter
