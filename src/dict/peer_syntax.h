// Lexical pieces shared by the readers of the peer dictionary formats (PETRARCH/Phoenix and
// TABARI, see docs/dictionaries.md): comment stripping, phrases with '_' and ' ' connectors,
// code blocks with date restrictions ("[HOBGOV 950601-990815]"), verb pattern lines.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.h"
#include "dict/dictionary.h"

namespace dyad::peer {

// Calls fn(line, "file:line") for every line of `path` that holds something once comments
// are removed. PETRARCH: lines starting '#' or "<!", "<!-- ... -->" (also across lines) and
// " #..." to the end; TABARI: ';' and a leading '#' or "//" start comments, "~~FINISH" ends
// the file. Reports an unreadable file to `diag`; returns false then.
bool ForEachLine(const std::string& path, DictFormat format, Diagnostics* diag,
                 const std::function<void(std::string_view, const std::string&)>& fn);

// "950601" (YYMMDD; 00-30 are 20YY) or "19950601" -> "1995-06-01"; "" when invalid.
std::string PeerDate(std::string_view s);

// One code in brackets: "HOBGOV", "HOB < 950601", "HOBREB >990816",
// "HOBGOV 950601 - 990815", "~GOV", "---". Restrictions set from/to (inclusive).
struct CodeSpec {
  std::string code;
  std::string from, to;
  bool restricted = false;
};
// Parses the text inside one pair of brackets; false with *error set when malformed.
bool ParseCodeSpec(std::string_view inside, CodeSpec* spec, std::string* error);
// Every "[...]" block of `text` in order; *rest gets the text before the first '['.
bool ParseCodeBlocks(std::string_view text, std::vector<CodeSpec>* specs, std::string* rest,
                     std::string* error);

// A phrase as written ("MINAS_TIRITH", "PRESIDENT HOSNI MURBARAK", TABARI "ARGENTIN"):
// words split at spaces and '_', lower-cased. With `tabari_stems` a word not followed by '_'
// (or marked '~') is a stem.
Dictionary::Phrase ParsePhrase(std::string_view text, bool tabari_stems);

// The body of a verb pattern line, without the leading '-' and the code block:
// "SUGGESTED_+ * DEMAND_&GENINT_CONVENTIONS". Fills pattern->before/after; false with
// *error set when it has no '*' or an element cannot be read. PETRARCH2's "(TO BORDER)"
// and "{ARMS SHIPMENT}" groups are read as their words; TABARI's "{ A | B }" as a choice.
bool ParsePatternBody(std::string_view body, DictFormat format, VerbPattern* pattern,
                      std::string* error);

// A synset member or choice alternative ("&TIETYPES_MEMOS", "YUM YENNYEN") as slot tokens
// in text order: words and nested synsets, consecutive in PETRARCH, ' ' allowing a gap and
// words being stems in TABARI.
bool ParseSlotPhrase(std::string_view text, DictFormat format, std::vector<SlotToken>* out,
                     std::string* error);

// A verb pattern line "- words [CODE]" (the leading '-' included), read whole: text, code
// and code2 (TABARI's trailing '!' and '?' markers dropped) and the body (ParsePatternBody).
// False, with *error set, when the line has no [CODE], an empty code or an unreadable body.
bool ReadPatternLine(std::string_view line, DictFormat format, VerbPattern* pattern,
                     std::string* error);

// A synset member ("PESO_", "&TIETYPES_MEMOS") appended to *phrases as slot tokens, and with
// `plurals`, when it ends in a plain word, once more for each plural of that word. False,
// with *error set, when it cannot be read or is empty.
bool ReadSynsetMember(std::string_view member, DictFormat format, bool plurals,
                      const Inflector& inflector, std::vector<std::vector<SlotToken>>* phrases,
                      std::string* error);

// TABARI code markers: "032!" and "032?" -> "032".
std::string WithoutCodeMarkers(std::string code);

// Splits "032:033" into code and code2.
void SplitPairedCode(std::string_view code, std::string* first, std::string* second);

// Words the way the Tokenizer splits them, lower case ("ANTI-" stays one token, "N'T" too).
std::vector<std::string> WordTokens(std::string_view word);

}  // namespace dyad::peer
