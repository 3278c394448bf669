// HtmlDom: an HTML page parsed as browsers parse it (HTML5 tree construction, by MyHTML) and
// copied into a compact read-only tree of elements and text nodes in document order.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dyad {

// The elements extraction tells apart; everything else is kOther.
enum class HtmlTag : uint8_t {
  kOther,
  kText,
  kDocument,
  kHtml,
  kHead,
  kBody,
  kTitle,
  kMeta,
  kLink,
  kBase,
  kScript,
  kStyle,
  kNoscript,
  kTemplate,
  kSvg,
  kMath,
  kCanvas,
  kIframe,
  kObject,
  kEmbed,
  kVideo,
  kAudio,
  kPicture,
  kImg,
  kFigure,
  kFigcaption,
  kForm,
  kInput,
  kButton,
  kSelect,
  kOption,
  kTextarea,
  kLabel,
  kNav,
  kHeader,
  kFooter,
  kAside,
  kMain,
  kArticle,
  kSection,
  kDiv,
  kSpan,
  kP,
  kBr,
  kHr,
  kH1,
  kH2,
  kH3,
  kH4,
  kH5,
  kH6,
  kUl,
  kOl,
  kLi,
  kDl,
  kDt,
  kDd,
  kBlockquote,
  kQ,
  kPre,
  kCode,
  kTable,
  kThead,
  kTbody,
  kTfoot,
  kTr,
  kTd,
  kTh,
  kCaption,
  kA,
  kTime,
  kAddress,
  kDetails,
  kSummary,
  kDialog,
  kMenu,
  kCenter,
  kFont,
  kB,
  kStrong,
  kI,
  kEm,
  kU,
  kSmall,
  kSup,
  kSub,
  kAbbr,
  kCite,
  kMark,
  kS,
  kDel,
  kIns,
  kWbr,
  kHgroup,
  kSource,
};

// The attributes extraction reads; the others are not kept.
enum class HtmlAttr : uint8_t {
  kId,
  kClass,
  kRole,
  kItemprop,
  kItemtype,
  kProperty,
  kName,
  kContent,
  kRel,
  kHref,
  kDatetime,
  kLang,
  kHidden,
  kAriaHidden,
  kStyle,
  kType,
  kCharset,
  kHttpEquiv,
  kAriaLabel,
  kCount
};

// One node. Nodes are stored in document order, so the subtree of node i is [i, end).
struct HtmlNode {
  HtmlTag tag = HtmlTag::kOther;
  uint8_t depth_clamped = 0;  // 1 when children past kMaxDepth were lifted to this level
  uint32_t parent = 0;        // the document node (0) is its own parent
  uint32_t end = 0;           // one past the last node of the subtree
  uint32_t next = 0;          // next sibling, 0 when none
  uint32_t data = 0;          // text nodes: offset of the text; elements: first attribute
  uint32_t size = 0;          // text nodes: text bytes; elements: attribute count
};

class HtmlDom {
 public:
  // Elements nested deeper than this are attached at this depth (content kept, order kept),
  // so that every walk over the tree is bounded.
  static constexpr uint32_t kMaxDepth = 512;

  // Parses UTF-8 `html` (invalid bytes are tolerated). Never fails: any input gives a tree
  // with at least the document node. Thread-safe (one parser per thread).
  explicit HtmlDom(std::string_view html);

  uint32_t size() const { return static_cast<uint32_t>(nodes_.size()); }
  const HtmlNode& operator[](uint32_t i) const { return nodes_[i]; }
  HtmlTag tag(uint32_t i) const { return nodes_[i].tag; }
  bool is_text(uint32_t i) const { return nodes_[i].tag == HtmlTag::kText; }
  bool is_element(uint32_t i) const { return i > 0 && !is_text(i); }

  // A text node's text (entities decoded, whitespace as written).
  std::string_view text(uint32_t i) const;
  // An element's attribute value; empty when absent (see has_attr).
  std::string_view attr(uint32_t i, HtmlAttr a) const;
  bool has_attr(uint32_t i, HtmlAttr a) const;
  // The first element with this tag, or 0.
  uint32_t Find(HtmlTag t) const;

 private:
  struct Attr {
    HtmlAttr name;
    uint32_t offset, size;
  };
  std::vector<HtmlNode> nodes_;
  std::vector<Attr> attrs_;
  std::string chars_;  // text and attribute values
  friend struct HtmlDomBuilder;
};

// Decodes HTML character references (&amp; &#39; &#x2019; &rsquo; ...) in `s`; for text that
// was escaped twice (JSON-LD written from HTML). The parser decodes the page's own text.
std::string DecodeEntities(std::string_view s);

// Elements that start a new line of text (paragraphs, headings, list items, sections, <br>):
// text on either side of one is not the same word.
bool IsBlockTag(HtmlTag t);

// Collapses runs of ASCII white space (and NBSP) to one space and trims both ends.
std::string CollapseSpace(std::string_view s);

}  // namespace dyad
