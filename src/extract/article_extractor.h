// ArticleExtractor: raw input (plain text or HTML) -> the article text as ordered blocks,
// with page furniture dropped; fills Document::text, blocks and, from HTML, the title.
#pragma once

#include "core/document.h"
#include "extract/boilerplate.h"

namespace dyad {

class ArticleExtractor {
 public:
  // Replaces doc->text and doc->blocks from doc->raw. Blocks are joined by blank lines.
  void Extract(Document* doc) const;

 private:
  BoilerplateFilter filter_;
};

// Splits plain text into paragraphs: on blank lines when it has any, else on line breaks.
std::vector<std::string_view> SplitParagraphs(std::string_view text);

// A minimal HTML-to-blocks conversion (tags stripped, entities decoded, script/style/nav/
// header/footer/aside/form dropped). `title` gets the <title>. Stands in until the real HTML
// extractor lands.
struct HtmlBlock {
  std::string type;  // "p", "h", "li"
  std::string text;
};
std::vector<HtmlBlock> HtmlToBlocks(std::string_view html, std::string* title);

// Decodes HTML character references (&amp; &#39; &#x2019; &rsquo; ...) in `s`.
std::string DecodeEntities(std::string_view s);

}  // namespace dyad
