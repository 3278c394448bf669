// ArticleExtractor: raw input (plain text or an HTML page) -> the article as ordered blocks
// with its metadata (title, authors, date, site, language, canonical URL), page furniture
// dropped; fills Document::text, blocks, title and date.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "extract/boilerplate.h"
#include "extract/main_content.h"

namespace dyad {

// What one page holds: its article and what the page says about it.
struct Article {
  std::string title;
  std::vector<std::string> authors;
  std::string date;         // YYYY-MM-DD, "" when the page gives none
  std::string date_source;  // meta, json-ld, time, url, text, or ""
  std::string site;
  std::string language;
  std::string canonical_url;
  std::vector<HtmlBlock> blocks;
};

class ArticleExtractor {
 public:
  // Replaces doc->text and doc->blocks from doc->raw; blocks are joined by blank lines. For
  // HTML also fills doc->title when empty, doc->publisher when empty, and doc->date when
  // empty: from the page, else doc->fallback_date.
  void Extract(Document* doc) const;

  // The article of one HTML page (UTF-8; invalid bytes are tolerated). `url` is where the
  // page came from ("" when unknown). Const and thread-safe.
  Article ExtractHtml(std::string_view html, std::string_view url) const;

 private:
  BoilerplateFilter filter_;
};

// Splits plain text into paragraphs: on blank lines when it has any, else on line breaks.
std::vector<std::string_view> SplitParagraphs(std::string_view text);

}  // namespace dyad
