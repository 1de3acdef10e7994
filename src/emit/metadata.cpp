#include "emit/metadata.h"

#include "text/json_string.h"
#include "text/normalize.h"
#include "text/page_title.h"

namespace declutter {
namespace {

std::string_view headline_of(const Document& doc) {
  for (const Block& block : doc.blocks)
    if (block.kept() && block.decider == Decider::score && block.score_reason == ScoreReason::headline) {
      // A text dump's first line is the page's <title> (the scorer reads it so): a headline
      // there carries the site name a <title> does.
      const bool title_line = doc.format == SourceFormat::text && &block == &doc.blocks.front();
      return title_line ? strip_site_name(block.text) : std::string_view(block.text);
    }
  for (const Block& block : doc.blocks)
    if (block.kept() && block.kind == BlockKind::title) return block.text;
  if (doc.title.size() <= kLongestTitle) return strip_site_name(doc.title);
  return {};
}

}  // namespace

DocumentMetadata describe_document(const Document& doc, std::string_view clean) {
  DocumentMetadata metadata;
  metadata.title = collapse_spaces(headline_of(doc));
  metadata.author = doc.author;
  metadata.language = doc.language;
  metadata.published = doc.published;
  metadata.words = count_words(clean);
  metadata.characters = count_chars(clean);
  return metadata;
}

void append_metadata_json(const DocumentMetadata& metadata, std::string& out) {
  const auto append_string_or_null = [&out](std::string_view text) {
    if (text.empty()) {
      out += "null";
    } else {
      append_json_string(text, out);
    }
  };
  out += "{\"title\":";
  append_string_or_null(metadata.title);
  out += ",\"author\":";
  append_string_or_null(metadata.author);
  out += ",\"language\":";
  append_string_or_null(metadata.language);
  out += ",\"published\":";
  append_string_or_null(metadata.published);
  out += ",\"words\":";
  out += std::to_string(metadata.words);
  out += ",\"characters\":";
  out += std::to_string(metadata.characters);
  out += '}';
}

}  // namespace declutter
