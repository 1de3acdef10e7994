#pragma once
// The language data the metadata rules read with: month names (rules/dates/) for dates
// written out, and byline prefixes (rules/bylines/) to take off authors' names. Parsed once
// per engine and shared, read-only, by every worker.
#include "text/byline_prefixes.h"
#include "text/month_names.h"

namespace declutter {

struct MetadataWords {
  MonthNames months;
  BylinePrefixes bylines;
};

}  // namespace declutter
