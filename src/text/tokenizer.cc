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
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0xA0 ||
         c == 0x2009 || c == 0x200A || c == 0x202F || c == 0x3000 || c == 0x200B ||
         (c >= 0x2000 && c <= 0x2008);
}

// Punctuation that is split off the start of a word.
bool IsOpenPunct(char32_t c) {
  return c == '(' || c == '[' || c == '{' || c == '"' || c == '\'' || c == 0x201C ||
         c == 0x2018 || c == 0xAB || c == 0x201E || c == '*' || c == 0x2014 || c == 0x2013;
}

// Punctuation that is split off the end of a word.
bool IsClosePunct(char32_t c) {
  return c == ')' || c == ']' || c == '}' || c == '"' || c == '\'' || c == 0x201D ||
         c == 0x2019 || c == 0xBB || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' ||
         c == '.' || c == 0x2026 || c == '*' || c == 0x2014 || c == 0x2013;
}

// Punctuation that splits a word in the middle (em dash, slash between words is kept).
bool IsInnerBreak(char32_t c) { return c == 0x2014 || c == 0x2026 || c == ';' || c == '"'; }

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

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

const std::unordered_set<std::string>& Abbreviations() {
  static const std::unordered_set<std::string> s = {
      "mr.",    "mrs.",  "ms.",   "dr.",   "prof.", "gen.",  "lt.",   "col.",  "maj.",  "capt.",
      "sgt.",   "adm.",  "gov.",  "sen.",  "rep.",  "rev.",  "st.",   "sr.",   "jr.",   "mt.",
      "ft.",    "jan.",  "feb.",  "mar.",  "apr.",  "jun.",  "jul.",  "aug.",  "sep.",  "sept.",
      "oct.",   "nov.",  "dec.",  "inc.",  "ltd.",  "co.",   "corp.", "no.",   "vs.",   "etc.",
      "e.g.",   "i.e.",  "u.s.",  "u.k.",  "u.n.",  "e.u.",  "a.m.",  "p.m.",  "approx.",
      "dept.",  "est.",  "fig.",  "gov't", "pres.", "sec.",  "secy.", "supt.", "cmdr.", "brig.",
      "messrs.", "ave.", "blvd.", "rd.",   "cf.",   "al.",   "viz.",  "vol.",  "pp.",   "op.",
      "u.s.a.", "d.c.", "n.y.", "calif.", "mass.", "fla.", "tex.",  "ariz.", "ill.",  "penn."};
  return s;
}

// Abbreviations that often end a sentence ("... in the U.S. The ...").
bool CanEndSentence(const std::string& norm) {
  return norm == "u.s." || norm == "u.k." || norm == "u.n." || norm == "e.u." || norm == "etc." ||
         norm == "inc." || norm == "ltd." || norm == "co." || norm == "corp." || norm == "a.m." ||
         norm == "p.m." || norm == "d.c." || norm == "jr." || norm == "sr.";
}

const std::unordered_set<std::string>& SentenceStarters() {
  static const std::unordered_set<std::string> s = {
      "the", "he",  "she",  "it",   "they", "we",    "i",     "but",  "in",   "a",
      "an",  "on",  "this", "that", "his",  "her",   "their", "its",  "there", "after",
      "as",  "at",  "for",  "when", "if",   "while", "some",  "many", "most", "officials"};
  return s;
}

// Byte length of a clitic ('s n't 're 've 'll 'd 'm, with a straight or curly apostrophe) at
// the end of word `w`, or 0 when there is none.
size_t CliticLength(std::string_view w) {
  static const std::pair<std::string_view, std::string_view> kForms[] = {
      {"n", "t"}, {"", "s"}, {"", "re"}, {"", "ve"}, {"", "ll"}, {"", "d"}, {"", "m"}};
  for (auto [before, after] : kForms) {
    for (std::string_view apos : {std::string_view("'"), std::string_view("\xE2\x80\x99")}) {
      const size_t len = before.size() + apos.size() + after.size();
      if (w.size() <= len) continue;
      std::string want = std::string(before) + std::string(apos) + std::string(after);
      if (AsciiLower(w.substr(w.size() - len)) == want) return len;
    }
  }
  return 0;
}

struct Piece {
  size_t start, end;  // byte offsets into the text
};

// Splits one whitespace-delimited chunk into tokens.
void SplitChunk(std::string_view text, size_t b, size_t e, std::vector<Piece>* out) {
  // Leading punctuation.
  while (b < e) {
    size_t i = b;
    char32_t c = DecodeUtf8(text, i);
    if (!IsOpenPunct(c) || i >= e) break;
    out->push_back({b, i});
    b = i;
  }
  // Trailing punctuation, collected right to left.
  std::vector<Piece> tail;
  while (e > b) {
    size_t i = e - 1;
    while (i > b && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) --i;
    size_t j = i;
    char32_t c = DecodeUtf8(text, j);
    if (!IsClosePunct(c)) break;
    if (c == '.') {
      // Keep the period of abbreviations, initials and "U.S."-like forms.
      std::string w = Tokenizer::Normalize(text.substr(b, e - b));
      bool initials = w.size() >= 2;
      for (size_t k = 0; k < w.size(); ++k) {
        bool letter = (k % 2 == 0) && std::isalpha(static_cast<unsigned char>(w[k]));
        bool dot = (k % 2 == 1) && w[k] == '.';
        if (!letter && !dot) initials = false;
      }
      if (Abbreviations().count(w) || initials) break;
    }
    tail.push_back({i, e});
    e = i;
  }
  if (b < e) {
    // Inner breaks: em dashes, ellipses and double quotes inside a chunk.
    size_t s = b;
    size_t i = b;
    while (i < e) {
      size_t k = i;
      char32_t c = DecodeUtf8(text, k);
      if (IsInnerBreak(c)) {
        if (s < i) out->push_back({s, i});
        out->push_back({i, k});
        s = k;
      }
      i = k;
    }
    // Clitics on the last word piece.
    if (s < e) {
      size_t clitic = CliticLength(text.substr(s, e - s));
      if (clitic > 0) {
        out->push_back({s, e - clitic});
        out->push_back({e - clitic, e});
      } else {
        out->push_back({s, e});
      }
    }
  }
  for (auto it = tail.rbegin(); it != tail.rend(); ++it) out->push_back(*it);
}

bool IsSentenceFinal(const std::string& norm) {
  return norm == "." || norm == "!" || norm == "?" || norm == "\xE2\x80\xA6" || norm == "...";
}

bool IsClosing(const std::string& norm) {
  return norm == "\"" || norm == "'" || norm == ")" || norm == "]";
}

}  // namespace

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
    if (cp == 0x2019 || cp == 0x2018 || cp == 0x2032) out += '\'';
    else if (cp == 0x201C || cp == 0x201D || cp == 0x201E) out += '"';
    else if (cp == 0x2010 || cp == 0x2011) out += '-';
    else if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) AppendUtf8(out, cp + 0x20);
    else out.append(t.substr(i, k - i));
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
  for (const Block& block : blocks) {
    pieces.clear();
    size_t i = block.span.start;
    const size_t end = block.span.end;
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
      SplitChunk(text, b, i, &pieces);
    }
    const uint32_t first = static_cast<uint32_t>(doc->tokens.size());
    for (const auto& p : pieces) {
      Token t;
      t.span = {static_cast<uint32_t>(p.start), static_cast<uint32_t>(p.end)};
      std::string_view raw = text.substr(p.start, p.end - p.start);
      t.norm = Normalize(raw);
      t.capitalized = IsUpper(raw);
      t.is_punct = std::none_of(t.norm.begin(), t.norm.end(), [](char ch) {
        return std::isalnum(static_cast<unsigned char>(ch)) || static_cast<unsigned char>(ch) >= 0x80;
      });
      doc->tokens.push_back(std::move(t));
    }
    const uint32_t last = static_cast<uint32_t>(doc->tokens.size());
    // Sentence boundaries inside the block.
    uint32_t s = first;
    for (uint32_t t = first; t < last; ++t) {
      const std::string& n = doc->tokens[t].norm;
      bool boundary = false;
      uint32_t stop = t + 1;
      if (IsSentenceFinal(n)) {
        while (stop < last && IsClosing(doc->tokens[stop].norm)) ++stop;
        if (stop >= last) boundary = true;
        else {
          const Token& next = doc->tokens[stop];
          boundary = next.capitalized || IsDigit(next.norm[0]) || next.norm == "\"" ||
                     next.norm == "'" || next.norm == "(";
          // "he said." inside quotes followed by lower case continues.
        }
      } else if (EndsWith(n, ".") && n.size() > 1 && CanEndSentence(n) && t + 1 < last) {
        const Token& next = doc->tokens[t + 1];
        boundary = next.capitalized && SentenceStarters().count(next.norm) > 0;
      }
      if (boundary) {
        Sentence sent;
        sent.first_token = s;
        sent.end_token = stop;
        sent.span = {doc->tokens[s].span.start, doc->tokens[stop - 1].span.end};
        doc->sentences.push_back(sent);
        s = stop;
        t = stop - 1;
      }
    }
    if (s < last) {
      Sentence sent;
      sent.first_token = s;
      sent.end_token = last;
      sent.span = {doc->tokens[s].span.start, doc->tokens[last - 1].span.end};
      doc->sentences.push_back(sent);
    }
  }
}

}  // namespace dyad
