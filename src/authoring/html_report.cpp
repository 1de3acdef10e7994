#include "authoring/html_report.h"

#include <algorithm>
#include <cstdio>
#include <vector>

#include "authoring/explain.h"
#include "rules/rule.h"

namespace declutter {
namespace {

// One colour per stage, also used by the legend and the summary table.
constexpr std::string_view kStyle = R"css(
:root { --rule:#c62828; --cut:#e65100; --dedupe:#6a1b9a; --edge-trim:#00695c; --score:#795548;
        --html-rule:#ad1457; --safety:#2e7d32; --keep:#1565c0; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0; color: #1d1d1f; background: #fafafa; }
header { padding: 16px 24px; background: #fff; border-bottom: 1px solid #ddd; position: sticky; top: 0; z-index: 2; }
h1 { font-size: 20px; margin: 0 0 4px; }
h2 { font-size: 16px; margin: 24px 0 8px; }
.meta { margin: 0; color: #555; }
.legend { list-style: none; padding: 0; margin: 8px 0 0; display: flex; flex-wrap: wrap; gap: 6px 14px; font-size: 13px; }
.legend li::before { content: ""; display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 5px; background: var(--c); }
.toggle { font-size: 13px; color: #333; margin-left: 8px; }
main { max-width: 1100px; margin: 0 auto; padding: 8px 24px 40px; }
.doc { background: #fff; border: 1px solid #ddd; border-radius: 6px; padding: 8px 0; }
.block { position: relative; display: flex; gap: 10px; padding: 1px 12px; border-left: 4px solid transparent; }
.block.gap { margin-top: 10px; }
.ln { flex: 0 0 3.5em; text-align: right; color: #999; font: 12px/1.9 ui-monospace, monospace; user-select: none; }
.text { flex: 1; white-space: pre-wrap; overflow-wrap: anywhere; }
.block.drop .text { text-decoration: line-through; text-decoration-thickness: 1.5px; color: var(--c); }
.block.drop { border-left-color: var(--c); background: color-mix(in srgb, var(--c) 7%, transparent); }
.block.keep-rule { border-left-color: var(--keep); }
.block.restored { border-left-color: var(--safety); background: #edf7ee; }
.tip { display: none; position: absolute; left: 4.5em; top: 100%; z-index: 3; max-width: 720px; padding: 6px 9px;
       background: #222; color: #fff; border-radius: 4px; font: 12px/1.4 ui-monospace, monospace; white-space: pre-wrap;
       box-shadow: 0 2px 8px rgba(0,0,0,.3); }
.block:hover .tip { display: block; }
.d-rule { --c: var(--rule); } .d-cut { --c: var(--cut); } .d-dedupe { --c: var(--dedupe); }
.d-contents { --c: var(--dedupe); }
.d-edge-trim { --c: var(--edge-trim); } .d-score { --c: var(--score); } .d-html-rule { --c: var(--html-rule); }
.d-safety { --c: var(--safety); } .d-keep { --c: var(--keep); } .d-kept { --c: #999; }
body:has(#hide-dropped:checked) .block.drop { display: none; }
table { border-collapse: collapse; width: 100%; background: #fff; font-size: 13px; }
th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid #eee; vertical-align: top; }
th { background: #f0f0f0; }
td.n { text-align: right; width: 5em; }
td code { white-space: pre-wrap; overflow-wrap: anywhere; }
.swatch { display: inline-block; width: 10px; height: 10px; border-radius: 2px; background: var(--c); margin-right: 6px; }
)css";

constexpr std::string_view kStages[] = {"rule", "cut", "contents", "dedupe", "edge-trim", "score", "html-rule", "safety"};

std::string stage_class(const Block& block) {
  if (block.verdict == Verdict::keep && block.rule != nullptr) return "d-keep";
  return "d-" + std::string(decider_name(block.decider));
}

std::string percent(std::size_t part, std::size_t whole) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%.0f%%", whole == 0 ? 0.0 : 100.0 * static_cast<double>(part) / static_cast<double>(whole));
  return buffer;
}

}  // namespace

void append_html_escaped(std::string_view text, std::string& out) {
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
}

void HtmlReport::add(const Document& doc, std::string_view name, std::string_view publisher) {
  ++documents_;
  std::size_t doc_dropped = 0;
  std::size_t doc_chars = 0;
  std::size_t doc_dropped_chars = 0;
  std::string body;
  for (std::size_t i = 0; i < doc.blocks.size(); ++i) {
    const Block& block = doc.blocks[i];
    doc_chars += block.text.size();
    const bool dropped = block.dropped();
    const bool by_keep_rule = block.verdict == Verdict::keep && block.rule != nullptr;
    const bool restored = block.decider == Decider::safety;
    std::string reason = explain_reason(block, doc.element(i));
    if (dropped) {
      ++doc_dropped;
      doc_dropped_chars += block.text.size();
    }
    if (dropped || by_keep_rule || restored) {
      std::string origin;
      std::string what(decider_name(block.decider));
      if (block.rule != nullptr) {
        origin = block.rule->origin.to_string();
        what = canonical_text(*block.rule);
      }
      Fired& fired = fired_[{origin, what}];
      ++fired.blocks;
      fired.chars += block.text.size();
      fired.stage = by_keep_rule ? "keep" : std::string(decider_name(block.decider));
    }

    // The scorer's verdict names its score and why (the article's run, its tail, ...): what a
    // rule author asks of a kept line of chrome.
    const bool by_scorer = block.decider == Decider::score;
    std::string tip = dropped                     ? "dropped by "
                      : by_keep_rule || by_scorer ? "kept by "
                      : restored                  ? "restored by "
                                                  : "kept";
    if (dropped || by_keep_rule || by_scorer) tip += reason;
    if (restored) tip += "the safety valve (the generic rules removed too much)";

    body += "<div class=\"block ";
    body += dropped ? "drop " : by_keep_rule ? "keep-rule " : restored ? "restored " : "kept ";
    body += stage_class(block);
    if (block.gap_before) body += " gap";
    body += "\" data-decider=\"";
    body += by_keep_rule ? "keep" : decider_name(block.decider);
    body += "\" title=\"";
    append_html_escaped(tip, body);
    body += "\"><span class=\"ln\">" + std::to_string(block.line) + "</span><span class=\"text\">";
    append_html_escaped(block.text, body);
    body += "</span>";
    if (dropped || by_keep_rule || restored) {
      body += "<span class=\"tip\" role=\"tooltip\">";
      append_html_escaped(tip, body);
      body += "</span>";
    }
    body += "</div>\n";
  }
  blocks_ += doc.blocks.size();
  dropped_ += doc_dropped;
  chars_ += doc_chars;
  dropped_chars_ += doc_dropped_chars;

  sections_ += "<h2 id=\"doc-" + std::to_string(documents_) + "\">";
  append_html_escaped(name, sections_);
  sections_ += "</h2>\n<p class=\"meta\">rules: ";
  append_html_escaped(publisher, sections_);
  sections_ += " · " + std::to_string(doc.blocks.size()) + " blocks, " + std::to_string(doc_dropped) +
               " dropped (" + percent(doc_dropped_chars, doc_chars) + " of the text)</p>\n<section class=\"doc\">\n";
  sections_ += body;
  sections_ += "</section>\n";
}

std::string HtmlReport::render() const {
  std::string out;
  out.reserve(sections_.size() + 8192);
  out += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
         "<title>declutter report</title>\n<style>";
  out += kStyle;
  out += "</style>\n</head>\n<body>\n<header>\n<h1>declutter report</h1>\n<p class=\"meta\">" +
         std::to_string(documents_) + (documents_ == 1 ? " document, " : " documents, ") +
         std::to_string(blocks_) + " blocks, " + std::to_string(dropped_) + " dropped (" +
         percent(dropped_chars_, chars_) + " of the text)" +
         "<label class=\"toggle\"><input type=\"checkbox\" id=\"hide-dropped\"> hide dropped</label></p>\n"
         "<ul class=\"legend\">";
  for (auto stage : kStages) {
    out += "<li class=\"d-" + std::string(stage) + "\">";
    out += stage == "safety" ? "restored (safety)" : stage == "rule" ? "line rule" : std::string(stage);
    out += "</li>";
  }
  out += "<li class=\"d-keep\">keep rule</li></ul>\n</header>\n<main>\n";
  out += sections_;

  // Rules that fired, most blocks first.
  std::vector<std::pair<const std::pair<std::string, std::string>*, const Fired*>> rows;
  for (const auto& [key, fired] : fired_) rows.emplace_back(&key, &fired);
  std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.second->blocks > b.second->blocks; });
  out += "<h2 id=\"summary\">Rules that fired</h2>\n<table class=\"summary\">\n"
         "<thead><tr><th>blocks</th><th>characters</th><th>rule or stage</th><th>origin</th></tr></thead>\n<tbody>\n";
  for (const auto& [key, fired] : rows) {
    out += "<tr class=\"d-" + fired->stage + "\"><td class=\"n\">" + std::to_string(fired->blocks) +
           "</td><td class=\"n\">" + std::to_string(fired->chars) + "</td><td><span class=\"swatch\"></span><code>";
    append_html_escaped(key->second, out);
    out += "</code></td><td><code>";
    append_html_escaped(key->first.empty() ? std::string("stage") : key->first, out);
    out += "</code></td></tr>\n";
  }
  if (rows.empty()) out += "<tr><td colspan=\"4\">nothing was dropped</td></tr>\n";
  out += "</tbody>\n</table>\n</main>\n</body>\n</html>\n";
  return out;
}

}  // namespace declutter
