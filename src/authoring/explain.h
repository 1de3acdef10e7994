#pragma once
// --explain: every block of a decided document with its verdict and what decided it, in
// place of the clean text. Two renderings of the same facts: a line-oriented one for
// people and grep, and one JSON document per input document for tools.
//
// Text format, one block per line (the line number is the block's input line):
//   # declutter explain: 42 blocks, 30 kept, 12 dropped, language en
//   - 12 <embedded>/common.rules:42 drop "subscribe" | Subscribe
//   - 40 <embedded>/common.rules:57 cut "related" after=30% | Teaser headline
//   - 14 dedupe | Repeated headline
//   - 15 edge-trim | Short label
//   - 16 score -1.25 link-text links=80% words=4 <li> | Link-heavy block
//   + 17 score -0.40 article-tail words=3 <p> | A closing line
//   + 13 kept | The article text...
//   + 20 rules/publishers/x.rules:4 keep "popular" | Popular
//   + 21 safety over <embedded>/common.rules:9 drop "menu" | Menu  (restored by the safety valve)
// `-` is dropped, `+` is in the output; between the line number and ` | ` stands the
// deciding rule (origin file:line, then its canonical text) or the stage; for the scorer,
// its score and why it labelled the block so (score_reason_name). Newlines and
// tabs inside a block are shown as \n and \t so that one block stays one line.
#include <string>
#include <string_view>

#include "core/document.h"

namespace declutter {

enum class ExplainFormat { none, text, json };

// The stage's name as --explain, the report and JSON call it: rule, cut, dedupe, ...
std::string_view decider_name(Decider decider);
// Why the scorer labelled a block as it did, as --explain names it:
//   article-run        in the run of blocks with the most good prose: the article
//   near-run           in another run with prose enough for its distance from the article
//   lead-on-topic      a run above the article that speaks of its topic (a cut-off lead)
//   lead-under-headline  a run above the article right under a copy of the page title that
//                      speaks of the headline's topic, with its headline and header (the
//                      lead of a short article that the page's other prose outweighs)
//   introduction       HTML: a run above the article inside the element holding its prose
//   bridge             a few short blocks between two parts of the article (a list)
//   article-container  HTML: in the article's container, between its first and last paragraph
//   article-element    HTML: in the article's element, between its first and last paragraph
//   article-tail       HTML: in the article's element, just after its last paragraph
//   same-list          HTML: an item of a list another of whose items is kept
//   headline, header, standfirst  the article's headline and the lines under it
//   boilerplate        labelled boilerplate by the segmentation of the page
//   stray-run          a run of prose too small for its distance from the article
//   off-topic          text: a small run of prose after the article that speaks of
//                      something else (an author's or a site's blurb, a donation appeal)
//   outside-article    HTML: a run after the article's element with too little of its prose
//   link-text          mostly link text
// Empty for ScoreReason::none.
std::string_view score_reason_name(ScoreReason reason);
// What decided a block, without its text: `<file>:<line> <rule>` or the stage (`kept`,
// `dedupe`, `score -1.25 link-text links=80% words=4 <li>`, ...).
std::string explain_reason(const Block& block, const BlockElement& element);

// Appends the text explanation of `doc` to `out`.
void explain_text(const Document& doc, std::string& out);
// Appends one JSON document (one line) describing `doc` to `out`.
void explain_json(const Document& doc, std::string& out);
// Replaces `out` with the explanation in `format` (text or json).
void explain_document(const Document& doc, ExplainFormat format, std::string& out);

}  // namespace declutter
