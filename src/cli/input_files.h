#pragma once
// The pages of the commands that take a list of them (report, suggest): each FILE read
// whole, or with --warc each page of each WARC file.
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

#include "cli/options.h"
#include "core/document_input.h"

namespace declutter {

// Reads `path` ("-" is standard input) into `out`, inflated when it is gzip data (up to
// `max_inflated` bytes, --max-doc-bytes; 0: no limit); on failure returns false and sets
// `error` to "path: reason".
bool read_input_file(const std::string& path, std::string& out, std::string& error, std::size_t max_inflated);

// Hands each page of `options.inputs` (standard input when there are none) to `page`, in
// order, with a label for people: the file's name ("standard input" for "-"), or with
// --warc the page's URL. A WARC page that cannot be read (its body does not decode, it is
// over --max-doc-bytes) is reported on stderr and skipped. Returns false, after saying why
// on stderr, when an input cannot be read to its end.
using PageVisitor = std::function<void(const DocumentInput& page, std::string_view label)>;
bool for_each_input_page(const CliOptions& options, const PageVisitor& page);

}  // namespace declutter
