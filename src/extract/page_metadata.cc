#include "extract/page_metadata.h"

#include <simdjson.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <cstring>

#include "core/strings.h"
#include "time/calendar.h"

namespace dyad {

namespace {

bool IsDigit(char c) {
  return c >= '0' && c <= '9';
}
bool IsAlpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool IsAlnum(char c) {
  return IsDigit(c) || IsAlpha(c);
}

std::string Ymd(int y, int m, int d, bool strict_years) {
  int lo = strict_years ? 1990 : 1800;
  if (y < lo || y > 2100 || !IsValidDate(y, m, d)) return "";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

// English month names and abbreviations, and the commonest in a few other languages.
int MonthNumber(std::string_view word) {
  std::string w = AsciiLower(word);
  static constexpr std::pair<std::string_view, int> kMonths[] = {
      {"january", 1},
      {"february", 2},
      {"march", 3},
      {"april", 4},
      {"may", 5},
      {"june", 6},
      {"july", 7},
      {"august", 8},
      {"september", 9},
      {"october", 10},
      {"november", 11},
      {"december", 12},
      {"jan", 1},
      {"feb", 2},
      {"mar", 3},
      {"apr", 4},
      {"jun", 6},
      {"jul", 7},
      {"aug", 8},
      {"sep", 9},
      {"sept", 9},
      {"oct", 10},
      {"nov", 11},
      {"dec", 12},
      // German, French, Spanish, Italian, Portuguese, Dutch spellings that differ.
      {"januar", 1},
      {"februar", 2},
      {"maerz", 3},
      {"mai", 5},
      {"juni", 6},
      {"juli", 7},
      {"oktober", 10},
      {"dezember", 12},
      {"janvier", 1},
      {"mars", 3},
      {"avril", 4},
      {"juin", 6},
      {"juillet", 7},
      {"septembre", 9},
      {"octobre", 10},
      {"novembre", 11},
      {"enero", 1},
      {"febrero", 2},
      {"marzo", 3},
      {"abril", 4},
      {"mayo", 5},
      {"junio", 6},
      {"julio", 7},
      {"agosto", 8},
      {"septiembre", 9},
      {"octubre", 10},
      {"noviembre", 11},
      {"diciembre", 12},
      {"gennaio", 1},
      {"febbraio", 2},
      {"aprile", 4},
      {"maggio", 5},
      {"giugno", 6},
      {"luglio", 7},
      {"settembre", 9},
      {"ottobre", 10},
      {"dicembre", 12},
      {"janeiro", 1},
      {"fevereiro", 2},
      {"maio", 5},
      {"junho", 6},
      {"julho", 7},
      {"setembro", 9},
      {"outubro", 10},
      {"novembro", 11},
      {"dezembro", 12},
      {"januari", 1},
      {"februari", 2},
      {"maart", 3},
      {"mei", 5},
      {"augustus", 8}};
  for (const auto& [name, n] : kMonths)
    if (w == name) return n;
  return 0;
}

// Reads a run of digits at s[i]; returns its length (0 when none) and value.
size_t Digits(std::string_view s, size_t i, int* value) {
  size_t j = i;
  long v = 0;
  while (j < s.size() && IsDigit(s[j]) && j - i < 9) v = v * 10 + (s[j++] - '0');
  *value = static_cast<int>(v);
  return j - i;
}

size_t SkipSpaces(std::string_view s, size_t i) {
  while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r' ||
                          (static_cast<unsigned char>(s[i]) == 0xC2 && i + 1 < s.size() &&
                           static_cast<unsigned char>(s[i + 1]) == 0xA0 && ++i)))
    ++i;
  return i;
}

// A four-digit year at s[i] that no letter or digit follows.
bool YearAt(std::string_view s, size_t i, int* y) {
  return Digits(s, i, y) == 4 && (i + 4 >= s.size() || !IsAlnum(s[i + 4]));
}

// "st", "nd", "rd", "th" after a day number.
size_t SkipOrdinal(std::string_view s, size_t i) {
  if (i + 1 < s.size()) {
    std::string two = AsciiLower(s.substr(i, 2));
    if ((two == "st" || two == "nd" || two == "rd" || two == "th") &&
        (i + 2 >= s.size() || !IsAlpha(s[i + 2])))
      return i + 2;
  }
  return i;
}

// Tries every date pattern starting at s[i].
std::string DateAt(std::string_view s, size_t i, bool anywhere) {
  int a = 0;
  if (IsDigit(s[i])) {
    size_t la = Digits(s, i, &a);
    size_t j = i + la;
    if (j < s.size() && IsDigit(s[j])) return "";
    if (la == 4 && j + 1 < s.size() && (s[j] == '-' || s[j] == '/' || s[j] == '.')) {
      char sep = s[j];
      int m = 0, d = 0;
      size_t lm = Digits(s, j + 1, &m);
      if (lm < 1 || lm > 2 || j + 1 + lm >= s.size() || s[j + 1 + lm] != sep) return "";
      size_t ld = Digits(s, j + 2 + lm, &d);
      if (ld < 1 || ld > 2) return "";
      size_t e = j + 2 + lm + ld;
      if (e < s.size() && IsDigit(s[e])) return "";
      return Ymd(a, m, d, anywhere);
    }
    if (la == 8 && !anywhere) return Ymd(a / 10000, a / 100 % 100, a % 100, true);
    if (la >= 1 && la <= 2) {
      // D Month YYYY, D. Month YYYY, Dth of Month YYYY.
      size_t k = SkipOrdinal(s, j);
      if (k < s.size() && s[k] == '.') ++k;
      k = SkipSpaces(s, k);
      if (k + 3 <= s.size() && AsciiLower(s.substr(k, 3)) == "of ") k = SkipSpaces(s, k + 3);
      size_t w = k;
      while (w < s.size() && IsAlpha(s[w])) ++w;
      if (w > k) {
        int m = MonthNumber(s.substr(k, w - k));
        if (!m) return "";
        if (w < s.size() && s[w] == '.') ++w;
        if (w < s.size() && s[w] == ',') ++w;
        w = SkipSpaces(s, w);
        int y = 0;
        if (!YearAt(s, w, &y)) return "";
        return Ymd(y, m, a, anywhere);
      }
      // D.M.YYYY (day first) or M/D/YYYY (month first unless the first cannot be a month).
      if (j < s.size() && (s[j] == '.' || s[j] == '/' || s[j] == '-')) {
        char sep = s[j];
        int b = 0, y = 0;
        size_t lb = Digits(s, j + 1, &b);
        if (lb < 1 || lb > 2 || j + 1 + lb >= s.size() || s[j + 1 + lb] != sep) return "";
        if (!YearAt(s, j + 2 + lb, &y)) return "";
        if (sep == '.' || a > 12) return Ymd(y, b, a, anywhere);
        if (b > 12 || !anywhere) return Ymd(y, a, b, anywhere);
        return "";  // ambiguous inside running text
      }
    }
    return "";
  }
  if (IsAlpha(s[i])) {
    size_t w = i;
    while (w < s.size() && IsAlpha(s[w])) ++w;
    int m = MonthNumber(s.substr(i, w - i));
    if (!m) return "";
    size_t k = w;
    if (k < s.size() && s[k] == '.') ++k;
    k = SkipSpaces(s, k);
    int d = 0;
    size_t ld = Digits(s, k, &d);
    if (ld < 1 || ld > 2) return "";
    k = SkipOrdinal(s, k + ld);
    if (k < s.size() && s[k] == ',') ++k;
    k = SkipSpaces(s, k);
    int y = 0;
    if (!YearAt(s, k, &y)) return "";
    return Ymd(y, m, d, anywhere);
  }
  return "";
}

// Days between two YYYY-MM-DD dates (a large number when either is not one).
int DayDistance(const std::string& a, const std::string& b) {
  auto days = [](const std::string& s) -> int64_t {
    if (s.size() != 10) return -1000000;
    return DaysFromCivil(std::atoi(s.c_str()), std::atoi(s.c_str() + 5), std::atoi(s.c_str() + 8));
  };
  const int64_t da = days(a), db = days(b);
  if (da <= -1000000 || db <= -1000000) return 1000000;
  return static_cast<int>(da > db ? da - db : db - da);
}

// Text of an element's subtree, collapsed. Inline elements join their text as written
// ("Planning <span>C</span>ycle" is "Planning Cycle"); a block element or <br> separates it,
// and so does an element boundary between a lower-case letter or the end of a sentence and
// a capital ("Alternatives<span class=block>Top Tools</span>": a span styled as a line).
// `lines`, when given, gets the text cut at those places (the lines a headline is set in).
std::string InnerText(const HtmlDom& dom, uint32_t e, std::vector<std::string>* lines = nullptr) {
  std::string t;
  std::vector<size_t> breaks;                   // where in `t` a new line starts
  std::vector<std::pair<uint32_t, bool>> open;  // where the open elements end; block or not
  bool boundary = false;                        // an element starts or ends before the next text
  auto separate = [&](bool block) {
    if (block) {
      t += ' ';
      breaks.push_back(t.size());
    } else {
      boundary = true;
    }
  };
  for (uint32_t i = e + 1; i < dom[e].end; ++i) {
    while (!open.empty() && open.back().first <= i) {
      separate(open.back().second);
      open.pop_back();
    }
    if (dom.is_text(i)) {
      std::string_view s = dom.text(i);
      t += s;
      // White space between two elements leaves the boundary for the text after it.
      if (Trim(s).empty()) continue;
      size_t at = t.size() - s.size(), last = t.find_last_not_of(" \t\n\r\f", at ? at - 1 : 0);
      if (boundary && at > 0 && last != std::string::npos &&
          std::isupper(static_cast<unsigned char>(s[0])) &&
          (std::islower(static_cast<unsigned char>(t[last])) ||
           std::string_view(".?!:)").find(t[last]) != std::string_view::npos)) {
        if (last + 1 == at) t.insert(at++, 1, ' ');
        breaks.push_back(at);
      }
      boundary = false;
    } else {
      bool block = IsBlockTag(dom.tag(i));
      separate(block);
      if (dom[i].end > i + 1) open.emplace_back(dom[i].end, block);
    }
  }
  if (lines) {
    lines->clear();
    breaks.push_back(t.size());
    for (size_t k = 0, from = 0; k < breaks.size(); from = breaks[k++]) {
      std::string line = CollapseSpace(std::string_view(t).substr(from, breaks[k] - from));
      if (!line.empty()) lines->push_back(std::move(line));
    }
  }
  return CollapseSpace(t);
}

// Article types in schema.org whose properties describe the page's article.
bool IsArticleType(std::string_view t) {
  return EndsWith(t, "Article") || t == "BlogPosting" || t == "LiveBlogPosting" || t == "Report" ||
         t == "SocialMediaPosting" || t == "WebPage" || t == "Posting" ||
         t == "DiscussionForumPosting" || t == "Review" || t == "Recipe" || t == "HowTo" ||
         t == "ItemPage" || t == "Blog" || t == "Article";
}

struct JsonLd {
  std::string headline, date, modified, site, language, url;
  std::vector<std::string> authors;
  int rank = 100;  // lower is better: NewsArticle-like 0, WebPage 5
};

void AuthorsFrom(simdjson::dom::element v, std::vector<std::string>* out, int depth = 0) {
  if (depth > 3) return;
  std::string_view s;
  if (v.get_string().get(s) == simdjson::SUCCESS) {
    if (!s.empty() && !StartsWith(s, "http")) out->push_back(CollapseSpace(DecodeEntities(s)));
    return;
  }
  simdjson::dom::array arr;
  if (v.get_array().get(arr) == simdjson::SUCCESS) {
    for (auto x : arr) AuthorsFrom(x, out, depth + 1);
    return;
  }
  simdjson::dom::object obj;
  if (v.get_object().get(obj) == simdjson::SUCCESS) {
    simdjson::dom::element name;
    if (obj["name"].get(name) == simdjson::SUCCESS) AuthorsFrom(name, out, depth + 1);
  }
}

std::string StringOf(simdjson::dom::element v) {
  std::string_view s;
  if (v.get_string().get(s) == simdjson::SUCCESS) return CollapseSpace(DecodeEntities(s));
  simdjson::dom::object obj;
  if (v.get_object().get(obj) == simdjson::SUCCESS) {
    simdjson::dom::element x;
    if (obj["name"].get(x) == simdjson::SUCCESS && x.get_string().get(s) == simdjson::SUCCESS)
      return CollapseSpace(s);
    if (obj["@id"].get(x) == simdjson::SUCCESS && x.get_string().get(s) == simdjson::SUCCESS)
      return std::string(s);
  }
  simdjson::dom::array arr;
  if (v.get_array().get(arr) == simdjson::SUCCESS)
    for (auto x : arr) {
      std::string r = StringOf(x);
      if (!r.empty()) return r;
    }
  return "";
}

void VisitJsonLd(simdjson::dom::element v, JsonLd* best, int depth) {
  if (depth > 6) return;
  simdjson::dom::array arr;
  if (v.get_array().get(arr) == simdjson::SUCCESS) {
    for (auto x : arr) VisitJsonLd(x, best, depth + 1);
    return;
  }
  simdjson::dom::object obj;
  if (v.get_object().get(obj) != simdjson::SUCCESS) return;
  simdjson::dom::element graph;
  if (obj["@graph"].get(graph) == simdjson::SUCCESS) VisitJsonLd(graph, best, depth + 1);
  std::vector<std::string_view> types;
  simdjson::dom::element type_el;
  if (obj["@type"].get(type_el) == simdjson::SUCCESS) {
    std::string_view t;
    if (type_el.get_string().get(t) == simdjson::SUCCESS) types.push_back(t);
    simdjson::dom::array ta;
    if (type_el.get_array().get(ta) == simdjson::SUCCESS)
      for (auto x : ta)
        if (x.get_string().get(t) == simdjson::SUCCESS) types.push_back(t);
  }
  int rank = 100;
  for (auto ty : types) {
    // A site's own description (WebSite, Organization) names the site.
    if ((ty == "WebSite" || ty == "NewsMediaOrganization") && best->site.empty()) {
      simdjson::dom::element n;
      if (obj["name"].get(n) == simdjson::SUCCESS) best->site = StringOf(n);
    }
    if (!IsArticleType(ty)) continue;
    int r = (ty == "WebPage" || ty == "ItemPage" || ty == "Blog") ? 5 : 0;
    rank = std::min(rank, r);
  }
  if (rank < 100) {
    JsonLd cur;
    cur.rank = rank;
    simdjson::dom::element x;
    if (obj["headline"].get(x) == simdjson::SUCCESS) cur.headline = StringOf(x);
    if (cur.headline.empty() && rank > 0 && obj["name"].get(x) == simdjson::SUCCESS)
      cur.headline = StringOf(x);
    if (obj["datePublished"].get(x) == simdjson::SUCCESS) cur.date = ParseDate(StringOf(x));
    if (cur.date.empty() && obj["dateCreated"].get(x) == simdjson::SUCCESS)
      cur.date = ParseDate(StringOf(x));
    if (obj["dateModified"].get(x) == simdjson::SUCCESS) cur.modified = ParseDate(StringOf(x));
    if (obj["author"].get(x) == simdjson::SUCCESS) AuthorsFrom(x, &cur.authors);
    if (cur.authors.empty() && obj["creator"].get(x) == simdjson::SUCCESS)
      AuthorsFrom(x, &cur.authors);
    if (obj["publisher"].get(x) == simdjson::SUCCESS) cur.site = StringOf(x);
    if (StartsWith(cur.site, "http") || StartsWith(cur.site, "#")) cur.site.clear();
    if (obj["inLanguage"].get(x) == simdjson::SUCCESS) cur.language = StringOf(x);
    if (obj["url"].get(x) == simdjson::SUCCESS) cur.url = StringOf(x);
    // The best-ranked object wins each field; later objects only fill gaps.
    auto take = [&](std::string& dst, const std::string& src, bool better) {
      if (!src.empty() && (dst.empty() || better)) dst = src;
    };
    bool better = rank < best->rank;
    take(best->headline, cur.headline, better);
    take(best->date, cur.date, better);
    take(best->modified, cur.modified, better);
    take(best->language, cur.language, better);
    take(best->url, cur.url, better);
    if (!cur.site.empty() && (best->site.empty() || better)) best->site = cur.site;
    if (!cur.authors.empty() && (best->authors.empty() || better)) best->authors = cur.authors;
    if (better) best->rank = rank;
  }
}

JsonLd ReadJsonLd(const HtmlDom& dom) {
  JsonLd best;
  thread_local simdjson::dom::parser parser;
  for (uint32_t i = 1; i < dom.size(); ++i) {
    if (dom.tag(i) != HtmlTag::kScript) continue;
    if (!Contains(AsciiLower(dom.attr(i, HtmlAttr::kType)), "ld+json")) continue;
    std::string body;
    for (uint32_t k = i + 1; k < dom[i].end; ++k)
      if (dom.is_text(k)) body += dom.text(k);
    std::string_view b = Trim(body);
    if (StartsWith(b, "<!--")) b.remove_prefix(4);
    if (EndsWith(b, "-->")) b.remove_suffix(3);
    b = Trim(b);
    if (StartsWith(b, "//<![CDATA[")) b.remove_prefix(11);
    if (StartsWith(b, "<![CDATA[")) b.remove_prefix(9);
    if (EndsWith(b, "//]]>")) b.remove_suffix(5);
    if (EndsWith(b, "]]>")) b.remove_suffix(3);
    b = Trim(b);
    if (b.empty() || b.size() > (4u << 20)) continue;
    simdjson::dom::element root;
    if (parser.parse(b.data(), b.size()).get(root) != simdjson::SUCCESS) continue;
    VisitJsonLd(root, &best, 0);
  }
  return best;
}

// Lower-cased class and id of an element, space-joined.
std::string ClassId(const HtmlDom& dom, uint32_t i) {
  std::string s = AsciiLower(dom.attr(i, HtmlAttr::kClass));
  s += ' ';
  s += AsciiLower(dom.attr(i, HtmlAttr::kId));
  return s;
}

std::string Host(std::string_view url) {
  size_t p = url.find("://");
  if (p == std::string_view::npos) return "";
  size_t s = p + 3;
  size_t e = url.find_first_of("/?#", s);
  return std::string(url.substr(s, e == std::string_view::npos ? std::string_view::npos : e - s));
}

std::string Resolve(std::string_view href, std::string_view base) {
  href = Trim(href);
  if (href.empty()) return "";
  if (StartsWith(href, "http://") || StartsWith(href, "https://")) return std::string(href);
  size_t p = base.find("://");
  if (p == std::string_view::npos) return std::string(href);
  std::string scheme(base.substr(0, p));
  if (StartsWith(href, "//")) return scheme + ":" + std::string(href);
  std::string origin = scheme + "://" + Host(base);
  if (StartsWith(href, "/")) return origin + std::string(href);
  std::string_view path = base.substr(p + 3);
  size_t slash = path.find('/');
  std::string dir = slash == std::string_view::npos ? "/" : std::string(path.substr(slash));
  dir = dir.substr(0, dir.find_first_of("?#"));
  dir = dir.substr(0, dir.rfind('/') + 1);
  return origin + dir + std::string(href);
}

std::string NormalizeLanguage(std::string_view lang) {
  std::string l = AsciiLower(Trim(lang));
  size_t cut = l.find_first_of("-_");
  if (cut != std::string::npos) l.resize(cut);
  for (char c : l)
    if (!IsAlpha(c)) return "";
  if (l.size() < 2 || l.size() > 3) return "";
  return l;
}

// Splits a byline into names: "By Jane Doe and John Roe, Reuters" -> Jane Doe, John Roe.
std::vector<std::string> SplitAuthors(std::string_view byline) {
  std::string s = CollapseSpace(byline);
  std::string lower = AsciiLower(s);
  if (StartsWith(lower, "by "))
    s = s.substr(3);
  else if (StartsWith(lower, "by:"))
    s = std::string(Trim(std::string_view(s).substr(3)));
  else if (StartsWith(lower, "written by "))
    s = s.substr(11);
  std::vector<std::string> out;
  std::string cur;
  auto flush = [&] {
    std::string t(Trim(cur));
    cur.clear();
    if (t.empty() || t.size() > 80) return;
    for (const auto& o : out)
      if (o == t) return;
    out.push_back(t);
  };
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == ',' || s[i] == ';' || s[i] == '|' || s[i] == '&') {
      flush();
      continue;
    }
    if (s.compare(i, 5, " and ") == 0) {
      flush();
      i += 4;
      continue;
    }
    cur += s[i];
  }
  flush();
  return out;
}

// What separates a headline from a site or section name in a page title.
constexpr const char* kTitleSeps[] = {" | ",       " - ",        " \xE2\x80\x93 ", " \xE2\x80\x94 ",
                                      " :: ",      " \xC2\xB7 ", " \xE2\x80\xA2 ", " // ",
                                      " \xC2\xBB "};

// Removes a site name from a page title: "Headline | Site" -> "Headline", "Site | Headline" ->
// "Headline" (the site named), "Headline | Section | Site" -> "Headline". A short tail (two spaces
// or fewer, "Opinion", "Move.org") after any separator is taken for a site or section name too,
// except in a headline (`in_h1`), where only a pipe sets one off ("Best movers in 2025 | Top 19
// Companies"): a dash there more often joins the headline's own parts ("Zero Waste - A Beginner's
// Guide").
std::string StripSiteFromTitle(const std::string& title, const std::string& site,
                               bool in_h1 = false) {
  // "Headline | Section | Site": two pipes or more set off the headline at the front.
  size_t pipe = title.find(" | ");
  if (pipe != std::string::npos && pipe >= 10 && title.find(" | ", pipe + 3) != std::string::npos)
    return title.substr(0, pipe);
  std::string lower_site = AsciiLower(site);
  for (const char* sep : kTitleSeps) {
    size_t p = title.rfind(sep);
    if (p == std::string::npos || p == 0) continue;
    std::string head = title.substr(0, p);
    std::string tail = title.substr(p + std::strlen(sep));
    std::string lt = AsciiLower(tail);
    bool names_site = !lower_site.empty() && (Contains(lt, lower_site) || Contains(lower_site, lt));
    bool short_tail =
        std::count(tail.begin(), tail.end(), ' ') < 3 && (!in_h1 || std::strcmp(sep, " | ") == 0);
    if ((names_site || short_tail) && head.size() >= 10) return head;
    // "Site | Headline"
    size_t q = title.find(sep);
    std::string first = title.substr(0, q);
    std::string lf = AsciiLower(first);
    if (!lower_site.empty() && (lf == lower_site || Contains(lower_site, lf)))
      return title.substr(q + std::strlen(sep));
  }
  return title;
}

// When `whole` is `part` joined to one more piece by a separator or a colon ("Part | Site",
// "Blog Name: Part"), that piece; else "".
std::string_view OtherPiece(std::string_view whole, std::string_view part) {
  if (part.empty() || whole.size() <= part.size()) return {};
  auto piece = [](std::string_view s) { return Trim(s); };
  if (StartsWith(whole, part)) {
    std::string_view rest = whole.substr(part.size());
    if (StartsWith(rest, ": ")) return piece(rest.substr(2));
    for (const char* sep : kTitleSeps)
      if (StartsWith(rest, sep)) return piece(rest.substr(std::strlen(sep)));
  }
  if (EndsWith(whole, part)) {
    std::string_view head = whole.substr(0, whole.size() - part.size());
    if (EndsWith(head, ": ")) return piece(head.substr(0, head.size() - 2));
    for (const char* sep : kTitleSeps)
      if (EndsWith(head, sep)) return piece(head.substr(0, head.size() - std::strlen(sep)));
  }
  return {};
}

// When a title is cut off — it ends in an ellipsis or inside an open bracket ("... Find
// Solutions (Including": a JSON-LD headline shortened to a length limit) — what is left of it;
// else "".
std::string_view CutOffStem(std::string_view t) {
  for (std::string_view ellipsis : {"...", "\xE2\x80\xA6"})
    if (EndsWith(t, ellipsis)) return Trim(t.substr(0, t.size() - ellipsis.size()));
  int open = 0;
  for (char c : t) open += (c == '(' || c == '[') - (c == ')' || c == ']');
  return open > 0 ? t : std::string_view();
}

// Words written in one case only ("BEST DRIP COFFEE MAKER", "history of coffee"): the page's
// styling, not the words' own case.
bool OneCase(std::string_view s) {
  int upper = 0, lower = 0;
  for (char c : s) {
    upper += std::isupper(static_cast<unsigned char>(c)) != 0;
    lower += std::islower(static_cast<unsigned char>(c)) != 0;
  }
  // One word in lower case is often meant so ("restaurant" in a dictionary, a domain name).
  return upper + lower >= 4 && (upper == 0 || lower == 0) && s.find(' ') != std::string_view::npos;
}

// Lower-cased words of a title.
std::vector<std::string> TitleWords(std::string_view s) {
  std::vector<std::string> out;
  std::string cur;
  std::string plain(s);
  // Curly quotes and dashes separate words as their ASCII forms do.
  for (size_t i = 0; i + 2 < plain.size(); ++i)
    if (plain[i] == '\xE2' && plain[i + 1] == '\x80' &&
        std::string_view("\x93\x94\x98\x99\x9C\x9D").find(plain[i + 2]) != std::string_view::npos)
      plain[i] = plain[i + 1] = plain[i + 2] = ' ';
  for (char c : plain) {
    if (IsAlnum(c) || static_cast<unsigned char>(c) >= 0x80) {
      cur += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else if (!cur.empty()) {
      out.push_back(cur);
      cur.clear();
    }
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

// How well a declared title confirms a headline: the share of the declared title's words
// that the headline has, when most of the headline's words are in the declared title
// ("Headline | Site", a shortened or lengthened headline); 0 when they differ or the headline
// holds a small part of the declared title.
double TitleMatch(std::string_view headline, std::string_view declared) {
  std::vector<std::string> h = TitleWords(headline), d = TitleWords(declared);
  if (h.empty() || d.empty()) return 0;
  size_t common = 0;
  for (const auto& w : h)
    if (std::find(d.begin(), d.end(), w) != d.end()) ++common;
  if (common * 10 < h.size() * 6 || common * 10 < std::min(h.size(), d.size()) * 6) return 0;
  double share = static_cast<double>(common) / static_cast<double>(std::max(h.size(), d.size()));
  // Under an eighth of the declared title: a name it mentions ("Discord" in a 17-word title).
  return share < 0.125 ? 0 : share;
}

bool SameText(const std::string& a, const std::string& b) {
  return !a.empty() && AsciiLower(a) == AsciiLower(b);
}

// True when an element's class or id names a comment thread or a list of related stories.
// Class tokens that label what a post is about or has ("category-language-recommendations",
// "tag-related-reading", "has-comments": a CMS's post classes on the <article> itself) do
// not count.
bool NamesFurniture(const HtmlDom& dom, uint32_t i) {
  auto furniture = [](std::string_view name) {
    return Contains(name, "comment") || Contains(name, "related") || Contains(name, "recommend");
  };
  std::string cls = AsciiLower(dom.attr(i, HtmlAttr::kClass));
  for (size_t a = 0; a < cls.size();) {
    size_t b = cls.find_first_of(" \t\n", a);
    if (b == std::string::npos) b = cls.size();
    std::string_view token = std::string_view(cls).substr(a, b - a);
    if (!StartsWith(token, "category-") && !StartsWith(token, "tag-") &&
        !StartsWith(token, "has-") && furniture(token))
      return true;
    a = b + 1;
  }
  return furniture(AsciiLower(dom.attr(i, HtmlAttr::kId)));
}

}  // namespace

// A <footer> inside an <article> is the article's own (its byline and date), not the page's.
bool InFurniture(const HtmlDom& dom, uint32_t i) {
  bool in_footer = false;
  for (int hops = 0; i != 0 && hops < 64; ++hops, i = dom[i].parent) {
    HtmlTag t = dom.tag(i);
    if (t == HtmlTag::kNav || t == HtmlTag::kAside) return true;
    if (t == HtmlTag::kFooter) in_footer = true;
    if (t == HtmlTag::kArticle) in_footer = false;
    if (t == HtmlTag::kBody || t == HtmlTag::kHtml) break;
    if (NamesFurniture(dom, i)) return true;
  }
  return in_footer;
}

std::string ParseDate(std::string_view s, bool anywhere) {
  if (!anywhere) {
    s = Trim(s);
    if (s.empty()) return "";
    // Leading weekday ("Fri, 01 Nov 2024 ...") and the like: scan within the value too.
  }
  for (size_t i = 0; i < s.size(); ++i) {
    if (i > 0 && IsAlnum(s[i - 1])) continue;
    if (!IsAlnum(s[i])) continue;
    std::string d = DateAt(s, i, anywhere);
    if (!d.empty()) return d;
    if (!anywhere && i > 40) break;
  }
  return "";
}

std::string DateFromUrl(std::string_view url) {
  size_t p = url.find("://");
  std::string_view path = p == std::string_view::npos ? url : url.substr(p + 3);
  size_t slash = path.find('/');
  if (slash == std::string_view::npos) return "";
  path = path.substr(slash);
  path = path.substr(0, path.find_first_of("?#"));
  for (size_t i = 0; i + 4 <= path.size(); ++i) {
    if (!IsDigit(path[i]) || (i > 0 && IsAlnum(path[i - 1]))) continue;
    int y = 0, m = 0, d = 0;
    size_t ly = Digits(path, i, &y);
    if (ly == 8) {
      std::string r = Ymd(y / 10000, y / 100 % 100, y % 100, true);
      if (!r.empty()) return r;
      continue;
    }
    if (ly != 4 || y < 1995 || y > 2100) continue;
    size_t j = i + 4;
    if (j >= path.size() || (path[j] != '/' && path[j] != '-' && path[j] != '_')) continue;
    size_t lm = Digits(path, j + 1, &m);
    if (lm < 1 || lm > 2) continue;
    size_t k = j + 1 + lm;
    if (k >= path.size() || (path[k] != '/' && path[k] != '-' && path[k] != '_')) continue;
    size_t ld = Digits(path, k + 1, &d);
    if (ld < 1 || ld > 2) continue;
    size_t e = k + 1 + ld;
    if (e < path.size() && IsDigit(path[e])) continue;
    std::string r = Ymd(y, m, d, true);
    if (!r.empty()) return r;
  }
  return "";
}

PageMetadata ReadPageMetadata(const HtmlDom& dom, std::string_view url) {
  PageMetadata md;
  std::string meta_modified;
  std::string og_title, tw_title, title_tag, meta_date, meta_site, app_name, og_url, canonical,
      html_lang, meta_lang, og_locale;
  std::vector<std::string> meta_authors;
  int meta_date_rank = 100;
  // Meta keys that carry the publication date, best first.
  static constexpr std::string_view kDateKeys[] = {"article:published_time",
                                                   "og:article:published_time",
                                                   "og:published_time",
                                                   "datepublished",
                                                   "article:published",
                                                   "published_time",
                                                   "publish-date",
                                                   "publish_date",
                                                   "publishdate",
                                                   "pubdate",
                                                   "parsely-pub-date",
                                                   "sailthru.date",
                                                   "dc.date.issued",
                                                   "dcterms.issued",
                                                   "dc.date",
                                                   "dcterms.date",
                                                   "dcterms.created",
                                                   "dc.date.created",
                                                   "citation_publication_date",
                                                   "citation_date",
                                                   "prism.publicationdate",
                                                   "article.published",
                                                   "article_date_original",
                                                   "original-publish-date",
                                                   "date",
                                                   "publication_date",
                                                   "pub_date",
                                                   "release_date",
                                                   "datecreated",
                                                   "article.created",
                                                   "cxenseparse:recs:publishtime",
                                                   "bt:pubdate",
                                                   "date.available"};
  for (uint32_t i = 1; i < dom.size(); ++i) {
    HtmlTag t = dom.tag(i);
    if (t == HtmlTag::kHtml && html_lang.empty()) {
      html_lang = NormalizeLanguage(dom.attr(i, HtmlAttr::kLang));
    } else if (t == HtmlTag::kTitle && title_tag.empty()) {
      title_tag = InnerText(dom, i);
    } else if (t == HtmlTag::kLink) {
      std::string rel = AsciiLower(dom.attr(i, HtmlAttr::kRel));
      if (rel == "canonical" && canonical.empty())
        canonical = Resolve(dom.attr(i, HtmlAttr::kHref), url);
    } else if (t == HtmlTag::kMeta ||
               (dom.has_attr(i, HtmlAttr::kItemprop) && dom.has_attr(i, HtmlAttr::kContent))) {
      std::string key = AsciiLower(dom.attr(i, HtmlAttr::kProperty));
      if (key.empty()) key = AsciiLower(dom.attr(i, HtmlAttr::kName));
      if (key.empty()) key = AsciiLower(dom.attr(i, HtmlAttr::kItemprop));
      if (key.empty()) key = AsciiLower(dom.attr(i, HtmlAttr::kHttpEquiv));
      std::string_view content = dom.attr(i, HtmlAttr::kContent);
      if (key.empty() || Trim(content).empty()) continue;
      if (key == "og:title")
        og_title = CollapseSpace(content);
      else if (key == "twitter:title")
        tw_title = CollapseSpace(content);
      else if (key == "og:site_name")
        meta_site = CollapseSpace(content);
      else if (key == "application-name" || key == "apple-mobile-web-app-title")
        app_name = CollapseSpace(content);
      else if (key == "og:url")
        og_url = std::string(Trim(content));
      else if (key == "article:modified_time" || key == "og:updated_time" ||
               key == "datemodified" || key == "dcterms.modified" || key == "last-modified" ||
               key == "article:modified")
        meta_modified = ParseDate(content);
      else if (key == "content-language" || key == "language" || key == "dc.language")
        meta_lang = NormalizeLanguage(content);
      else if (key == "og:locale")
        og_locale = NormalizeLanguage(content);
      else if (key == "author" || key == "article:author" || key == "parsely-author" ||
               key == "sailthru.author" || key == "dc.creator" || key == "citation_author" ||
               key == "byl" || key == "twitter:creator:name") {
        if (!StartsWith(Trim(content), "http") && !StartsWith(Trim(content), "@"))
          for (auto& a : SplitAuthors(content)) {
            bool dup = false;
            for (auto& b : meta_authors) dup |= SameText(a, b);
            if (!dup) meta_authors.push_back(a);
          }
      } else {
        int rank = -1;
        for (size_t r = 0; r < std::size(kDateKeys); ++r)
          if (key == kDateKeys[r]) rank = static_cast<int>(r);
        // Keys of a site's own ("w-published-date", "article.publishdate"): after the known.
        if (rank < 0 && ((Contains(key, "publish") && !Contains(key, "publisher")) ||
                         Contains(key, "pubdate") || Contains(key, "pub_date")))
          rank = static_cast<int>(std::size(kDateKeys));
        if (rank >= 0 && rank < meta_date_rank) {
          std::string d = ParseDate(content);
          if (!d.empty()) {
            meta_date = d;
            meta_date_rank = rank;
          }
        }
      }
    }
  }
  JsonLd ld = ReadJsonLd(dom);

  // Site and language first: the title uses the site name.
  md.site = !meta_site.empty() ? meta_site : !ld.site.empty() ? ld.site : app_name;
  md.language = !html_lang.empty()                        ? html_lang
                : !meta_lang.empty()                      ? meta_lang
                : !NormalizeLanguage(ld.language).empty() ? NormalizeLanguage(ld.language)
                                                          : og_locale;
  md.canonical_url = !canonical.empty() ? canonical
                     : !og_url.empty()  ? Resolve(og_url, url)
                     : !ld.url.empty()  ? Resolve(ld.url, url)
                                        : std::string(url);

  // Title: the page's own headline (<h1>) when a declared title confirms it; else the
  // declared titles without the site's name.
  std::vector<std::string> declared;
  std::vector<const char*> declared_from;  // where each came from (for DYAD_EXTRACT_DEBUG)
  for (auto [s, from] : {std::pair{&ld.headline, "json-ld"}, std::pair{&og_title, "og"},
                         std::pair{&tw_title, "twitter"}, std::pair{&title_tag, "title"}})
    if (!s->empty()) {
      declared.push_back(StripSiteFromTitle(CollapseSpace(DecodeEntities(*s)), md.site));
      declared_from.push_back(from);
    }
  // Names the declared titles set beside the headline: where one is another plus a piece
  // ("Blog Name: Headline" and "Headline"), the piece is the site's, section's or blog's name.
  std::vector<std::string> names;
  if (!md.site.empty()) names.push_back(md.site);
  for (const auto& a : declared)
    for (const auto& b : declared) {
      std::string_view piece = OtherPiece(a, b);
      if (!piece.empty()) names.emplace_back(piece);
    }
  // A declared title cut off where another goes on is the longer one.
  for (auto& a : declared) {
    std::string stem(CutOffStem(a));
    if (stem.empty()) continue;
    for (const auto& b : declared)
      if (b.size() > stem.size() && StartsWith(b, stem) && b[stem.size()] == ' ') {
        a = b;
        break;
      }
  }
  // The page's headlines: <h1> elements outside page furniture that are not one of those
  // names, without a section or site name set off by a pipe ("Headline | Opinion").
  struct Headline {
    std::string text;
    uint32_t node;
    std::vector<std::string> lines;  // the lines it is set in
  };
  std::vector<Headline> h1s;
  const Headline* headline = nullptr;  // the <h1> taken as the title
  for (uint32_t i = 1; i < dom.size(); ++i) {
    if (dom.tag(i) != HtmlTag::kH1) continue;
    std::vector<std::string> lines;
    std::string h = InnerText(dom, i, &lines);
    if (h.size() < 3 || h.size() > 200 || InFurniture(dom, i)) continue;  // over 200: a lede
    if (std::any_of(names.begin(), names.end(), [&](const auto& n) { return SameText(h, n); }))
      continue;
    h1s.push_back({StripSiteFromTitle(h, md.site, true), i, std::move(lines)});
    if (h1s.size() > 8) break;
  }
  // A headline that a declared title confirms; else the one headline; else a declared title.
  // The best-confirmed headline wins, not the first: a short site or section name in an
  // <h1> ("The Go Blog") shares a few words with "Headline - The Go Programming Language".
  double best_match = 0;
  for (const Headline& h : h1s)
    for (const auto& d : declared) {
      double m = TitleMatch(h.text, d);
      if (m > best_match) {
        best_match = m;
        headline = &h;
      }
    }
  // A lone headline that no declared title confirms is the article's, unless it is a few
  // words ("Our Blog", a blog's or author's name) while the page declares a title.
  std::string first_long;
  for (const Headline& h : h1s)
    if (first_long.empty() && TitleWords(h.text).size() > 3) first_long = h.text;
  // So is the one headline inside an <article> when the others are outside it (a logo, a
  // card list under the story).
  size_t lone = h1s.size() == 1 ? 0 : h1s.size();
  for (size_t k = 0; k < h1s.size() && h1s.size() > 1; ++k) {
    bool in_article = false;
    for (uint32_t a = h1s[k].node; a != 0 && !in_article; a = dom[a].parent)
      in_article = dom.tag(a) == HtmlTag::kArticle;
    if (in_article) lone = lone == h1s.size() ? k : h1s.size() + 1;
  }
  if (!headline && lone < h1s.size() && (declared.empty() || TitleWords(h1s[lone].text).size() > 3))
    headline = &h1s[lone];
  if (headline) md.title = headline->text;
  // A headline set in lines (a <br>, a block or a span styled as one) is a headline and a
  // subtitle or a kicker: unless a declared title is the whole of it, the declared title that
  // confirms one of its lines says which words are the title.
  if (headline && headline->lines.size() > 1 &&
      std::none_of(declared.begin(), declared.end(),
                   [&](const auto& d) { return SameText(d, headline->text); })) {
    for (const auto& d : declared)
      if (std::any_of(headline->lines.begin(), headline->lines.end(),
                      [&](const auto& line) { return TitleMatch(line, d) > 0; })) {
        md.title = d;
        break;
      }
  }
  if (headline) {
    // A headline in capitals (or in no capitals) is the page's styling, unless a declared
    // title is written so too: the first declared title that confirms it gives the case.
    if (OneCase(md.title) &&
        std::find(declared.begin(), declared.end(), md.title) == declared.end())
      for (const auto& d : declared)
        if (TitleMatch(md.title, d) > 0) {
          if (!OneCase(d)) md.title = d;
          break;
        }
    for (const auto& d : declared) {
      // A tagline set off after the headline ("Headline - Personally Tested", "Headline |
      // Python, SQL & AI") where a declared title is the headline alone, unless a declared
      // title trusted more is the whole of it.
      if (SameText(d, md.title)) break;
      if (md.title.size() > d.size() && StartsWith(md.title, d) && TitleWords(d).size() >= 3 &&
          std::any_of(std::begin(kTitleSeps), std::end(kTitleSeps), [&](const char* sep) {
            return StartsWith(std::string_view(md.title).substr(d.size()), sep);
          })) {
        md.title = d;
        break;
      }
      // A kicker or a date run into the headline ("Blog: Headline", "Dec 18 2025 Headline")
      // where a declared title is the headline alone.
      if (md.title.size() <= d.size() || !EndsWith(md.title, d) || TitleWords(d).size() < 3)
        continue;
      std::string_view before =
          Trim(std::string_view(md.title).substr(0, md.title.size() - d.size()));
      if ((EndsWith(before, ":") && TitleWords(before).size() <= 2) ||
          (before.size() <= 20 && !ParseDate(before).empty())) {
        md.title = d;
        break;
      }
    }
  }
  if (std::getenv("DYAD_EXTRACT_DEBUG")) {
    for (const Headline& h : h1s) std::fprintf(stderr, "title: h1 [%s]\n", h.text.c_str());
    for (size_t k = 0; k < declared.size(); ++k)
      std::fprintf(stderr, "title: declared %s [%s]\n", declared_from[k], declared[k].c_str());
    std::fprintf(stderr, "title: best %.3f [%s]\n", best_match, md.title.c_str());
  }
  if (md.title.empty()) {
    // `declared` is in order of trust: JSON-LD headline, og:title, twitter:title, <title>.
    bool only_title_tag = declared.size() == 1 && !title_tag.empty();
    if (!declared.empty() && !(only_title_tag && !first_long.empty()))
      md.title = declared[0];
    else if (!first_long.empty())
      md.title = first_long;
    else if (!h1s.empty())
      md.title = h1s[0].text;
  }

  // Authors: JSON-LD, meta, microdata, rel=author, byline elements.
  md.authors = !ld.authors.empty() ? ld.authors : meta_authors;
  if (md.authors.empty()) {
    for (uint32_t i = 1; i < dom.size() && md.authors.empty(); ++i) {
      if (!dom.is_element(i)) continue;
      std::string_view ip = dom.attr(i, HtmlAttr::kItemprop);
      std::string rel = AsciiLower(dom.attr(i, HtmlAttr::kRel));
      bool is_author = ip == "author" || rel == "author";
      if (!is_author) continue;
      if (InFurniture(dom, i)) continue;
      // itemprop=author may hold an itemprop=name.
      std::string name;
      for (uint32_t k = i + 1; k < dom[i].end && name.empty(); ++k)
        if (dom.attr(k, HtmlAttr::kItemprop) == "name")
          name = dom.tag(k) == HtmlTag::kMeta ? CollapseSpace(dom.attr(k, HtmlAttr::kContent))
                                              : InnerText(dom, k);
      if (name.empty()) name = InnerText(dom, i);
      if (name.size() >= 3 && name.size() <= 100) md.authors = SplitAuthors(name);
    }
  }
  if (md.authors.empty()) {
    for (uint32_t i = 1; i < dom.size() && md.authors.empty(); ++i) {
      if (!dom.is_element(i)) continue;
      std::string ci = ClassId(dom, i);
      if (!(Contains(ci, "byline") || Contains(ci, "author-name") || Contains(ci, "authorname") ||
            Contains(ci, "author__name")))
        continue;
      if (InFurniture(dom, i)) continue;
      std::string t = InnerText(dom, i);
      if (t.size() < 3 || t.size() > 120) continue;
      md.authors = SplitAuthors(t);
    }
  }

  // Date: meta tags, JSON-LD, <time>, then the URL (the text is the caller's, last).
  if (!meta_date.empty()) {
    md.date = meta_date;
    md.date_source = "meta";
  } else if (!ld.date.empty()) {
    md.date = ld.date;
    md.date_source = "json-ld";
  } else {
    // The <time> nearest the headline (the byline's), else the first on the page: a list
    // of other posts' dates may come before the article, or after it.
    const uint32_t headline_h1 = headline ? headline->node : 0;
    uint32_t best_distance = UINT32_MAX;
    for (uint32_t i = 1; i < dom.size(); ++i) {
      if (dom.tag(i) != HtmlTag::kTime) continue;
      if (InFurniture(dom, i)) continue;
      std::string d = ParseDate(dom.attr(i, HtmlAttr::kDatetime));
      std::string shown = ParseDate(InnerText(dom, i), true);
      // A timestamp in UTC can fall on the next or previous day: the reader sees the
      // page's own day.
      if (!d.empty() && !shown.empty() && d != shown && DayDistance(d, shown) == 1) d = shown;
      if (d.empty()) d = shown;
      if (d.empty()) continue;
      uint32_t distance = headline_h1 == 0  ? 0
                          : i > headline_h1 ? i - headline_h1
                                            : headline_h1 - i;
      if (distance < best_distance) {
        best_distance = distance;
        md.date = d;
      }
      if (headline_h1 == 0 || i > headline_h1) break;  // later ones are farther
    }
    if (!md.date.empty()) md.date_source = "time";
  }
  if (md.date.empty()) {
    md.date = DateFromUrl(!url.empty() ? url : std::string_view(md.canonical_url));
    if (md.date.empty() && !url.empty()) md.date = DateFromUrl(md.canonical_url);
    if (!md.date.empty()) md.date_source = "url";
  }
  return md;
}

}  // namespace dyad
