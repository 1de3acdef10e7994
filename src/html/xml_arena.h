#pragma once
// Per-page memory for libxml2. A parsed page is tens of thousands of small allocations
// (nodes, names, text, attribute values) that all die together when the page is done:
// through glibc malloc they cost about a quarter of the parse, and xmlFreeDoc walks the
// whole tree again to free them one by one. While an XmlArena::Scope is open on a thread,
// libxml2's allocations on that thread are carved from the arena's chunks (blocks of 32 KiB
// and more get a heap block of their own, so huge attributes are not copied on growth);
// closing the scope gives them all back at once and keeps the chunks for the next page.
// Outside a scope libxml2 allocates from the heap as usual.
//
// libxml2's allocator is process-wide (xmlMemSetup): ensure_libxml2_initialised() installs
// it, and must run before any other libxml2 call (every entry point in src/html/ does so).
// Under AddressSanitizer every block is a heap block of its own, so ASan still sees each
// allocation of the tree and any leak.
#include <array>
#include <cstddef>
#include <vector>

#include "html/chunk_arena.h"
#include "html/xml_doc.h"

namespace declutter {

class XmlArena {
 public:
  XmlArena() = default;
  ~XmlArena();
  XmlArena(const XmlArena&) = delete;
  XmlArena& operator=(const XmlArena&) = delete;

  // libxml2 allocates from `arena` on this thread until the scope closes. Documents made
  // in the scope must be gone (freed, or given to discard()) before it closes.
  class Scope {
   public:
    explicit Scope(XmlArena& arena);
    ~Scope();
    Scope(const Scope&) = delete;
    Scope& operator=(const Scope&) = delete;

    // Disposes of a document built in this scope without walking its tree: only what
    // lives outside the arena (the dictionary's lock, and the ID and DTD tables that hold
    // references to the dictionary) is freed; the rest goes when the scope closes.
    void discard(XmlDocPtr doc);

   private:
    XmlArena& arena_;
    XmlArena* outer_;
    bool outer_paused_;
  };

  // Within a scope: libxml2 allocates from the heap until this closes (XPath evaluation,
  // whose short-lived objects would otherwise pile up in the arena until the page ends).
  class HeapAllocations {
   public:
    HeapAllocations();
    ~HeapAllocations();
    HeapAllocations(const HeapAllocations&) = delete;
    HeapAllocations& operator=(const HeapAllocations&) = delete;

   private:
    bool outer_paused_;
  };

  // The hooks handed to libxml2 (xml_arena.cpp) carve and give back through these.
  void* allocate(std::size_t size) noexcept;
  void* reallocate(void* block, std::size_t size) noexcept;
  void release(void* block) noexcept;

 private:
  void reset() noexcept;

  // Small blocks libxml2 frees before the page ends (an attribute value's parse buffer,
  // for one) are reused by size, as malloc would: 16-byte classes up to kListedBytes.
  static constexpr std::size_t kListedBytes = 1024;
  static constexpr std::size_t kSizeClasses = kListedBytes / ChunkArena::kAlign + 1;

  ChunkArena chunks_;
  std::array<void*, kSizeClasses> freed_{};  // per class: a list linked through the blocks
  std::vector<void*> own_blocks_;  // blocks too large for the chunks; null once freed
};

// Routes libxml2's allocations through the arena hooks (once per process).
void install_xml_allocator();

}  // namespace declutter
