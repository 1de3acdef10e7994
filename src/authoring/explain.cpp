#include "authoring/explain.h"

#include <cstdio>
#include <nlohmann/json.hpp>

#include "rules/rule.h"
#include "text/normalize.h"

namespace declutter {
namespace {

std::string format_score(float score) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.2f", static_cast<double>(score));
  return buffer;
}

std::string_view kind_name(BlockKind kind) {
  switch (kind) {
    case BlockKind::line: return "line";
    case BlockKind::title: return "title";
    case BlockKind::heading: return "heading";
    case BlockKind::paragraph: return "paragraph";
    case BlockKind::list_item: return "list-item";
    case BlockKind::table_cell: return "table-cell";
    case BlockKind::preformatted: return "preformatted";
    case BlockKind::quote: return "quote";
    case BlockKind::caption: return "caption";
    case BlockKind::other: return "other";
  }
  return "other";
}

std::string_view verdict_name(Verdict verdict) {
  switch (verdict) {
    case Verdict::undecided: return "undecided";
    case Verdict::keep: return "keep";
    case Verdict::drop: return "drop";
  }
  return "undecided";
}

void append_one_line(std::string_view text, std::string& out) {
  for (char c : text) {
    if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\r') {
      out += "\\r";
    } else {
      out += c;
    }
  }
}

// "FILE:LINE" of a rule, as every reason names it.
std::string rule_location(const Rule& rule) {
  return (rule.origin.file != nullptr ? *rule.origin.file : std::string("<rules>")) + ':' + std::to_string(rule.origin.line);
}

}  // namespace

std::string_view decider_name(Decider decider) {
  switch (decider) {
    case Decider::none: return "kept";
    case Decider::rule: return "rule";
    case Decider::section_cut: return "cut";
    case Decider::contents: return "contents";
    case Decider::dedupe: return "dedupe";
    case Decider::edge_trim: return "edge-trim";
    case Decider::score: return "score";
    case Decider::safety: return "safety";
    case Decider::dom_rule: return "html-rule";
  }
  return "kept";
}

std::string_view score_reason_name(ScoreReason reason) {
  switch (reason) {
    case ScoreReason::none: return "";
    case ScoreReason::article: return "article-run";
    case ScoreReason::near_run: return "near-run";
    case ScoreReason::lead_on_topic: return "lead-on-topic";
    case ScoreReason::lead_under_headline: return "lead-under-headline";
    case ScoreReason::introduction: return "introduction";
    case ScoreReason::bridge: return "bridge";
    case ScoreReason::container: return "article-container";
    case ScoreReason::element: return "article-element";
    case ScoreReason::tail: return "article-tail";
    case ScoreReason::list: return "same-list";
    case ScoreReason::headline: return "headline";
    case ScoreReason::header: return "header";
    case ScoreReason::standfirst: return "standfirst";
    case ScoreReason::boilerplate: return "boilerplate";
    case ScoreReason::stray_run: return "stray-run";
    case ScoreReason::off_topic: return "off-topic";
    case ScoreReason::outside_article: return "outside-article";
    case ScoreReason::link_text: return "link-text";
  }
  return "";
}

std::string explain_reason(const Block& block, const BlockElement& element) {
  if (block.rule != nullptr) {
    // A block the safety valve restored keeps the rule that had dropped it: name both, so a
    // kept line does not read as dropped.
    std::string out = block.decider == Decider::safety ? "safety over " : "";
    out += rule_location(*block.rule) + ' ' + canonical_text(*block.rule);
    return out;
  }
  if (block.decider == Decider::score) {
    // The features the scorer weighs most: link density and length.
    std::string out = "score " + format_score(block.score);
    if (block.score_reason != ScoreReason::none) {
      out += ' ';
      out += score_reason_name(block.score_reason);
    }
    if (!block.text.empty() && element.link_chars > 0)
      out += " links=" + std::to_string(element.link_chars * 100 / block.text.size()) + "%";
    out += " words=" + std::to_string(count_words(block.text));
    if (!element.tag.empty()) out += " <" + std::string(element.tag) + ">";
    return out;
  }
  return std::string(decider_name(block.decider));
}

namespace {
// Said only when the bytes were not plain UTF-8, for the header line.
std::string describe_decoding(const Decoding& decoding) {
  std::string out;
  if (decoding.encoding != "UTF-8") out += (decoding.guessed ? ", read as " : ", decoded from ") + decoding.encoding;
  if (decoding.guessed) out += " (not UTF-8)";
  if (decoding.repaired) out += ", invalid UTF-8 replaced by U+FFFD";
  return out;
}
}  // namespace

void explain_text(const Document& doc, std::string& out) {
  std::size_t dropped = 0;
  for (const auto& block : doc.blocks) dropped += block.dropped() ? 1 : 0;
  out += "# declutter explain: " + std::to_string(doc.blocks.size()) + " blocks, " +
         std::to_string(doc.blocks.size() - dropped) + " kept, " + std::to_string(dropped) + " dropped";
  if (!doc.url.empty()) out += ", url " + doc.url;
  if (!doc.language.empty()) out += ", language " + std::string(doc.language);
  if (doc.published_rule != nullptr)
    out += ", published " + doc.published + " (" + rule_location(*doc.published_rule) + ")";
  if (doc.author_rule != nullptr) out += ", by " + doc.author + " (" + rule_location(*doc.author_rule) + ")";
  out += describe_decoding(doc.decoding);
  out += '\n';
  for (std::size_t i = 0; i < doc.blocks.size(); ++i) {
    const Block& block = doc.blocks[i];
    out += block.dropped() ? "- " : "+ ";
    out += std::to_string(block.line);
    out += ' ';
    out += explain_reason(block, doc.element(i));
    out += " | ";
    append_one_line(block.text, out);
    out += '\n';
  }
}

void explain_json(const Document& doc, std::string& out) {
  using nlohmann::json;
  json blocks = json::array();
  std::size_t dropped = 0;
  for (std::size_t i = 0; i < doc.blocks.size(); ++i) {
    const Block& block = doc.blocks[i];
    dropped += block.dropped() ? 1 : 0;
    json entry = {
        {"line", block.line},
        {"kept", block.kept()},
        {"verdict", verdict_name(block.verdict)},
        {"decider", decider_name(block.decider)},
        {"kind", kind_name(block.kind)},
        {"gap_before", block.gap_before},
        {"text", block.text},
    };
    if (block.rule != nullptr) {
      const Rule& rule = *block.rule;
      entry["rule"] = {
          {"text", canonical_text(rule)},
          {"file", rule.origin.file != nullptr ? *rule.origin.file : std::string()},
          {"line", rule.origin.line},
          {"column", rule.origin.column},
          {"common", rule.from_common},
      };
    }
    if (block.decider == Decider::score || block.score != 0.0F) entry["score"] = block.score;
    if (block.decider == Decider::score && block.score_reason != ScoreReason::none)
      entry["score_reason"] = score_reason_name(block.score_reason);
    if (const std::string_view tag = doc.element(i).tag; !tag.empty()) entry["tag"] = tag;
    blocks.push_back(std::move(entry));
  }
  json document = {
      {"url", doc.url},
      {"title", doc.title},
      {"language", doc.language},
      {"published", doc.published_rule != nullptr ? json(doc.published) : json(nullptr)},
      {"published_rule", doc.published_rule != nullptr ? json(rule_location(*doc.published_rule)) : json(nullptr)},
      {"author", doc.author_rule != nullptr ? json(doc.author) : json(nullptr)},
      {"author_rule", doc.author_rule != nullptr ? json(rule_location(*doc.author_rule)) : json(nullptr)},
      {"encoding", doc.decoding.encoding},
      {"encoding_guessed", doc.decoding.guessed},
      {"utf8_repaired", doc.decoding.repaired},
      {"blocks_total", doc.blocks.size()},
      {"blocks_kept", doc.blocks.size() - dropped},
      {"blocks_dropped", dropped},
      {"blocks", std::move(blocks)},
  };
  // Input may hold invalid UTF-8; replace it rather than fail the whole document.
  out += document.dump(-1, ' ', false, json::error_handler_t::replace);
  out += '\n';
}

void explain_document(const Document& doc, ExplainFormat format, std::string& out) {
  out.clear();
  if (format == ExplainFormat::json) {
    explain_json(doc, out);
  } else {
    explain_text(doc, out);
  }
}

}  // namespace declutter
