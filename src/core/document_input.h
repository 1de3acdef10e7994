#pragma once
// One document as a caller hands it over: its bytes and what came with them.
#include <string_view>

namespace declutter {

struct DocumentInput {
  DocumentInput(std::string_view document_bytes, std::string_view document_url = {},
                std::string_view transport_charset = {})
      : bytes(document_bytes), url(document_url), charset(transport_charset) {}

  std::string_view bytes;
  std::string_view url;      // selects publisher rules by host when no --publisher
  // The encoding the transport declared (an HTTP Content-Type's charset, in a WARC record),
  // as an iconv name; empty when none. It comes before the page's own declaration, as in
  // browsers; a byte-order mark, --encoding and bytes that are all valid UTF-8 beat it.
  std::string_view charset;
};

}  // namespace declutter
