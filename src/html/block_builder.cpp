#include "html/block_builder.h"

#include <algorithm>
#include <array>
#include <limits>
#include <string>
#include <unordered_map>

#include "html/dom_walk.h"
#include "text/ascii.h"
#include "text/page_title.h"

namespace declutter {
namespace {

enum class Role : std::uint8_t {
  inline_element,  // text flows through it
  block,           // its text is a block of its own
  row,             // a table row: one block, cells separated by a tab
  cell,            // a table cell: a tab before it when the row has text
  line_break,      // <br>
  hidden,          // never rendered: no text at all
};

struct ElementInfo {
  Role role = Role::inline_element;
  BlockKind kind = BlockKind::other;
  std::string_view tag;  // static storage: blocks outlive the parsed tree
};

const std::unordered_map<std::string_view, ElementInfo>& element_table() {
  static const std::unordered_map<std::string_view, ElementInfo> table = [] {
    std::unordered_map<std::string_view, ElementInfo> t;
    constexpr std::array kBlocks{"address", "article", "aside",  "body",     "center", "details", "dialog",
                                 "dir",     "div",     "dl",     "fieldset", "figure", "footer",  "form",
                                 "header",  "hgroup",  "hr",     "html",     "legend", "main",    "menu",
                                 "nav",     "ol",      "section", "summary", "table",  "tbody",   "thead",
                                 "tfoot",   "ul",      "frameset", "optgroup", "search"};
    for (std::string_view tag : kBlocks) t[tag] = {Role::block, BlockKind::other, tag};
    for (std::string_view tag : {"h1", "h2", "h3", "h4", "h5", "h6"}) t[tag] = {Role::block, BlockKind::heading, tag};
    t["p"] = {Role::block, BlockKind::paragraph, "p"};
    for (std::string_view tag : {"li", "dd", "dt"}) t[tag] = {Role::block, BlockKind::list_item, tag};
    t["pre"] = {Role::block, BlockKind::preformatted, "pre"};
    t["listing"] = {Role::block, BlockKind::preformatted, "listing"};
    t["blockquote"] = {Role::block, BlockKind::quote, "blockquote"};
    t["figcaption"] = {Role::block, BlockKind::caption, "figcaption"};
    t["caption"] = {Role::block, BlockKind::caption, "caption"};
    t["tr"] = {Role::row, BlockKind::table_cell, "tr"};
    t["td"] = {Role::cell, BlockKind::table_cell, "td"};
    t["th"] = {Role::cell, BlockKind::table_cell, "th"};
    t["br"] = {Role::line_break, BlockKind::other, "br"};
    constexpr std::array kHidden{"script", "style",  "noscript", "template", "head",     "title",  "svg",
                                 "math",   "iframe", "object",   "embed",    "select",   "datalist", "textarea",
                                 "canvas", "video",  "audio",    "map",      "noembed",  "noframes", "frame",
                                 "applet", "param",  "source",   "track",    "picture", "input",  "button"};
    for (std::string_view tag : kHidden) t[tag] = {Role::hidden, BlockKind::other, tag};
    return t;
  }();
  return table;
}

const ElementInfo& lookup_info(const xmlNode* element) {
  static const ElementInfo kInline{};
  const auto& table = element_table();
  auto it = table.find(node_name(element));
  return it == table.end() ? kInline : it->second;
}

bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Caps on the class/id context copied per block (hostile pages carry megabyte attributes).
constexpr std::size_t kClassIdAncestors = 3;
constexpr std::size_t kClassIdMaxBytes = 200;

std::string_view collapse_into(std::string_view text, std::string& out) {
  bool space = false;
  for (char c : text) {
    if (is_html_space(c)) {
      space = !out.empty();
    } else {
      if (space) out.push_back(' ');
      space = false;
      out.push_back(c);
    }
  }
  return out;
}

}  // namespace

const void* BlockBuilder::info_of(const xmlNode* element) {
  return names_.get(element->name, [&] { return static_cast<const void*>(&lookup_info(element)); });
}

std::string title_text(xmlDoc* tree) {
  std::string out;
  xmlNode* root = xmlDocGetRootElement(tree);
  if (root == nullptr) return out;
  const xmlNode* title = nullptr;
  walk_tree(
      root,
      [&](xmlNode* node) {
        if (title != nullptr || node->type != XML_ELEMENT_NODE) return false;
        const std::string_view name = node_name(node);
        if (name == "title") {
          title = node;
          return false;
        }
        return name == "html" || name == "head";  // the title lives in <head>
      },
      [](xmlNode*) {});
  if (title == nullptr) return out;
  for (const xmlNode* child = title->children; child != nullptr; child = child->next)
    if (child->type == XML_TEXT_NODE) {
      if (!out.empty()) out.push_back(' ');
      collapse_into(xml_text(child->content), out);
    }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

void BlockBuilder::build(xmlDoc* tree, const DomMarks& marks, Document& doc) {
  doc_ = &doc;
  arena_ = &doc.arena;
  names_.clear();
  class_id_names_.clear();
  frames_.clear();
  texts_.clear();
  class_ids_.clear();
  h1_blocks_.clear();
  first_block_ = doc.blocks.size();
  doc.elements.resize(first_block_);  // one per block, from here on as they are appended
  pending_ = Separator::none;
  pending_break_ = false;
  link_depth_ = 0;
  pre_depth_ = 0;
  run_link_chars_ = 0;
  root_rule_ = marks.root_rule();

  doc.title = title_text(tree);
  xmlNode* root = xmlDocGetRootElement(tree);
  run_start_ = arena_->size();
  if (root != nullptr) {
    const xmlNode* narrowed_to = marks.root();
    walk_tree(
        root,
        [&](xmlNode* node) {
          if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
            append_text(xml_text(node->content));
            return false;
          }
          if (node->type != XML_ELEMENT_NODE) return false;
          enter_element(node, marks);
          if (node == narrowed_to) frames_.back().in_root = true;
          return static_cast<const ElementInfo*>(info_of(node))->role != Role::hidden;
        },
        [&](xmlNode* node) {
          if (node->type == XML_ELEMENT_NODE) leave_element(node);
        });
  }
  flush();
  choose_title();

  // The arena is complete: point the new blocks' views into it.
  const std::string& arena = *arena_;
  for (std::size_t i = 0; i < texts_.size(); ++i) {
    doc.blocks[first_block_ + i].text = std::string_view(arena).substr(texts_[i].offset, texts_[i].length);
    doc.elements[first_block_ + i].class_id =
        std::string_view(arena).substr(class_ids_[i].offset, class_ids_[i].length);
  }
}

void BlockBuilder::enter_element(xmlNode* element, const DomMarks& marks) {
  const ElementInfo& info = *static_cast<const ElementInfo*>(info_of(element));
  Frame frame;
  frame.element = element;
  if (!frames_.empty()) {
    const Frame& parent = frames_.back();
    frame.owner = parent.owner;
    frame.owner_node = parent.owner_node;
    frame.drop = parent.drop;
    frame.keep = parent.keep;
    frame.in_root = parent.in_root;
  } else {
    frame.in_root = marks.root() == nullptr;
  }
  if (const DomMark* mark = marks.size() != 0 ? marks.find(element) : nullptr) {
    if (mark->keep != nullptr && frame.keep == nullptr) frame.keep = mark->keep;
    if (mark->drop != nullptr && frame.drop == nullptr) frame.drop = mark->drop;
  }
  const bool is_root = element == marks.root();
  const bool state_changes = frames_.empty() || is_root || (frame.keep != frames_.back().keep) ||
                             (frame.drop != frames_.back().drop);
  frame.boundary = info.role == Role::block || info.role == Role::row || state_changes;
  if (info.role == Role::block || info.role == Role::row || frames_.empty()) {
    frame.owner = element;
    const std::uint32_t parent = frame.owner_node;
    frame.owner_node = static_cast<std::uint32_t>(doc_->nodes.size());
    doc_->nodes.push_back({parent, frame.owner_node + 1,
                           static_cast<std::uint16_t>(std::min<std::size_t>(frames_.size(), std::numeric_limits<std::uint16_t>::max()))});
  }

  if (frame.boundary) {
    flush();
  } else if (info.role == Role::cell) {
    if (arena_->size() > run_start_ && pending_ != Separator::newline) pending_ = Separator::tab;
  } else if (info.role == Role::line_break) {
    if (pre_depth_ > 0) {
      append_text("\n");
    } else if (pending_break_) {
      flush();  // <br><br>: a paragraph break
    } else if (arena_->size() > run_start_) {
      pending_ = Separator::newline;
      pending_break_ = true;
    }
  }
  if (node_name(element) == "a") ++link_depth_;
  if (info.kind == BlockKind::preformatted) ++pre_depth_;
  frames_.push_back(frame);
}

void BlockBuilder::leave_element(const xmlNode* element) {
  const Frame& frame = frames_.back();
  if (frame.boundary) flush();
  if (frame.owner == element) doc_->nodes[frame.owner_node].end = static_cast<std::uint32_t>(doc_->nodes.size());
  const ElementInfo& info = *static_cast<const ElementInfo*>(info_of(element));
  if (node_name(element) == "a" && link_depth_ > 0) --link_depth_;
  if (info.kind == BlockKind::preformatted && pre_depth_ > 0) --pre_depth_;
  frames_.pop_back();
}

void BlockBuilder::append_text(std::string_view text) {
  std::string& arena = *arena_;
  const bool in_link = link_depth_ > 0;
  if (pre_depth_ > 0) {
    if (text.empty()) return;
    if (pending_ != Separator::none && arena.size() > run_start_)
      arena.push_back(pending_ == Separator::newline ? '\n' : pending_ == Separator::tab ? '\t' : ' ');
    pending_ = Separator::none;
    // A newline right after <pre> is not content (HTML); libxml2 leaves it in.
    if (arena.size() == run_start_ && text.front() == '\n') text.remove_prefix(1);
    for (char c : text) {
      if (c == '\r') continue;
      arena.push_back(c);
      if (in_link && !is_continuation(c) && !is_html_space(c)) ++run_link_chars_;
    }
    pending_break_ = false;
    return;
  }
  std::size_t i = 0;
  while (i < text.size()) {
    if (is_html_space(text[i])) {
      if (pending_ == Separator::none && arena.size() > run_start_) pending_ = Separator::space;
      ++i;
      continue;
    }
    std::size_t end = i + 1;
    while (end < text.size() && !is_html_space(text[end])) ++end;
    if (pending_ != Separator::none && arena.size() > run_start_)
      arena.push_back(pending_ == Separator::newline ? '\n' : pending_ == Separator::tab ? '\t' : ' ');
    pending_ = Separator::none;
    pending_break_ = false;
    const std::string_view word = text.substr(i, end - i);
    arena.append(word);
    if (in_link)
      for (char c : word)
        if (!is_continuation(c)) ++run_link_chars_;
    i = end;
  }
}

BlockBuilder::Span BlockBuilder::append_class_id(const xmlNode* owner) {
  std::string& arena = *arena_;
  const std::size_t start = arena.size();
  std::size_t level = 0;
  for (const xmlNode* node = owner; node != nullptr && node->type == XML_ELEMENT_NODE && level <= kClassIdAncestors;
       node = node->parent, ++level) {
    for (const xmlAttr* a = node->properties; a != nullptr; a = a->next) {
      const bool wanted = class_id_names_.get(a->name, [&] {
        const std::string_view name = xml_text(a->name);
        return name == "class" || name == "id";
      });
      if (!wanted) continue;
      std::string_view value = attribute_value(a);
      while (!value.empty() && arena.size() - start < kClassIdMaxBytes) {
        std::size_t begin = 0;
        while (begin < value.size() && is_html_space(value[begin])) ++begin;
        std::size_t end = begin;
        while (end < value.size() && !is_html_space(value[end])) ++end;
        const std::size_t used = arena.size() - start;
        const std::size_t room = kClassIdMaxBytes - used - (used > 0 ? 1 : 0);
        if (end > begin && kClassIdMaxBytes > used + 1 && end - begin <= room) {
          if (used > 0) arena.push_back(' ');
          arena.append(value.substr(begin, end - begin));
        }
        value.remove_prefix(end);
      }
    }
  }
  return {static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(arena.size() - start)};
}

void BlockBuilder::flush() {
  std::string& arena = *arena_;
  while (arena.size() > run_start_ && is_html_space(arena.back())) arena.pop_back();
  pending_ = Separator::none;
  pending_break_ = false;
  if (arena.size() == run_start_ || frames_.empty()) {
    arena.resize(run_start_);
    run_link_chars_ = 0;
    return;
  }
  const Frame& frame = frames_.back();
  const xmlNode* owner = frame.owner != nullptr ? frame.owner : frame.element;
  const ElementInfo& info = *static_cast<const ElementInfo*>(info_of(owner));

  Block block;
  block.line = owner->line;
  block.gap_before = true;
  block.kind = info.kind;
  BlockElement element;
  element.tag = info.tag.empty() ? std::string_view("div") : info.tag;
  element.depth = static_cast<std::uint16_t>(std::min<std::size_t>(frames_.size(), std::numeric_limits<std::uint16_t>::max()));
  element.link_chars = run_link_chars_;
  element.node = frame.owner_node;
  if (frame.keep != nullptr) {
    doc_->decide(block, Verdict::keep, Decider::dom_rule, frame.keep);
  } else if (!frame.in_root) {
    doc_->decide(block, Verdict::drop, Decider::dom_rule, root_rule_);
  } else if (frame.drop != nullptr) {
    doc_->decide(block, Verdict::drop, Decider::dom_rule, frame.drop);
  }
  if (element.tag == "h1" && !block.dropped()) h1_blocks_.push_back(doc_->blocks.size());
  texts_.push_back({static_cast<std::uint32_t>(run_start_), static_cast<std::uint32_t>(arena.size() - run_start_)});
  class_ids_.push_back(append_class_id(owner));
  doc_->blocks.push_back(block);
  doc_->elements.push_back(element);
  run_start_ = arena.size();
  run_link_chars_ = 0;
}

void BlockBuilder::choose_title() {
  std::string& arena = *arena_;
  const auto text_of = [&](std::size_t block) {
    const Span span = texts_[block - first_block_];
    return std::string_view(arena).substr(span.offset, span.length);
  };
  // The main <h1>: the longest one the <title> quotes (pages often also have a logo <h1>),
  // else the first.
  std::size_t chosen = std::numeric_limits<std::size_t>::max();
  std::size_t chosen_length = 0;
  if (doc_->title.size() <= kLongestTitle)
    for (std::size_t block : h1_blocks_) {
      const std::string_view text = text_of(block);
      if (text.size() > chosen_length && doc_->title.find(text) != std::string::npos) {
        chosen = block;
        chosen_length = text.size();
      }
    }
  if (chosen == std::numeric_limits<std::size_t>::max() && !h1_blocks_.empty()) chosen = h1_blocks_.front();

  auto& blocks = doc_->blocks;
  auto& elements = doc_->elements;
  if (chosen != std::numeric_limits<std::size_t>::max()) {
    blocks[chosen].kind = BlockKind::title;
    const auto offset = static_cast<std::ptrdiff_t>(first_block_);
    const auto at = static_cast<std::ptrdiff_t>(chosen);
    std::rotate(blocks.begin() + offset, blocks.begin() + at, blocks.begin() + at + 1);
    std::rotate(elements.begin() + offset, elements.begin() + at, elements.begin() + at + 1);
    std::rotate(texts_.begin(), texts_.begin() + (at - offset), texts_.begin() + (at - offset) + 1);
    std::rotate(class_ids_.begin(), class_ids_.begin() + (at - offset), class_ids_.begin() + (at - offset) + 1);
    return;
  }
  const std::string_view title = strip_site_name(doc_->title);
  if (title.empty()) return;
  Block block;
  block.kind = BlockKind::title;
  block.gap_before = true;
  BlockElement element;
  element.tag = "title";
  const auto offset = static_cast<std::uint32_t>(arena.size());
  arena.append(title);
  blocks.insert(blocks.begin() + static_cast<std::ptrdiff_t>(first_block_), block);
  elements.insert(elements.begin() + static_cast<std::ptrdiff_t>(first_block_), element);
  texts_.insert(texts_.begin(), Span{offset, static_cast<std::uint32_t>(title.size())});
  class_ids_.insert(class_ids_.begin(), Span{offset, 0});
}

}  // namespace declutter
