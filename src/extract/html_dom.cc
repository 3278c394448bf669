#include "extract/html_dom.h"

#include <myhtml/api.h>

#include <array>
#include <cstring>
#include <memory>
#include <string>
#include <unordered_map>

#include "core/utf8.h"

namespace dyad {

namespace {

std::array<HtmlTag, MyHTML_TAG_LAST_ENTRY + 1> BuildTagTable() {
  std::array<HtmlTag, MyHTML_TAG_LAST_ENTRY + 1> t;
  t.fill(HtmlTag::kOther);
  auto set = [&](myhtml_tag_id_t id, HtmlTag tag) { t[id] = tag; };
  set(MyHTML_TAG__TEXT, HtmlTag::kText);
  set(MyHTML_TAG_HTML, HtmlTag::kHtml);
  set(MyHTML_TAG_HEAD, HtmlTag::kHead);
  set(MyHTML_TAG_BODY, HtmlTag::kBody);
  set(MyHTML_TAG_TITLE, HtmlTag::kTitle);
  set(MyHTML_TAG_META, HtmlTag::kMeta);
  set(MyHTML_TAG_LINK, HtmlTag::kLink);
  set(MyHTML_TAG_BASE, HtmlTag::kBase);
  set(MyHTML_TAG_SCRIPT, HtmlTag::kScript);
  set(MyHTML_TAG_STYLE, HtmlTag::kStyle);
  set(MyHTML_TAG_NOSCRIPT, HtmlTag::kNoscript);
  set(MyHTML_TAG_TEMPLATE, HtmlTag::kTemplate);
  set(MyHTML_TAG_SVG, HtmlTag::kSvg);
  set(MyHTML_TAG_MATH, HtmlTag::kMath);
  set(MyHTML_TAG_CANVAS, HtmlTag::kCanvas);
  set(MyHTML_TAG_IFRAME, HtmlTag::kIframe);
  set(MyHTML_TAG_OBJECT, HtmlTag::kObject);
  set(MyHTML_TAG_EMBED, HtmlTag::kEmbed);
  set(MyHTML_TAG_VIDEO, HtmlTag::kVideo);
  set(MyHTML_TAG_AUDIO, HtmlTag::kAudio);
  set(MyHTML_TAG_IMG, HtmlTag::kImg);
  set(MyHTML_TAG_FIGURE, HtmlTag::kFigure);
  set(MyHTML_TAG_FIGCAPTION, HtmlTag::kFigcaption);
  set(MyHTML_TAG_FORM, HtmlTag::kForm);
  set(MyHTML_TAG_INPUT, HtmlTag::kInput);
  set(MyHTML_TAG_BUTTON, HtmlTag::kButton);
  set(MyHTML_TAG_SELECT, HtmlTag::kSelect);
  set(MyHTML_TAG_OPTION, HtmlTag::kOption);
  set(MyHTML_TAG_TEXTAREA, HtmlTag::kTextarea);
  set(MyHTML_TAG_LABEL, HtmlTag::kLabel);
  set(MyHTML_TAG_NAV, HtmlTag::kNav);
  set(MyHTML_TAG_HEADER, HtmlTag::kHeader);
  set(MyHTML_TAG_FOOTER, HtmlTag::kFooter);
  set(MyHTML_TAG_ASIDE, HtmlTag::kAside);
  set(MyHTML_TAG_MAIN, HtmlTag::kMain);
  set(MyHTML_TAG_ARTICLE, HtmlTag::kArticle);
  set(MyHTML_TAG_SECTION, HtmlTag::kSection);
  set(MyHTML_TAG_DIV, HtmlTag::kDiv);
  set(MyHTML_TAG_SPAN, HtmlTag::kSpan);
  set(MyHTML_TAG_P, HtmlTag::kP);
  set(MyHTML_TAG_BR, HtmlTag::kBr);
  set(MyHTML_TAG_HR, HtmlTag::kHr);
  set(MyHTML_TAG_H1, HtmlTag::kH1);
  set(MyHTML_TAG_H2, HtmlTag::kH2);
  set(MyHTML_TAG_H3, HtmlTag::kH3);
  set(MyHTML_TAG_H4, HtmlTag::kH4);
  set(MyHTML_TAG_H5, HtmlTag::kH5);
  set(MyHTML_TAG_H6, HtmlTag::kH6);
  set(MyHTML_TAG_UL, HtmlTag::kUl);
  set(MyHTML_TAG_OL, HtmlTag::kOl);
  set(MyHTML_TAG_LI, HtmlTag::kLi);
  set(MyHTML_TAG_DL, HtmlTag::kDl);
  set(MyHTML_TAG_DT, HtmlTag::kDt);
  set(MyHTML_TAG_DD, HtmlTag::kDd);
  set(MyHTML_TAG_BLOCKQUOTE, HtmlTag::kBlockquote);
  set(MyHTML_TAG_Q, HtmlTag::kQ);
  set(MyHTML_TAG_PRE, HtmlTag::kPre);
  set(MyHTML_TAG_LISTING, HtmlTag::kPre);
  set(MyHTML_TAG_XMP, HtmlTag::kPre);
  set(MyHTML_TAG_PLAINTEXT, HtmlTag::kPre);
  set(MyHTML_TAG_CODE, HtmlTag::kCode);
  set(MyHTML_TAG_TABLE, HtmlTag::kTable);
  set(MyHTML_TAG_THEAD, HtmlTag::kThead);
  set(MyHTML_TAG_TBODY, HtmlTag::kTbody);
  set(MyHTML_TAG_TFOOT, HtmlTag::kTfoot);
  set(MyHTML_TAG_TR, HtmlTag::kTr);
  set(MyHTML_TAG_TD, HtmlTag::kTd);
  set(MyHTML_TAG_TH, HtmlTag::kTh);
  set(MyHTML_TAG_CAPTION, HtmlTag::kCaption);
  set(MyHTML_TAG_A, HtmlTag::kA);
  set(MyHTML_TAG_TIME, HtmlTag::kTime);
  set(MyHTML_TAG_ADDRESS, HtmlTag::kAddress);
  set(MyHTML_TAG_DETAILS, HtmlTag::kDetails);
  set(MyHTML_TAG_SUMMARY, HtmlTag::kSummary);
  set(MyHTML_TAG_DIALOG, HtmlTag::kDialog);
  set(MyHTML_TAG_MENU, HtmlTag::kMenu);
  set(MyHTML_TAG_CENTER, HtmlTag::kCenter);
  set(MyHTML_TAG_FONT, HtmlTag::kFont);
  set(MyHTML_TAG_B, HtmlTag::kB);
  set(MyHTML_TAG_STRONG, HtmlTag::kStrong);
  set(MyHTML_TAG_I, HtmlTag::kI);
  set(MyHTML_TAG_EM, HtmlTag::kEm);
  set(MyHTML_TAG_U, HtmlTag::kU);
  set(MyHTML_TAG_SMALL, HtmlTag::kSmall);
  set(MyHTML_TAG_SUP, HtmlTag::kSup);
  set(MyHTML_TAG_SUB, HtmlTag::kSub);
  set(MyHTML_TAG_ABBR, HtmlTag::kAbbr);
  set(MyHTML_TAG_CITE, HtmlTag::kCite);
  set(MyHTML_TAG_MARK, HtmlTag::kMark);
  set(MyHTML_TAG_S, HtmlTag::kS);
  set(MyHTML_TAG_DEL, HtmlTag::kDel);
  set(MyHTML_TAG_INS, HtmlTag::kIns);
  set(MyHTML_TAG_WBR, HtmlTag::kWbr);
  set(MyHTML_TAG_HGROUP, HtmlTag::kHgroup);
  set(MyHTML_TAG_SOURCE, HtmlTag::kSource);
  return t;
}

HtmlTag TagOf(myhtml_tag_id_t id) {
  static const auto table = BuildTagTable();
  return id < table.size() ? table[id] : HtmlTag::kOther;
}

bool AttrOf(std::string_view key, HtmlAttr* out) {
  static constexpr std::pair<std::string_view, HtmlAttr> kNames[] = {
      {"id", HtmlAttr::kId},
      {"class", HtmlAttr::kClass},
      {"role", HtmlAttr::kRole},
      {"itemprop", HtmlAttr::kItemprop},
      {"itemtype", HtmlAttr::kItemtype},
      {"property", HtmlAttr::kProperty},
      {"name", HtmlAttr::kName},
      {"content", HtmlAttr::kContent},
      {"rel", HtmlAttr::kRel},
      {"href", HtmlAttr::kHref},
      {"datetime", HtmlAttr::kDatetime},
      {"lang", HtmlAttr::kLang},
      {"hidden", HtmlAttr::kHidden},
      {"aria-hidden", HtmlAttr::kAriaHidden},
      {"style", HtmlAttr::kStyle},
      {"type", HtmlAttr::kType},
      {"charset", HtmlAttr::kCharset},
      {"http-equiv", HtmlAttr::kHttpEquiv},
      {"aria-label", HtmlAttr::kAriaLabel}};
  for (const auto& [name, a] : kNames)
    if (key == name) {
      *out = a;
      return true;
    }
  return false;
}

// One MyHTML parser and tree per thread, reused from page to page.
struct ThreadParser {
  myhtml_t* myhtml = nullptr;
  myhtml_tree_t* tree = nullptr;
  ThreadParser() {
    myhtml = myhtml_create();
    if (myhtml && myhtml_init(myhtml, MyHTML_OPTIONS_PARSE_MODE_SINGLE, 1, 0) == MyHTML_STATUS_OK) {
      tree = myhtml_tree_create();
      if (tree && myhtml_tree_init(tree, myhtml) != MyHTML_STATUS_OK) {
        myhtml_tree_destroy(tree);
        tree = nullptr;
      }
    }
  }
  ~ThreadParser() {
    if (tree) myhtml_tree_destroy(tree);
    if (myhtml) myhtml_destroy(myhtml);
  }
};

const std::unordered_map<std::string, char32_t>& NamedEntities() {
  static const std::unordered_map<std::string, char32_t> m = {
      {"amp", '&'},       {"lt", '<'},       {"gt", '>'},       {"quot", '"'},
      {"apos", '\''},     {"nbsp", 0xA0},    {"rsquo", 0x2019}, {"lsquo", 0x2018},
      {"rdquo", 0x201D},  {"ldquo", 0x201C}, {"mdash", 0x2014}, {"ndash", 0x2013},
      {"hellip", 0x2026}, {"copy", 0xA9},    {"reg", 0xAE},     {"eacute", 0xE9},
      {"egrave", 0xE8},   {"aacute", 0xE1},  {"oacute", 0xF3},  {"uuml", 0xFC},
      {"ouml", 0xF6},     {"auml", 0xE4},    {"ccedil", 0xE7},  {"ntilde", 0xF1},
      {"iacute", 0xED},   {"uacute", 0xFA},  {"laquo", 0xAB},   {"raquo", 0xBB},
      {"bull", 0x2022},   {"middot", 0xB7},  {"euro", 0x20AC},  {"pound", 0xA3},
      {"deg", 0xB0},      {"times", 0xD7},   {"shy", 0xAD},     {"zwnj", 0x200C}};
  return m;
}

// Pages bigger than this are parsed in a tree of their own, freed right after, so that one
// huge page does not leave a thread's pools that size for the rest of a run.
constexpr size_t kReuseLimit = 8u << 20;

}  // namespace

// Copies a MyHTML tree into an HtmlDom, iteratively (no recursion, whatever the nesting).
struct HtmlDomBuilder {
  HtmlDom* dom;

  uint32_t AddText(std::string_view s) {
    uint32_t off = static_cast<uint32_t>(dom->chars_.size());
    dom->chars_.append(s);
    return off;
  }

  void Build(myhtml_tree_t* tree) {
    auto& nodes = dom->nodes_;
    nodes.push_back(HtmlNode{HtmlTag::kDocument, 0, 0, 0, 0, 0, 0});
    myhtml_tree_node_t* root = myhtml_tree_get_document(tree);
    if (!root) {
      nodes[0].end = 1;
      return;
    }
    // stack_[d] = index of the open element at depth d (0: the document); last_child_[d] =
    // its last child added so far (to link siblings).
    std::vector<uint32_t> open{0};
    std::vector<uint32_t> last{0};
    std::vector<myhtml_tree_node_t*> path{root};  // MyHTML nodes on the way down
    myhtml_tree_node_t* n = myhtml_node_child(root);
    // Each MyHTML level maps to at most one open level of ours (deeper ones are clamped).
    std::vector<uint32_t> level_of{0};  // per MyHTML depth: index into `open`
    while (n) {
      myhtml_tag_id_t id = myhtml_node_tag_id(n);
      HtmlTag tag = TagOf(id);
      bool descend = false;
      bool keep = id != MyHTML_TAG__COMMENT && id != MyHTML_TAG__DOCTYPE &&
                  id != MyHTML_TAG__UNDEF && id != MyHTML_TAG__END_OF_FILE;
      myhtml_namespace_t ns = myhtml_node_namespace(n);
      if (keep && tag != HtmlTag::kText && ns != MyHTML_NAMESPACE_HTML) {
        // SVG and MathML: kept as one opaque element.
        tag = ns == MyHTML_NAMESPACE_SVG ? HtmlTag::kSvg : HtmlTag::kMath;
      }
      uint32_t parent_level = level_of.back();
      uint32_t parent = open[parent_level];
      if (keep) {
        uint32_t idx = static_cast<uint32_t>(nodes.size());
        HtmlNode node;
        node.tag = tag;
        node.parent = parent;
        if (tag == HtmlTag::kText) {
          size_t len = 0;
          const char* t = myhtml_node_text(n, &len);
          // Text of scripts and styles is not kept (JSON-LD scripts excepted).
          bool in_raw =
              nodes[parent].tag == HtmlTag::kStyle ||
              (nodes[parent].tag == HtmlTag::kScript &&
               dom->attr(parent, HtmlAttr::kType).find("ld+json") == std::string_view::npos);
          if (!t || in_raw) len = 0;
          node.data = AddText(std::string_view(t ? t : "", len));
          node.size = static_cast<uint32_t>(len);
        } else {
          node.data = static_cast<uint32_t>(dom->attrs_.size());
          for (myhtml_tree_attr_t* a = myhtml_node_attribute_first(n); a;
               a = myhtml_attribute_next(a)) {
            size_t klen = 0, vlen = 0;
            const char* k = myhtml_attribute_key(a, &klen);
            const char* v = myhtml_attribute_value(a, &vlen);
            HtmlAttr which;
            if (!k || !AttrOf(std::string_view(k, klen), &which)) continue;
            uint32_t off = AddText(std::string_view(v ? v : "", v ? vlen : 0));
            dom->attrs_.push_back({which, off, static_cast<uint32_t>(v ? vlen : 0)});
          }
          node.size = static_cast<uint32_t>(dom->attrs_.size()) - node.data;
          descend = tag != HtmlTag::kSvg && tag != HtmlTag::kMath && tag != HtmlTag::kTemplate &&
                    tag != HtmlTag::kNoscript && tag != HtmlTag::kIframe &&
                    tag != HtmlTag::kSelect && myhtml_node_child(n) != nullptr;
        }
        nodes.push_back(node);
        if (last[parent_level]) nodes[last[parent_level]].next = idx;
        last[parent_level] = idx;
        if (descend) {
          if (open.size() <= HtmlDom::kMaxDepth) {
            open.push_back(idx);
            last.push_back(0);
          } else {
            nodes[parent].depth_clamped = 1;
          }
        }
      }
      // Next node in MyHTML's document order.
      if (descend) {
        path.push_back(n);
        level_of.push_back(static_cast<uint32_t>(open.size() - 1));
        n = myhtml_node_child(n);
        continue;
      }
      while (n && !myhtml_node_next(n)) {
        if (path.size() <= 1) {
          n = nullptr;
          break;
        }
        n = path.back();
        path.pop_back();
        uint32_t lvl = level_of.back();
        level_of.pop_back();
        if (lvl != level_of.back()) {  // this MyHTML level had a level of ours: close it
          open.pop_back();
          last.pop_back();
        }
      }
      if (n) n = myhtml_node_next(n);
    }
    // Subtree ends: a node's subtree runs to the start of its next sibling or, failing one,
    // to its parent's end; computed from the back.
    const uint32_t total = static_cast<uint32_t>(nodes.size());
    nodes[0].end = total;
    // Walk forward keeping a stack of ancestors: when node i arrives, close every open node
    // that is not its ancestor.
    std::vector<uint32_t> st{0};
    for (uint32_t i = 1; i < total; ++i) {
      while (st.back() != nodes[i].parent) {
        nodes[st.back()].end = i;
        st.pop_back();
      }
      st.push_back(i);
    }
    while (!st.empty()) {
      nodes[st.back()].end = total;
      st.pop_back();
    }
  }
};

HtmlDom::HtmlDom(std::string_view html) {
  chars_.reserve(html.size() / 2 + 64);
  nodes_.reserve(html.size() / 64 + 16);
  thread_local ThreadParser shared;
  ThreadParser* p = &shared;
  std::unique_ptr<ThreadParser> own;
  if (html.size() > kReuseLimit) {
    own = std::make_unique<ThreadParser>();
    p = own.get();
  }
  if (!p->tree) {
    nodes_.push_back(HtmlNode{HtmlTag::kDocument, 0, 0, 1, 0, 0, 0});
    return;
  }
  myhtml_parse(p->tree, MyENCODING_UTF_8, html.data(), html.size());
  HtmlDomBuilder{this}.Build(p->tree);
  myhtml_tree_clean(p->tree);
}

std::string_view HtmlDom::text(uint32_t i) const {
  const HtmlNode& n = nodes_[i];
  if (n.tag != HtmlTag::kText) return {};
  return std::string_view(chars_).substr(n.data, n.size);
}

std::string_view HtmlDom::attr(uint32_t i, HtmlAttr a) const {
  const HtmlNode& n = nodes_[i];
  if (n.tag == HtmlTag::kText || i == 0) return {};
  for (uint32_t k = n.data; k < n.data + n.size; ++k)
    if (attrs_[k].name == a)
      return std::string_view(chars_).substr(attrs_[k].offset, attrs_[k].size);
  return {};
}

bool HtmlDom::has_attr(uint32_t i, HtmlAttr a) const {
  const HtmlNode& n = nodes_[i];
  if (n.tag == HtmlTag::kText || i == 0) return false;
  for (uint32_t k = n.data; k < n.data + n.size; ++k)
    if (attrs_[k].name == a) return true;
  return false;
}

uint32_t HtmlDom::Find(HtmlTag t) const {
  for (uint32_t i = 1; i < size(); ++i)
    if (nodes_[i].tag == t) return i;
  return 0;
}

bool IsBlockTag(HtmlTag t) {
  switch (t) {
    case HtmlTag::kP:
    case HtmlTag::kDiv:
    case HtmlTag::kSection:
    case HtmlTag::kArticle:
    case HtmlTag::kMain:
    case HtmlTag::kHeader:
    case HtmlTag::kFooter:
    case HtmlTag::kAside:
    case HtmlTag::kH1:
    case HtmlTag::kH2:
    case HtmlTag::kH3:
    case HtmlTag::kH4:
    case HtmlTag::kH5:
    case HtmlTag::kH6:
    case HtmlTag::kUl:
    case HtmlTag::kOl:
    case HtmlTag::kLi:
    case HtmlTag::kDl:
    case HtmlTag::kDt:
    case HtmlTag::kDd:
    case HtmlTag::kBlockquote:
    case HtmlTag::kPre:
    case HtmlTag::kTable:
    case HtmlTag::kThead:
    case HtmlTag::kTbody:
    case HtmlTag::kTfoot:
    case HtmlTag::kTr:
    case HtmlTag::kCaption:
    case HtmlTag::kFigure:
    case HtmlTag::kFigcaption:
    case HtmlTag::kForm:
    case HtmlTag::kAddress:
    case HtmlTag::kDetails:
    case HtmlTag::kSummary:
    case HtmlTag::kHr:
    case HtmlTag::kBr:
    case HtmlTag::kCenter:
    case HtmlTag::kHgroup:
    case HtmlTag::kBody:
    case HtmlTag::kHtml:
    case HtmlTag::kMenu:
      return true;
    default:
      return false;
  }
}

std::string CollapseSpace(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    bool ws = c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
      ws = true;
      ++i;
    }
    if (ws) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += static_cast<char>(c);
  }
  return out;
}

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

}  // namespace dyad
