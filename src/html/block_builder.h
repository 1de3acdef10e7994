#pragma once
// The marked DOM -> the Document's blocks, in document order. A block is the text of one
// block-level element (p, h1-h6, li, a table row, pre, blockquote, dd/dt, figcaption, the
// loose text of a div, ...). White space collapses as a browser collapses it; inline
// elements never split words (<b>W</b>ord reads "Word"); <br> is a newline inside the
// block and <br><br> a paragraph break; <pre> keeps its white space; elements that are
// never rendered (script, style, noscript, template, head, svg, iframe, select, ...)
// produce no text. Blocks in dropped subtrees are still produced, decided drop by the
// DOM rule that dropped them.
//
// The first block is the page title (kind title): the main <h1> when there is one (moved
// to the front), else the <title> with a trailing or leading site name removed.
#include <libxml/tree.h>

#include <cstdint>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "html/dom_rules.h"
#include "html/name_cache.h"

namespace declutter {

class BlockBuilder {
 public:
  // Appends the blocks of `tree` to `doc` (text into doc.arena; views set once at the end,
  // so the arena may grow freely meanwhile) and sets doc.title.
  void build(xmlDoc* tree, const DomMarks& marks, Document& doc);

 private:
  struct Span {
    std::uint32_t offset = 0;
    std::uint32_t length = 0;
  };
  struct Frame {
    const xmlNode* element = nullptr;
    const xmlNode* owner = nullptr;  // nearest block-level element, self included
    std::uint32_t owner_node = kNoNode;  // the owner's index in Document::nodes
    const Rule* drop = nullptr;
    const Rule* keep = nullptr;
    bool in_root = true;
    bool boundary = false;           // entering and leaving it ends the current block
  };
  enum class Separator : std::uint8_t { none, space, tab, newline };

  void enter_element(xmlNode* element, const DomMarks& marks);
  void leave_element(const xmlNode* element);
  void append_text(std::string_view text);
  void flush();
  void choose_title();
  Span append_class_id(const xmlNode* owner);
  const void* info_of(const xmlNode* element);  // the element's table entry (block_builder.cpp)

  NameCache<const void*> names_;
  NameCache<bool> class_id_names_;  // attribute names: is it class or id?
  Document* doc_ = nullptr;
  std::string* arena_ = nullptr;
  std::vector<Frame> frames_;
  std::vector<Span> texts_;       // parallel to the blocks this build appended
  std::vector<Span> class_ids_;
  std::size_t first_block_ = 0;
  std::size_t run_start_ = 0;
  Separator pending_ = Separator::none;
  bool pending_break_ = false;     // a <br> already ended this line
  std::uint32_t run_link_chars_ = 0;
  std::uint32_t link_depth_ = 0;
  std::uint32_t pre_depth_ = 0;
  const Rule* root_rule_ = nullptr;
  std::vector<std::size_t> h1_blocks_;
};

// White-space-collapsed text of the document's <title>.
std::string title_text(xmlDoc* tree);

}  // namespace declutter
