#pragma once
// Runs one thread's DocumentProcessor over a batch, applying the framing's output format and
// the --on-error policy to each record. Owns the thread's scratch buffers and JSON parsers.
#include <string>

#include "corpus/batch.h"
#include "corpus/jsonl_record.h"
#include "corpus/run_documents.h"
#include "corpus/warc_record.h"

namespace declutter {

class BatchWorker {
 public:
  BatchWorker(const RunOptions& options, DocumentProcessor processor);
  void process(Batch& batch);

 private:
  bool run_processor(const DocumentInput& input, BatchRecord& record);
  bool inflate_and_run(std::string_view bytes, BatchRecord& record);
  void process_document(Batch& batch, BatchRecord& record);
  void process_jsonl_line(Batch& batch, BatchRecord& record);
  void process_warc_record(Batch& batch, BatchRecord& record);

  const RunOptions& options_;
  DocumentProcessor processor_;
  JsonlRecord jsonl_;
  WarcRecord warc_;
  DocumentResult result_;
  std::string inflated_;  // a gzip'd document, inflated
};

}  // namespace declutter
