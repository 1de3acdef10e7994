#include "emit/markdown_emitter.h"

#include <algorithm>
#include <string_view>
#include <vector>

#include "emit/text_emitter.h"
#include "text/normalize.h"

namespace declutter {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Whether Markdown would read `line` (no leading white space) as a block marker rather than
// text: an ATX heading, a list item, a quote, a thematic break or setext underline, a code
// fence, or an ordered list item ("12. " or "12) ").
bool starts_like_markup(std::string_view line) {
  if (line.empty()) return false;
  const char first = line.front();
  const bool then_space = line.size() == 1 || line[1] == ' ' || line[1] == '\t';
  switch (first) {
    case '#': {
      const std::size_t after = line.find_first_not_of('#');
      return after == std::string_view::npos || line[after] == ' ' || line[after] == '\t';
    }
    case '-':
    case '+':
    case '*': return then_space || line.find_first_not_of(std::string_view("-*_ ", 4)) == std::string_view::npos;
    case '>': return true;
    case '=': return line.find_first_not_of("= ") == std::string_view::npos;
    case '_': return line.find_first_not_of("_ ") == std::string_view::npos;
    case '`':
    case '~': return line.size() >= 3 && line[1] == first && line[2] == first;
    default: break;
  }
  if (!is_digit(first)) return false;
  std::size_t i = 0;
  while (i < line.size() && i < 9 && is_digit(line[i])) ++i;
  return i < line.size() && (line[i] == '.' || line[i] == ')') && (i + 1 == line.size() || line[i + 1] == ' ');
}

// Appends one line of running text, escaped where it would read as markup; leading white
// space goes, since four spaces would make it a code block.
void append_text_line(std::string_view line, std::string& out) {
  if (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(line.find_first_not_of(" \t"));
  if (starts_like_markup(line)) {
    if (is_digit(line.front())) {
      const std::size_t mark = line.find_first_not_of("0123456789");
      out.append(line.substr(0, mark));
      out += '\\';
      out.append(line.substr(mark));
      return;
    }
    out += '\\';
  }
  out.append(line);
}

// Calls `each` with every line of a block, trailing white space removed.
template <typename Each>
void for_each_line(std::string_view text, Each each) {
  std::size_t start = 0;
  while (true) {
    const std::size_t eol = text.find('\n', start);
    each(trim_trailing_space(text.substr(start, eol == std::string_view::npos ? std::string_view::npos : eol - start)));
    if (eol == std::string_view::npos) return;
    start = eol + 1;
  }
}

int heading_level(const Block& block, std::string_view tag) {
  if (block.kind == BlockKind::title) return 1;
  if (tag.size() == 2 && tag[0] == 'h' && tag[1] >= '1' && tag[1] <= '6') return tag[1] - '0';
  return 2;  // a heading without a level (a role="heading" element): a section heading
}

void append_heading(const Block& block, std::string_view tag, std::string_view text, std::string& out) {
  out.append(static_cast<std::size_t>(heading_level(block, tag)), '#');
  out += ' ';
  // A heading is one line in Markdown: its line breaks become spaces.
  bool first = true;
  for_each_line(text, [&](std::string_view line) {
    if (line.empty()) return;
    if (!first) out += ' ';
    out.append(line);
    first = false;
  });
}

void append_prefixed(std::string_view prefix, std::string_view text, std::string& out) {
  bool first = true;
  for_each_line(text, [&](std::string_view line) {
    if (!first) out += '\n';
    const std::string_view lead = first || prefix != "- " ? prefix : std::string_view("  ");
    out.append(line.empty() ? trim_trailing_space(lead) : lead);  // no trailing white space
    append_text_line(line, out);
    first = false;
  });
}

void append_code(std::string_view text, std::string& out) {
  std::size_t longest = 0;
  for (std::size_t at = text.find('`'); at != std::string_view::npos; at = text.find('`', at)) {
    const std::size_t end = std::min(text.find_first_not_of('`', at), text.size());
    longest = std::max(longest, end - at);
    at = end;
  }
  const std::string fence(std::max<std::size_t>(3, longest + 1), '`');
  out += fence;
  out += '\n';
  for_each_line(text, [&](std::string_view line) {
    out.append(line);
    out += '\n';
  });
  out += fence;
}

std::size_t cell_count(std::string_view row) { return static_cast<std::size_t>(std::count(row.begin(), row.end(), '\t')) + 1; }

// One table row: cells split at tabs (block_builder.h), padded or cut to `columns`.
void append_table_row(std::string_view row, std::size_t columns, std::string& out) {
  out += '|';
  std::size_t start = 0;
  for (std::size_t column = 0; column < columns; ++column) {
    std::string_view cell;
    if (start <= row.size()) {
      const std::size_t tab = column + 1 == columns ? std::string_view::npos : row.find('\t', start);
      cell = row.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start);
      start = tab == std::string_view::npos ? row.size() + 1 : tab + 1;
    }
    out += ' ';
    for (char c : cell) {
      if (c == '|') out += '\\';
      out += c == '\n' || c == '\t' ? ' ' : c;
    }
    out += " |";
  }
}

struct Kept {
  const Block* block;
  std::string_view tag;
  std::string_view text;  // trailing white space removed
};

bool is_table_row(const Kept& kept) { return kept.block->kind == BlockKind::table_cell; }

}  // namespace

void emit_markdown(const Document& doc, std::string& out) {
  if (doc.format == SourceFormat::text) {
    emit_text(doc, out);
    return;
  }
  out.clear();
  std::vector<Kept> kept;
  for (std::size_t i = 0; i < doc.blocks.size(); ++i) {
    const Block& block = doc.blocks[i];
    if (block.dropped()) continue;
    const std::string_view text = trim_trailing_space(block.text);
    if (!text.empty()) kept.push_back({&block, doc.element(i).tag, text});
  }
  for (std::size_t i = 0; i < kept.size(); ++i) {
    const Block& block = *kept[i].block;
    const std::string_view text = kept[i].text;
    if (i > 0) {
      const bool same_list = block.kind == BlockKind::list_item && kept[i - 1].block->kind == BlockKind::list_item;
      out.append(same_list ? 1 : 2, '\n');
    }
    switch (block.kind) {
      case BlockKind::title:
      case BlockKind::heading: append_heading(block, kept[i].tag, text, out); break;
      case BlockKind::list_item: append_prefixed("- ", text, out); break;
      case BlockKind::quote: append_prefixed("> ", text, out); break;
      case BlockKind::preformatted: append_code(text, out); break;
      case BlockKind::table_cell: {
        std::size_t end = i;
        while (end < kept.size() && is_table_row(kept[end])) ++end;
        const std::size_t columns = cell_count(text);
        if (columns < 2) {  // a layout table: its rows are paragraphs
          append_prefixed("", text, out);
          break;
        }
        for (std::size_t row = i; row < end; ++row) {
          if (row > i) out += '\n';
          append_table_row(kept[row].text, columns, out);
          if (row == i) {
            out += "\n|";
            for (std::size_t c = 0; c < columns; ++c) out += " --- |";
          }
        }
        i = end - 1;
        break;
      }
      default: append_prefixed("", text, out); break;
    }
  }
  if (!kept.empty()) out += '\n';
}

}  // namespace declutter
