// PageMetadata: what a page says about its article — title, authors, publication date, site,
// language and canonical URL — read from meta tags, JSON-LD, microdata, <time>, the URL and
// the visible text, the more explicit sources trusted first.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "extract/html_dom.h"

namespace dyad {

struct PageMetadata {
  std::string title;
  std::vector<std::string> authors;
  std::string date;         // YYYY-MM-DD, "" when unknown
  std::string date_source;  // "meta", "json-ld", "time", "url", "text" or ""
  std::string site;
  std::string language;  // primary subtag, lower-case ("en")
  std::string canonical_url;
};

// Reads everything but the text-derived date (see DateFromText). `url` is where the page came
// from, "" when unknown; it resolves relative links and is a date source.
PageMetadata ReadPageMetadata(const HtmlDom& dom, std::string_view url);

// A date written in `s` ("2024-11-01T09:00:00Z", "Fri, 01 Nov 2024", "November 1, 2024",
// "1 Nov. 2024", "2024/11/01", "20241101") as YYYY-MM-DD; "" when none is recognised. With
// `anywhere`, the date may stand inside other text ("Published 1 November 2024 at 10:00").
std::string ParseDate(std::string_view s, bool anywhere = false);

// A date in a URL path (/2024/11/01/, /2024-11-01-, /20241101/); "" when none.
std::string DateFromUrl(std::string_view url);

// True when element `i` sits in page furniture (navigation, asides, the page's footer,
// comments, related-article lists), where a date or an author is not the article's.
bool InFurniture(const HtmlDom& dom, uint32_t i);

}  // namespace dyad
