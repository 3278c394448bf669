// MainContent: finds the article body of a parsed page and returns it as ordered blocks
// (paragraphs, headings, list items, block quotes, table rows, preformatted text), leaving
// out navigation, related links, comments, banners, appeals, share widgets, bylines and ads.
#pragma once

#include <string>
#include <vector>

#include "extract/html_dom.h"

namespace dyad {

// One block of extracted text. Types: "p", "h", "li", "blockquote", "pre", "table".
struct HtmlBlock {
  std::string type;
  std::string text;
};

// The article's blocks in page order. `title` (the page's headline, "" when unknown) is
// left out of the blocks where the page repeats it.
std::vector<HtmlBlock> ExtractMainContent(const HtmlDom& dom, const std::string& title);

}  // namespace dyad
