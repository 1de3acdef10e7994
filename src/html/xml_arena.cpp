#include "html/xml_arena.h"

#include <libxml/tree.h>
#include <libxml/valid.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlmemory.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <new>

namespace declutter {
namespace {

// Every block handed to libxml2 starts with this, so free and realloc know where the
// block came from without looking anything up.
struct alignas(ChunkArena::kAlign) BlockHeader {
  std::size_t size;     // as requested
  std::uint32_t kind;
  std::uint32_t slot;   // own blocks: the index in XmlArena::own_blocks_
};

enum Kind : std::uint32_t {
  kHeap = 0x70616568,    // malloc, outside any scope
  kCarved = 0x76726163,  // from the arena's chunks
  kOwn = 0x6e776f,       // a heap block owned by the arena
};

#if defined(__SANITIZE_ADDRESS__)
constexpr std::size_t kOwnBlockBytes = 0;
#else
constexpr std::size_t kOwnBlockBytes = 32 * 1024;
#endif
constexpr std::size_t kMaxRequest = std::numeric_limits<std::size_t>::max() / 2;

thread_local XmlArena* t_arena = nullptr;  // the scope open on this thread
thread_local bool t_heap = false;          // HeapAllocations open on this thread

BlockHeader* header_of(void* block) { return static_cast<BlockHeader*>(block) - 1; }

// A carved block's bytes in its chunk: the header, and room for the link of a freed block.
std::size_t footprint(std::size_t size) { return sizeof(BlockHeader) + std::max(size, sizeof(void*)); }

// The free list a carved block goes to: its footprint in kAlign units.
std::size_t size_class(std::size_t size) { return (footprint(size) + ChunkArena::kAlign - 1) / ChunkArena::kAlign; }

void* heap_allocate(std::size_t size) {
  if (size > kMaxRequest) return nullptr;
  auto* header = static_cast<BlockHeader*>(std::malloc(sizeof(BlockHeader) + size));
  if (header == nullptr) return nullptr;
  header->size = size;
  header->kind = kHeap;
  header->slot = 0;
  return header + 1;
}

void* hook_malloc(std::size_t size) {
  return t_arena != nullptr && !t_heap ? t_arena->allocate(size) : heap_allocate(size);
}

void hook_free(void* block) {
  if (block == nullptr) return;
  BlockHeader* header = header_of(block);
  if (header->kind == kHeap) {
    std::free(header);
  } else if (t_arena != nullptr) {
    t_arena->release(block);
  }
}

void* hook_realloc(void* block, std::size_t size) {
  if (block == nullptr) return hook_malloc(size);
  BlockHeader* header = header_of(block);
  if (header->kind != kHeap) return t_arena != nullptr ? t_arena->reallocate(block, size) : nullptr;
  if (size > kMaxRequest) return nullptr;
  auto* grown = static_cast<BlockHeader*>(std::realloc(header, sizeof(BlockHeader) + size));
  if (grown == nullptr) return nullptr;
  grown->size = size;
  return grown + 1;
}

char* hook_strdup(const char* text) {
  const std::size_t size = std::strlen(text) + 1;
  auto* copy = static_cast<char*>(hook_malloc(size));
  if (copy != nullptr) std::memcpy(copy, text, size);
  return copy;
}

}  // namespace

void install_xml_allocator() { xmlMemSetup(hook_free, hook_malloc, hook_realloc, hook_strdup); }

XmlArena::~XmlArena() { reset(); }

void* XmlArena::allocate(std::size_t size) noexcept {
  if (size > kMaxRequest) return nullptr;
  if (size >= kOwnBlockBytes) {
    if (own_blocks_.size() >= std::numeric_limits<std::uint32_t>::max()) return nullptr;
    auto* header = static_cast<BlockHeader*>(std::malloc(sizeof(BlockHeader) + size));
    if (header == nullptr) return nullptr;
    try {
      own_blocks_.push_back(header);
    } catch (const std::bad_alloc&) {
      std::free(header);
      return nullptr;
    }
    header->size = size;
    header->kind = kOwn;
    header->slot = static_cast<std::uint32_t>(own_blocks_.size() - 1);
    return header + 1;
  }
  const std::size_t size_class_index = size_class(size);
  BlockHeader* header = nullptr;
  if (size_class_index < kSizeClasses && freed_[size_class_index] != nullptr) {
    void* reused = freed_[size_class_index];
    std::memcpy(&freed_[size_class_index], reused, sizeof(void*));
    header = header_of(reused);
  } else {
    header = static_cast<BlockHeader*>(chunks_.allocate(footprint(size)));
    if (header == nullptr) return nullptr;
  }
  header->size = size;
  header->kind = kCarved;
  header->slot = 0;
  return header + 1;
}

void* XmlArena::reallocate(void* block, std::size_t size) noexcept {
  BlockHeader* header = header_of(block);
  if (size > kMaxRequest) return nullptr;
  if (header->kind == kOwn) {
    auto* grown = static_cast<BlockHeader*>(std::realloc(header, sizeof(BlockHeader) + size));
    if (grown == nullptr) return nullptr;
    grown->size = size;
    own_blocks_[grown->slot] = grown;
    return grown + 1;
  }
  // Text that libxml2 accumulates grows its newest block: in place, when the chunk has room.
  if (size < kOwnBlockBytes && chunks_.resize_last(header, footprint(header->size), footprint(size))) {
    header->size = size;
    return block;
  }
  void* moved = allocate(size);
  if (moved == nullptr) return nullptr;
  std::memcpy(moved, block, std::min(header->size, size));
  release(block);
  return moved;
}

void XmlArena::release(void* block) noexcept {
  BlockHeader* header = header_of(block);
  if (header->kind == kOwn) {
    own_blocks_[header->slot] = nullptr;
    std::free(header);
    return;
  }
  if (chunks_.release_last(header, footprint(header->size))) return;
  const std::size_t size_class_index = size_class(header->size);
  if (size_class_index < kSizeClasses) {
    std::memcpy(block, &freed_[size_class_index], sizeof(void*));
    freed_[size_class_index] = block;
  }
}

void XmlArena::reset() noexcept {
  for (void* block : own_blocks_) std::free(block);
  own_blocks_.clear();
  freed_.fill(nullptr);
  chunks_.reset();
}

XmlArena::Scope::Scope(XmlArena& arena) : arena_(arena), outer_(t_arena), outer_paused_(t_heap) {
  t_arena = &arena;
  t_heap = false;
}

XmlArena::Scope::~Scope() {
  // libxml2 copies each error into a per-thread record; its strings may be ours.
  xmlResetLastError();
  t_arena = outer_;
  t_heap = outer_paused_;
  arena_.reset();
}

void XmlArena::Scope::discard(XmlDocPtr doc) {
  xmlDoc* tree = doc.release();
  if (tree == nullptr) return;
  if (header_of(tree)->kind == kHeap) {
    xmlFreeDoc(tree);
    return;
  }
  if (tree->ids != nullptr) xmlFreeIDTable(static_cast<xmlIDTablePtr>(tree->ids));
  if (tree->refs != nullptr) xmlFreeRefTable(static_cast<xmlRefTablePtr>(tree->refs));
  tree->ids = nullptr;
  tree->refs = nullptr;
  xmlDtd* external = tree->extSubset;
  xmlDtd* internal = tree->intSubset;
  tree->extSubset = nullptr;
  tree->intSubset = nullptr;
  if (external != nullptr) xmlFreeDtd(external);
  if (internal != nullptr && internal != external) xmlFreeDtd(internal);
  if (tree->dict != nullptr) xmlDictFree(tree->dict);
  tree->dict = nullptr;
}

XmlArena::HeapAllocations::HeapAllocations() : outer_paused_(t_heap) { t_heap = true; }

XmlArena::HeapAllocations::~HeapAllocations() { t_heap = outer_paused_; }

}  // namespace declutter
