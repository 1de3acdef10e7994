#pragma once
// What a page's <title> says of its headline.
#include <array>
#include <cstddef>
#include <string_view>

namespace declutter {

// The separators a <title> joins its headline and the site name with: | - – — · :: » « •
inline constexpr std::array<std::string_view, 9> kTitleSeparators{
    " | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " \xC2\xB7 ", " :: ", " \xC2\xBB ", " \xC2\xAB ", " \xE2\x80\xA2 "};

// A <title> longer than this is no page title but garbage or a paragraph (a text page that
// opens with its article): the HTML block builder looks for no <h1> in it and the scorer's
// title filter lets no block be compared with it, since comparing each of a page's blocks
// with it would cost the blocks times its length. (title_opens_with, which compares one
// block with the title's leading parts, has its own bound, the headline's size.)
inline constexpr std::size_t kLongestTitle = 512;

// "Headline | Example News" -> "Headline": strips a site name joined by a separator when it
// is the clearly shorter side (at most half the other).
std::string_view strip_site_name(std::string_view title);

// Whether `title` opens with a headline of `headline_bytes` bytes, as `is_headline(part)`
// judges a part of it (the caller's comparison), followed by a separator and a site name no
// longer than the headline: "Headline | Example News", or "Headline |" with no site name.
// Weaker evidence than strip_site_name's, for a text the page shows anyway (its <h1>). Only
// the leading side: a site name trails in most titles, so a logo <h1> ("Example News") would
// match the trailing side of a short title ("Rain | Example News"). Parts more than twice
// the headline's size (plus some bytes of entities and spacing) are not compared, so a
// hostile title of many separators costs time linear in its length.
template <class IsHeadline>
bool title_opens_with(std::string_view title, std::size_t headline_bytes, IsHeadline is_headline) {
  const std::size_t longest_part = 2 * headline_bytes + 16;
  for (std::string_view separator : kTitleSeparators) {
    const std::string_view dangling = separator.substr(0, separator.size() - 1);  // "Headline |"
    if (title.size() > dangling.size() && title.size() - dangling.size() <= longest_part &&
        title.substr(title.size() - dangling.size()) == dangling &&
        is_headline(title.substr(0, title.size() - dangling.size())))
      return true;
    for (std::size_t at = title.find(separator); at != std::string_view::npos && at <= longest_part;
         at = title.find(separator, at + 1))
      if (title.size() - at - separator.size() <= at && is_headline(title.substr(0, at))) return true;
  }
  return false;
}

}  // namespace declutter
