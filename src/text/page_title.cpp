#include "text/page_title.h"

namespace declutter {

std::string_view strip_site_name(std::string_view title) {
  for (std::string_view separator : kTitleSeparators) {
    const std::size_t last = title.rfind(separator);
    if (last != std::string_view::npos) {
      const std::string_view before = title.substr(0, last);
      const std::string_view after = title.substr(last + separator.size());
      if (after.size() * 2 <= before.size()) return before;
    }
    const std::size_t first = title.find(separator);
    if (first != std::string_view::npos) {
      const std::string_view before = title.substr(0, first);
      const std::string_view after = title.substr(first + separator.size());
      if (before.size() * 2 <= after.size()) return after;
    }
  }
  return title;
}

}  // namespace declutter
