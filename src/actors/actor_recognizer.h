// ActorRecognizer: finds actor mentions in each sentence and resolves them to CAMEO actor
// codes, composing country, organisation, person and agent words into one code
// ("North Korea's foreign minister" -> PRKGOV) and grouping coordinated actors.
#pragma once

#include "core/document.h"
#include "dict/dictionary.h"

namespace dyad {

class ActorRecognizer {
 public:
  explicit ActorRecognizer(const Dictionary& dict) : dict_(dict) {}

  // Appends the mentions of every sentence to doc->actors, in text order. Mentions used as
  // places ("in Moscow") get kind "place" and are not actors of events.
  void Recognize(Document* doc) const;

 private:
  const Dictionary& dict_;
};

}  // namespace dyad
