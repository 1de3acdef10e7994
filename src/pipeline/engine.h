#pragma once
// The library's front door. An Engine is immutable once built (compiled rules, settings)
// and shared by every thread; a Worker holds one thread's scratch (PCRE2 match data,
// the Document it reuses) and turns one input document into clean text.
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"
#include "core/document_input.h"
#include "core/document.h"
#include "emit/emit.h"
#include "text/metadata_words.h"

namespace declutter {

enum class HtmlParser { libxml2, gumbo };
enum class Focus { balanced, precision, recall };

struct EngineOptions {
  InputFormat format = InputFormat::automatic;
  HtmlParser parser = HtmlParser::libxml2;
  Focus focus = Focus::balanced;
  std::string publisher;          // --publisher: forces one publisher file for every document
  std::string encoding;           // --encoding, as an iconv name: empty to detect per document
  OutputFormat output = OutputFormat::text;  // --markdown: what extract() writes
};

class CostCounter;
class RuleCatalog;
class Pipeline;
class PublisherPipelines;

class Engine {
 public:
  // Compiles the pipeline of the common set (and of --publisher) and checks every publisher
  // file; other publisher pipelines are compiled when a document first needs one, since a
  // process often reads a single page. Problems (bad selectors, disable lines that match
  // nothing, an unknown --publisher) land in `diagnostics`; the caller refuses to run when
  // it has errors.
  static std::unique_ptr<Engine> build(std::shared_ptr<const RuleCatalog> catalog, EngineOptions options,
                                       Diagnostics& diagnostics);
  ~Engine();
  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;

  // The pipeline for a document: --publisher if given, else the publisher serving the URL's
  // host, else the common set. Safe to call from several threads at once.
  const Pipeline& pipeline_for(std::string_view url) const;
  const EngineOptions& options() const { return options_; }
  const RuleCatalog& catalog() const { return *catalog_; }
  // The words the metadata rules read with (the rules' dates/ and bylines/ files).
  const MetadataWords& metadata_words() const { return metadata_words_; }

 private:
  Engine() = default;
  std::shared_ptr<const RuleCatalog> catalog_;
  EngineOptions options_;
  std::unique_ptr<Pipeline> common_;
  std::unique_ptr<PublisherPipelines> publishers_;
  const Pipeline* forced_ = nullptr;                  // --publisher
  MetadataWords metadata_words_;
};

class Worker {
 public:
  explicit Worker(const Engine& engine);
  ~Worker();
  Worker(const Worker&) = delete;
  Worker& operator=(const Worker&) = delete;

  // Runs the whole pipeline; `out` receives the clean text (output convention applied), or
  // Markdown with EngineOptions::output.
  void extract(const DocumentInput& input, std::string& out);
  // Runs the pipeline and leaves the decided document for inspection (--explain, report),
  // valid until the next call.
  const Document& analyse(const DocumentInput& input);
  // Times every later document's steps and regex matches into `costs` (--profile); null
  // stops timing. The counter must outlive the worker's use of it.
  void time_into(CostCounter* costs);
  CostCounter* costs() const;

 private:
  // Replaces every buffer with an empty one (after a huge document).
  void start_fresh();

  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace declutter
