#include "text/tokenizer.h"

#include <algorithm>
#include <array>
#include <string>
#include <unordered_set>

#include "core/strings.h"
#include "core/utf8.h"

namespace dyad {

namespace {

bool IsSpace(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0xA0 || c == 0x2009 ||
         c == 0x200A || c == 0x202F || c == 0x3000 || c == 0x200B || (c >= 0x2000 && c <= 0x2008);
}

bool IsAsciiLetter(char32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool IsDigit(char32_t c) {
  return c >= '0' && c <= '9';
}
// Letters, roughly: ASCII letters and non-ASCII characters outside the punctuation blocks.
bool IsLetter(char32_t c) {
  if (c < 0x80) return IsAsciiLetter(c);
  if (c == 0xAB || c == 0xBB || c == 0xA1 || c == 0xBF || c == 0xB7) return false;
  if (c >= 0x2000 && c <= 0x206F) return false;  // general punctuation
  if (c >= 0x3000 && c <= 0x303F) return false;  // CJK punctuation
  return c >= 0xC0;
}
bool IsAlnum(char32_t c) {
  return IsLetter(c) || IsDigit(c);
}
bool IsApostrophe(char32_t c) {
  return c == '\'' || c == 0x2019;
}

// Punctuation split off the start of a word.
bool IsOpenPunct(char32_t c) {
  return c == '(' || c == '[' || c == '{' || c == '<' || c == '"' || c == '\'' || c == 0x201C ||
         c == 0x2018 || c == 0xAB || c == 0x201E || c == 0xBF || c == 0xA1 || c == '*' ||
         c == 0x2014 || c == 0x2013 || c == '~';
}

// Punctuation split off the end of a word.
bool IsClosePunct(char32_t c) {
  return c == ')' || c == ']' || c == '}' || c == '>' || c == '"' || c == 0x201D || c == 0xBB ||
         c == ',' || c == ';' || c == ':' || c == '*' || c == 0x2014 || c == 0x2013 || c == '~';
}

bool IsSentencePunct(char32_t c) {
  return c == '.' || c == '!' || c == '?' || c == 0x2026;
}

const std::unordered_set<std::string>& Abbreviations() {
  static const std::unordered_set<std::string> s = {
      "mr.",   "mrs.",   "ms.",   "dr.",   "prof.",  "gen.",  "lt.",   "col.",  "maj.",    "capt.",
      "sgt.",  "adm.",   "gov.",  "sen.",  "rep.",   "rev.",  "st.",   "sr.",   "jr.",     "mt.",
      "ft.",   "jan.",   "feb.",  "mar.",  "apr.",   "jun.",  "jul.",  "aug.",  "sep.",    "sept.",
      "oct.",  "nov.",   "dec.",  "inc.",  "ltd.",   "co.",   "corp.", "no.",   "vs.",     "etc.",
      "e.g.",  "i.e.",   "u.s.",  "u.k.",  "u.n.",   "e.u.",  "a.m.",  "p.m.",  "approx.", "dept.",
      "est.",  "fig.",   "pres.", "sec.",  "secy.",  "supt.", "cmdr.", "brig.", "messrs.", "ave.",
      "blvd.", "rd.",    "cf.",   "al.",   "viz.",   "vol.",  "pp.",   "op.",   "u.s.a.",  "d.c.",
      "n.y.",  "calif.", "mass.", "fla.",  "tex.",   "ariz.", "ill.",  "penn.", "mon.",    "tue.",
      "tues.", "wed.",   "thu.",  "thur.", "thurs.", "fri.",  "sat.",  "sun.",  "v.",      "ph.",
      "mgr.",  "assn.",  "bros.", "govt.", "attn.",  "ext.",  "tel.",  "min.",  "max.",    "avg.",
      "dist.", "div.",   "mfg.",  "natl.", "intl."};
  return s;
}

// Abbreviations that often end a sentence ("... in the U.S. The ...").
bool CanEndSentence(const std::string& norm) {
  return norm == "u.s." || norm == "u.k." || norm == "u.n." || norm == "e.u." || norm == "etc." ||
         norm == "inc." || norm == "ltd." || norm == "co." || norm == "corp." || norm == "a.m." ||
         norm == "p.m." || norm == "d.c." || norm == "jr." || norm == "sr." || norm == "u.s.a." ||
         norm == "al." || norm == "bros.";
}

const std::unordered_set<std::string>& SentenceStarters() {
  static const std::unordered_set<std::string> s = {
      "the",    "he",     "she",  "it",      "they", "we",    "i",     "but",  "in",    "a",
      "an",     "on",     "this", "that",    "his",  "her",   "their", "its",  "there", "after",
      "as",     "at",     "for",  "when",    "if",   "while", "some",  "many", "most",  "officials",
      "you",    "our",    "my",   "and",     "so",   "what",  "how",   "why",  "these", "those",
      "please", "thanks", "also", "however", "then", "now",   "here",  "one",  "all",   "no"};
  return s;
}

// Prefixes UD English keeps attached to the hyphenated word ("e-mail", "non-profit").
const std::unordered_set<std::string>& HyphenPrefixes() {
  static const std::unordered_set<std::string> s = {
      "e",     "non",   "mid",     "pre",  "anti",  "re",    "co",     "post",  "over",
      "multi", "pro",   "ex",      "semi", "sub",   "cross", "psycho", "neo",   "micro",
      "intra", "inter", "counter", "de",   "un",    "bi",    "tri",    "mis",   "extra",
      "ultra", "infra", "meta",    "mini", "macro", "quasi", "pseudo", "hyper", "trans",
      "socio", "geo",   "bio",     "eco",  "cyber", "para"};
  return s;
}

bool IsMonth(std::string_view w) {
  static const std::unordered_set<std::string> s = {
      "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"};
  return s.count(AsciiLower(w)) > 0;
}

// Words UD English writes as two syntactic words without an apostrophe.
struct Fused {
  std::string_view word;
  size_t first;  // length of the first part
};
constexpr Fused kFused[] = {{"cannot", 3}, {"gonna", 3},   {"wanna", 3},   {"gotta", 3},
                            {"dont", 2},   {"didnt", 3},   {"doesnt", 4},  {"cant", 2},
                            {"wont", 2},   {"isnt", 2},    {"wasnt", 3},   {"arent", 3},
                            {"werent", 4}, {"couldnt", 5}, {"wouldnt", 5}, {"shouldnt", 6},
                            {"havent", 4}, {"hasnt", 3},   {"hadnt", 3},   {"aint", 2}};

// Units split off a number written against it ("35mm" -> "35" "mm"); ordinals stay whole.
const std::unordered_set<std::string>& Units() {
  static const std::unordered_set<std::string> s = {
      "am", "pm",  "k",    "m",   "b",    "bn",  "mm",  "cm", "km", "kg", "g",
      "mg", "lb",  "lbs",  "oz",  "ft",   "mb",  "gb",  "kb", "tb", "hr", "hrs",
      "h",  "min", "mins", "sec", "secs", "mph", "kph", "ml", "yr", "yrs"};
  return s;
}

bool IsEmoticon(std::string_view w) {
  static const std::unordered_set<std::string_view> s = {
      ":)", ":(",  ":D", ":P",  ":p",  ";)",  ";-)", ":-)", ":-(", ":-D", ":-P", ":-p",
      "=)", ":'(", "<3", ":/",  ":-/", ":o",  ":O",  "XD",  ";P",  ";p",  ">:(", ":]",
      ":[", "=(",  ":|", "^_^", "^^",  "-_-", ":-|", ";D",  "=D",  "(:",  "):"};
  return s.count(w) > 0;
}

bool IsUrlOrEmail(std::string_view w) {
  // Every form below has a dot, an @ or a colon; most words have none (no copy for them).
  if (w.find_first_of(".@:") == std::string_view::npos) return false;
  const std::string l = AsciiLower(w);
  if (l.find("://") != std::string::npos || StartsWith(l, "www.")) return true;
  const size_t at = l.find('@');
  if (at != std::string::npos && at > 0 && at + 1 < l.size() && IsAsciiLetter(l[at + 1]))
    return true;
  // A domain name: letters, digits, dots and hyphens ending in a common top-level domain.
  static constexpr std::string_view kTlds[] = {".com",   ".org", ".net", ".edu", ".gov",
                                               ".co.uk", ".uk",  ".ru",  ".de",  ".info",
                                               ".io",    ".biz", ".us",  ".ca"};
  for (std::string_view tld : kTlds) {
    bool hit = EndsWith(l, tld);  // or followed by a path: "bbc.co.uk/news"
    for (size_t pos = l.find(tld); !hit && pos != std::string::npos; pos = l.find(tld, pos + 1))
      hit = pos + tld.size() < l.size() && l[pos + tld.size()] == '/';
    if (!hit) continue;
    const size_t dot = l.find('.');
    if (dot == 0 || dot == std::string::npos) continue;
    bool ok = true;
    for (size_t i = 0; i < dot; ++i)
      if (!(IsAsciiLetter(l[i]) || IsDigit(l[i]) || l[i] == '-')) ok = false;
    if (ok) return true;
  }
  return false;
}

struct Piece {
  size_t start, end;  // byte offsets into the text
};

// "68", "90s" (after an apostrophe: '68, '90s), possibly followed by punctuation.
bool IsYear(std::string_view s) {
  size_t n = 0;
  while (n < s.size() && IsDigit(static_cast<unsigned char>(s[n]))) ++n;
  if (n != 2) return false;
  if (n < s.size() && s[n] == 's') ++n;
  for (; n < s.size(); ++n)
    if (IsAlnum(static_cast<unsigned char>(s[n]))) return false;
  return true;
}

// Symbols that repeat into one token ("**", "=====", "+++").
bool IsRunSymbol(char32_t c) {
  return c == '*' || c == '=' || c == '_' || c == '~' || c == '+' || c == '#' || c == '<' ||
         c == '>' || c == '-' || c == '^';
}

// The code point ending at byte e (its start in *start).
char32_t LastCp(std::string_view text, size_t b, size_t e, size_t* start) {
  size_t i = e - 1;
  while (i > b && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) --i;
  *start = i;
  size_t j = i;
  return DecodeUtf8(text, j);
}

char32_t CpAt(std::string_view text, size_t i, size_t* next) {
  *next = i;
  return DecodeUtf8(text, *next);
}

// Splits one whitespace-delimited chunk of `text` into tokens.
class ChunkSplitter {
 public:
  ChunkSplitter(std::string_view text, std::vector<Piece>* out) : text_(text), out_(out) {}

  void Split(size_t b, size_t e) {
    if (IsEmoticon(text_.substr(b, e - b))) return Emit(b, e);
    {  // a chunk of repeated symbols ("**", "=-----", "<<") is one token
      bool symbols = true;
      for (size_t i = b; i < e && symbols; ++i)
        symbols = IsRunSymbol(static_cast<unsigned char>(text_[i]));
      if (symbols) return Emit(b, e);
    }
    // Leading punctuation.
    bool open_single = false;
    while (b < e) {
      size_t k;
      const char32_t c = CpAt(text_, b, &k);
      if (k >= e) break;
      size_t k2;
      const char32_t next = CpAt(text_, k, &k2);
      if ((c == '*' || c == '<') && next == c) {  // "**bold", "<<file"
        size_t j = k;
        while (j < e && static_cast<char32_t>(static_cast<unsigned char>(text_[j])) == c) ++j;
        if (j >= e) break;
        Emit(b, j);
        b = j;
        continue;
      }
      if (IsOpenPunct(c)) {
        if (IsApostrophe(c)) {
          // "'s" and "'90s" stay whole; otherwise an opening single quote.
          const std::string rest = AsciiLower(text_.substr(k, e - k));
          if (rest == "s" || rest == "re" || rest == "ve" || rest == "ll" || rest == "d" ||
              rest == "m" || IsYear(rest))
            break;
          open_single = true;
        }
        Emit(b, k);
        b = k;
        continue;
      }
      if ((c == '$' || c == '#' || c == 0x20AC || c == 0xA3) && IsAlnum(next)) {
        Emit(b, k);
        b = k;
        continue;
      }
      if (c == '-' && next == '-') {  // leading dash run
        size_t j = k;
        while (j < e && text_[j] == '-') ++j;
        if (j >= e) break;
        Emit(b, j);
        b = j;
        continue;
      }
      break;
    }
    // Trailing punctuation, collected right to left.
    std::vector<Piece> tail;
    while (e > b) {
      size_t i;
      const char32_t c = LastCp(text_, b, e, &i);
      if (i == b) break;  // never strip a chunk to nothing
      if (IsSentencePunct(c)) {
        // A run of sentence punctuation is one token ("...", "!!!", "?!").
        size_t j = i;
        while (j > b) {
          size_t p;
          const char32_t d = LastCp(text_, b, j, &p);
          if (!IsSentencePunct(d)) break;
          j = p;
        }
        if (j == b) break;
        if (e - j == 1 && c == '.' && KeepsPeriod(b, j)) break;
        tail.push_back({j, e});
        e = j;
        continue;
      }
      if (c == '%') {
        size_t p;
        if (IsDigit(LastCp(text_, b, i, &p))) {
          tail.push_back({i, e});
          e = i;
          continue;
        }
        break;
      }
      if (IsApostrophe(c)) {
        // "parents'" is a possessive (a clitic, split below) unless a quote opened the word.
        size_t p;
        const char32_t before = LastCp(text_, b, i, &p);
        if (!open_single && (before == 's' || before == 'S')) break;
        tail.push_back({i, e});
        e = i;
        continue;
      }
      if (c == 0x2014 || c == 0x2013 || (c == '-' && i > b && text_[i - 1] == '-')) {
        size_t j = i;  // "word--", "word—"
        while (j > b && text_[j - 1] == '-') --j;
        if (j == b) break;
        tail.push_back({j, e});
        e = j;
        continue;
      }
      if (IsClosePunct(c)) {
        tail.push_back({i, e});
        e = i;
        continue;
      }
      break;
    }
    if (b < e) {
      if (IsUrlOrEmail(text_.substr(b, e - b)))
        Emit(b, e);
      else
        Inner(b, e);
    }
    for (auto it = tail.rbegin(); it != tail.rend(); ++it) Emit(it->start, it->end);
  }

 private:
  void Emit(size_t b, size_t e) {
    if (b < e) out_->push_back({b, e});
  }

  // Whether the final period of text[b, e + 1) belongs to the word: abbreviations, initials
  // and dotted forms ("U.S.", "e.g.").
  bool KeepsPeriod(size_t b, size_t e) const {
    const std::string_view w = text_.substr(b, e - b);
    if (w.empty()) return false;
    std::string lw = AsciiLower(w);
    if (Abbreviations().count(lw + ".")) return true;
    if (w.size() == 1 && IsAsciiLetter(w[0]) && w[0] >= 'A' && w[0] <= 'Z') return true;
    // Dotted: short runs of letters separated by single periods ("U.S", "e.g", "Ph.D"), not
    // domain names ("www.x.org").
    bool has_dot = false;
    size_t run = 0;
    for (size_t i = 0; i < w.size(); ++i) {
      if (w[i] == '.') {
        if (i == 0 || w[i - 1] == '.') return false;
        has_dot = true;
        run = 0;
      } else if (!IsAsciiLetter(w[i]) || ++run > 2) {
        return false;
      }
    }
    return has_dot;
  }

  // Splits inside a word: dashes, ellipses, brackets and quotes, commas and slashes between
  // words; then hyphens and clitics of each part.
  void Inner(size_t b, size_t e) {
    size_t s = b, i = b;
    char32_t prev = 0;
    while (i < e) {
      size_t k;
      const char32_t c = CpAt(text_, i, &k);
      size_t k2 = k;
      const char32_t next = k < e ? CpAt(text_, k, &k2) : 0;
      size_t cut_end = 0;  // when set, [i, cut_end) is a token of its own
      if (c == 0x2014 || c == 0x2013 || c == 0x2026 || c == '"' || c == 0x201C || c == 0x201D ||
          c == '(' || c == ')' || c == '[' || c == ']' || c == ';' || c == '{' || c == '}') {
        cut_end = k;
      } else if ((c == '-' && next == '-') || (c == '.' && next == '.') ||
                 ((c == '!' || c == '?') && i > b)) {
        size_t j = k;
        while (j < e && (text_[j] == static_cast<char>(c) ||
                         ((c == '!' || c == '?') && (text_[j] == '!' || text_[j] == '?'))))
          ++j;
        cut_end = j;
      } else if (c == ',' && !(IsDigit(prev) && IsDigit(next))) {
        cut_end = k;
      } else if (c == '/' && IsLetter(prev) && IsLetter(next) &&
                 !(i == b + 1 && k + 1 == e)) {  // "and/or" splits, "b/c" and "w/o" do not
        cut_end = k;
      } else if (c == ':' && IsDigit(prev) && IsLetter(next)) {  // "12:Sat"
        cut_end = k;
      }
      if (cut_end) {
        Word(s, i);
        Emit(i, cut_end);
        s = i = cut_end;
        prev = 0;
        continue;
      }
      prev = c;
      i = k;
    }
    Word(s, e);
  }

  // One word: hyphens, then clitics of each part.
  void Word(size_t b, size_t e) {
    if (b >= e) return;
    const std::string_view w = text_.substr(b, e - b);
    const size_t h = w.find('-');
    if (h == std::string_view::npos || h == 0 || w.back() == '-' || KeepsHyphens(w))
      return Clitics(b, e);
    size_t s = b;
    for (size_t i = b; i < e; ++i) {
      if (text_[i] != '-') continue;
      Clitics(s, i);
      Emit(i, i + 1);
      s = i + 1;
    }
    Clitics(s, e);
  }

  // UD English splits hyphenated compounds ("long - term") but not affixes ("e-mail",
  // "non-profit"), numbers and codes ("713-853-5678", "x3-1234") or names ("Il-Sung").
  static bool KeepsHyphens(std::string_view w) {
    std::vector<std::string_view> parts;
    size_t s = 0;
    for (size_t i = 0; i <= w.size(); ++i)
      if (i == w.size() || w[i] == '-') {
        parts.push_back(w.substr(s, i - s));
        s = i + 1;
      }
    for (auto p : parts)
      if (p.empty()) return true;  // "a--b" and the like: leave alone
    if (HyphenPrefixes().count(AsciiLower(parts[0]))) return true;
    if (parts.size() == 3 && IsMonth(parts[1])) return true;  // "01-Feb-02"
    bool all_digits = true, name = true;
    for (auto p : parts) {
      bool digit = false, letter = false, lower_tail = true;
      for (size_t i = 0; i < p.size(); ++i) {
        const auto c = static_cast<unsigned char>(p[i]);
        if (IsDigit(c))
          digit = true;
        else if (c >= 0x80 || IsAsciiLetter(c))
          letter = true;
        if (i > 0 && c >= 'A' && c <= 'Z') lower_tail = false;
      }
      if (!digit) all_digits = false;
      if (digit && letter) return true;  // a code
      if (!(p[0] >= 'A' && p[0] <= 'Z') || !lower_tail || p.size() < 2 || digit) name = false;
    }
    if (all_digits) {  // phone numbers and codes stay whole ("713-853-5678"), "5-3" splits
      if (parts.size() >= 3) return true;
      for (auto p : parts)
        if (p.size() < 3) return false;
      return true;
    }
    return name;
  }

  // Clitics ("did" + "n't", "Korea" + "'s"), fused forms ("can" + "not", "gon" + "na") and
  // units written against numbers ("35" + "mm").
  void Clitics(size_t b, size_t e) {
    if (b >= e) return;
    const std::string_view w = text_.substr(b, e - b);
    const std::string l = AsciiLower(w);
    // n't (straight or curly apostrophe).
    for (std::string_view nt : {std::string_view("n't"), std::string_view("n\xE2\x80\x99t")}) {
      if (l.size() > nt.size() && EndsWith(l, nt)) {
        Emit(b, e - nt.size());
        Emit(e - nt.size(), e);
        return;
      }
    }
    for (std::string_view apos : {std::string_view("'"), std::string_view("\xE2\x80\x99")}) {
      for (std::string_view c : {"s", "re", "ve", "ll", "d", "m"}) {
        const size_t len = apos.size() + c.size();
        if (l.size() <= len || l.compare(l.size() - len, apos.size(), apos) != 0 ||
            l.compare(l.size() - c.size(), c.size(), c) != 0)
          continue;
        const auto before = static_cast<unsigned char>(l[l.size() - len - 1]);
        if (before >= 0x80 || IsAlnum(before)) {
          Emit(b, e - len);
          Emit(e - len, e);
          return;
        }
      }
      // Plural possessive: "parents'".
      if (l.size() > apos.size() + 1 && EndsWith(l, apos) && l[l.size() - apos.size() - 1] == 's') {
        Emit(b, e - apos.size());
        Emit(e - apos.size(), e);
        return;
      }
    }
    for (const Fused& f : kFused) {
      if (l == f.word) {
        Emit(b, b + f.first);
        Emit(b + f.first, e);
        return;
      }
    }
    // Number + unit.
    size_t d = 0;
    while (d < l.size() && (IsDigit(l[d]) || ((l[d] == '.' || l[d] == ',') && d > 0))) ++d;
    if (d > 0 && d < l.size() && IsDigit(l[d - 1]) && Units().count(l.substr(d))) {
      Emit(b, b + d);
      Emit(b + d, e);
      return;
    }
    Emit(b, e);
  }

  std::string_view text_;
  std::vector<Piece>* out_;
};

bool IsSentenceFinal(const std::string& norm) {
  if (norm.empty()) return false;
  size_t i = 0;
  while (i < norm.size()) {
    size_t k = i;
    const char32_t c = DecodeUtf8(norm, k);
    if (!IsSentencePunct(c)) return false;
    i = k;
  }
  return true;
}

bool IsUpper(std::string_view s) {
  if (s.empty()) return false;
  const auto c = static_cast<unsigned char>(s[0]);
  if (c >= 'A' && c <= 'Z') return true;
  if (c == 0xC3 && s.size() > 1) {  // Latin-1 capitals À..Þ
    const auto d = static_cast<unsigned char>(s[1]);
    return d >= 0x80 && d <= 0x9E;
  }
  return false;
}

Token MakeToken(std::string_view text, size_t b, size_t e) {
  Token t;
  t.span = {static_cast<uint32_t>(b), static_cast<uint32_t>(e)};
  const std::string_view raw = text.substr(b, e - b);
  t.norm = Tokenizer::Normalize(raw);
  t.capitalized = IsUpper(raw);
  t.is_punct = std::none_of(t.norm.begin(), t.norm.end(), [](char ch) {
    return std::isalnum(static_cast<unsigned char>(ch)) || static_cast<unsigned char>(ch) >= 0x80;
  });
  return t;
}

}  // namespace

bool Tokenizer::SameWord(const Token& a, const Token& b) {
  const std::string& x = a.norm;
  const std::string& y = b.norm;
  if (x.empty() || y.empty() || a.is_punct) return false;
  if (y == "n't" || y == "'s" || y == "'re" || y == "'ve" || y == "'ll" || y == "'d" || y == "'m")
    return true;
  if (y == "'") return x.back() == 's';
  for (const Fused& f : kFused)
    if (x.size() == f.first && y.size() == f.word.size() - f.first &&
        f.word.substr(0, f.first) == x && f.word.substr(f.first) == y)
      return true;
  return false;
}

std::string Tokenizer::Normalize(std::string_view t) {
  std::string out;
  out.reserve(t.size());
  for (size_t i = 0; i < t.size();) {
    const auto c = static_cast<unsigned char>(t[i]);
    if (c < 0x80) {
      out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c);
      ++i;
      continue;
    }
    size_t k = i;
    char32_t cp = DecodeUtf8(t, k);
    if (cp == 0x2019 || cp == 0x2018 || cp == 0x2032)
      out += '\'';
    else if (cp == 0x201C || cp == 0x201D || cp == 0x201E)
      out += '"';
    else if (cp == 0x2010 || cp == 0x2011)
      out += '-';
    else if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7)
      AppendUtf8(out, cp + 0x20);
    else
      out.append(t.substr(i, k - i));
    i = k;
  }
  return out;
}

void Tokenizer::Tokenize(Document* doc) const {
  doc->tokens.clear();
  doc->sentences.clear();
  const std::string_view text = doc->text;
  std::vector<Block> blocks = doc->blocks;
  if (blocks.empty() && !text.empty())
    blocks.push_back({{0, static_cast<uint32_t>(text.size())}, "p"});
  std::vector<Piece> pieces;
  std::vector<Token> toks;
  std::vector<uint32_t> ends;  // sentence ends (exclusive) within toks
  for (const Block& block : blocks) {
    pieces.clear();
    ChunkSplitter splitter(text, &pieces);
    size_t i = block.span.start;
    const size_t end = std::min<size_t>(block.span.end, text.size());
    while (i < end) {
      size_t k = i;
      char32_t c = DecodeUtf8(text, k);
      if (IsSpace(c)) {
        i = k;
        continue;
      }
      size_t b = i;
      while (i < end) {
        size_t k2 = i;
        char32_t c2 = DecodeUtf8(text, k2);
        if (IsSpace(c2)) break;
        i = k2;
      }
      splitter.Split(b, i);
    }
    toks.clear();
    for (const auto& p : pieces) toks.push_back(MakeToken(text, p.start, p.end));

    // Sentence boundaries inside the block.
    ends.clear();
    uint32_t n = static_cast<uint32_t>(toks.size());
    bool quote_open = false;  // inside a straight double quote
    for (uint32_t t = 0; t < n; ++t) {
      const std::string& w = toks[t].norm;
      if (w == "\"") {
        const std::string_view raw = text.substr(toks[t].span.start, toks[t].span.size());
        if (raw == "\xE2\x80\x9C")
          quote_open = true;
        else if (raw == "\xE2\x80\x9D")
          quote_open = false;
        else
          quote_open = !quote_open;
      }
      bool boundary = false;
      bool open = quote_open;
      uint32_t stop = t + 1;
      if (IsSentenceFinal(w)) {
        // Closing quotes and brackets stay with the sentence they close.
        while (stop < n) {
          const std::string& c = toks[stop].norm;
          if (c == "\"") {
            const std::string_view raw = text.substr(toks[stop].span.start, toks[stop].span.size());
            const bool closes = raw == "\xE2\x80\x9D" || (raw == "\"" && open);
            if (!closes) break;
            open = false;
          } else if (!(c == ")" || c == "]" || c == "'" || c == "''" ||
                       IsEmoticon(text.substr(toks[stop].span.start, toks[stop].span.size())))) {
            break;
          }
          ++stop;
        }
        if (stop >= n) {
          boundary = true;
        } else {
          const Token& next = toks[stop];
          const std::string& nx = next.norm;
          const bool opens = next.capitalized || IsDigit(static_cast<unsigned char>(nx[0])) ||
                             nx == "\"" || nx == "'" || nx == "(" || nx == "[";
          // A single period (not an abbreviation's: those stay in their token), "!" or "?"
          // ends a sentence even before a lower-case word, as web text often has it; an
          // ellipsis only before what looks like a sentence start.
          const bool strong = w == "." || w.find_first_of("!?") != std::string::npos;
          const bool continues = nx == "," || nx == ";" || nx == ":" || nx == ")" || nx == "]" ||
                                 nx == "-" || nx == "--";
          // "Sen. Ben Cardin (D-Md.) said": a period closed by a bracket and followed by a
          // lower-case word is an abbreviation's.
          const bool bracketed = w == "." && stop > t + 1 && toks[stop - 1].norm == ")";
          boundary = opens || (strong && !continues && !bracketed);
        }
      } else if (EndsWith(w, ".") && w.size() > 1 && CanEndSentence(w)) {
        if (t + 1 >= n) {
          boundary = true;
        } else {
          const Token& next = toks[t + 1];
          boundary = next.capitalized && SentenceStarters().count(next.norm) > 0;
        }
        if (boundary) {
          // UD writes the sentence's final period apart: "etc" + ".".
          Token& a = toks[t];
          if (a.norm.find('.') == a.norm.size() - 1) {
            const uint32_t dot = a.span.end - 1;
            Token period = MakeToken(text, dot, a.span.end);
            a = MakeToken(text, a.span.start, dot);
            toks.insert(toks.begin() + t + 1, period);
            ++t;
            ++stop;
            ++n;
          }
        }
      }
      if (boundary) {
        ends.push_back(stop);
        t = stop - 1;
        quote_open = open;
      }
    }
    if (ends.empty() || ends.back() < n) ends.push_back(n);
    const uint32_t base = static_cast<uint32_t>(doc->tokens.size());
    uint32_t s = 0;
    for (uint32_t e : ends) {
      if (e <= s) continue;
      Sentence sent;
      sent.first_token = base + s;
      sent.end_token = base + e;
      sent.span = {toks[s].span.start, toks[e - 1].span.end};
      doc->sentences.push_back(sent);
      s = e;
    }
    for (auto& t : toks) doc->tokens.push_back(std::move(t));
  }
}

}  // namespace dyad
