#pragma once
// `declutter report`: one self-contained HTML page (inline CSS, no scripts or external
// assets) that shows decided documents as they came in: dropped blocks struck through
// and coloured by the stage that dropped them, the deciding rule in a tooltip (title
// attribute and a CSS hover box), and a table of the rules that fired.
#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <utility>

#include "core/document.h"

namespace declutter {

// Escapes text for HTML element content and double-quoted attribute values.
void append_html_escaped(std::string_view text, std::string& out);

class HtmlReport {
 public:
  // Renders one document (its blocks are read now; the Document may be reused after).
  // `name` heads its section, e.g. the input file; `publisher` says which rules applied.
  void add(const Document& doc, std::string_view name, std::string_view publisher);
  // The whole page.
  std::string render() const;

 private:
  struct Fired {
    std::size_t blocks = 0;
    std::size_t chars = 0;
    std::string stage;       // decider name
  };
  std::string sections_;
  // (origin, rule text) or ("", stage) -> counts; ordered for a stable table.
  std::map<std::pair<std::string, std::string>, Fired> fired_;
  std::size_t documents_ = 0;
  std::size_t blocks_ = 0;
  std::size_t dropped_ = 0;
  std::size_t chars_ = 0;
  std::size_t dropped_chars_ = 0;
};

}  // namespace declutter
