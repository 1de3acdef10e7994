#pragma once
// HTML mode, bytes to blocks: decode (BOM, <meta charset>, iconv, UTF-8 repair) -> parse
// (libxml2 or Gumbo, both into a libxml2 tree) -> apply DOM rules (marks only) -> blocks.
// The text stages then run on doc.blocks exactly as in text mode.
#include <string>
#include <string_view>

#include "core/cost_profile.h"
#include "core/document.h"
#include "html/block_builder.h"
#include "html/dom_rules.h"
#include "html/xml_arena.h"
#include "text/metadata_words.h"
#include "pipeline/engine.h"

namespace declutter {

// One per worker thread: keeps the scratch that would otherwise be allocated per page.
class HtmlFrontEnd {
 public:
  // Replaces doc.source (the decoded page), doc.arena, doc.blocks, doc.title and
  // doc.published and doc.author; leaves doc.url alone. `rules` and `words` (what the
  // metadata rules read with) are shared and read-only. `forced_encoding`: --encoding's iconv
  // name; `declared_encoding`: the transport's (html/decode.h).
  void build(std::string_view raw_bytes, HtmlParser parser, const DomRules& rules, const MetadataWords& words,
             Document& doc, const std::string& forced_encoding = {}, std::string_view declared_encoding = {});
  // Times each later page's steps into `costs` (--profile); null stops timing.
  void time_into(CostCounter* costs) { costs_ = costs; }

 private:
  CostCounter* costs_ = nullptr;
  XmlArena xml_arena_;  // the parse tree's memory, reused page after page
  DomMarks marks_;
  BlockBuilder builder_;
};

// The same, with fresh scratch: for tools and tests.
void build_html_document(std::string_view raw_bytes, HtmlParser parser, const DomRules& rules, Document& doc,
                         const MetadataWords& words = MetadataWords{});

}  // namespace declutter
