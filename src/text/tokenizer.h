// Tokenizer: splits the extracted text into sentences and tokens, with byte offsets, following
// UD English conventions where it matters for coding (clitics 's n't 're split off,
// abbreviations and initials kept whole, numbers with separators kept whole).
#pragma once

#include <string_view>

#include "core/document.h"

namespace dyad {

class Tokenizer {
 public:
  // Fills doc->tokens and doc->sentences from doc->text; sentences never cross blocks.
  void Tokenize(Document* doc) const;

  // Lower-cases ASCII and maps typographic quotes and apostrophes to plain ones.
  static std::string Normalize(std::string_view token);
};

}  // namespace dyad
