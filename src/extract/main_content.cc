#include "extract/main_content.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "core/strings.h"
#include "extract/boilerplate.h"
#include "extract/phrase_set.h"

namespace dyad {

namespace {

// What the class and id of an element say about it.
enum class Hint : uint8_t { kNone, kWeakJunk, kJunk, kPositive, kBody };

// Parts of class/id names ("post-meta" -> post, meta), compared whole.
bool HasPart(std::string_view ci, std::initializer_list<std::string_view> parts) {
  size_t i = 0;
  while (i < ci.size()) {
    while (i < ci.size() && !(std::isalnum(static_cast<unsigned char>(ci[i])))) ++i;
    size_t j = i;
    while (j < ci.size() && std::isalnum(static_cast<unsigned char>(ci[j]))) ++j;
    if (j > i) {
      std::string_view w = ci.substr(i, j - i);
      for (auto p : parts)
        if (w == p) return true;
    }
    i = j;
  }
  return false;
}

// `ci` is the lower-cased class and id.
Hint ClassifyName(std::string_view ci) {
  if (ci.size() <= 1) return Hint::kNone;
  // Names that mark the article body itself.
  static constexpr std::string_view kBody[] = {
      "articlebody",     "article-body",      "article__body",     "article_body",
      "story-body",      "storybody",         "entry-content",     "post-content",
      "postcontent",     "post-body",         "postbody",          "article-content",
      "articlecontent",  "article__content",  "article_content",   "content-body",
      "story-content",   "storycontent",      "blog-content",      "single-content",
      "post-entry",      "article-text",      "articletext",       "story-text",
      "body-text",       "news-content",      "news-body",         "entry-body",
      "post__content",   "post_content",      "entry__content",    "article__text",
      "articlebodytext", "main-article-body", "blog-post-content", "post-text",
      "story__body",     "story__content",    "c-entry-content",   "article-main-content",
      "text-content",    "rich-text-article", "detail-content"};
  // Names of furniture, matched anywhere in the name.
  static constexpr std::string_view kJunkSub[] = {"disqus",
                                                  "comment",
                                                  "share",
                                                  "sharing",
                                                  "social",
                                                  "related",
                                                  "recommend",
                                                  "newsletter",
                                                  "subscri",
                                                  "signup",
                                                  "sign-up",
                                                  "cookie",
                                                  "consent",
                                                  "gdpr",
                                                  "advert",
                                                  "sponsor",
                                                  "popup",
                                                  "pop-up",
                                                  "modal",
                                                  "breadcrumb",
                                                  "outbrain",
                                                  "taboola",
                                                  "donat",
                                                  "paywall",
                                                  "sr-only",
                                                  "screen-reader",
                                                  "screenreader",
                                                  "visually-hidden",
                                                  "visuallyhidden",
                                                  "readmore",
                                                  "read-more",
                                                  "more-stories",
                                                  "morestories",
                                                  "trending",
                                                  "most-popular",
                                                  "mostpopular",
                                                  "most-read",
                                                  "mostread",
                                                  "you-may",
                                                  "also-read",
                                                  "alsoread",
                                                  "author-bio",
                                                  "authorbio",
                                                  "author-box",
                                                  "authorbox",
                                                  "about-author",
                                                  "about-the-author",
                                                  "skip-link",
                                                  "skiplink",
                                                  "post-nav",
                                                  "postnav",
                                                  "prev-next",
                                                  "next-prev",
                                                  "byline",
                                                  "jp-relatedposts",
                                                  "yarpp",
                                                  "wp-block-buttons",
                                                  "promo",
                                                  "pagination",
                                                  "breaking-news",
                                                  "subnav",
                                                  "navbar",
                                                  "navigation",
                                                  "offcanvas",
                                                  "off-canvas",
                                                  "masthead",
                                                  "dateline",
                                                  "timestamp",
                                                  "published-date",
                                                  "post-date",
                                                  "entry-date",
                                                  "article-date",
                                                  "author-info",
                                                  "authorinfo",
                                                  "article-tags",
                                                  "post-tags",
                                                  "tag-list",
                                                  "taglist",
                                                  "tags-list",
                                                  "toolbar",
                                                  "print-only",
                                                  "app-download",
                                                  "download-app",
                                                  "follow-us",
                                                  "followus",
                                                  "signin",
                                                  "sign-in",
                                                  "dropdown",
                                                  "tooltip",
                                                  "overlay",
                                                  "footnote-nav",
                                                  "table-of-contents",
                                                  "pullquote",
                                                  "pull-quote",
                                                  "inline-related",
                                                  "read-next",
                                                  "readnext",
                                                  "more-from",
                                                  "morefrom",
                                                  "newsletter",
                                                  "top-stories",
                                                  "topstories",
                                                  "latest-news",
                                                  "latestnews"};
  // Short words that name furniture only as a whole part of the name.
  static const std::initializer_list<std::string_view> kJunkParts = {
      "nav",      "menu",          "footer",       "ad",        "ads",         "adv",
      "advert",   "advertisement", "advertising",  "dfp",       "gpt",         "sponsored",
      "meta",     "tags",          "tag",          "author",    "authors",     "print",
      "rating",   "ratings",       "alert",        "cta",       "breadcrumbs", "copyright",
      "legal",    "ticker",        "credit",       "credits",   "caption",     "skip",
      "teaser",   "teasers",       "aside",        "header",    "topbar",      "utility",
      "flyout",   "sticky",        "notification", "subscribe", "disclaimer",  "embed",
      "video",    "gallery",       "slideshow",    "carousel",  "poll",        "quiz",
      "survey",   "signature",     "bio",          "date",      "time",        "published",
      "updated",  "share",         "shares",       "icons",     "icon",        "logo",
      "category", "categories",    "kicker",       "eyebrow",   "badge",       "sidebar",
      "banner",   "login",         "search",       "partner"};
  static const PhraseSet body(kBody);
  static const PhraseSet junk(kJunkSub);
  if (body.AnyIn(ci)) return Hint::kBody;
  bool commentary = Contains(ci, "commentar");
  bool is_junk = false;
  junk.ForEachMatch(ci, [&](uint32_t k) {
    is_junk = !(commentary && junk.phrase(k) == "comment");
    return !is_junk;
  });
  if (is_junk) return Hint::kJunk;
  if (HasPart(ci, kJunkParts)) return Hint::kWeakJunk;
  static const PhraseSet positive = {"article", "content", "entry", "post", "story",
                                     "main",    "body",    "text",  "blog"};
  if (positive.AnyIn(ci)) return Hint::kPositive;
  return Hint::kNone;
}

struct Info {
  uint32_t text = 0;    // visible characters in the subtree (white space not counted)
  uint32_t link = 0;    // of which inside links
  uint32_t direct = 0;  // in the element's own text children
  uint32_t commas = 0;
  float score = 0;        // readability-style content score
  bool removed = false;   // furniture: left out with its subtree
  bool protect = false;   // holds the article body: never removed
  bool comments = false;  // named as a comment thread
  bool headline = false;  // holds the article's headline: its name alone does not remove it
  Hint hint = Hint::kNone;
};

bool IsHidden(const HtmlDom& dom, uint32_t i) {
  if (dom.has_attr(i, HtmlAttr::kHidden)) return true;
  // Utility classes of the common CSS frameworks that hide an element.
  std::string_view cls = dom.attr(i, HtmlAttr::kClass);
  for (size_t a = 0; a < cls.size();) {
    size_t b = cls.find(' ', a);
    if (b == std::string_view::npos) b = cls.size();
    std::string_view token = cls.substr(a, b - a);
    if (token == "hidden" || token == "d-none" || token == "hide" || token == "is-hidden" ||
        token == "invisible" || token == "visually-hidden" || token == "sr-only")
      return true;
    a = b + 1;
  }
  std::string_view aria = dom.attr(i, HtmlAttr::kAriaHidden);
  if (aria.size() == 4 && AsciiLower(aria) == "true") return true;
  std::string_view style = dom.attr(i, HtmlAttr::kStyle);
  if (!style.empty()) {
    std::string s = AsciiLower(style);
    s.erase(std::remove(s.begin(), s.end(), ' '), s.end());
    if (Contains(s, "display:none") || Contains(s, "visibility:hidden")) return true;
  }
  return false;
}

bool IsHeading(HtmlTag t) {
  return t == HtmlTag::kH1 || t == HtmlTag::kH2 || t == HtmlTag::kH3 || t == HtmlTag::kH4 ||
         t == HtmlTag::kH5 || t == HtmlTag::kH6;
}

// Elements whose content is never article text.
bool NeverContent(HtmlTag t) {
  switch (t) {
    case HtmlTag::kHead:
    case HtmlTag::kTitle:
    case HtmlTag::kMeta:
    case HtmlTag::kLink:
    case HtmlTag::kBase:
    case HtmlTag::kScript:
    case HtmlTag::kStyle:
    case HtmlTag::kNoscript:
    case HtmlTag::kTemplate:
    case HtmlTag::kSvg:
    case HtmlTag::kMath:
    case HtmlTag::kCanvas:
    case HtmlTag::kIframe:
    case HtmlTag::kObject:
    case HtmlTag::kEmbed:
    case HtmlTag::kVideo:
    case HtmlTag::kAudio:
    case HtmlTag::kInput:
    case HtmlTag::kButton:
    case HtmlTag::kSelect:
    case HtmlTag::kOption:
    case HtmlTag::kTextarea:
    case HtmlTag::kNav:
    case HtmlTag::kDialog:
    case HtmlTag::kSource:
    case HtmlTag::kLabel:
      return true;
    default:
      return false;
  }
}

uint32_t VisibleChars(std::string_view s, uint32_t* commas) {
  uint32_t n = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == ',') ++*commas;
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') continue;
    if ((c & 0xC0) == 0x80) continue;  // count code points
    ++n;
  }
  return n;
}

class Extractor {
 public:
  Extractor(const HtmlDom& dom, const std::string& title)
      : dom_(dom), info_(dom.size()), title_(AsciiLower(CollapseSpace(title))) {}

  std::vector<HtmlBlock> Run() {
    Classify();
    Measure();
    std::vector<uint32_t> roots = ChooseRoots();
    // DYAD_EXTRACT_DEBUG=1: the scored elements and the chosen roots on stderr (for tuning).
    static const bool debug = std::getenv("DYAD_EXTRACT_DEBUG") != nullptr;
    if (debug) DumpScores(roots);
    for (uint32_t r : roots) Emit(r);
    return Filter();
  }

 private:
  void DumpScores(const std::vector<uint32_t>& roots) const {
    for (uint32_t i = 1; i < dom_.size(); ++i)
      if (dom_.is_element(i) && info_[i].text >= 200 &&
          (!info_[i].removed || !info_[dom_[i].parent].removed)) {
        int depth = 0;
        for (uint32_t a = i; a; a = dom_[a].parent) ++depth;
        std::fprintf(stderr,
                     "%*s%u tag %d class '%.110s' id '%.30s' text %u link %u score %.1f%s\n", depth,
                     "", i, static_cast<int>(dom_.tag(i)),
                     std::string(dom_.attr(i, HtmlAttr::kClass)).c_str(),
                     std::string(dom_.attr(i, HtmlAttr::kId)).c_str(), info_[i].text, info_[i].link,
                     info_[i].score, info_[i].removed ? " REMOVED" : "");
      }
    for (uint32_t r : roots)
      std::fprintf(stderr, "root %u tag %d class '%s' text %u score %.1f\n", r,
                   static_cast<int>(dom_.tag(r)),
                   std::string(dom_.attr(r, HtmlAttr::kClass)).c_str(), info_[r].text,
                   info_[r].score);
  }

  // Pass 1: names, body hints, protection of the body's ancestors, removal of furniture.
  void Classify() {
    const uint32_t n = dom_.size();
    for (uint32_t i = 1; i < n; ++i) {
      if (!dom_.is_element(i)) continue;
      std::string_view cls = dom_.attr(i, HtmlAttr::kClass);
      std::string_view id = dom_.attr(i, HtmlAttr::kId);
      if (!cls.empty() || !id.empty()) {
        std::string ci = AsciiLower(cls);
        ci += ' ';
        ci += AsciiLower(id);
        // Pages repeat the same few names many times: classify each once.
        auto it = names_.find(ci);
        if (it == names_.end()) {
          Hint h = ClassifyName(ci);
          bool comments = h == Hint::kJunk && (Contains(ci, "comment") || Contains(ci, "disqus")) &&
                          !Contains(ci, "commentar");
          it = names_.emplace(std::move(ci), std::make_pair(h, comments)).first;
        }
        info_[i].hint = it->second.first;
        info_[i].comments = it->second.second;
      }
      std::string_view ip = dom_.attr(i, HtmlAttr::kItemprop);
      if (ip == "articleBody" || ip == "articlebody") info_[i].hint = Hint::kBody;
      if (info_[i].hint == Hint::kBody) {
        for (uint32_t a = i, hops = 0; a != 0 && hops < 2 * HtmlDom::kMaxDepth; ++hops) {
          info_[a].protect = true;
          a = dom_[a].parent;
        }
      }
    }
    // Sizes before removal, to tell a small "meta" box from a wrapper that holds the page.
    std::vector<uint32_t> raw_text(n, 0), raw_link(n, 0);
    for (uint32_t i = n; i-- > 1;) {
      uint32_t p = dom_[i].parent;
      if (dom_.is_text(i)) {
        uint32_t commas = 0;
        raw_text[i] = VisibleChars(dom_.text(i), &commas);
      } else if (dom_.tag(i) == HtmlTag::kA) {
        raw_link[i] = raw_text[i];
      }
      raw_text[p] += raw_text[i];
      raw_link[p] += raw_link[i];
    }
    const uint32_t page_text = raw_text[0];
    // The <h1> that is the article's title, and every element around it: the article's
    // container is not furniture, whatever its name says (an article opened in a "modal").
    std::string title_key = Key(title_);
    uint32_t headline_end = 0;  // past the <h1> that is the title, when there is one
    if (!title_key.empty()) {
      for (uint32_t i = 1; i < n; ++i) {
        if (dom_.tag(i) != HtmlTag::kH1) continue;
        std::string t;
        for (uint32_t k = i + 1; k < dom_[i].end; ++k)
          if (dom_.is_text(k)) t += dom_.text(k);
        if (Key(t) != title_key) continue;
        headline_end = dom_[i].end;
        for (uint32_t a = i, hops = 0; a != 0 && hops < 2 * HtmlDom::kMaxDepth; ++hops) {
          info_[a].headline = true;
          a = dom_[a].parent;
        }
        break;
      }
    }
    // Visible characters of the text before each node, to measure the article between the
    // headline and a list of story cards.
    std::vector<uint32_t> before(n + 1, 0);
    for (uint32_t i = 1; i < n; ++i) {
      HtmlTag pt = dom_.tag(dom_[i].parent);
      bool counts = dom_.is_text(i) && pt != HtmlTag::kScript && pt != HtmlTag::kStyle;
      before[i + 1] = before[i] + (counts ? raw_text[i] : 0);
    }
    for (uint32_t i = 1; i < n; ++i) {
      Info& in = info_[i];
      uint32_t p = dom_[i].parent;
      if (info_[p].removed) {
        in.removed = true;
        continue;
      }
      if (!dom_.is_element(i)) continue;
      HtmlTag t = dom_.tag(i);
      if (NeverContent(t)) {
        in.removed = !in.protect || t == HtmlTag::kScript || t == HtmlTag::kStyle;
        continue;
      }
      // Hidden until a script shows it: menus, dialogs, banners; but a hidden element with
      // much of the page's text is content streamed in for a script to move into place.
      if (IsHidden(dom_, i) && !in.protect &&
          (raw_text[i] * 4 < page_text || raw_link[i] * 2 > raw_text[i])) {
        in.removed = true;
        continue;
      }
      if (in.protect) continue;
      // A feed of story cards after an article (its headline, then a good deal of text
      // before the list): on a page without one the cards are the content (an index page).
      if ((t == HtmlTag::kUl || t == HtmlTag::kOl) && headline_end != 0 && i >= headline_end &&
          before[i] >= before[headline_end] + 1000 && IsTeaserList(i, raw_text, raw_link)) {
        in.removed = true;
        continue;
      }
      std::string_view role = dom_.attr(i, HtmlAttr::kRole);
      if (!role.empty()) {
        std::string r = AsciiLower(role);
        if (r == "navigation" || r == "banner" || r == "contentinfo" || r == "complementary" ||
            r == "search" || r == "menu" || r == "menubar" || r == "dialog" || r == "alertdialog" ||
            r == "tooltip" || r == "toolbar") {
          in.removed = true;
          continue;
        }
      }
      // An <aside>, <footer> or <form> is furniture, unless it holds the article's headline
      // or most of the page's prose: a tag left open by broken markup (an announcement
      // <aside> never closed) or a form wrapping the whole page takes the article with it.
      if (t == HtmlTag::kAside || t == HtmlTag::kFooter || t == HtmlTag::kForm) {
        bool wraps_page = raw_link[i] * 5 < raw_text[i] && raw_text[i] * 2 >= page_text;
        if (!in.headline && !wraps_page) {
          in.removed = true;
          continue;
        }
      }
      // A name is not enough to drop what holds most of the page (a wrapper called
      // "off-canvas-main" or "has-sidebar"), comment threads excepted.
      // Nor to drop a third of the page that is prose, not links ("read-more" holding the
      // rest of the story).
      bool prose = raw_link[i] * 5 < raw_text[i] && raw_text[i] * 3 >= page_text;
      if (in.headline && !in.comments) continue;
      if (in.hint == Hint::kJunk && t != HtmlTag::kBody && t != HtmlTag::kHtml &&
          t != HtmlTag::kArticle && t != HtmlTag::kMain &&
          ((raw_text[i] * 5 < page_text * 3 && !prose) || in.comments)) {
        in.removed = true;
        continue;
      }
      if (in.hint == Hint::kWeakJunk && t != HtmlTag::kBody && t != HtmlTag::kHtml &&
          t != HtmlTag::kMain && t != HtmlTag::kArticle && raw_text[i] * 4 < page_text &&
          (raw_link[i] * 10 >= raw_text[i] * 3 || raw_text[i] < 300)) {
        in.removed = true;
        continue;
      }
    }
  }

  // A list of story cards (a feed of other articles under this one): three or more items,
  // nearly all of them a linked headline (<h2>-<h4> whose text is a link) with a summary
  // beside it. An article's own lists do not put linked headings in their items.
  bool IsTeaserList(uint32_t list, const std::vector<uint32_t>& raw_text,
                    const std::vector<uint32_t>& raw_link) const {
    uint32_t items = 0, cards = 0;
    for (uint32_t c = list + 1; c < dom_[list].end && c != 0; c = dom_[c].next) {
      if (dom_.tag(c) == HtmlTag::kLi && raw_text[c] > 0) {
        ++items;
        for (uint32_t k = c + 1; k < dom_[c].end; ++k) {
          HtmlTag kt = dom_.tag(k);
          if ((kt == HtmlTag::kH2 || kt == HtmlTag::kH3 || kt == HtmlTag::kH4) && raw_text[k] > 0 &&
              raw_link[k] * 10 >= raw_text[k] * 9 && raw_text[c] >= raw_text[k] + 80) {
            ++cards;
            break;
          }
        }
      }
      if (dom_[c].next == 0) break;
    }
    return items >= 3 && cards * 4 >= items * 3;
  }

  // Pass 2: text, link text and commas per subtree (from the back, children before parents).
  void Measure() {
    const uint32_t n = dom_.size();
    for (uint32_t i = n; i-- > 1;) {
      Info& in = info_[i];
      uint32_t p = dom_[i].parent;
      if (dom_.is_text(i)) {
        uint32_t commas = 0;
        in.text = VisibleChars(dom_.text(i), &commas);
        in.commas = commas;
        if (!in.removed) info_[p].direct += in.text;
      } else if (dom_.tag(i) == HtmlTag::kA) {
        in.link = in.text;
      }
      if (in.removed && !info_[p].removed) continue;  // furniture counts for itself only
      info_[p].text += in.text;
      info_[p].link += in.link;
      info_[p].commas += in.commas;
    }
  }

  float LinkDensity(uint32_t i) const {
    return info_[i].text ? static_cast<float>(info_[i].link) / info_[i].text : 0.f;
  }

  // Readability-style scores: each paragraph scores by length and commas and passes its
  // score to its parent (full), grandparent (half) and great-grandparent (a third).
  uint32_t ScoreCandidates() {
    const uint32_t n = dom_.size();
    std::vector<uint32_t> scored;
    for (uint32_t i = 1; i < n; ++i) {
      if (info_[i].removed || !dom_.is_element(i)) {
        if (info_[i].removed) i = dom_[i].end - 1;
        continue;
      }
      HtmlTag t = dom_.tag(i);
      bool para = t == HtmlTag::kP || t == HtmlTag::kPre || t == HtmlTag::kTd ||
                  t == HtmlTag::kBlockquote ||
                  ((t == HtmlTag::kDiv || t == HtmlTag::kSection || t == HtmlTag::kLi ||
                    t == HtmlTag::kOther || t == HtmlTag::kSpan) &&
                   info_[i].direct >= 25);
      if (!para) continue;
      uint32_t len = t == HtmlTag::kDiv || t == HtmlTag::kSection || t == HtmlTag::kOther ||
                             t == HtmlTag::kSpan || t == HtmlTag::kLi
                         ? info_[i].direct
                         : info_[i].text;
      if (len < 25) continue;
      float s = 1.f + std::min<float>(info_[i].commas, 10) + std::min<float>(len / 100, 3);
      s *= 1.f - LinkDensity(i);
      uint32_t a = dom_[i].parent;
      for (int level = 0; level < 3 && a != 0; ++level, a = dom_[a].parent) {
        if (info_[a].score == 0) scored.push_back(a);
        info_[a].score += s / (level == 0 ? 1.f : level == 1 ? 2.f : 3.f);
      }
    }
    uint32_t best = 0;
    float best_score = 0;
    for (uint32_t c : scored) {
      HtmlTag t = dom_.tag(c);
      float base = t == HtmlTag::kDiv || t == HtmlTag::kArticle || t == HtmlTag::kSection ||
                           t == HtmlTag::kMain
                       ? 5.f
                   : t == HtmlTag::kPre || t == HtmlTag::kTd || t == HtmlTag::kBlockquote ? 3.f
                   : t == HtmlTag::kUl || t == HtmlTag::kOl || t == HtmlTag::kLi ||
                           t == HtmlTag::kDl || t == HtmlTag::kForm
                       ? -3.f
                   : IsHeading(t) ? -5.f
                                  : 0.f;
      Hint h = info_[c].hint;
      base += h == Hint::kBody ? 50.f : h == Hint::kPositive ? 25.f : 0.f;
      float s = (info_[c].score + base) * (1.f - LinkDensity(c));
      info_[c].score = s;
      if (s > best_score) {
        best_score = s;
        best = c;
      }
    }
    return best;
  }

  bool IsAncestor(uint32_t a, uint32_t d) const { return a <= d && d < dom_[a].end; }

  // The elements whose blocks make the article, in page order.
  std::vector<uint32_t> ChooseRoots() {
    uint32_t body = dom_.Find(HtmlTag::kBody);
    if (body == 0) body = 0;
    const uint32_t total = info_[body].text;
    uint32_t best = ScoreCandidates();

    // 1. Elements named as the article body (itemprop=articleBody, class="entry-content").
    std::vector<uint32_t> hints;
    for (uint32_t i = 1; i < dom_.size(); ++i) {
      if (info_[i].removed) {
        i = dom_[i].end - 1;
        continue;
      }
      if (info_[i].hint == Hint::kBody && info_[i].text >= 100) {
        hints.push_back(i);
        i = dom_[i].end - 1;  // outermost only
      }
    }
    if (!hints.empty()) {
      uint32_t top = hints[0];
      for (uint32_t h : hints)
        if (info_[h].text > info_[top].text) top = h;
      uint32_t top_article = NearestArticle(top);
      std::vector<uint32_t> roots;
      uint32_t sum = 0;
      for (uint32_t h : hints)
        if (h == top ||
            (NearestArticle(h) == top_article && info_[h].text * 10 >= info_[top].text)) {
          roots.push_back(h);
          sum += info_[h].text;
        }
      // A body hint far smaller than the best-scoring block that holds it is only a piece;
      // one far smaller than a best-scoring block elsewhere names teasers, not the article.
      bool elsewhere = best && !IsAncestor(best, top) && !IsAncestor(top, best);
      if (best && IsAncestor(best, top) && best != top && sum * 2 < info_[best].text &&
          LinkDensity(best) < 0.3f)
        return {best};
      // A body name on a few lines of a page of prose names a teaser card's summary.
      bool scrap = sum < 300 && sum * 20 < total;
      if (!scrap && (!elsewhere || info_[best].text <= 2 * sum)) return roots;
    }
    // 2. The one <article> (or <main>) holding most of the page's text.
    for (HtmlTag want : {HtmlTag::kArticle, HtmlTag::kMain}) {
      uint32_t top = 0;
      uint32_t second = 0;
      for (uint32_t i = 1; i < dom_.size(); ++i) {
        if (info_[i].removed) {
          i = dom_[i].end - 1;
          continue;
        }
        if (dom_.tag(i) != want &&
            !(want == HtmlTag::kMain && AsciiLower(dom_.attr(i, HtmlAttr::kRole)) == "main"))
          continue;
        if (info_[i].text > info_[top].text || top == 0) {
          second = top;
          top = i;
        } else if (info_[i].text > info_[second].text) {
          second = i;
        }
      }
      if (top && info_[top].text >= 200 && info_[top].text * 4 >= total &&
          (second == 0 || info_[top].text >= 2 * info_[second].text || IsAncestor(top, second))) {
        if (best && IsAncestor(top, best) && info_[best].text * 10 >= info_[top].text * 9)
          return {best};
        if (best && !IsAncestor(top, best) && !IsAncestor(best, top) &&
            info_[best].text > 2 * info_[top].text)
          break;
        return {top};
      }
    }
    // 3. The best-scoring block, with the siblings that look like more of it.
    if (!best) return {body};
    uint32_t parent = dom_[best].parent;
    std::vector<uint32_t> roots;
    float threshold = std::max(10.f, info_[best].score * 0.2f);
    for (uint32_t c = parent + 1; c < dom_[parent].end && c != 0; c = dom_[c].next) {
      if (c == best) {
        roots.push_back(c);
      } else if (!info_[c].removed && dom_.is_element(c)) {
        bool take = info_[c].score >= threshold;
        if (!take && dom_.tag(c) == HtmlTag::kP) {
          float ld = LinkDensity(c);
          take = (info_[c].text > 80 && ld < 0.25f) || (info_[c].text > 0 && ld == 0.f);
        }
        if (take) roots.push_back(c);
      }
      if (dom_[c].next == 0) break;
    }
    return roots;
  }

  uint32_t NearestArticle(uint32_t i) const {
    for (int hops = 0; i != 0 && hops < 1024; ++hops, i = dom_[i].parent)
      if (dom_.tag(i) == HtmlTag::kArticle) return i;
    return 0;
  }

  struct Pending {
    std::string text;
    uint32_t chars = 0, link_chars = 0;
  };

  const char* TypeOf(const std::vector<uint32_t>& open) const {
    for (size_t k = open.size(); k-- > 0;) {
      HtmlTag t = dom_.tag(open[k]);
      if (IsHeading(t)) return "h";
      if (t == HtmlTag::kLi || t == HtmlTag::kDt || t == HtmlTag::kDd) return "li";
      if (t == HtmlTag::kBlockquote) return "blockquote";
      if (t == HtmlTag::kPre) return "pre";
      if (t == HtmlTag::kTr) return "table";
      if (t == HtmlTag::kFigcaption || t == HtmlTag::kCaption) return "caption";
    }
    return "p";
  }

  void Flush(const std::vector<uint32_t>& open) {
    if (cur_.text.empty()) return;
    const char* type = TypeOf(open);
    std::string text =
        std::string(type) == "pre" ? std::string(Trim(cur_.text)) : CollapseSpace(cur_.text);
    if (!text.empty()) {
      raw_.push_back({type, std::move(text)});
      raw_links_.push_back({cur_.chars, cur_.link_chars});
    }
    cur_ = Pending();
  }

  // Pass 3: the text of one root as blocks.
  void Emit(uint32_t root) {
    std::vector<uint32_t> open;  // open elements, innermost last
    uint32_t in_link = 0;
    auto close_until = [&](uint32_t i) {
      while (!open.empty() && dom_[open.back()].end <= i) {
        uint32_t e = open.back();
        HtmlTag t = dom_.tag(e);
        if (t == HtmlTag::kA && in_link > 0) --in_link;
        if (IsBlockTag(t) || t == HtmlTag::kTd || t == HtmlTag::kTh) {
          if (t == HtmlTag::kTd || t == HtmlTag::kTh) {
            if (!cur_.text.empty()) cur_.text += " | ";
          } else {
            Flush(open);
          }
        }
        open.pop_back();
      }
    };
    const uint32_t end = dom_[root].end;
    for (uint32_t i = root; i < end; ++i) {
      close_until(i);
      if (info_[i].removed) {
        i = dom_[i].end - 1;
        continue;
      }
      if (dom_.is_text(i)) {
        std::string_view t = dom_.text(i);
        if (info_[i].text == 0) {
          if (!cur_.text.empty()) cur_.text += ' ';
          continue;
        }
        cur_.text.append(t);
        cur_.chars += info_[i].text;
        if (in_link) cur_.link_chars += info_[i].text;
        continue;
      }
      HtmlTag t = dom_.tag(i);
      if (t == HtmlTag::kBr || t == HtmlTag::kHr) {
        Flush(open);
        continue;
      }
      if (IsBlockTag(t)) Flush(open);
      if (t == HtmlTag::kA) ++in_link;
      open.push_back(i);
      if (dom_[i].end == i + 1) close_until(i + 1);
    }
    close_until(end);
    open.clear();
    Flush(open);
  }

  static std::string Key(const std::string& s) {
    std::string k;
    for (char c : s)
      if (std::isalnum(static_cast<unsigned char>(c)) || (static_cast<unsigned char>(c) >= 0x80))
        k += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return k;
  }

  // Pass 4: drops link lists, bylines, the repeated headline, appeals and duplicates.
  std::vector<HtmlBlock> Filter() {
    std::vector<HtmlBlock> out;
    std::vector<std::string_view> views;
    for (auto& b : raw_) views.push_back(b.text);
    std::vector<bool> drop = filter_.Classify(views);
    std::unordered_set<std::string> seen;
    std::vector<size_t> out_raw;  // per kept block, its index in raw_
    std::string title_key = Key(title_);
    for (size_t k = 0; k < raw_.size(); ++k) {
      HtmlBlock& b = raw_[k];
      if (drop[k]) continue;
      auto [chars, links] = raw_links_[k];
      if (chars == 0) continue;
      float ld = static_cast<float>(links) / chars;
      if (ld > 0.6f || (ld > 0.33f && chars < 80 && b.type != "h")) continue;
      std::string key = Key(b.text);
      if (key.empty()) continue;
      if (!title_key.empty() && key == title_key) continue;
      std::string lower = AsciiLower(b.text.substr(0, 12));
      if (b.text.size() < 80 && (StartsWith(lower, "by ") || StartsWith(lower, "written by") ||
                                 StartsWith(lower, "posted by") || StartsWith(lower, "published") ||
                                 StartsWith(lower, "updated") || StartsWith(lower, "last updated")))
        continue;
      if (key.size() >= 20 && !seen.insert(key).second) continue;
      out.push_back(std::move(b));
      out_raw.push_back(k);
    }
    // A heading with nothing of its own left under it titled what was dropped ("Related
    // stories", "You might like"): the blocks up to the next heading were all dropped.
    {
      std::vector<HtmlBlock> kept;
      for (size_t k = 0; k < out.size(); ++k) {
        if (out[k].type == "h") {
          size_t next_raw = k + 1 < out.size() ? out_raw[k + 1] : raw_.size();
          bool next_is_heading = k + 1 < out.size() && out[k + 1].type == "h";
          bool dropped_between = next_raw > out_raw[k] + 1;
          if ((k + 1 == out.size() || next_is_heading) && (dropped_between || k + 1 == out.size()))
            continue;
        }
        kept.push_back(std::move(out[k]));
      }
      out = std::move(kept);
    }
    // A pull quote repeats a sentence of the text: keep it once, where the text has it.
    std::vector<HtmlBlock> kept;
    for (size_t k = 0; k < out.size(); ++k) {
      const HtmlBlock& b = out[k];
      bool repeated = false;
      if (b.text.size() >= 40 && b.text.size() <= 400 &&
          (b.type == "blockquote" || b.type == "p")) {
        // Pull quotes sit near the paragraph they repeat.
        size_t from = k > 12 ? k - 12 : 0, to = std::min(out.size(), k + 13);
        for (size_t j = from; j < to && !repeated; ++j)
          repeated = j != k && out[j].text.size() > b.text.size() + 20 &&
                     out[j].text.find(b.text) != std::string::npos;
      }
      if (!repeated) kept.push_back(b);
    }
    return kept;
  }

  const HtmlDom& dom_;
  std::vector<Info> info_;
  std::unordered_map<std::string, std::pair<Hint, bool>> names_;
  std::string title_;
  BoilerplateFilter filter_;
  Pending cur_;
  std::vector<HtmlBlock> raw_;
  std::vector<std::pair<uint32_t, uint32_t>> raw_links_;
};

}  // namespace

std::vector<HtmlBlock> ExtractMainContent(const HtmlDom& dom, const std::string& title) {
  return Extractor(dom, title).Run();
}

}  // namespace dyad
