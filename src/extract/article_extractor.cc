#include "extract/article_extractor.h"

#include <cctype>
#include <string>
#include <unordered_map>

#include "core/strings.h"
#include "core/utf8.h"

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

const std::unordered_map<std::string, char32_t>& NamedEntities() {
  static const std::unordered_map<std::string, char32_t> m = {
      {"amp", '&'},       {"lt", '<'},         {"gt", '>'},        {"quot", '"'},
      {"apos", '\''},     {"nbsp", 0xA0},      {"rsquo", 0x2019},  {"lsquo", 0x2018},
      {"rdquo", 0x201D},  {"ldquo", 0x201C},   {"mdash", 0x2014},  {"ndash", 0x2013},
      {"hellip", 0x2026}, {"copy", 0xA9},      {"reg", 0xAE},      {"eacute", 0xE9},
      {"egrave", 0xE8},   {"aacute", 0xE1},    {"oacute", 0xF3},   {"uuml", 0xFC},
      {"ouml", 0xF6},     {"auml", 0xE4},      {"ccedil", 0xE7},   {"ntilde", 0xF1},
      {"iacute", 0xED},   {"uacute", 0xFA},    {"laquo", 0xAB},    {"raquo", 0xBB},
      {"bull", 0x2022},   {"middot", 0xB7},    {"euro", 0x20AC},   {"pound", 0xA3},
      {"deg", 0xB0},      {"times", 0xD7},     {"shy", 0xAD},      {"zwnj", 0x200C}};
  return m;
}

}  // namespace

std::string DecodeEntities(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '&') {
      out += s[i];
      continue;
    }
    size_t semi = s.find(';', i + 1);
    if (semi == std::string_view::npos || semi - i > 12) {
      out += '&';
      continue;
    }
    std::string_view name = s.substr(i + 1, semi - i - 1);
    char32_t cp = 0;
    if (!name.empty() && name[0] == '#') {
      try {
        if (name.size() > 1 && (name[1] == 'x' || name[1] == 'X'))
          cp = static_cast<char32_t>(std::stoul(std::string(name.substr(2)), nullptr, 16));
        else
          cp = static_cast<char32_t>(std::stoul(std::string(name.substr(1))));
      } catch (...) {
        cp = 0;
      }
      if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
    } else {
      auto it = NamedEntities().find(std::string(name));
      if (it == NamedEntities().end()) {
        out += '&';
        continue;
      }
      cp = it->second;
    }
    if (cp == 0xA0) cp = ' ';
    AppendUtf8(out, cp);
    i = semi;
  }
  return out;
}

std::vector<HtmlBlock> HtmlToBlocks(std::string_view html, std::string* title) {
  std::vector<HtmlBlock> blocks;
  std::string cur;
  std::string cur_type = "p";
  int skip_depth = 0;  // inside script/style/nav/... elements
  bool in_title = false;
  std::string title_text;
  auto flush = [&]() {
    std::string text = DecodeEntities(cur);
    std::string collapsed;
    bool space = false;
    for (char c : text) {
      if (std::isspace(static_cast<unsigned char>(c))) {
        space = !collapsed.empty();
      } else {
        if (space) collapsed += ' ';
        space = false;
        collapsed += c;
      }
    }
    if (!collapsed.empty()) blocks.push_back({cur_type, collapsed});
    cur.clear();
    cur_type = "p";
  };
  static const char* kSkip[] = {"script", "style", "noscript", "nav", "header", "footer",
                                 "aside", "form", "button", "svg", "iframe", "template",
                                 "select", "figcaption"};
  static const char* kBlock[] = {"p", "div", "br", "li", "tr", "td", "blockquote", "article",
                                 "section", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol",
                                 "table", "main", "hr", "dd", "dt", "pre"};
  size_t i = 0;
  while (i < html.size()) {
    if (html[i] != '<') {
      if (skip_depth == 0) {
        if (in_title) title_text += html[i];
        else cur += html[i];
      }
      ++i;
      continue;
    }
    if (html.substr(i, 4) == "<!--") {
      size_t e = html.find("-->", i + 4);
      i = e == std::string_view::npos ? html.size() : e + 3;
      continue;
    }
    size_t e = html.find('>', i);
    if (e == std::string_view::npos) break;
    std::string_view tag = html.substr(i + 1, e - i - 1);
    i = e + 1;
    bool closing = !tag.empty() && tag[0] == '/';
    if (closing) tag.remove_prefix(1);
    size_t n = 0;
    while (n < tag.size() && std::isalnum(static_cast<unsigned char>(tag[n]))) ++n;
    std::string name = AsciiLower(tag.substr(0, n));
    bool self_closing = !tag.empty() && tag.back() == '/';
    if (name == "title") {
      in_title = !closing;
      continue;
    }
    bool is_skip = false;
    for (auto s : kSkip) is_skip |= name == s;
    if (is_skip && !self_closing) {
      if (closing) skip_depth = skip_depth > 0 ? skip_depth - 1 : 0;
      else skip_depth++;
      // Raw-text elements: jump to their end tag directly.
      if (!closing && (name == "script" || name == "style")) {
        std::string end_tag = "</" + name;
        size_t k = i;
        while (true) {
          k = html.find("</", k);
          if (k == std::string_view::npos) break;
          if (AsciiLower(html.substr(k, end_tag.size())) == end_tag) break;
          k += 2;
        }
        i = k == std::string_view::npos ? html.size() : k;
      }
      continue;
    }
    if (skip_depth > 0) continue;
    bool is_block = false;
    for (auto b : kBlock) is_block |= name == b;
    if (is_block) {
      flush();
      if (!closing && name.size() == 2 && name[0] == 'h' && std::isdigit(name[1])) cur_type = "h";
      if (!closing && name == "li") cur_type = "li";
      if (!closing && name == "blockquote") cur_type = "blockquote";
    }
  }
  flush();
  if (title) *title = std::string(Trim(DecodeEntities(title_text)));
  return blocks;
}

void ArticleExtractor::Extract(Document* doc) const {
  std::vector<std::string> owned;
  std::vector<std::string> types;
  if (doc->raw_is_html) {
    std::string title;
    for (auto& b : HtmlToBlocks(doc->raw, &title)) {
      owned.push_back(std::move(b.text));
      types.push_back(std::move(b.type));
    }
    if (doc->title.empty()) doc->title = title;
  } else {
    for (auto p : SplitParagraphs(doc->raw)) {
      owned.emplace_back(p);
      types.emplace_back("p");
    }
  }
  std::vector<std::string_view> views(owned.begin(), owned.end());
  std::vector<bool> drop = filter_.Classify(views);
  doc->text.clear();
  doc->blocks.clear();
  for (size_t i = 0; i < owned.size(); ++i) {
    if (drop[i]) continue;
    // A block that repeats the title (a headline inside the page) is kept once as heading.
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
