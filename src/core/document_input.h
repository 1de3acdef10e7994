#pragma once
// One document as a caller hands it over: its bytes and what came with them.
#include <string_view>

namespace declutter {

enum class InputFormat { automatic, text, html };

struct DocumentInput {
  DocumentInput(std::string_view document_bytes, std::string_view document_url = {},
                std::string_view transport_charset = {}, InputFormat transport_format = InputFormat::automatic)
      : bytes(document_bytes), url(document_url), charset(transport_charset), format(transport_format) {}

  std::string_view bytes;
  std::string_view url;      // selects publisher rules by host when no --publisher
  // The encoding the transport declared (an HTTP Content-Type's charset, in a WARC record),
  // as an iconv name; empty when none. It comes before the page's own declaration, as in
  // browsers; a byte-order mark, --encoding and bytes that are all valid UTF-8 beat it.
  std::string_view charset;
  // What the transport said the bytes are (a WARC record's content type: an HTML response,
  // or the plain text Common Crawl's WET files hold); automatic when it said nothing.
  // --format beats it, and it beats guessing from the first bytes.
  InputFormat format;
};

}  // namespace declutter
