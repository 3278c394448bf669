#include "extract/article_extractor.h"

#include <string>

#include "core/strings.h"
#include "core/utf8.h"
#include "extract/html_dom.h"
#include "extract/page_metadata.h"

namespace dyad {

std::vector<std::string_view> SplitParagraphs(std::string_view text) {
  // Blank lines at the very start or end say nothing about how paragraphs are separated.
  std::vector<std::string_view> lines = Split(Trim(text), '\n');
  bool has_blank = false;
  for (auto l : lines)
    if (Trim(l).empty()) has_blank = true;
  std::vector<std::string_view> out;
  if (!has_blank) {
    for (auto l : lines)
      if (!Trim(l).empty()) out.push_back(Trim(l));
    return out;
  }
  // Paragraphs are runs of non-blank lines; keep each run as one view into `text`.
  const char* start = nullptr;
  const char* end = nullptr;
  for (auto l : lines) {
    if (Trim(l).empty()) {
      if (start) out.push_back(Trim(std::string_view(start, end - start)));
      start = nullptr;
      continue;
    }
    if (!start) start = l.data();
    end = l.data() + l.size();
  }
  if (start) out.push_back(Trim(std::string_view(start, end - start)));
  return out;
}

namespace {

// A date written near the headline: the byline area around the <h1> and the first
// paragraphs ("Published 1 November 2024"), or failing a headline, the first blocks; else a
// date labelled as the publication date, or following the author's name, anywhere.
std::string DateFromText(const HtmlDom& dom, const std::string& title,
                         const std::vector<std::string>& authors,
                         const std::vector<HtmlBlock>& blocks) {
  uint32_t h1 = 0;
  std::string lt = AsciiLower(title);
  for (uint32_t i = 1; i < dom.size(); ++i) {
    if (dom.tag(i) != HtmlTag::kH1) continue;
    if (!h1) h1 = i;
    std::string t;
    for (uint32_t k = i + 1; k < dom[i].end; ++k)
      if (dom.is_text(k)) t += dom.text(k);
    if (AsciiLower(CollapseSpace(t)) == lt) {
      h1 = i;
      break;
    }
  }
  std::string window;
  if (h1) {
    // The visible text from a little before the headline ("Last updated: Dec 12, 2025" above
    // it) to the first paragraphs after it.
    std::string before;
    for (uint32_t k = h1; k-- > 1 && before.size() < 300;) {
      if (dom.is_text(k)) {
        HtmlTag pt = dom.tag(dom[k].parent);
        if (pt == HtmlTag::kScript || pt == HtmlTag::kStyle || pt == HtmlTag::kTitle) continue;
        before.insert(0, std::string(dom.text(k)) + " ");
      }
    }
    window = before;
    for (uint32_t k = h1; k < dom.size() && window.size() < before.size() + 1500; ++k) {
      if (dom.tag(k) == HtmlTag::kScript || dom.tag(k) == HtmlTag::kStyle) {
        k = dom[k].end - 1;
        continue;
      }
      if (dom.is_text(k)) {
        window += dom.text(k);
        window += ' ';
      }
    }
  } else {
    for (size_t b = 0; b < blocks.size() && b < 3; ++b) window += blocks[b].text + "\n";
  }
  std::string d = ParseDate(CollapseSpace(window), true);
  if (!d.empty()) return d;
  // Elsewhere on the page, a date right after "Published", "Posted", "Updated", "Date:" or
  // after an author's name (a byline in a sidebar, a meta box below the article).
  std::string text;
  for (uint32_t k = 1; k < dom.size(); ++k) {
    HtmlTag t = dom.tag(k);
    if (t == HtmlTag::kScript || t == HtmlTag::kStyle || t == HtmlTag::kHead) {
      k = dom[k].end - 1;
      continue;
    }
    if (dom.is_text(k)) {
      text += dom.text(k);
      text += ' ';
    }
  }
  text = CollapseSpace(text);
  std::string lower = AsciiLower(text);
  std::vector<std::string> cues = {"published", "posted", "updated", "date:"};
  for (const auto& a : authors)
    if (a.size() >= 4) cues.push_back(AsciiLower(a));
  size_t best = std::string::npos;
  for (const auto& cue : cues) {
    for (size_t p = lower.find(cue); p != std::string::npos && p < best;
         p = lower.find(cue, p + 1)) {
      size_t from = p + cue.size();
      std::string hit = ParseDate(std::string_view(text).substr(from, 60), true);
      if (!hit.empty()) {
        best = p;
        d = hit;
        break;
      }
    }
  }
  return d;
}

}  // namespace

Article ArticleExtractor::ExtractHtml(std::string_view html, std::string_view url) const {
  HtmlDom dom(html);
  PageMetadata md = ReadPageMetadata(dom, url);
  Article a;
  a.blocks = ExtractMainContent(dom, md.title);
  if (md.date.empty()) {
    md.date = DateFromText(dom, md.title, md.authors, a.blocks);
    if (!md.date.empty()) md.date_source = "text";
  }
  a.title = std::move(md.title);
  a.authors = std::move(md.authors);
  a.date = std::move(md.date);
  a.date_source = std::move(md.date_source);
  a.site = std::move(md.site);
  a.language = std::move(md.language);
  a.canonical_url = std::move(md.canonical_url);
  return a;
}

void ArticleExtractor::Extract(Document* doc) const {
  std::vector<std::string> owned;
  std::vector<std::string> types;
  if (doc->raw_is_html) {
    Article a = ExtractHtml(doc->raw, doc->url);
    for (auto& b : a.blocks) {
      owned.push_back(std::move(b.text));
      types.push_back(std::move(b.type));
    }
    if (doc->title.empty()) doc->title = a.title;
    if (doc->publisher.empty()) doc->publisher = a.site;
    if (doc->date.empty()) doc->date = a.date;
  } else {
    for (auto p : SplitParagraphs(doc->raw)) {
      owned.emplace_back(p);
      types.emplace_back("p");
    }
  }
  if (doc->date.empty()) doc->date = doc->fallback_date;
  std::vector<std::string_view> views(owned.begin(), owned.end());
  // HTML blocks went through the filter inside the extractor already.
  std::vector<bool> drop =
      doc->raw_is_html ? std::vector<bool>(owned.size(), false) : filter_.Classify(views);
  doc->text.clear();
  doc->blocks.clear();
  for (size_t i = 0; i < owned.size(); ++i) {
    if (drop[i]) continue;
    if (!doc->text.empty()) doc->text += "\n\n";
    Block b;
    b.span.start = static_cast<uint32_t>(doc->text.size());
    doc->text += owned[i];
    b.span.end = static_cast<uint32_t>(doc->text.size());
    b.type = types[i];
    doc->blocks.push_back(std::move(b));
  }
}

}  // namespace dyad
