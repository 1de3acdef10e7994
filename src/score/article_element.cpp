#include "score/article_element.h"

namespace declutter::score {

std::uint32_t article_element(std::span<const DomNode> nodes, std::span<const BlockElement> elements,
                              std::span<const float> mass, float min_share, std::vector<float>& subtree,
                              std::vector<std::uint32_t>& subtree_blocks) {
  subtree.assign(nodes.size(), 0.0F);
  subtree_blocks.assign(nodes.size(), 0);
  float total = 0;
  for (std::size_t i = 0; i < elements.size(); ++i) {
    if (mass[i] <= 0 || elements[i].node >= nodes.size()) continue;
    subtree[elements[i].node] += mass[i];
    ++subtree_blocks[elements[i].node];
    total += mass[i];
  }
  if (total <= 0) return kNoNode;
  // Nodes are in document order, a parent before its children: one backward pass sums
  // every subtree.
  for (std::size_t k = nodes.size(); k-- > 0;)
    if (nodes[k].parent < k) {
      subtree[nodes[k].parent] += subtree[k];
      subtree_blocks[nodes[k].parent] += subtree_blocks[k];
    }
  std::uint32_t best = kNoNode;
  std::uint32_t best_container = kNoNode;
  for (std::size_t k = 0; k < nodes.size(); ++k) {
    if (subtree[k] < min_share * total) continue;
    if (best == kNoNode || nodes[k].depth >= nodes[best].depth) best = static_cast<std::uint32_t>(k);
    if (subtree_blocks[k] >= 2 && (best_container == kNoNode || nodes[k].depth >= nodes[best_container].depth))
      best_container = static_cast<std::uint32_t>(k);
  }
  return best_container != kNoNode ? best_container : best;
}

}  // namespace declutter::score
