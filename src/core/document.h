#pragma once
// The unit every stage works on: one document, segmented into blocks.
// Stages never erase blocks; they set a verdict and say who decided it, so every
// matcher sees the original text and --explain can say why a block went.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/source_format.h"

namespace declutter {

struct Rule;  // rules/rule.h

enum class Verdict : std::uint8_t { undecided, keep, drop };

// What produced a block. Text mode yields `line`; the HTML block builder yields the rest.
enum class BlockKind : std::uint8_t {
  line, title, heading, paragraph, list_item, table_cell, preformatted, quote, caption, other
};

// The stage that set a verdict, for --explain and --stats.
enum class Decider : std::uint8_t {
  none, rule, section_cut, contents, dedupe, edge_trim, score, safety, dom_rule  // dom_rule stays last
};
inline constexpr std::size_t kDeciderCount = static_cast<std::size_t>(Decider::dom_rule) + 1;

// Why the content scorer labelled a block as it did, for --explain (authoring/explain.h
// names each and says what it means).
enum class ScoreReason : std::uint8_t {
  none, article, near_run, lead_on_topic, lead_under_headline, introduction, bridge, container, element, tail, list,
  headline, header, standfirst, boilerplate, stray_run, off_topic, outside_article, link_text
};

// No element: the index of a DomNode that is not there.
inline constexpr std::uint32_t kNoNode = 0xFFFFFFFF;

struct Block {
  std::string_view text;          // verbatim content; for text mode one input line (no EOL)
  std::uint32_t line = 0;         // 1-based input line (text mode) or source line of the element
  bool gap_before = false;        // a paragraph break separates this block from the previous one
  BlockKind kind = BlockKind::line;
  Verdict verdict = Verdict::undecided;
  Decider decider = Decider::none;
  const Rule* rule = nullptr;     // the deciding rule when decider is rule/section_cut/dom_rule
  // Under a common DOM rule's drop, the keep or drop rule the line rules would have applied:
  // it decides the block if the scorer undoes that DOM rule (it hit the article).
  const Rule* line_rule = nullptr;
  float score = 0.0F;             // content score when decider is score (or computed anyway)
  ScoreReason score_reason = ScoreReason::none;  // when decider is score

  bool dropped() const { return verdict == Verdict::drop; }
  bool kept() const { return verdict != Verdict::drop; }
};
// Text mode holds one per input line, most lines short: what the element knows stays out.
static_assert(sizeof(void*) != 8 || sizeof(Block) <= 48, "a Block grew past 48 bytes");

// What the HTML front end tells of a block's element. Document::elements holds one per block
// in HTML and none in text mode, whose blocks (a line each) are then half the size.
struct BlockElement {
  std::string_view tag;           // lower-case tag name of the block element
  std::string_view class_id;      // space-separated class and id tokens of the block and ancestors
  std::uint32_t node = kNoNode;   // its element in Document::nodes
  std::uint32_t link_chars = 0;   // characters of text inside <a>
  std::uint16_t depth = 0;        // element depth in the DOM
};

// HTML: a block-level element, kept so that stages can tell which blocks share an ancestor.
// Nodes are stored in document order, so the nodes inside node k are k+1 .. end-1.
struct DomNode {
  std::uint32_t parent = kNoNode;     // index of the enclosing block-level element, or none
  std::uint32_t end = 0;              // one past the last node inside this one
  std::uint16_t depth = 0;            // its depth in the DOM
};

struct Document {
  SourceFormat format = SourceFormat::text;
  std::string source;             // the input bytes after decoding (text views point here ...)
  Decoding decoding;              // ... from which encoding
  std::string arena;              // ... or here, for text the HTML front end produced
  std::vector<Block> blocks;
  std::vector<BlockElement> elements;  // HTML: blocks[i]'s element is elements[i]; text: none
  std::vector<DomNode> nodes;     // HTML: block-level elements in document order
  std::string url;                // from --url or a JSONL record, may be empty
  std::string title;              // page <title>, HTML only
  std::string published;          // publication date (YYYY-MM-DD) an html-date rule found, HTML only
  const Rule* published_rule = nullptr;  // ... and that rule
  std::string author;             // the article's author an html-author rule found, HTML only
  const Rule* author_rule = nullptr;     // ... and that rule
  std::string_view language;      // the scorer's guess from stopwords ("de"), "" when unsure or unscored

  // Forgets what the previous page left: its blocks, its text and what was read from it. The
  // source, the decoding and the url are each page's input and are set, not cleared.
  void clear_page() {
    blocks.clear();
    elements.clear();
    nodes.clear();
    arena.clear();
    title.clear();
    published.clear();
    published_rule = nullptr;
    author.clear();
    author_rule = nullptr;
    language = {};
  }

  // Block i's element, or an empty one (no tag, no links, depth 0) in text mode.
  const BlockElement& element(std::size_t i) const {
    static const BlockElement none;
    return i < elements.size() ? elements[i] : none;
  }

  // Decide a block unless a keep rule already protects it. Returns whether it changed.
  bool decide(Block& block, Verdict verdict, Decider decider, const Rule* rule = nullptr) {
    if (block.verdict == Verdict::keep && verdict == Verdict::drop) return false;
    if (block.verdict == verdict) return false;
    block.verdict = verdict;
    block.decider = decider;
    block.rule = rule;
    return true;
  }
  // Decide a block the scorer decided: a stage after the scorer that reads its verdicts.
  void overrule_score(Block& block, Verdict verdict, Decider decider, const Rule* rule) {
    block.verdict = verdict;
    block.decider = decider;
    block.rule = rule;
    block.score_reason = ScoreReason::none;
  }
  // Drop a block a keep rule protected: the one exception, dedupe's, for the second copy of
  // a line a keep rule protected twice.
  void drop_protected_repeat(Block& block) {
    block.verdict = Verdict::drop;
    block.decider = Decider::dedupe;
    block.rule = nullptr;
  }
};

}  // namespace declutter
