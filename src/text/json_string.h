#pragma once
// JSON string literals for text that may hold anything: JSONL records, --metadata objects.
#include <string>
#include <string_view>

namespace declutter {

// Appends `text` as a quoted JSON string; invalid UTF-8 becomes U+FFFD so the output stays
// valid JSON.
void append_json_string(std::string_view text, std::string& out);

}  // namespace declutter
