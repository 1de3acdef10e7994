#pragma once
// HTML: the element that holds the article (Readability's "top candidate"), found from the
// good prose the scorer labelled content rather than from class names.
#include <cstdint>
#include <span>
#include <vector>

#include "core/document.h"

namespace declutter::score {

// The deepest block-level element whose subtree holds at least `min_share` of `mass` (words
// of good prose, one entry per block, whose elements are `elements`) in at least two blocks, or kNoNode
// when there is none (no DOM, no prose). A paragraph holding the share alone is the start of
// an article, not the article: its container is. Only a page whose prose is one block gets
// that block's element. With min_share above one half the elements that qualify form a
// chain from the root down, so the deepest is well defined. `subtree` and `subtree_blocks`
// are scratch.
std::uint32_t article_element(std::span<const DomNode> nodes, std::span<const BlockElement> elements,
                              std::span<const float> mass, float min_share, std::vector<float>& subtree,
                              std::vector<std::uint32_t>& subtree_blocks);

// Whether `node` lies inside `element` (or is it).
inline bool inside_element(std::span<const DomNode> nodes, std::uint32_t element, std::uint32_t node) {
  return element < nodes.size() && node >= element && node < nodes[element].end;
}

}  // namespace declutter::score
