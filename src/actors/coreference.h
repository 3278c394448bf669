// CoreferenceResolver: resolves pronouns ("she", "him", "its") and definite agent
// descriptions ("the minister") to the actor mention they refer to, within one document, so
// that events whose actors are named only that way still get codes.
#pragma once

#include "core/document.h"

namespace dyad {

class CoreferenceResolver {
 public:
  // Adds a mention (kind "pronoun") for each resolvable pronoun, and gives definite agent
  // descriptions the code of their antecedent. Mention order stays the text order. The
  // antecedent is named in the mention's entry ("coref: Choe Son-hui").
  void Resolve(Document* doc) const;
};

}  // namespace dyad
