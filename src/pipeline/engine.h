#pragma once
// The library's front door. An Engine is immutable once built (compiled rules, settings)
// and shared by every thread; a Worker holds one thread's scratch (PCRE2 match data,
// the Document it reuses) and turns one input document into clean text.
#include <memory>
#include <string>
#include <string_view>

#include "core/document.h"

namespace declutter {

enum class InputFormat { automatic, text, html };
enum class HtmlParser { libxml2, gumbo };
enum class Focus { balanced, precision, recall };

struct EngineOptions {
  InputFormat format = InputFormat::automatic;
  HtmlParser parser = HtmlParser::libxml2;
  Focus focus = Focus::balanced;
  std::string publisher;          // --publisher: forces one publisher file for every document
};

struct DocumentInput {
  std::string_view bytes;
  std::string_view url;           // selects publisher rules by host when no --publisher
};

class RuleCatalog;
class Engine;

class Worker {
 public:
  explicit Worker(const Engine& engine);
  ~Worker();
  Worker(const Worker&) = delete;
  Worker& operator=(const Worker&) = delete;

  // Runs the whole pipeline; `out` receives the clean text (output convention applied).
  void extract(const DocumentInput& input, std::string& out);
  // Runs the pipeline and leaves the decided document for inspection (--explain, report).
  const Document& analyse(const DocumentInput& input);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace declutter
