#include "corpus/batch_worker.h"

#include <exception>
#include <utility>

#include "core/retained_buffer.h"
#include "text/compressed_input.h"

namespace declutter {

namespace {

// Clean text ends with a newline, as a text file does; a JSON value, as corpora write them,
// does not.
std::string_view without_final_newline(std::string_view text) {
  if (!text.empty() && text.back() == '\n') text.remove_suffix(1);
  return text;
}

// `"name":` in the object `out` ends with, after a comma unless it is the first member.
void append_key(std::string_view name, std::string& out) {
  if (out.back() != '{') out += ',';
  append_json_string(name, out);
  out += ':';
}

void append_member(std::string_view name, std::string_view value, std::string& out) {
  append_key(name, out);
  append_json_string(value, out);
}

}  // namespace

BatchWorker::BatchWorker(const RunOptions& options, DocumentProcessor processor)
    : options_(options), processor_(std::move(processor)) {}

void BatchWorker::process(Batch& batch) {
  for (BatchRecord& record : batch.records) {
    switch (options_.framing) {
      case Framing::jsonl: process_jsonl_line(batch, record); break;
      case Framing::warc: process_warc_record(batch, record); break;
      case Framing::whole:
      case Framing::null: process_document(batch, record); break;
    }
    record.output_end = batch.output.size();
  }
  release_if_huge(result_.text);
}

bool BatchWorker::run_processor(const DocumentInput& input, BatchRecord& record) {
  result_.text.clear();
  result_.metadata.clear();
  result_.error.clear();
  bool ok = false;
  try {
    ok = processor_(input, result_);
  } catch (const std::exception& failure) {
    result_.error = failure.what();
  }
  if (!ok) {
    record.failed = true;
    record.message = result_.error.empty() ? std::string("processing failed") : result_.error;
  }
  return ok;
}

// A gzip'd document is cleaned as what it holds; one that does not inflate fails like a
// document whose processing failed, under --on-error (pass copies the bytes as they came).
bool BatchWorker::inflate_and_run(std::string_view bytes, BatchRecord& record) {
  if (!is_compressed(bytes)) return run_processor({bytes, options_.url}, record);
  const InflateResult inflated = inflate_document(bytes, options_.max_doc_bytes, inflated_);
  if (inflated.status != InflateStatus::ok) {
    record.failed = true;
    record.message = inflated.message;
    return false;
  }
  const bool ok = run_processor({inflated_, options_.url}, record);
  release_if_huge(inflated_);
  return ok;
}

void BatchWorker::process_document(Batch& batch, BatchRecord& record) {
  const std::string_view bytes = batch.record_bytes(record);
  const bool null_framed = options_.framing == Framing::null;
  if (inflate_and_run(bytes, record)) {
    const bool ends_line = result_.text.empty() || result_.text.back() == '\n';
    // A large document's text moves into its batch rather than being copied: a buffer that
    // large would not be kept for the next document anyway.
    if (batch.output.empty() && result_.text.size() > kRetainedBufferBytes) {
      batch.output.swap(result_.text);
    } else {
      batch.output += result_.text;
    }
    // Whole documents written one after another must not run into each other.
    if (!null_framed && !ends_line) batch.output += '\n';
  } else if (options_.on_error == OnError::pass) {
    batch.output += bytes;
  } else {
    return;  // skip, error (no in-band error record outside JSONL), fail
  }
  if (null_framed) batch.output += '\0';
}

void BatchWorker::process_jsonl_line(Batch& batch, BatchRecord& record) {
  const std::string_view line = batch.record_bytes(record);
  switch (jsonl_.parse(line, options_.field, options_.metadata_field, record.message)) {
    case JsonlRecord::Parse::blank:
      record.blank = true;
      batch.output += line;
      batch.output += '\n';
      return;
    case JsonlRecord::Parse::malformed:
      record.failed = true;
      break;
    case JsonlRecord::Parse::ok: {
      const std::string_view url = jsonl_.url().empty() ? std::string_view(options_.url)
                                                        : jsonl_.url();
      if (run_processor({jsonl_.value(), url}, record)) {
        // Clean text ends with a newline, as a text file does; a JSON value keeps the
        // original's ending instead, so "title" does not come back as "title\n".
        const std::string_view original = jsonl_.value();
        const std::string_view clean = original.ends_with('\n') ? std::string_view(result_.text)
                                                                 : without_final_newline(result_.text);
        jsonl_.append_replaced(clean, options_.metadata_field.empty() ? std::string_view() : result_.metadata,
                               batch.output);
        batch.output += '\n';
        return;
      }
      break;
    }
  }
  switch (options_.on_error) {
    case OnError::pass:
      batch.output += line;
      batch.output += '\n';
      break;
    case OnError::error:
      append_error_record(record.message, record.number, batch.output);
      batch.output += '\n';
      break;
    case OnError::skip:
    case OnError::fail:
      break;
  }
}

// One JSON Lines record a page: {"url":...,"warc_date":...,"warc_record_id":...,"text":...},
// with "warc_truncated" after the record ID when the crawler kept only the start of the
// page, the text under --field's name, and --metadata's field last. A record that fails writes
// {"error":...,"url":...,"warc_record_id":...} under --on-error=error, nothing otherwise:
// there is no input line to pass through.
void BatchWorker::process_warc_record(Batch& batch, BatchRecord& record) {
  switch (warc_.read(batch.record_bytes(record), record.oversized, options_.max_doc_bytes, record.message)) {
    case WarcRecord::Kind::not_a_page:
      record.not_a_page = true;
      return;
    case WarcRecord::Kind::too_large:
      record.message = std::string(warc_.url()) + ": larger than --max-doc-bytes (" +
                       std::to_string(options_.max_doc_bytes) + " bytes)";
      return;
    case WarcRecord::Kind::failed:
      record.failed = true;
      break;
    case WarcRecord::Kind::page:
      if (run_processor(warc_.document(), record)) {
        batch.output += '{';
        append_member("url", warc_.url(), batch.output);
        append_member("warc_date", warc_.date(), batch.output);
        append_member("warc_record_id", warc_.record_id(), batch.output);
        if (!warc_.truncated().empty()) append_member("warc_truncated", warc_.truncated(), batch.output);
        append_member(options_.field, without_final_newline(result_.text), batch.output);
        if (!options_.metadata_field.empty()) {
          append_key(options_.metadata_field, batch.output);
          batch.output += result_.metadata;
        }
        batch.output += "}\n";
        return;
      }
      break;
  }
  if (!warc_.url().empty()) record.message = std::string(warc_.url()) + ": " + record.message;
  if (options_.on_error != OnError::error) return;
  batch.output += '{';
  append_member("error", record.message, batch.output);
  append_member("url", warc_.url(), batch.output);
  append_member("warc_record_id", warc_.record_id(), batch.output);
  batch.output += "}\n";
}

}  // namespace declutter
