#include "pipeline/engine.h"

#include <algorithm>

#include "core/heap_memory.h"
#include "core/retained_buffer.h"
#include "html/html_front_end.h"
#include "html/sniff.h"
#include "pipeline/pipeline.h"
#include "pipeline/publisher_pipelines.h"
#include "rules/catalog.h"
#include "score/stopwords.h"
#include "text/segment.h"
#include "text/encoding.h"

namespace declutter {

std::unique_ptr<Engine> Engine::build(std::shared_ptr<const RuleCatalog> catalog, EngineOptions options,
                                      Diagnostics& diagnostics) {
  auto engine = std::unique_ptr<Engine>(new Engine());
  engine->catalog_ = std::move(catalog);
  engine->options_ = std::move(options);
  const RuleCatalog& rules = *engine->catalog_;
  RegexCache regexes;
  // Word lists are the same for every rule set: parsed once, shared by all pipelines.
  const auto stopword_files = rules.files_under("stopwords/");
  WordLists lists;
  lists.stopwords = std::make_shared<const score::StopwordLists>(score::StopwordLists::parse(stopword_files, diagnostics));
  lists.names = std::make_shared<const PersonNames>(PersonNames::parse(rules.files_under("names/"), diagnostics));
  engine->metadata_words_.months = MonthNames::parse(rules.files_under("dates/"), diagnostics);
  engine->metadata_words_.bylines = BylinePrefixes::parse(rules.files_under("bylines/"), diagnostics);
  engine->common_ = Pipeline::build(rules, nullptr, engine->options_, regexes, lists, diagnostics);
  engine->publishers_ = std::make_unique<PublisherPipelines>(rules, engine->options_, lists, std::move(regexes),
                                                             *engine->common_, diagnostics);
  if (!engine->options_.publisher.empty()) {
    const RuleFile* wanted = rules.publisher_named(engine->options_.publisher);
    if (wanted == nullptr) {
      Diagnostic problem;
      problem.file = "--publisher";
      problem.message = "no publisher file serves '" + engine->options_.publisher + "'";
      diagnostics.add(std::move(problem));
    } else {
      engine->forced_ = engine->publishers_->get(wanted);
    }
  }
  return engine;
}

Engine::~Engine() = default;

const Pipeline& Engine::pipeline_for(std::string_view url) const {
  if (forced_ != nullptr) return *forced_;
  if (!url.empty()) {
    if (const RuleFile* publisher = catalog_->publisher_for_host(url_host(url))) {
      if (const Pipeline* pipeline = publishers_->get(publisher)) return *pipeline;
    }
  }
  return *common_;
}

struct Worker::Impl {
  explicit Impl(const Engine& e) : engine(e) {}
  const Engine& engine;
  StageScratch scratch;
  HtmlFrontEnd html;
  Document doc;
  std::size_t grown_for_bytes = 0;  // the largest document its buffers have held
};

namespace {
// How much of the start --format auto looks at: a doctype or opening tag comes early.
constexpr std::size_t kSniffBytes = 4096;

bool is_html(const EngineOptions& options, const DocumentInput& input) {
  const InputFormat format = options.format != InputFormat::automatic ? options.format : input.format;
  switch (format) {
    case InputFormat::html: return true;
    case InputFormat::text: return false;
    case InputFormat::automatic: break;
  }
  return looks_like_html(input.bytes.substr(0, kSniffBytes));
}
}  // namespace

Worker::Worker(const Engine& engine) : impl_(std::make_unique<Impl>(engine)) {}
Worker::~Worker() = default;

const Document& Worker::analyse(const DocumentInput& input) {
  // Buffers are kept from one document to the next, but not the ones a huge document grew
  // once the documents are small again: over a long run they would hold its memory in every
  // thread that ever met one.
  if (outgrown(impl_->grown_for_bytes, input.bytes.size())) start_fresh();
  impl_->grown_for_bytes = std::max(impl_->grown_for_bytes, input.bytes.size());
  Document& doc = impl_->doc;
  doc.clear_page();
  doc.url.assign(input.url);
  const Pipeline& pipeline = impl_->engine.pipeline_for(input.url);
  const EngineOptions& options = impl_->engine.options();
  CostCounter* const costs = impl_->scratch.regex.costs;
  if (costs != nullptr) costs->add_document();
  if (is_html(options, input)) {
    impl_->html.build(input.bytes, options.parser, pipeline.dom_rules(), impl_->engine.metadata_words(), doc,
                      options.encoding, input.charset);
  } else {
    {
      const StepTimer timer(costs, "decode");
      doc.decoding = decode_text_bytes(input.bytes, doc.source, options.encoding, input.charset);
    }
    const StepTimer timer(costs, "split-lines");
    segment_lines(doc);
  }
  pipeline.run(doc, impl_->scratch);
  return doc;
}

void Worker::extract(const DocumentInput& input, std::string& out) {
  const Document& doc = analyse(input);
  const StepTimer timer(costs(), "emit");
  emit_document(doc, impl_->engine.options().output, out);
}

void Worker::start_fresh() {
  CostCounter* const timing = costs();
  impl_ = std::make_unique<Impl>(impl_->engine);
  time_into(timing);
  return_free_heap_pages();
}

void Worker::time_into(CostCounter* costs) {
  impl_->scratch.regex.costs = costs;
  impl_->html.time_into(costs);
}

CostCounter* Worker::costs() const { return impl_->scratch.regex.costs; }

}  // namespace declutter
