// Tokenizer: splits the extracted text into sentences and tokens, with byte offsets, following
// UD English (EWT) conventions: clitics split off as syntactic words ("did" "n't", "Korea"
// "'s", "ca" "n't", "can" "not", "gon" "na"), hyphenated compounds split but affixes, numbers
// and names kept ("e-mail", "713-853-5678", "Il-Sung"), abbreviations, initials, numbers with
// separators, URLs, e-mail addresses and emoticons kept whole, punctuation runs ("...", "!!")
// one token.
#pragma once

#include <string_view>

#include "core/document.h"

namespace dyad {

class Tokenizer {
 public:
  // Fills doc->tokens and doc->sentences from doc->text; sentences never cross blocks.
  void Tokenize(Document* doc) const;

  // True when b, which follows a with no space between, is the second syntactic word of the
  // same orthographic token ("do" + "n't", "parents" + "'", "can" + "not"): what CoNLL-U
  // writes as a multi-word token.
  static bool SameWord(const Token& a, const Token& b);

  // Lower-cases ASCII and maps typographic quotes and apostrophes to plain ones.
  static std::string Normalize(std::string_view token);
};

}  // namespace dyad
