#include "html/html_front_end.h"

#include <utility>

#include "html/decode.h"
#include "html/page_author.h"
#include "html/parsers.h"
#include "html/published_date.h"

namespace declutter {

void HtmlFrontEnd::build(std::string_view raw_bytes, HtmlParser parser, const DomRules& rules,
                         const MetadataWords& words, Document& doc, const std::string& forced_encoding,
                         std::string_view declared_encoding) {
  doc.format = SourceFormat::html;
  doc.clear_page();
  {
    const StepTimer timer(costs_, "decode");
    doc.decoding = decode_html_bytes(raw_bytes, doc.source, forced_encoding, declared_encoding);
  }
  ensure_libxml2_initialised();  // outside the arena: libxml2's global tables outlive the page
  XmlArena::Scope tree_memory(xml_arena_);
  XmlDocPtr tree;
  {
    const StepTimer timer(costs_, "parse-html");
    tree = parse_html(doc.source, parser);
  }
  {
    const StepTimer timer(costs_, "html-rules");
    rules.apply(tree.get(), marks_);
    if (auto published = find_published_date(marks_, words.months)) {
      doc.published = std::move(published->date);
      doc.published_rule = published->rule;
    }
    if (auto author = find_author(marks_, words.bylines)) {
      doc.author = std::move(author->name);
      doc.author_rule = author->rule;
    }
  }
  {
    const StepTimer timer(costs_, "build-blocks");
    // Blocks hold roughly the page's visible text, a fraction of its markup.
    doc.arena.reserve(doc.source.size() / 4 + 64);
    builder_.build(tree.get(), marks_, doc);
  }
  tree_memory.discard(std::move(tree));
}

void build_html_document(std::string_view raw_bytes, HtmlParser parser, const DomRules& rules, Document& doc,
                         const MetadataWords& words) {
  HtmlFrontEnd front_end;
  front_end.build(raw_bytes, parser, rules, words, doc);
}

}  // namespace declutter
