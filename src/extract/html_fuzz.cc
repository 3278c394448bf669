// libFuzzer target: any bytes as a web page, through charset detection, UTF-8 repair, the
// HTML5 parser, metadata and main-content extraction. Run by scripts/fuzz.sh.
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/utf8.h"
#include "extract/article_extractor.h"
#include "ingest/charset.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const dyad::ArticleExtractor extractor;
  std::string page = dyad::DecodeToUtf8(std::string_view(reinterpret_cast<const char*>(data), size),
                                        "", /*html=*/true);
  dyad::RepairUtf8(page);
  dyad::Article a = extractor.ExtractHtml(page, "https://fuzz.example/2024/01/02/page");
  size_t total = 0;
  for (const auto& b : a.blocks) total += b.text.size();
  // Every block is text from the page: never more than the page holds (plus separators).
  if (total > page.size() * 3 + 64) __builtin_trap();
  return 0;
}
