#include "corpus/run_documents.h"

#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <cstring>
#include <optional>
#include <thread>
#include <type_traits>

#include "corpus/batch_worker.h"
#include "corpus/ordered_executor.h"
#include "corpus/output_writer.h"
#include "corpus/progress.h"
#include "corpus/record_reader.h"
#include "corpus/warc_reader.h"
#include "text/encoding.h"

namespace declutter {

namespace {

// A batch closes at this much input or this many records; with 4 batches per job in flight
// that bounds the memory held by small records to ~2 MiB per job.
constexpr std::size_t kBatchBytes = std::size_t{256} << 10;
constexpr std::size_t kBatchRecords = 1024;
constexpr std::size_t kBatchesPerJob = 4;
constexpr unsigned kMaxJobs = 256;

std::optional<char> delimiter_for(Framing framing) {
  switch (framing) {
    case Framing::jsonl: return '\n';
    case Framing::null: return '\0';
    case Framing::whole:
    case Framing::warc: break;
  }
  return std::nullopt;
}

const char* action_taken(Framing framing, OnError on_error) {
  switch (on_error) {
    case OnError::pass: return framing == Framing::warc ? "skipped" : "passed through unchanged";
    case OnError::skip: return "skipped";
    case OnError::error:
      return framing == Framing::jsonl || framing == Framing::warc ? "error record written" : "skipped";
    case OnError::fail: return "stopping";
  }
  return "";
}

class CorpusRun {
 public:
  CorpusRun(const RunOptions& options, std::ostream& diagnostics, const RunStreams& streams)
      : options_(options),
        diagnostics_(diagnostics),
        streams_(streams),
        writer_(streams.output_fd, options.line_buffered),
        progress_(diagnostics, options.progress) {}

  int execute(const ProcessorFactory& make_processor);

 private:
  void read_input(int fd, std::string_view name, OrderedExecutor& executor);
  template <class Reader>
  void read_records(Reader& reader, int fd, std::string_view name, OrderedExecutor& executor);
  void pass_through_oversized(RecordReader& reader, std::string_view name, std::uint64_t number);
  bool deliver(Batch& batch);
  void report(std::string_view source, std::uint64_t number, std::string_view message);
  bool writer_open();

  const RunOptions& options_;
  std::ostream& diagnostics_;
  RunStreams streams_;
  OutputWriter writer_;
  ProgressMeter progress_;
  DocumentStats stats_;
  std::string oversized_prefix_;
  int status_ = 0;
  bool stop_ = false;
};

int CorpusRun::execute(const ProcessorFactory& make_processor) {
  unsigned jobs = options_.jobs != 0 ? options_.jobs : std::thread::hardware_concurrency();
  jobs = std::clamp(jobs, 1U, kMaxJobs);
  if (options_.framing == Framing::whole) {
    // One document per input: a thread (and a worker's scratch) per input at most, so the
    // common one-page run starts no threads at all.
    jobs = static_cast<unsigned>(std::min<std::size_t>(jobs, std::max<std::size_t>(options_.inputs.size(), 1)));
  }
  std::vector<std::unique_ptr<BatchWorker>> workers;
  workers.reserve(jobs);
  for (unsigned i = 0; i < jobs; ++i) {
    workers.push_back(std::make_unique<BatchWorker>(options_, make_processor()));
  }
  {
    OrderedExecutor executor(
        std::move(workers), kBatchesPerJob * jobs, [this](Batch& batch) { return deliver(batch); },
        [this] { progress_.update(stats_); });

    std::vector<std::string> stdin_only{"-"};
    const std::vector<std::string>& inputs = options_.inputs.empty() ? stdin_only : options_.inputs;
    for (const std::string& input : inputs) {
      if (stop_ || executor.stopped()) break;
      if (input == "-") {
        read_input(streams_.input_fd, "-", executor);
        continue;
      }
      const int fd = ::open(input.c_str(), O_RDONLY | O_CLOEXEC);
      if (fd < 0) {
        progress_.clear();
        diagnostics_ << "declutter: " << input << ": " << std::strerror(errno) << '\n';
        status_ = 2;
        continue;
      }
      read_input(fd, input, executor);
      ::close(fd);
    }
    executor.drain();
  }
  writer_.flush();
  progress_.clear();
  stats_.bytes_out = writer_.bytes_written();
  if (writer_.state() == OutputWriter::State::failed) {
    diagnostics_ << "declutter: write error: " << std::strerror(writer_.error_number()) << '\n';
    status_ = 2;
  }
  if (options_.stats) {
    diagnostics_ << format_stats_line(stats_, progress_.elapsed_seconds());
    if (options_.extra_stats) diagnostics_ << options_.extra_stats();
    diagnostics_ << '\n';
  }
  diagnostics_.flush();
  return status_;
}

void CorpusRun::read_input(int fd, std::string_view name, OrderedExecutor& executor) {
  if (options_.framing == Framing::warc) {
    WarcReader reader(fd, options_.max_doc_bytes);
    read_records(reader, fd, name, executor);
  } else {
    RecordReader reader(fd, delimiter_for(options_.framing), options_.max_doc_bytes);
    read_records(reader, fd, name, executor);
  }
}

template <class Reader>
void CorpusRun::read_records(Reader& reader, int fd, std::string_view name, OrderedExecutor& executor) {
  constexpr bool warc = std::is_same_v<Reader, WarcReader>;
  const bool whole = options_.framing == Framing::whole;
  if (options_.line_buffered) {
    // Request/response use (one record in, wait for its answer): before blocking on input,
    // write out every record already read, or both sides would wait for each other.
    reader.set_before_read([fd, &executor] {
      if (!executor.has_undelivered()) return;
      pollfd input{fd, POLLIN, 0};
      if (::poll(&input, 1, 0) == 0) executor.drain();
    });
  }
  const std::size_t batch_records = options_.line_buffered ? 1 : kBatchRecords;
  std::uint64_t number = 0;
  Batch* batch = nullptr;
  while (!stop_) {
    if (batch == nullptr) {
      batch = &executor.acquire();
      if (executor.stopped()) return;
      batch->source = name;
    }
    const std::size_t begin = batch->input.size();
    const RecordReader::Status status = reader.read(batch->input);
    if (status == RecordReader::Status::end) break;
    if (status == RecordReader::Status::error) {
      batch->input.resize(begin);
      progress_.clear();
      diagnostics_ << "declutter: " << name << ": " << reader.error_message()
                   << '\n';
      status_ = 2;
      break;
    }
    ++number;
    if (whole) {
      const std::string_view archive = web_archive_format(std::string_view(batch->input).substr(begin));
      if (!archive.empty()) {
        batch->input.resize(begin);
        progress_.clear();
        diagnostics_ << "declutter: " << name << ": a web archive (" << archive
                     << "): read it with --warc, which cleans each page in it\n";
        status_ = 2;
        break;
      }
    }
    // A WARC record too large to clean still goes to a worker, to tell whether it was a page.
    if constexpr (!warc) {
      if (status == RecordReader::Status::oversized) {
        if (begin == 0) {
          oversized_prefix_.swap(batch->input);  // no second copy of up to max_doc_bytes
          batch->input.clear();
        } else {
          oversized_prefix_.assign(batch->input, begin);
          batch->input.resize(begin);
        }
        executor.submit();
        batch = nullptr;
        executor.drain();  // everything before the oversized record goes out first
        if (stop_ || executor.stopped()) return;
        pass_through_oversized(reader, name, number);
        continue;
      }
    }
    // A UTF-8 byte-order mark before the first JSON Lines record (files saved by Windows
    // tools) is no part of the JSON: taken off, as the text and HTML decoders take it off.
    if (options_.framing == Framing::jsonl && number == 1 &&
        std::string_view(batch->input).substr(begin).starts_with(kUtf8ByteOrderMark))
      batch->input.erase(begin, kUtf8ByteOrderMark.size());
    BatchRecord& record = batch->records.emplace_back();
    record.input_begin = begin;
    record.input_size = batch->input.size() - begin;
    record.number = number;
    record.oversized = status == RecordReader::Status::oversized;
    if (whole || batch->input.size() >= kBatchBytes || batch->records.size() >= batch_records) {
      executor.submit();
      batch = nullptr;
    }
  }
  if (batch != nullptr) executor.submit();
}

void CorpusRun::pass_through_oversized(RecordReader& reader, std::string_view name,
                                       std::uint64_t number) {
  progress_.clear();
  diagnostics_ << "declutter: " << name;
  if (options_.framing == Framing::jsonl) diagnostics_ << ':' << number;
  if (options_.framing == Framing::null) diagnostics_ << ": document " << number;
  diagnostics_ << ": larger than --max-doc-bytes (" << options_.max_doc_bytes
               << " bytes); passed through unchanged\n";
  std::uint64_t bytes = oversized_prefix_.size();
  writer_.write(oversized_prefix_);
  if (oversized_prefix_.capacity() > (std::size_t{8} << 20)) {
    std::string().swap(oversized_prefix_);
  }
  const bool read_ok = reader.stream_rest([&](std::string_view chunk) {
    bytes += chunk.size();
    return writer_.write(chunk);
  });
  if (!read_ok) {
    diagnostics_ << "declutter: " << name << ": " << reader.error_message() << '\n';
    status_ = 2;
  }
  if (const auto delimiter = delimiter_for(options_.framing)) {
    writer_.write(std::string_view(&*delimiter, 1));
  }
  writer_.end_record();
  ++stats_.documents;
  ++stats_.oversized;
  stats_.bytes_in += bytes;
  if (!writer_open()) stop_ = true;
}

void CorpusRun::report(std::string_view source, std::uint64_t number, std::string_view message) {
  progress_.clear();
  diagnostics_ << "declutter: " << source;
  if (options_.framing == Framing::jsonl) diagnostics_ << ':' << number;
  if (options_.framing == Framing::null) diagnostics_ << ": document " << number;
  if (options_.framing == Framing::warc) diagnostics_ << ": record " << number;
  diagnostics_ << ": " << message << "; " << action_taken(options_.framing, options_.on_error)
               << '\n';
}

bool CorpusRun::writer_open() { return writer_.state() == OutputWriter::State::open; }

bool CorpusRun::deliver(Batch& batch) {
  const std::string_view output = batch.output;
  std::size_t unwritten = 0;  // start of the output not yet handed to the writer
  std::size_t record_begin = 0;
  for (const BatchRecord& record : batch.records) {
    if (!record.blank) stats_.bytes_in += record.input_size;
    if (record.not_a_page) {
      ++stats_.not_pages;
    } else if (!record.blank) {
      ++stats_.documents;
    }
    if (record.oversized && !record.not_a_page && !record.failed) {
      ++stats_.oversized;
      progress_.clear();
      diagnostics_ << "declutter: " << batch.source << ": record " << record.number << ": "
                   << record.message << "; skipped\n";
    }
    if (record.failed) {
      ++stats_.failed;
      status_ = std::max(status_, 1);
      report(batch.source, record.number, record.message);
      if (options_.on_error == OnError::fail) {
        writer_.write(output.substr(unwritten, record_begin - unwritten));
        writer_.flush();
        stop_ = true;
        return false;
      }
    }
    if (options_.line_buffered) {
      writer_.write(output.substr(unwritten, record.output_end - unwritten));
      writer_.end_record();
      unwritten = record.output_end;
    }
    record_begin = record.output_end;
  }
  writer_.write(output.substr(unwritten));
  progress_.update(stats_);
  if (!writer_open()) stop_ = true;
  return !stop_;
}

}  // namespace

int run_documents(const RunOptions& options, const ProcessorFactory& make_processor,
                  std::ostream& diagnostics, const RunStreams& streams) {
  // A reader that goes away (`| head`) must end the run quietly, not kill it with SIGPIPE.
  std::signal(SIGPIPE, SIG_IGN);
  CorpusRun run(options, diagnostics, streams);
  return run.execute(make_processor);
}

}  // namespace declutter
