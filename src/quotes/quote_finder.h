// QuoteFinder: finds who said what in a document — direct quotes (“…,” she said) and indirect
// ones (X said that …, according to X, …) — with the cue, the addressee and the content, and
// resolves each speaker to the fullest name and the actor code the document gives it.
#pragma once

#include "core/document.h"

namespace dyad {

// Works from word order and punctuation; where the nlp stage has tagged and parsed the
// tokens (upos, head, deprel) it also uses the parse for cue verbs, subjects and addressees.
// Stateless: const and thread-safe.
class QuoteFinder {
 public:
  // Replaces doc->quotes with the quotes of the document, in text order of their content.
  // Needs sentences and tokens, and uses doc->actors (with coreference mentions) for codes.
  // A quote split by its cue (“A,” she said, “B.”) or running on in the next paragraphs
  // without a cue of its own gives one Quote per part, all with the same speaker and cue.
  void Find(Document* doc) const;
};

}  // namespace dyad
