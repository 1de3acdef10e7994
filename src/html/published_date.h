#pragma once
// The page's publication date, as html-date rules find it: in a <meta> tag's content, a
// <time> element's datetime, an element's text, or a member of a JSON-LD script
// (key=datePublished). The first rule, in rule order, whose elements hold a readable date
// decides.
#include <optional>
#include <string>
#include <string_view>

#include "html/dom_rules.h"
#include "text/month_names.h"

namespace declutter {

// A date as pages write it in machine-readable places, made YYYY-MM-DD: year first with or
// without a time ("2021-04-26", "2021-04-26T10:00:00+02:00", "2021/4/26", "20210426"), or day
// first with dots ("26.04.2021"); in a value of at most 40 bytes also after a word ("Di.,
// 25.01.2022 - 14:45") or written with a month's name that `months` knows ("28. Dezember
// 2022", "December 28th, 2022", "Wed, 04 May 2022 02:41:00 GMT"). Nothing when there is
// none, when the day does not exist, or when the order is ambiguous ("10/05/2022").
std::optional<std::string> normalise_date(std::string_view text, const MonthNames& months);

// The date an element gives for `rule`: the value of key=NAME in its text read as JSON, or
// else the first of its content attribute, its datetime attribute and its text that holds a
// readable date (<time datetime="23. Juni 2016">23.06.2016</time> gives 2016-06-23).
std::optional<std::string> date_of_element(const xmlNode* element, const Rule& rule, const MonthNames& months);

struct PublishedDate {
  std::string date;           // YYYY-MM-DD
  const Rule* rule = nullptr;  // the html-date rule that found it
};

// The first date the html-date rules' matches give, trying rules in order.
std::optional<PublishedDate> find_published_date(DomMarks& marks, const MonthNames& months);

}  // namespace declutter
