#include "dict/peer_syntax.h"

#include <cctype>
#include <fstream>

#include "core/strings.h"
#include "text/tokenizer.h"

namespace dyad::peer {

namespace {

bool IsSep(char c) {
  return c == ' ' || c == '_' || c == '\t';
}

// A piece of one side of a pattern: an element's text, or a "{...}" group, and the
// separators around it.
struct Piece {
  std::string text;
  bool group = false;          // "{ A | B }" choice
  bool adjacent_prev = false;  // joined to the previous piece (or '*') by '_' alone
  bool adjacent_next = false;  // joined to the next piece (or '*') by '_' alone
  bool exact_next = false;     // followed right away by '_': the word ends there (TABARI)
  bool preposition = false;    // opens a PETRARCH2 "(PREP ...)" group
};

// Splits one side of a pattern (the text before or after the verb's '*') into pieces.
bool SplitSide(std::string_view side, std::vector<Piece>* pieces, std::string* error) {
  size_t i = 0;
  // A run of separators joins its neighbours when it is made of '_' alone; a '_' right after
  // a word ends that word ("IN_ $": "in" exactly, then any words).
  auto run = [&](bool* adjacent, bool* exact) {
    bool underscore = false, space = false;
    *exact = i < side.size() && side[i] == '_';
    while (i < side.size() && IsSep(side[i])) {
      (side[i] == '_' ? underscore : space) = true;
      ++i;
    }
    *adjacent = underscore && !space;
  };
  bool pending_adjacent = false, ignored = false;
  run(&pending_adjacent, &ignored);  // leading separators (lower side: right after '*')
  while (i < side.size()) {
    Piece p;
    p.adjacent_prev = pending_adjacent;
    if (side[i] == '{') {
      size_t close = side.find('}', i);
      if (close == std::string_view::npos) {
        *error = "'{' without '}'";
        return false;
      }
      std::string inside(side.substr(i + 1, close - i - 1));
      if (inside.find('|') != std::string::npos) {
        p.text = inside;
        p.group = true;
        i = close + 1;
      } else {
        // PETRARCH2 noun-phrase group: its words, read inline.
        std::string rest = inside + std::string(side.substr(close + 1));
        std::vector<Piece> inner;
        if (!SplitSide(rest, &inner, error)) return false;
        if (!inner.empty()) inner.front().adjacent_prev = pending_adjacent;
        pieces->insert(pieces->end(), inner.begin(), inner.end());
        return true;
      }
    } else {
      size_t j = i;
      while (j < side.size() && !IsSep(side[j]) && side[j] != '{') ++j;
      p.text = std::string(side.substr(i, j - i));
      i = j;
    }
    run(&pending_adjacent, &p.exact_next);
    p.adjacent_next = pending_adjacent;
    // PETRARCH2 prepositional groups "(TO BORDER)": drop the brackets; the first word is
    // the preposition.
    p.preposition = !p.group && !p.text.empty() && p.text[0] == '(';
    std::string t;
    for (char c : p.text)
      if (p.group || (c != '(' && c != ')')) t += c;
    p.text = t;
    if (!p.text.empty()) pieces->push_back(p);
  }
  return true;
}

// The phrases of a "{ A | B C }" choice.
std::vector<std::vector<SlotToken>> ChoicePhrases(std::string_view text, DictFormat format) {
  std::vector<std::vector<SlotToken>> out;
  for (auto alt : Split(text, '|')) {
    std::vector<SlotToken> phrase;
    std::string error;
    if (ParseSlotPhrase(alt, format, &phrase, &error) && !phrase.empty())
      out.push_back(std::move(phrase));
  }
  return out;
}

// Converts a piece to slot tokens in text order; `stem_default` is TABARI's rule that a
// word not followed by '_' is a stem.
bool PieceTokens(const Piece& p, DictFormat format, std::vector<SlotToken>* out,
                 std::string* error) {
  if (p.group) {
    SlotToken t;
    t.kind = SlotToken::kChoice;
    t.choices = ChoicePhrases(p.text, format);
    if (t.choices.empty()) {
      *error = "empty '{ | }' choice";
      return false;
    }
    out->push_back(std::move(t));
    return true;
  }
  const std::string& s = p.text;
  SlotToken t;
  if (s == "$")
    t.kind = SlotToken::kSource;
  else if (s == "+")
    t.kind = SlotToken::kTarget;
  else if (s == "%")
    t.kind = SlotToken::kCompound;
  else if (s == "^")
    t.kind = SlotToken::kSkip;
  else if (s[0] == '&') {
    if (s.size() < 2) {
      *error = "'&' without a synset name";
      return false;
    }
    t.kind = SlotToken::kSynset;
    t.text = AsciiUpper(s);
  } else {
    std::string word = s;
    bool stem = format == DictFormat::kTabari && !p.exact_next;
    bool exact = false;
    while (!word.empty() && (word.back() == '~' || word.back() == '=')) {
      if (word.back() == '~')
        stem = true;
      else
        exact = true;
      word.pop_back();
    }
    if (exact) stem = false;
    auto toks = WordTokens(word);
    if (toks.empty()) {
      *error = "cannot read the pattern word '" + s + "'";
      return false;
    }
    for (size_t k = 0; k < toks.size(); ++k) {
      SlotToken w;
      w.kind = SlotToken::kWord;
      w.text = toks[k];
      w.stem = stem && k + 1 == toks.size();
      w.preposition = p.preposition && k == 0;
      out->push_back(std::move(w));
    }
    return true;
  }
  out->push_back(std::move(t));
  return true;
}

}  // namespace

std::vector<std::string> WordTokens(std::string_view word) {
  std::vector<std::string> out;
  for (const auto& t : PhraseTokens(std::string(word))) out.push_back(Tokenizer::Normalize(t));
  return out;
}

bool ForEachLine(const std::string& path, DictFormat format, Diagnostics* diag,
                 const std::function<void(std::string_view, const std::string&)>& fn) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    diag->Reject(path, "cannot open dictionary file");
    return false;
  }
  std::string line;
  int n = 0;
  bool in_comment = false;  // inside a multi-line <!-- -->
  while (std::getline(in, line)) {
    ++n;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (format == DictFormat::kTabari) {
      if (StartsWith(line, "~~")) break;  // ~~FINISH, ~~~~~ end the file
      auto semi = line.find(';');
      if (semi != std::string::npos) line.resize(semi);
      auto t = Trim(line);
      if (t.empty() || t[0] == '#' || StartsWith(t, "//")) continue;
    } else {
      if (in_comment) {
        auto end = line.find("-->");
        if (end == std::string::npos) continue;
        line = line.substr(end + 3);
        in_comment = false;
      }
      for (;;) {
        auto open = line.find("<!--");
        if (open == std::string::npos) break;
        auto close = line.find("-->", open + 4);
        if (close == std::string::npos) {
          line.resize(open);
          in_comment = true;
          break;
        }
        line.erase(open, close + 3 - open);
      }
      auto t = Trim(line);
      if (t.empty() || t[0] == '#' || StartsWith(t, "<!")) continue;
      for (size_t i = 1; i < line.size(); ++i)
        if (line[i] == '#' && (line[i - 1] == ' ' || line[i - 1] == '\t')) {
          line.resize(i);
          break;
        }
    }
    if (Trim(line).empty()) continue;
    fn(std::string_view(line), path + ":" + std::to_string(n));
  }
  return true;
}

std::string PeerDate(std::string_view s) {
  s = Trim(s);
  for (char c : s)
    if (!std::isdigit(static_cast<unsigned char>(c))) return "";
  std::string iso;
  if (s.size() == 6) {
    int yy = std::stoi(std::string(s.substr(0, 2)));
    iso = std::to_string(yy <= 30 ? 2000 + yy : 1900 + yy) + "-" + std::string(s.substr(2, 2)) +
          "-" + std::string(s.substr(4, 2));
  } else if (s.size() == 8) {
    iso = std::string(s.substr(0, 4)) + "-" + std::string(s.substr(4, 2)) + "-" +
          std::string(s.substr(6, 2));
  } else {
    return "";
  }
  return IsIsoDate(iso) ? iso : "";
}

bool ParseCodeSpec(std::string_view inside, CodeSpec* spec, std::string* error) {
  inside = Trim(inside);
  *spec = CodeSpec();
  if (inside.empty()) {
    *error = "empty code '[]'";
    return false;
  }
  size_t i = 0;
  if (inside[0] != '<' && inside[0] != '>') {
    while (i < inside.size() && inside[i] != ' ' && inside[i] != '\t' && inside[i] != '<' &&
           inside[i] != '>')
      ++i;
  }
  std::string code(inside.substr(0, i));
  std::string_view rest = Trim(inside.substr(i));
  // "950601-990815" or "AAA950601-990815": a date where the code should be.
  int run = 0, longest = 0;
  for (char c : code) {
    run = std::isdigit(static_cast<unsigned char>(c)) ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  if (code.empty() || longest >= 5) {
    *error = "code block '[" + std::string(inside) + "]' has no code before its date";
    return false;
  }
  spec->code = code;
  if (rest.empty()) return true;
  spec->restricted = true;
  auto bad_date = [&](std::string_view d) {
    *error = "cannot read the date '" + std::string(Trim(d)) + "' in '[" + std::string(inside) +
             "]' (YYMMDD or YYYYMMDD)";
    return false;
  };
  if (rest[0] == '<' || rest[0] == '>') {
    std::string d = PeerDate(rest.substr(1));
    if (d.empty()) return bad_date(rest.substr(1));
    (rest[0] == '<' ? spec->to : spec->from) = d;
    return true;
  }
  auto dash = rest.find('-');
  if (dash == std::string_view::npos) {
    *error = "cannot read the date restriction '" + std::string(rest) + "'";
    return false;
  }
  spec->from = PeerDate(rest.substr(0, dash));
  if (spec->from.empty()) return bad_date(rest.substr(0, dash));
  spec->to = PeerDate(rest.substr(dash + 1));
  if (spec->to.empty()) return bad_date(rest.substr(dash + 1));
  if (spec->to < spec->from) {
    *error = "the date range in '[" + std::string(inside) + "]' ends before it starts";
    return false;
  }
  return true;
}

bool ParseCodeBlocks(std::string_view text, std::vector<CodeSpec>* specs, std::string* rest,
                     std::string* error) {
  specs->clear();
  auto open = text.find('[');
  *rest = std::string(text.substr(0, open));
  while (open != std::string_view::npos) {
    auto close = text.find(']', open);
    if (close == std::string_view::npos) {
      *error = "'[' without ']'";
      return false;
    }
    CodeSpec spec;
    if (!ParseCodeSpec(text.substr(open + 1, close - open - 1), &spec, error)) return false;
    specs->push_back(spec);
    open = text.find('[', close);
  }
  return true;
}

Dictionary::Phrase ParsePhrase(std::string_view text, bool tabari_stems) {
  Dictionary::Phrase p;
  text = Trim(text);
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && IsSep(text[i])) ++i;
    size_t j = i;
    while (j < text.size() && !IsSep(text[j])) ++j;
    if (j == i) break;
    std::string word(text.substr(i, j - i));
    // A space (not '_') before the word lets other words come between.
    bool gap = false;
    for (size_t k = i; k > 0 && IsSep(text[k - 1]); --k) {
      if (text[k - 1] == '_') {
        gap = false;
        break;
      }
      gap = !p.words.empty();
    }
    const bool followed_by_underscore = j < text.size() && text[j] == '_';
    bool stem = tabari_stems && !followed_by_underscore;
    while (!word.empty() && (word.back() == '~' || word.back() == '=')) {
      stem = word.back() == '~' ? tabari_stems : false;
      word.pop_back();
    }
    auto toks = WordTokens(word);
    for (size_t k = 0; k < toks.size(); ++k) {
      p.words.push_back(toks[k]);
      p.stems.push_back(stem && k + 1 == toks.size());
      p.gaps.push_back(gap && k == 0);
    }
    i = j;
  }
  return p;
}

bool ParsePatternBody(std::string_view body_in, DictFormat format, VerbPattern* pattern,
                      std::string* error) {
  std::string body(Trim(body_in));
  // PETRARCH resolves the legacy "WORD_ " to an open match (TABARI: the word ends there).
  if (format != DictFormat::kTabari)
    for (size_t pos; (pos = body.find("_ ")) != std::string::npos;) body.replace(pos, 2, " ");
  // Find the verb's '*' outside any "{...}" group.
  size_t star = std::string::npos;
  int depth = 0;
  for (size_t i = 0; i < body.size(); ++i) {
    if (body[i] == '{')
      ++depth;
    else if (body[i] == '}')
      --depth;
    else if (body[i] == '*' && depth == 0) {
      star = i;
      break;
    }
  }
  if (star == std::string::npos) {
    *error = "pattern has no '*' for the verb";
    return false;
  }
  std::vector<Piece> upper, lower;
  if (!SplitSide(std::string_view(body).substr(0, star), &upper, error)) return false;
  if (!SplitSide(std::string_view(body).substr(star + 1), &lower, error)) return false;
  pattern->before.clear();
  pattern->after.clear();
  // Upper side: nearest to the verb first; an element is adjacent to the one after it.
  for (size_t k = upper.size(); k-- > 0;) {
    std::vector<SlotToken> toks;
    if (!PieceTokens(upper[k], format, &toks, error)) return false;
    for (size_t m = toks.size(); m-- > 0;) {
      toks[m].adjacent = m + 1 == toks.size() ? upper[k].adjacent_next : true;
      pattern->before.push_back(toks[m]);
    }
  }
  for (const auto& p : lower) {
    std::vector<SlotToken> toks;
    if (!PieceTokens(p, format, &toks, error)) return false;
    for (size_t m = 0; m < toks.size(); ++m) {
      toks[m].adjacent = m == 0 ? p.adjacent_prev : true;
      pattern->after.push_back(toks[m]);
    }
  }
  return true;
}

bool ParseSlotPhrase(std::string_view text, DictFormat format, std::vector<SlotToken>* out,
                     std::string* error) {
  VerbPattern p;
  std::string body = "* " + std::string(Trim(text));
  if (!ParsePatternBody(body, format, &p, error)) return false;
  *out = std::move(p.after);
  for (size_t i = 0; i < out->size(); ++i) {
    // PETRARCH reads a phrase's words as consecutive; TABARI lets ' ' skip words.
    if (format != DictFormat::kTabari || i == 0) (*out)[i].adjacent = i > 0;
    if ((*out)[i].kind != SlotToken::kWord && (*out)[i].kind != SlotToken::kSynset) {
      *error = "a phrase holds words and synsets only";
      return false;
    }
  }
  return true;
}

std::string WithoutCodeMarkers(std::string code) {
  while (!code.empty() && (code.back() == '!' || code.back() == '?')) code.pop_back();
  return code;
}

bool ReadPatternLine(std::string_view line, DictFormat format, VerbPattern* pattern,
                     std::string* error) {
  const auto open = line.rfind('[');
  const auto close = line.rfind(']');
  if (open == std::string_view::npos || close == std::string_view::npos || close < open) {
    *error = "pattern has no [CODE]";
    return false;
  }
  pattern->text = std::string(Trim(line.substr(1, open - 1)));
  SplitPairedCode(line.substr(open + 1, close - open - 1), &pattern->code, &pattern->code2);
  if (format == DictFormat::kTabari) {
    pattern->code = WithoutCodeMarkers(pattern->code);
    pattern->code2 = WithoutCodeMarkers(pattern->code2);
  }
  // PETRARCH may give only the second code of a pair ("[:033]"); TABARI needs the first.
  if (pattern->code.empty() && (format == DictFormat::kTabari || pattern->code2.empty())) {
    *error = "pattern has an empty code";
    return false;
  }
  return ParsePatternBody(pattern->text, format, pattern, error);
}

bool ReadSynsetMember(std::string_view member, DictFormat format, bool plurals,
                      const Inflector& inflector, std::vector<std::vector<SlotToken>>* phrases,
                      std::string* error) {
  std::vector<SlotToken> words;
  if (!ParseSlotPhrase(member, format, &words, error) || words.empty()) {
    if (error->empty()) *error = "empty synset member";
    return false;
  }
  phrases->push_back(words);
  if (plurals && words.back().kind == SlotToken::kWord && !words.back().stem) {
    auto forms = inflector.NounForms(words.back().text);
    for (size_t k = 1; k < forms.size(); ++k) {
      auto plural = words;
      plural.back().text = forms[k];
      phrases->push_back(std::move(plural));
    }
  }
  return true;
}

void SplitPairedCode(std::string_view code, std::string* first, std::string* second) {
  code = Trim(code);
  auto colon = code.find(':');
  if (colon == std::string_view::npos) {
    *first = std::string(code);
    second->clear();
  } else {
    *first = std::string(Trim(code.substr(0, colon)));
    *second = std::string(Trim(code.substr(colon + 1)));
  }
}

}  // namespace dyad::peer
