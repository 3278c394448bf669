// EventCoder: finds event words in each sentence with the dictionary's verb patterns, picks
// their source and target among the actor mentions, and codes them into CAMEO and PLOVER,
// with the evidence (sentence, spans, pattern and its file:line) kept on every event.
//
// This first coder reads syntax off word order (subject before the verb, object after it,
// "by" in passives, possessives before event nouns). The dependency parser replaces those
// heuristics behind this same interface. Verbs of PETRARCH/TABARI dictionaries, whose
// patterns place source and target explicitly, are coded by the SlotMatcher.
#pragma once

#include <optional>

#include "core/document.h"
#include "dict/dictionary.h"

namespace dyad {

struct CoderOptions {
  CoderOptions(bool keep = false) : keep_negated(keep) {}  // NOLINT: CoderOptions{true}
  bool keep_negated = false;  // emit "did not attack" flagged negated instead of dropping it
  // Options for PETRARCH/TABARI dictionaries (src/events/slot_matcher.h); when unset, those
  // the dictionary set carries.
  std::optional<PeerOptions> peer;
};

class EventCoder {
 public:
  EventCoder(const Dictionary& dict, CoderOptions options) : dict_(dict), options_(options) {}

  // Fills doc->events from doc->sentences, tokens and actors.
  void Code(Document* doc) const;

 private:
  const Dictionary& dict_;
  CoderOptions options_;
};

}  // namespace dyad
