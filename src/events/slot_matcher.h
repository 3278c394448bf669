// SlotMatcher: codes events with PETRARCH/Phoenix or TABARI verb dictionaries the way those
// coders read them: noun phrases become coded actors (first actor of the phrase plus every
// agent), each dictionary verb's patterns are matched in file order against the words before
// and after it, their $ + % ^ slots bind source, target, compound and skipped phrases, and
// when no slot says otherwise the source is the first actor of the clause before the verb
// and the target the first actor of the verb phrase after it.
#pragma once

#include <vector>

#include "core/document.h"
#include "dict/dictionary.h"

namespace dyad {

class SlotMatcher {
 public:
  SlotMatcher(const Dictionary& dict, const PeerOptions& options)
      : dict_(dict), options_(options) {}

  // Appends the events of the dictionary's PETRARCH/TABARI verbs to doc->events (adding the
  // noun phrases it codes to doc->actors when no mention covers them), and drops the events
  // of sentences holding a discard phrase.
  void Code(Document* doc) const;

 private:
  const Dictionary& dict_;
  PeerOptions options_;
};

// For each sentence of `doc`: true when it holds one of the dictionary's discard phrases, or
// when a story discard ("+PHRASE") occurs anywhere in the document.
std::vector<bool> DiscardedSentences(const Document& doc, const Dictionary& dict);

}  // namespace dyad
